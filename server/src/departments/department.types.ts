import { Field, ID, InputType, ObjectType } from 'type-graphql';

@ObjectType({ description: '行业监管部门: a sector regulator (seed 002)' })
export class Department {
  @Field(() => ID)
  id: string;

  @Field({ description: 'e.g. EMERGENCY, EDUCATION' })
  code: string;

  @Field()
  nameZh: string;

  @Field()
  nameEn: string;

  @Field({ description: '综合监管: comprehensive supervision over all sectors' })
  comprehensive: boolean;
}

@ObjectType({
  description: 'Maps enterprises to a department by industry-code prefix or by enterprise class',
})
export class SectorRule {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  departmentId: string;

  @Field(() => String, { nullable: true, description: 'GB/T 4754-2017 prefix, e.g. C26' })
  industryPrefix: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. NINE_SMALL, HAZARDOUS_CHEMICALS' })
  enterpriseClass: string | null;
}

@InputType({
  description: 'By id when given, else by code: updated when it exists, created when not',
})
export class DepartmentInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field()
  code: string;

  @Field()
  nameZh: string;

  @Field()
  nameEn: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  comprehensive?: boolean | null;
}

@InputType({ description: 'Give exactly one of industryPrefix and enterpriseClass' })
export class SectorRuleInput {
  @Field(() => ID)
  departmentId: string;

  @Field(() => String, { nullable: true })
  industryPrefix?: string | null;

  @Field(() => String, { nullable: true })
  enterpriseClass?: string | null;
}
