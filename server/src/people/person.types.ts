import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

export enum AssignmentRoleEnum {
  LEADER = 'LEADER',
  OFFICER = 'OFFICER',
  RESPONSIBLE_LEADER = 'RESPONSIBLE_LEADER',
  RESPONSIBLE_PERSON = 'RESPONSIBLE_PERSON',
}
registerEnumType(AssignmentRoleEnum, {
  name: 'AssignmentRole',
  description:
    '网格长 LEADER / 网格员 OFFICER / 实名制责任领导 RESPONSIBLE_LEADER / 责任人 RESPONSIBLE_PERSON (ASSIGNMENT_ROLES in @gridwarden/db)',
});

@ObjectType({ description: '实名制: a named person who can answer for grids' })
export class Person {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  /** Shown through the resolver, masked for roles that may not see it (seed 003 附件 §6). */
  phone: string | null;

  @Field()
  createdAt: Date;
}

@ObjectType({ description: 'A person on a grid in a role for a period; ended ones are kept' })
export class GridAssignment {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  gridId: string;

  @Field(() => ID)
  personId: string;

  @Field(() => AssignmentRoleEnum)
  role: AssignmentRoleEnum;

  @Field()
  since: Date;

  @Field(() => Date, { nullable: true, description: 'Null while it runs' })
  until: Date | null;
}

@InputType()
export class PersonInput {
  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: 'Mobile or landline with area code' })
  phone?: string | null;
}

@InputType({ description: 'Omitted fields keep their value; an empty phone clears it' })
export class PersonPatch {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;
}
