/**
 * The planner's GraphQL documents. Result and variable types are generated from
 * schema/schema.graphql (`npm run codegen -w @gridwarden/client`); the names below are the
 * shapes the editing panel passes around.
 */
import type { TypedDocumentNode } from '@apollo/client';
import { graphql } from '../../generated';
import type {
  CreateGridInput,
  EditableGridShapeFragment,
  EditLocateParentsQueryVariables,
  GridEditOptionsInput,
  GridForEditQueryVariables,
  MergeGridsInput,
  PreviewGridChangeQuery,
  SplitGridInput,
  UpdateGridBoundaryInput,
} from '../../generated/graphql';
import type { PolygonalGeometry } from '../../map/draw/geometry';

export type {
  CreateGridInput,
  MergeGridsInput,
  SplitGridInput,
  TrimSiblings,
  UpdateGridBoundaryInput,
} from '../../generated/graphql';

/**
 * A grid's boundary is a Polygon or MultiPolygon (the schema says so in words; its GeoJSON
 * scalar cannot), which is what reshaping and the live checks take.
 */
export type ChainGrid = Omit<EditableGridShapeFragment, 'boundary'> & {
  boundary: PolygonalGeometry;
};

export type EditableGrid = ChainGrid & { parent: { boundary: PolygonalGeometry } | null };

/** The options the panel always sends in full (the input type leaves each optional). */
export type GridEditOptions = {
  [K in keyof GridEditOptionsInput]-?: NonNullable<GridEditOptionsInput[K]>;
};

/** A planner sketches roughly; the server snaps to the neighbours and gives way to them. */
export const DEFAULT_EDIT_OPTIONS: GridEditOptions = {
  clipToParent: true,
  trimSiblings: 'NEW',
  snapToleranceMeters: 2,
};

/** Exactly one edit, as previewGridChange takes it. */
export type GridChangeInput =
  | { create: CreateGridInput }
  | { updateBoundary: UpdateGridBoundaryInput }
  | { split: SplitGridInput }
  | { merge: MergeGridsInput };

export type GridChangePreview = PreviewGridChangeQuery['previewGridChange'];
export type PreviewViolation = GridChangePreview['violationsAdded'][number];

export const LOCATE_PARENTS = graphql(`
  query EditLocateParents($lon: Float!, $lat: Float!) {
    locate(lon: $lon, lat: $lat) {
      chain {
        ...EditableGridShape
      }
    }
  }
`) as unknown as TypedDocumentNode<
  { locate: { chain: ChainGrid[] } },
  EditLocateParentsQueryVariables
>;

graphql(`
  fragment PreviewViolation on PreviewViolation {
    rule
    severity
    messageZh
    messageEn
    measure
    unit
    gridCodes
    enterpriseIds
    geometry
  }
`);

export const PREVIEW_GRID_CHANGE = graphql(`
  query PreviewGridChange($input: GridChangeInput!) {
    previewGridChange(input: $input) {
      operation
      violationsAdded {
        ...PreviewViolation
      }
      violationsRemoved {
        ...PreviewViolation
      }
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
`);

export const CREATE_GRID = graphql(`
  mutation CreateGrid($input: CreateGridInput!) {
    createGrid(input: $input) {
      id
      code
      name
      version
    }
  }
`);

export const ENTERPRISES_IN_BOX = graphql(`
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
`);

export const GRID_FOR_EDIT = graphql(`
  query GridForEdit($id: ID!) {
    grid(id: $id) {
      ...EditableGridShape
      parent {
        boundary
      }
    }
  }
`) as unknown as TypedDocumentNode<{ grid: EditableGrid | null }, GridForEditQueryVariables>;

/** What a save answers with: the grid and the version the next edit must name. */
graphql(`
  fragment SavedGrid on Grid {
    id
    code
    version
  }
`);

export const UPDATE_GRID_BOUNDARY = graphql(`
  mutation UpdateGridBoundary($input: UpdateGridBoundaryInput!) {
    updateGridBoundary(input: $input) {
      ...SavedGrid
    }
  }
`);

export const SPLIT_GRID = graphql(`
  mutation SplitGrid($input: SplitGridInput!) {
    splitGrid(input: $input) {
      ...SavedGrid
    }
  }
`);

export const MERGE_GRIDS = graphql(`
  mutation MergeGrids($input: MergeGridsInput!) {
    mergeGrids(input: $input) {
      ...SavedGrid
    }
  }
`);
