import { gql, type TypedDocumentNode } from '@apollo/client';

// Hand-written result types for the query below; GraphQL codegen replaces them later.

export interface GridLevel {
  level: number;
  nameZh: string;
  nameEn: string;
}

export interface GridLevelsData {
  gridLevels: GridLevel[];
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
