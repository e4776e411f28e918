import type { MultiPolygon } from 'geojson';
import { ArgsType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionOf } from '../graphql/connection.types';
import { GeoJSONScalar } from '../graphql/geojson.scalar';

@ObjectType({
  description: '网格层级: a level of the grid hierarchy; level 1 is the top of the deployment',
})
export class GridLevel {
  @Field(() => Int)
  level: number;

  @Field()
  nameZh: string;

  @Field()
  nameEn: string;

  @Field(() => [String], {
    description: 'Enterprise classes this level is directly responsible for (seed 000 art. 17)',
  })
  enterpriseClasses: string[];
}

@ObjectType({
  description: '网格: a polygon of responsibility; grids nest from level 1 down to base grids',
})
export class Grid {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Hierarchical code, unique, e.g. 371323101201-03' })
  code: string;

  @Field()
  name: string;

  @Field(() => Int)
  level: number;

  @Field(() => ID, { nullable: true })
  parentId: string | null;

  /** Resolved by GridResolver.boundary, which loads it when a read left it out (GridHead). */
  boundary: MultiPolygon;

  @Field(() => Float, { description: 'Area on the spheroid, m²' })
  areaM2: number;

  @Field({ description: 'Exempt from the 50–100 enterprise band of base grids (seed 003 §4)' })
  sizeExempt: boolean;

  @Field(() => Int, {
    description: 'Increases on every edit; edits must name the version they change',
  })
  version: number;

  @Field({ description: 'Since when this version of the grid is in force' })
  validFrom: Date;
}

/** A grid as reads that leave its boundary out return it (locate's chain). */
export type GridHead = Omit<Grid, 'boundary'> & { boundary?: MultiPolygon };

@ObjectType()
export class GridConnection extends ConnectionOf(Grid, 'Grid') {}

@ArgsType()
export class GridsArgs {
  @Field(() => Int, { nullable: true, description: 'Only grids of this level' })
  level?: number | null;

  @Field(() => ID, { nullable: true, description: 'Only the direct children of this grid' })
  parentId?: string | null;

  @Field(() => [Float], {
    nullable: true,
    description:
      'Only grids whose boundary meets this box [minLon, minLat, maxLon, maxLat] (WGS84)',
  })
  bbox?: number[] | null;

  @Field(() => GeoJSONScalar, {
    nullable: true,
    description: 'Only grids whose boundary meets this Point, Polygon or MultiPolygon (WGS84)',
  })
  intersects?: unknown;

  @Field(() => String, {
    nullable: true,
    description:
      'Only grids whose code starts with this, e.g. 371323101 for a town and all below it',
  })
  codePrefix?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only grids whose name contains this text, ignoring case',
  })
  search?: string | null;

  @Field(() => Int, { defaultValue: 100, description: 'Page size, at most 2000' })
  first: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@ArgsType()
export class GridLookupArgs {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true })
  code?: string | null;
}
