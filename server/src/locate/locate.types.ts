import { ArgsType, Field, Float, Int, ObjectType } from 'type-graphql';
import { Department } from '../departments/department.types';
import { Grid, type GridHead } from '../grids/grid.types';

@ArgsType()
export class LocateArgs {
  @Field(() => Float, { description: 'Longitude, WGS84' })
  lon: number;

  @Field(() => Float, { description: 'Latitude, WGS84' })
  lat: number;

  @Field(() => String, {
    nullable: true,
    description:
      'An enterprise class (ABOVE_SCALE, NINE_SMALL …) or high-risk class (HAZARDOUS_CHEMICALS …) to find the responsible level and departments for',
  })
  enterpriseClass?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A GB/T 4754-2017 industry code (e.g. P8331) to find the sector departments for',
  })
  industryCode?: string | null;
}

@ObjectType({
  description: 'Who answers for a point: the grids around it, their people, the departments',
})
export class LocateResult {
  @Field(() => Float)
  lon: number;

  @Field(() => Float)
  lat: number;

  @Field(() => [Grid], {
    description:
      'The grid covering the point at every level, top → base, inside your scope; on a shared edge the smallest code (as for enterprises)',
  })
  chain: GridHead[];

  @Field(() => Grid, { nullable: true, description: 'The base grid covering the point' })
  baseGrid: GridHead | null;

  @Field({ description: 'No base grid of your scope covers the point (横到边 not met here)' })
  uncovered: boolean;

  @Field({
    description: 'The point lies outside your scope root’s boundary: nothing is shown about it',
  })
  outsideScope: boolean;

  @Field(() => Float, {
    nullable: true,
    description: 'Geodesic distance in metres from the point to the nearest edge of its base grid',
  })
  distanceToBaseEdgeM: number | null;

  @Field(() => [String], {
    description:
      'The classes the level and departments were found by: the given class and those its industry section implies',
  })
  classes: string[];

  @Field(() => Int, {
    nullable: true,
    description:
      'The level answering for such an enterprise (seed 000 art. 17: the highest level watching one of its classes, else the base level); null without a class or industry',
  })
  responsibleLevel: number | null;

  @Field(() => Grid, {
    nullable: true,
    description: 'The grid of the chain at the responsible level (null if outside your scope)',
  })
  responsibleGrid: GridHead | null;

  @Field(() => [Department], {
    description: 'Sector departments (纵到底) for the class and industry code, from sector rules',
  })
  departments: Department[];
}
