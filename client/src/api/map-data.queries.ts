import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Geometry } from 'geojson';

// Hand-written result types for the queries below; GraphQL codegen replaces them later.

export type Scale = 'ABOVE' | 'BELOW' | 'MICRO' | 'INDIVIDUAL';

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<TNode> {
  edges: { node: TNode }[];
  pageInfo: PageInfo;
  totalCount: number;
}

export interface GridLevel {
  level: number;
  nameZh: string;
  nameEn: string;
}

export interface MapGrid {
  id: string;
  code: string;
  name: string;
  level: number;
  parentId: string | null;
  boundary: Geometry;
  enterpriseCount: number;
}

export interface MapEnterprise {
  id: string;
  name: string;
  lon: number;
  lat: number;
  scale: Scale;
  riskClasses: string[];
  nineSmall: boolean;
}

export interface GridLevelsData {
  gridLevels: GridLevel[];
}

export interface GridsData {
  grids: Connection<MapGrid>;
}

export interface GridsVariables {
  level: number;
  first: number;
  after: string | null;
}

export interface EnterprisesData {
  enterprises: Connection<MapEnterprise>;
}

export interface EnterprisesVariables {
  first: number;
  after: string | null;
}

export const GRID_LEVELS_QUERY: TypedDocumentNode<GridLevelsData, Record<string, never>> = gql`
  query MapGridLevels {
    gridLevels {
      level
      nameZh
      nameEn
    }
  }
`;

export const GRIDS_QUERY: TypedDocumentNode<GridsData, GridsVariables> = gql`
  query MapGrids($level: Int!, $first: Int!, $after: String) {
    grids(level: $level, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          code
          name
          level
          parentId
          boundary
          enterpriseCount
        }
      }
    }
  }
`;

export const ENTERPRISES_QUERY: TypedDocumentNode<EnterprisesData, EnterprisesVariables> = gql`
  query MapEnterprises($first: Int!, $after: String) {
    enterprises(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          lon
          lat
          scale
          riskClasses
          nineSmall
        }
      }
    }
  }
`;
