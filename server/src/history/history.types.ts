import type { MultiPolygon } from 'geojson';
import { ArgsType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Department } from '../departments/department.types';
import { Enterprise } from '../enterprises/enterprise.types';
import { GeoJSONScalar } from '../graphql/geojson.scalar';
import { GridAssignment } from '../people/person.types';

@ObjectType({ description: 'One version of a grid, in force from validFrom until validTo' })
export class GridVersion {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => Int)
  level: number;

  @Field(() => ID, { nullable: true, description: 'The parent this version had' })
  parentId: string | null;

  @Field(() => GeoJSONScalar, { description: 'MultiPolygon in WGS84' })
  boundary: MultiPolygon;

  @Field(() => Float, { description: 'Area on the spheroid, m²' })
  areaM2: number;

  @Field()
  sizeExempt: boolean;

  @Field()
  validFrom: Date;

  @Field(() => Date, { nullable: true, description: 'null: the current version' })
  validTo: Date | null;
}

@ObjectType({ description: 'Every version of a grid and every person ever assigned to it' })
export class GridHistory {
  @Field(() => ID)
  gridId: string;

  @Field(() => [GridVersion], { description: 'Oldest first; the last is current unless deleted' })
  versions: GridVersion[];

  @Field(() => [GridAssignment], { description: 'Oldest first, ended ones included' })
  assignments: GridAssignment[];
}

@ObjectType({ description: 'A grid version in force at a moment, with its people then' })
export class ResponsibleGrid {
  @Field(() => GridVersion)
  grid: GridVersion;

  @Field(() => [GridAssignment], { description: 'Assignments in force at that moment' })
  people: GridAssignment[];
}

@ObjectType({ description: '失职追责: who answered for an enterprise at a moment' })
export class Responsibility {
  @Field(() => Enterprise)
  enterprise: Enterprise;

  @Field()
  at: Date;

  @Field(() => [ResponsibleGrid], {
    description:
      'The grid version covering the enterprise at every level at that moment, top → base, inside your scope',
  })
  chain: ResponsibleGrid[];

  @Field(() => ResponsibleGrid, { nullable: true })
  baseGrid: ResponsibleGrid | null;

  @Field(() => [String], { description: 'The enterprise’s classes (current ledger data)' })
  classes: string[];

  @Field(() => Int, { nullable: true, description: 'seed 000 art. 17: the level answering for it' })
  responsibleLevel: number | null;

  @Field(() => ResponsibleGrid, { nullable: true })
  responsibleGrid: ResponsibleGrid | null;

  @Field(() => [Department], { description: 'Sector departments, by the current sector rules' })
  departments: Department[];
}

@ArgsType()
export class ResponsibilityArgs {
  @Field(() => ID)
  enterpriseId: string;

  @Field(() => Date, { nullable: true, description: 'The moment asked about; now when omitted' })
  at?: Date | null;
}
