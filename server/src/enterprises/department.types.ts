import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: '行业监管部门: a sector regulator (seed 002)' })
export class Department {
  @Field({ description: 'e.g. EDUCATION' })
  code: string;

  @Field()
  nameZh: string;

  @Field()
  nameEn: string;

  @Field({ description: '综合监管: supervises all sectors (the emergency-management office)' })
  comprehensive: boolean;
}
