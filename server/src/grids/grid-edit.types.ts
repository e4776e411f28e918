import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GeoJSONScalar } from '../graphql/geojson.scalar';

export enum TrimSiblings {
  NONE = 'NONE',
  NEW = 'NEW',
  EXISTING = 'EXISTING',
}
registerEnumType(TrimSiblings, {
  name: 'TrimSiblings',
  description: 'What gives way where an edited shape overlaps grids under the same parent',
  valuesConfig: {
    NONE: { description: 'Nothing: an overlap is kept and reported by the audit (OVERLAP)' },
    NEW: { description: 'The new shape gives way: it is cut back to where no sibling is' },
    EXISTING: { description: 'The siblings give way: they are cut back by the new shape' },
  },
});

@InputType({ description: 'How a new shape is fitted to its neighbours before it is saved' })
export class GridEditOptionsInput {
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: true,
    description: 'Intersect the new shape with the parent grid’s boundary (default true)',
  })
  clipToParent?: boolean | null;

  @Field(() => TrimSiblings, { nullable: true, defaultValue: TrimSiblings.NONE })
  trimSiblings?: TrimSiblings | null;

  @Field(() => Float, {
    nullable: true,
    defaultValue: 0,
    description:
      'Snap the drawn shape’s vertices (a split’s line) to the vertices and edges of the parent and siblings within this many metres, 0–50 (default 0: no snapping)',
  })
  snapToleranceMeters?: number | null;
}

@InputType()
export class CreateGridInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The parent grid; omitted only by ADMIN for a new top-level grid',
  })
  parentId?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Defaults to the parent’s level + 1 (1 without a parent)',
  })
  level?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Unique code; derived from the parent and its children’s numbering when omitted',
  })
  code?: string | null;

  @Field()
  name: string;

  @Field(() => GeoJSONScalar, { description: 'Polygon or MultiPolygon in WGS84' })
  boundary: unknown;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  sizeExempt?: boolean | null;

  @Field(() => GridEditOptionsInput, { nullable: true })
  options?: GridEditOptionsInput | null;
}

@InputType({ description: 'Give at least one of boundary, name and sizeExempt' })
export class UpdateGridBoundaryInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, {
    description: 'The version you read; the edit fails with CONFLICT if it changed',
  })
  expectedVersion: number;

  @Field(() => GeoJSONScalar, { nullable: true, description: 'Polygon or MultiPolygon in WGS84' })
  boundary?: unknown;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => Boolean, { nullable: true })
  sizeExempt?: boolean | null;

  @Field(() => GridEditOptionsInput, { nullable: true })
  options?: GridEditOptionsInput | null;
}

@InputType()
export class SplitGridInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  expectedVersion: number;

  @Field(() => GeoJSONScalar, {
    description: 'LineString in WGS84 drawn across the grid, its ends beyond the boundary',
  })
  line: unknown;

  @Field(() => [String], {
    nullable: true,
    description:
      'Names of all the pieces, largest first (the largest keeps the grid); default: the grid’s name, then “name（2）”, “name（3）” …',
  })
  names?: string[] | null;

  @Field(() => GridEditOptionsInput, { nullable: true })
  options?: GridEditOptionsInput | null;
}

@InputType()
export class GridVersionInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  expectedVersion: number;
}

@InputType()
export class MergeGridsInput {
  @Field(() => [GridVersionInput], {
    description: 'Two or more siblings that touch or overlap; the first keeps its id and code',
  })
  grids: GridVersionInput[];

  @Field(() => String, { nullable: true, description: 'Default: the first grid’s name' })
  name?: string | null;

  @Field(() => GridEditOptionsInput, { nullable: true })
  options?: GridEditOptionsInput | null;
}

@InputType()
export class DeleteGridInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  expectedVersion: number;
}

@InputType({ description: 'Exactly one grid edit, as its mutation takes it' })
export class GridChangeInput {
  @Field(() => CreateGridInput, { nullable: true })
  create?: CreateGridInput | null;

  @Field(() => UpdateGridBoundaryInput, { nullable: true })
  updateBoundary?: UpdateGridBoundaryInput | null;

  @Field(() => SplitGridInput, { nullable: true })
  split?: SplitGridInput | null;

  @Field(() => MergeGridsInput, { nullable: true })
  merge?: MergeGridsInput | null;

  @Field(() => DeleteGridInput, { nullable: true })
  delete?: DeleteGridInput | null;
}

@InputType()
export class UpdateGridLevelInput {
  @Field(() => Int)
  level: number;

  @Field(() => String, { nullable: true })
  nameZh?: string | null;

  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Enterprise classes the level answers for directly (seed 000 art. 17)',
  })
  enterpriseClasses?: string[] | null;
}

export enum GridChangeKind {
  CREATED = 'CREATED',
  RESHAPED = 'RESHAPED',
  UPDATED = 'UPDATED',
  DELETED = 'DELETED',
  TRIMMED = 'TRIMMED',
  REPARENTED = 'REPARENTED',
  ENTERPRISES_CHANGED = 'ENTERPRISES_CHANGED',
}
registerEnumType(GridChangeKind, {
  name: 'GridChangeKind',
  valuesConfig: {
    CREATED: { description: 'A new grid (its id in a preview is provisional)' },
    RESHAPED: { description: 'The edited grid’s boundary changed' },
    UPDATED: { description: 'Name or size exemption changed, boundary not' },
    DELETED: { description: 'Deleted (merged away or deleted)' },
    TRIMMED: { description: 'A sibling cut back by the new shape (trimSiblings: EXISTING)' },
    REPARENTED: { description: 'A child moved to another parent by a split or merge' },
    ENTERPRISES_CHANGED: { description: 'Unchanged itself, but enterprises move in or out' },
  },
});

@ObjectType({ description: 'One grid an edit touches, before and after' })
export class GridChangeEffect {
  @Field(() => ID)
  id: string;

  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => Int)
  level: number;

  @Field(() => ID, { nullable: true })
  parentId: string | null;

  @Field(() => GridChangeKind)
  kind: GridChangeKind;

  @Field(() => Int, { nullable: true })
  versionBefore: number | null;

  @Field(() => Int, { nullable: true })
  versionAfter: number | null;

  @Field(() => GeoJSONScalar, { nullable: true, description: 'Null for a created grid' })
  boundaryBefore: unknown;

  @Field(() => GeoJSONScalar, {
    nullable: true,
    description: 'The resulting geometry; null when deleted',
  })
  boundaryAfter: unknown;

  @Field(() => Float, { nullable: true })
  areaM2Before: number | null;

  @Field(() => Float, { nullable: true })
  areaM2After: number | null;

  @Field(() => Int, { nullable: true, description: 'Enterprises in this grid or below it, before' })
  enterpriseCountBefore: number | null;

  @Field(() => Int, { nullable: true, description: '…and after' })
  enterpriseCountAfter: number | null;
}

@ObjectType({ description: 'A coverage violation a preview says the edit adds or removes' })
export class PreviewViolation {
  @Field()
  rule: string;

  @Field()
  severity: string;

  @Field(() => [ID])
  gridIds: string[];

  @Field(() => [String], { description: 'Codes of gridIds, in the same order' })
  gridCodes: string[];

  @Field(() => [ID])
  enterpriseIds: string[];

  @Field(() => GeoJSONScalar, { nullable: true })
  geometry: unknown;

  @Field(() => Float, { nullable: true })
  measure: number | null;

  @Field(() => String, { nullable: true, description: 'm2, m, count or days' })
  unit: string | null;

  @Field()
  messageZh: string;

  @Field()
  messageEn: string;
}

@ObjectType({ description: 'An enterprise whose base grid an edit changes' })
export class EnterpriseMove {
  @Field(() => ID)
  enterpriseId: string;

  @Field()
  name: string;

  @Field()
  uscc: string;

  @Field(() => ID, { nullable: true, description: 'Null: it was in no base grid' })
  fromGridId: string | null;

  @Field(() => String, { nullable: true })
  fromGridCode: string | null;

  @Field(() => ID, { nullable: true, description: 'Null: it will be in no base grid' })
  toGridId: string | null;

  @Field(() => String, { nullable: true })
  toGridCode: string | null;
}

@ObjectType({
  description:
    'What a grid edit would do, found by running it in a transaction that is rolled back: nothing is saved',
})
export class GridChangePreview {
  @Field({
    description: 'CREATE_GRID, UPDATE_GRID_BOUNDARY, SPLIT_GRID, MERGE_GRIDS or DELETE_GRID',
  })
  operation: string;

  @Field(() => [GridChangeEffect], {
    description: 'Grids the edit touches and grids enterprises move between',
  })
  grids: GridChangeEffect[];

  @Field(() => [PreviewViolation])
  violationsAdded: PreviewViolation[];

  @Field(() => [PreviewViolation])
  violationsRemoved: PreviewViolation[];

  @Field(() => [EnterpriseMove])
  enterpriseMoves: EnterpriseMove[];
}
