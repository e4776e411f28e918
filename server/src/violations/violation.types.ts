import { ArgsType, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RULE_IDS, type RuleId, type Severity } from '../coverage/coverage.types';
import { ConnectionOf } from '../graphql/connection.types';
import { GeoJSONScalar } from '../graphql/geojson.scalar';

export const RuleIdEnum = Object.fromEntries(RULE_IDS.map((r) => [r, r])) as {
  [R in RuleId]: R;
};
registerEnumType(RuleIdEnum, {
  name: 'RuleId',
  description: 'A "no blind spots" rule of the coverage engine (不遗漏、不交叉、全覆盖)',
});

export const SeverityEnum = { ERROR: 'ERROR', WARNING: 'WARNING' } as const;
registerEnumType(SeverityEnum, { name: 'Severity' });

export enum LangEnum {
  ZH = 'ZH',
  EN = 'EN',
}
registerEnumType(LangEnum, { name: 'Lang', description: 'ZH: Simplified Chinese; EN: English' });

@ObjectType({ description: 'A stored result of a coverage rule, from the last audit' })
export class Violation {
  @Field(() => ID)
  id: string;

  @Field(() => RuleIdEnum)
  rule: RuleId;

  @Field(() => SeverityEnum)
  severity: Severity;

  @Field()
  messageZh: string;

  @Field()
  messageEn: string;

  @Field(() => Float, { nullable: true, description: 'In `unit`: m² of area, m, a count or days' })
  measure: number | null;

  @Field(() => String, { nullable: true, description: 'm2, m, count or days' })
  unit: string | null;

  @Field(() => GeoJSONScalar, {
    nullable: true,
    description:
      'What to draw: the gap/overlap/outside polygon, the enterprise point, a point on the grid',
  })
  geometry: object | null;

  @Field({ description: 'When the audit that found it ran' })
  detectedAt: Date;

  /** not fields: the resolvers turn them into scoped grids and enterprises */
  gridIds: string[];
  enterpriseIds: string[];
}

@ObjectType({ description: 'How many violations of a rule match' })
export class RuleCount {
  @Field(() => RuleIdEnum)
  rule: RuleId;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class ViolationConnection extends ConnectionOf(Violation, 'Violation') {
  @Field(() => [RuleCount], {
    description:
      'Matching violations per rule (every filter applied), each rule asked for, zeros included',
  })
  countsByRule: RuleCount[];
}

@ArgsType()
export class ViolationsArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Code of the grid whose subtree to look in; your scope root when omitted',
  })
  scope?: string | null;

  @Field(() => ID, { nullable: true, description: 'The same by grid id (give scope or scopeId)' })
  scopeId?: string | null;

  @Field(() => [RuleIdEnum], { nullable: true, description: 'Only these rules' })
  rules?: RuleId[] | null;

  @Field(() => SeverityEnum, { nullable: true })
  severity?: Severity | null;

  @Field(() => [Float], {
    nullable: true,
    description: 'Only violations whose geometry meets [minLon, minLat, maxLon, maxLat]',
  })
  bbox?: number[] | null;

  @Field(() => Int, { defaultValue: 100, description: 'Page size, at most 1000' })
  first: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
