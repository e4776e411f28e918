/**
 * What a drawing snaps to. Result and variable types are generated from
 * schema/schema.graphql; the boundaries are narrowed to Polygon/MultiPolygon as in
 * editing.queries.ts (the GeoJSON scalar cannot say so).
 */
import type { TypedDocumentNode } from '@apollo/client';
import { graphql } from '../../generated';
import type {
  EditGridNeighboursQueryVariables,
  EditGridsInViewQueryVariables,
} from '../../generated/graphql';
import type { PolygonalGeometry } from '../../map/draw/geometry';

/** A grid's parent and the parent's children (the grid itself among them): what a reshape snaps to. */
export const GRID_NEIGHBOURS = graphql(`
  query EditGridNeighbours($id: ID!) {
    grid(id: $id) {
      id
      parent {
        boundary
        children {
          id
          boundary
        }
      }
    }
  }
`) as unknown as TypedDocumentNode<
  {
    grid: {
      id: string;
      parent: {
        boundary: PolygonalGeometry;
        children: { id: string; boundary: PolygonalGeometry }[];
      } | null;
    } | null;
  },
  EditGridNeighboursQueryVariables
>;

/** Grids of one level that meet a box: what a new drawing snaps to before its parent is known. */
export const GRIDS_IN_VIEW = graphql(`
  query EditGridsInView($bbox: [Float!]!, $level: Int!, $first: Int!) {
    grids(bbox: $bbox, level: $level, first: $first) {
      edges {
        node {
          id
          boundary
        }
      }
    }
  }
`) as unknown as TypedDocumentNode<
  { grids: { edges: { node: { id: string; boundary: PolygonalGeometry } }[] } },
  EditGridsInViewQueryVariables
>;
