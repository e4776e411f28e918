import { gql, type TypedDocumentNode } from '@apollo/client';
import type { PolygonalGeometry } from '../../map/draw/geometry';

/** A grid's parent and the parent's children (the grid itself among them): what a reshape snaps to. */
export const GRID_NEIGHBOURS: TypedDocumentNode<
  {
    grid: {
      id: string;
      parent: {
        boundary: PolygonalGeometry;
        children: { id: string; boundary: PolygonalGeometry }[];
      } | null;
    } | null;
  },
  { id: string }
> = gql`
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
`;

/** Grids of one level that meet a box: what a new drawing snaps to before its parent is known. */
export const GRIDS_IN_VIEW: TypedDocumentNode<
  { grids: { edges: { node: { id: string; boundary: PolygonalGeometry } }[] } },
  { bbox: number[]; level: number; first: number }
> = gql`
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
`;
