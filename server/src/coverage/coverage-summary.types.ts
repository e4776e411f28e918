import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

@ObjectType({ description: 'Coverage of a grid, rolled up over its subtree from the last audit results' })
export class CoverageSummaryType {
  @Field(() => ID)
  gridId: string;

  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => Int)
  level: number;

  @Field(() => Float)
  areaM2: number;

  @Field(() => Float, { description: 'Share of the area covered by base grids (0–1)' })
  areaCoveredRatio: number;

  @Field(() => Int, { description: 'Grids in the subtree, this one included' })
  grids: number;

  @Field(() => Int)
  gridsUnstaffed: number;

  @Field(() => Int)
  enterprisesTotal: number;

  @Field(() => Int)
  enterprisesInOneBaseGrid: number;

  @Field(() => Int)
  enterprisesUncovered: number;

  @Field(() => Int)
  enterprisesMultiCovered: number;

  @Field(() => Int)
  enterprisesWithoutDepartment: number;

  @Field(() => GraphQLJSONObject, { description: 'Stored violations per rule id in the subtree' })
  violationsByRule: Record<string, number>;

  @Field(() => Float, {
    description:
      '0–100: 100 × area covered × enterprises in one base grid × grids staffed × enterprises with a department',
  })
  score: number;
}

@ObjectType({ description: 'A grid’s coverage and its children’s, worst score first' })
export class CoverageReport {
  @Field(() => CoverageSummaryType)
  scope: CoverageSummaryType;

  @Field(() => [CoverageSummaryType])
  children: CoverageSummaryType[];

  @Field(() => Date, {
    nullable: true,
    description: 'When the stored results were last brought up to date by an audit; null: never audited',
  })
  auditedAt: Date | null;
}
