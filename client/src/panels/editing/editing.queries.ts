import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Geometry } from 'geojson';
import type { PolygonalGeometry } from '../../map/draw/geometry';

export interface ChainGrid {
  id: string;
  code: string;
  name: string;
  level: number;
  version: number;
  boundary: PolygonalGeometry;
}

export const LOCATE_PARENTS: TypedDocumentNode<
  { locate: { chain: ChainGrid[] } },
  { lon: number; lat: number }
> = gql`
  query EditLocateParents($lon: Float!, $lat: Float!) {
    locate(lon: $lon, lat: $lat) {
      chain {
        id
        code
        name
        level
        version
        boundary
      }
    }
  }
`;

export type TrimSiblings = 'NEW' | 'EXISTING' | 'NONE';

export interface GridEditOptions {
  clipToParent: boolean;
  trimSiblings: TrimSiblings;
  snapToleranceMeters: number;
}

/** A planner sketches roughly; the server snaps to the neighbours and gives way to them. */
export const DEFAULT_EDIT_OPTIONS: GridEditOptions = {
  clipToParent: true,
  trimSiblings: 'NEW',
  snapToleranceMeters: 2,
};

export interface CreateGridInput {
  parentId: string;
  name: string;
  boundary: { type: 'Polygon'; coordinates: number[][][] };
  options: GridEditOptions;
}

export interface PreviewViolation {
  rule: string;
  severity: string;
  messageZh: string;
  messageEn: string;
  measure: number | null;
  unit: string | null;
  gridCodes: string[];
  enterpriseIds: string[];
  geometry: Geometry | null;
}

export interface EnterpriseMove {
  enterpriseId: string;
  name: string;
  fromGridCode: string | null;
  toGridCode: string | null;
}

export interface GridChangeEffect {
  id: string;
  code: string;
  name: string;
  level: number;
  kind: string;
  enterpriseCountBefore: number | null;
  enterpriseCountAfter: number | null;
  areaM2Before: number | null;
  areaM2After: number | null;
  boundaryAfter: Geometry | null;
}

export interface GridChangePreview {
  operation: string;
  violationsAdded: PreviewViolation[];
  violationsRemoved: PreviewViolation[];
  enterpriseMoves: EnterpriseMove[];
  grids: GridChangeEffect[];
}

const VIOLATION_FIELDS = `
  rule
  severity
  messageZh
  messageEn
  measure
  unit
  gridCodes
  enterpriseIds
  geometry
`;

export interface UpdateGridBoundaryInput {
  id: string;
  expectedVersion: number;
  boundary: { type: 'Polygon'; coordinates: number[][][] };
  options: GridEditOptions;
}

/** Exactly one edit, as previewGridChange takes it. */
export interface SplitGridInput {
  id: string;
  expectedVersion: number;
  line: { type: 'LineString'; coordinates: number[][] };
  options: GridEditOptions;
}

export type GridChangeInput =
  | { create: CreateGridInput }
  | { updateBoundary: UpdateGridBoundaryInput }
  | { split: SplitGridInput }
  | { merge: MergeGridsInput };

export interface MergeGridsInput {
  grids: { id: string; expectedVersion: number }[];
  options: GridEditOptions;
}

export const PREVIEW_GRID_CHANGE: TypedDocumentNode<
  { previewGridChange: GridChangePreview },
  { input: GridChangeInput }
> = gql`
  query PreviewGridChange($input: GridChangeInput!) {
    previewGridChange(input: $input) {
      operation
      violationsAdded { ${VIOLATION_FIELDS} }
      violationsRemoved { ${VIOLATION_FIELDS} }
      enterpriseMoves {
        enterpriseId
        name
        fromGridCode
        toGridCode
      }
      grids {
        id
        code
        name
        level
        kind
        enterpriseCountBefore
        enterpriseCountAfter
        areaM2Before
        areaM2After
        boundaryAfter
      }
    }
  }
`;

export const CREATE_GRID: TypedDocumentNode<
  { createGrid: { id: string; code: string; name: string; version: number } },
  { input: CreateGridInput }
> = gql`
  mutation CreateGrid($input: CreateGridInput!) {
    createGrid(input: $input) {
      id
      code
      name
      version
    }
  }
`;

export interface EnterprisePoint {
  id: string;
  lon: number;
  lat: number;
}

export const ENTERPRISES_IN_BOX: TypedDocumentNode<
  { enterprises: { edges: { node: EnterprisePoint }[] } },
  { bbox: number[] }
> = gql`
  query EditEnterprisesInBox($bbox: [Float!]!) {
    enterprises(bbox: $bbox, first: 1000) {
      edges {
        node {
          id
          lon
          lat
        }
      }
    }
  }
`;

export interface EditableGrid {
  id: string;
  code: string;
  name: string;
  level: number;
  version: number;
  boundary: PolygonalGeometry;
  parent: { boundary: PolygonalGeometry } | null;
}

export const GRID_FOR_EDIT: TypedDocumentNode<{ grid: EditableGrid | null }, { id: string }> = gql`
  query GridForEdit($id: ID!) {
    grid(id: $id) {
      id
      code
      name
      level
      version
      boundary
      parent {
        boundary
      }
    }
  }
`;

/** What a save answers with: the grid and the version the next edit must name. */
export interface SavedGrid {
  id: string;
  code: string;
  version: number;
}
const SAVED_GRID_FIELDS = `id code version`;

export const UPDATE_GRID_BOUNDARY: TypedDocumentNode<
  { updateGridBoundary: SavedGrid },
  { input: UpdateGridBoundaryInput }
> = gql`
  mutation UpdateGridBoundary($input: UpdateGridBoundaryInput!) {
    updateGridBoundary(input: $input) {
      ${SAVED_GRID_FIELDS}
    }
  }
`;

export const SPLIT_GRID: TypedDocumentNode<{ splitGrid: SavedGrid[] }, { input: SplitGridInput }> =
  gql`
  mutation SplitGrid($input: SplitGridInput!) {
    splitGrid(input: $input) {
      ${SAVED_GRID_FIELDS}
    }
  }
`;

export const MERGE_GRIDS: TypedDocumentNode<{ mergeGrids: SavedGrid }, { input: MergeGridsInput }> =
  gql`
  mutation MergeGrids($input: MergeGridsInput!) {
    mergeGrids(input: $input) {
      ${SAVED_GRID_FIELDS}
    }
  }
`;
