import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ScaleEnum } from './enterprise.types';

@InputType({
  description:
    'An enterprise to register or update: by id when given, else by credit code (an existing one needs expectedVersion)',
})
export class EnterpriseInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => Int, { nullable: true, description: 'Required when the enterprise exists' })
  expectedVersion?: number | null;

  @Field({ description: '统一社会信用代码 (GB 32100-2015), 18 characters' })
  uscc: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  address?: string | null;

  @Field(() => Float, { description: 'WGS84 longitude' })
  lon: number;

  @Field(() => Float, { description: 'WGS84 latitude' })
  lat: number;

  @Field({ description: 'GB/T 4754-2017 industry code, e.g. C2614' })
  industryCode: string;

  @Field(() => ScaleEnum)
  scale: ScaleEnum;

  @Field(() => [String], {
    nullable: true,
    description: 'High-risk categories, e.g. HAZARDOUS_CHEMICALS',
  })
  riskClasses?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  nineSmall?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  keyFireUnit?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  majorHazard?: boolean | null;

  @Field(() => Int, { nullable: true })
  employees?: number | null;

  @Field(() => String, { nullable: true, description: 'OPERATING (default), SUSPENDED or CLOSED' })
  status?: string | null;

  @Field(() => String, { nullable: true })
  legalRepresentative?: string | null;

  @Field(() => String, { nullable: true })
  safetyManager?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;
}
