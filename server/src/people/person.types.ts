import { ASSIGNMENT_ROLES, type AssignmentRole } from '@gridwarden/db';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export const AssignmentRoleEnum = Object.fromEntries(ASSIGNMENT_ROLES.map((r) => [r, r])) as {
  [R in AssignmentRole]: R;
};
registerEnumType(AssignmentRoleEnum, {
  name: 'AssignmentRole',
  description:
    '网格长 LEADER / 网格员 OFFICER / 实名制责任领导 RESPONSIBLE_LEADER / 责任人 RESPONSIBLE_PERSON',
});

@ObjectType({ description: '实名制: a named person who answers for grids' })
export class Person {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Confidential (seed 003 附件 §6): only ADMIN, SUPERVISOR and OFFICER see it whole; others see 138****5678',
  })
  phone: string | null;
}

@ObjectType({ description: 'A person on a grid in a role for a period (since ≤ t < until)' })
export class GridAssignment {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  gridId: string;

  @Field(() => Person)
  person: Person;

  @Field(() => AssignmentRoleEnum)
  role: AssignmentRole;

  @Field()
  since: Date;

  @Field(() => Date, { nullable: true, description: 'null: still in the role' })
  until: Date | null;
}
