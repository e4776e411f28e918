import type { Point } from 'geojson';
import {
  ArgsType,
  Field,
  Float,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from 'type-graphql';
import { ConnectionOf } from '../graphql/connection.types';
import { GeoJSONScalar } from '../graphql/geojson.scalar';

export enum ScaleEnum {
  ABOVE = 'ABOVE',
  BELOW = 'BELOW',
  MICRO = 'MICRO',
  INDIVIDUAL = 'INDIVIDUAL',
}
registerEnumType(ScaleEnum, {
  name: 'Scale',
  description: '规模以上 ABOVE / 规模以下 BELOW / 小微企业 MICRO / 个体工商户 INDIVIDUAL',
});

@ObjectType({ description: '生产经营单位: a business or institution under supervision' })
export class Enterprise {
  @Field(() => ID)
  id: string;

  @Field({ description: '统一社会信用代码 (GB 32100-2015), 18 characters' })
  uscc: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  address: string | null;

  @Field(() => GeoJSONScalar, { description: 'Point in WGS84' })
  location: Point;

  @Field(() => Float)
  lon: number;

  @Field(() => Float)
  lat: number;

  @Field({ description: 'GB/T 4754-2017 industry code, e.g. C2614' })
  industryCode: string;

  @Field(() => ScaleEnum)
  scale: ScaleEnum;

  @Field(() => [String], { description: 'High-risk categories, e.g. HAZARDOUS_CHEMICALS' })
  riskClasses: string[];

  @Field({ description: '九小场所' })
  nineSmall: boolean;

  @Field({ description: '消防安全重点单位' })
  keyFireUnit: boolean;

  @Field({ description: '重大危险源' })
  majorHazard: boolean;

  @Field(() => Int)
  employees: number;

  @Field({ description: 'OPERATING, SUSPENDED or CLOSED' })
  status: string;

  /** Resolved by EnterpriseResolver.phone, masked for roles that may not see it. */
  phone: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The base grid it lies in, derived from its location',
  })
  baseGridId: string | null;

  @Field(() => Int)
  version: number;
}

@ObjectType()
export class EnterpriseConnection extends ConnectionOf(Enterprise, 'Enterprise') {}

export enum EnterpriseSortField {
  ID = 'ID',
  NAME = 'NAME',
  USCC = 'USCC',
  EMPLOYEES = 'EMPLOYEES',
  SCALE = 'SCALE',
}
registerEnumType(EnterpriseSortField, {
  name: 'EnterpriseSortField',
  description: 'What an enterprise list can be sorted by',
  valuesConfig: {
    ID: { description: 'Id: the order enterprises were registered in (the default)' },
    NAME: { description: 'Name, by Unicode code point (the same on every database)' },
    USCC: { description: '统一社会信用代码' },
    EMPLOYEES: { description: 'Number of employees' },
    SCALE: { description: 'Scale, smallest first: INDIVIDUAL, MICRO, BELOW, ABOVE' },
  },
});

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection' });

@InputType({ description: 'The order of a list; ties are broken by id in the same direction' })
export class EnterpriseOrder {
  @Field(() => EnterpriseSortField)
  field: EnterpriseSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction: SortDirection;
}

@ArgsType()
export class EnterprisesArgs {
  @Field(() => ID, {
    nullable: true,
    description:
      'Only enterprises in this grid or below it: base grid in its subtree, or no base grid and inside its boundary',
  })
  gridId?: string | null;

  @Field(() => [Float], {
    nullable: true,
    description: 'Only enterprises inside this box [minLon, minLat, maxLon, maxLat] (WGS84)',
  })
  bbox?: number[] | null;

  @Field(() => ScaleEnum, { nullable: true, description: 'Only enterprises of this scale' })
  scale?: ScaleEnum | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only enterprises carrying this high-risk class, e.g. HAZARDOUS_CHEMICALS',
  })
  riskClass?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Only enterprises a sector rule maps to this department (by industry code or class), e.g. EDUCATION',
  })
  departmentCode?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only enterprises no base grid covers (ENTERPRISE_UNCOVERED)',
  })
  uncoveredOnly?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Only enterprises whose name contains this text (ignoring case) or whose credit code starts with it',
  })
  search?: string | null;

  @Field(() => Int, { defaultValue: 100, description: 'Page size, at most 5000' })
  first: number;

  @Field(() => String, {
    nullable: true,
    description: 'The endCursor of the previous page, made under the same orderBy',
  })
  after?: string | null;

  @Field(() => EnterpriseOrder, {
    nullable: true,
    description: 'Sort order; default id ascending',
  })
  orderBy?: EnterpriseOrder | null;
}

@ArgsType()
export class EnterpriseLookupArgs {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true })
  uscc?: string | null;
}
