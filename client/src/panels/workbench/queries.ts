/** The side panels' GraphQL documents and the shapes they answer with (schema/schema.graphql). */
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { LedgerVariables } from './panel-model';

type Geometry = { type: string; coordinates?: unknown };

export interface PersonOnGrid {
  id: string;
  role: string;
  person: { id: string; name: string; phone: string | null } | null;
}

export interface GridNode {
  id: string;
  code: string;
  name: string;
  level: number;
}

const PEOPLE = `people { id role person { id name phone } }`;

export const GRID_ROOTS_QUERY: TypedDocumentNode<
  { grids: { edges: { node: GridNode }[] } },
  { search?: string; level?: number }
> = gql`
  query PanelGridRoots($search: String, $level: Int) {
    grids(search: $search, level: $level, first: 200) {
      edges {
        node {
          id
          code
          name
          level
        }
      }
    }
  }
`;

export const GRID_CHILDREN_QUERY: TypedDocumentNode<
  { grid: { id: string; children: GridNode[] } | null },
  { id: string }
> = gql`
  query PanelGridChildren($id: ID!) {
    grid(id: $id) {
      id
      children {
        id
        code
        name
        level
      }
    }
  }
`;

export interface ViolationItem {
  id: string;
  rule: string;
  severity: string;
  messageZh: string;
  messageEn: string;
  measure: number | null;
  unit: string | null;
  geometry: Geometry | null;
  grids: { id: string; code: string; name: string }[];
}

const VIOLATION_FIELDS = `id rule severity messageZh messageEn measure unit geometry grids { id code name }`;

export interface GridCard extends GridNode {
  areaM2: number;
  sizeExempt: boolean;
  version: number;
  validFrom: string;
  enterpriseCount: number;
  boundary: Geometry;
  parent: { id: string; name: string } | null;
  people: PersonOnGrid[];
  violations: ViolationItem[];
}

export const GRID_CARD_QUERY: TypedDocumentNode<
  {
    grid: GridCard | null;
    gridHistory: {
      versions: {
        id: string;
        version: number;
        name: string;
        validFrom: string;
        validTo: string | null;
        areaM2: number;
      }[];
    } | null;
  },
  { id: string }
> = gql`
  query PanelGridCard($id: ID!) {
    grid(id: $id) {
      id
      code
      name
      level
      areaM2
      sizeExempt
      version
      validFrom
      enterpriseCount
      boundary
      parent {
        id
        name
      }
      ${PEOPLE}
      violations(first: 20) {
        ${VIOLATION_FIELDS}
      }
    }
    gridHistory(id: $id) {
      versions {
        id
        version
        name
        validFrom
        validTo
        areaM2
      }
    }
  }
`;

export interface LedgerRow {
  id: string;
  name: string;
  uscc: string;
  scale: string;
  riskClasses: string[];
  nineSmall: boolean;
  industryCode: string;
  address: string | null;
  phone: string | null;
  lon: number;
  lat: number;
  baseGrid: { id: string; name: string; code: string } | null;
}

export const LEDGER_QUERY: TypedDocumentNode<
  {
    enterprises: {
      totalCount: number;
      pageInfo: { endCursor: string | null; hasNextPage: boolean };
      edges: { cursor: string; node: LedgerRow }[];
    };
  },
  LedgerVariables
> = gql`
  query PanelLedger(
    $first: Int!
    $after: String
    $search: String
    $scale: Scale
    $riskClass: String
    $departmentCode: String
    $uncoveredOnly: Boolean
  ) {
    enterprises(
      first: $first
      after: $after
      search: $search
      scale: $scale
      riskClass: $riskClass
      departmentCode: $departmentCode
      uncoveredOnly: $uncoveredOnly
    ) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        cursor
        node {
          id
          name
          uscc
          scale
          riskClasses
          nineSmall
          industryCode
          address
          phone
          lon
          lat
          baseGrid {
            id
            name
            code
          }
        }
      }
    }
  }
`;

export const VIOLATIONS_QUERY: TypedDocumentNode<
  {
    violations: {
      totalCount: number;
      countsByRule: { rule: string; count: number }[];
      edges: { node: ViolationItem }[];
    };
    coverage: {
      scope: { code: string; level: number };
      children: { code: string; name: string }[];
    } | null;
  },
  Record<string, never>
> = gql`
  query PanelViolations {
    violations(first: 1000) {
      totalCount
      countsByRule {
        rule
        count
      }
      edges {
        node {
          ${VIOLATION_FIELDS}
        }
      }
    }
    coverage {
      scope {
        code
        level
      }
      children {
        code
        name
      }
    }
  }
`;

export interface CoverageRow {
  gridId: string;
  code: string;
  name: string;
  level: number;
  score: number;
  areaCoveredRatio: number;
  enterprisesTotal: number;
  enterprisesUncovered: number;
  enterprisesMultiCovered: number;
  grids: number;
  gridsUnstaffed: number;
  violationsByRule: Record<string, number>;
}

const COVERAGE_FIELDS = `gridId code name level score areaCoveredRatio enterprisesTotal enterprisesUncovered enterprisesMultiCovered grids gridsUnstaffed violationsByRule`;

export const COVERAGE_QUERY: TypedDocumentNode<
  { coverage: { auditedAt: string | null; scope: CoverageRow; children: CoverageRow[] } | null },
  { scope?: string }
> = gql`
  query PanelCoverage($scope: String) {
    coverage(scope: $scope) {
      auditedAt
      scope {
        ${COVERAGE_FIELDS}
      }
      children {
        ${COVERAGE_FIELDS}
      }
    }
  }
`;

export interface LocatedGrid extends GridNode {
  people: PersonOnGrid[];
}

export const LOCATE_QUERY: TypedDocumentNode<
  {
    locate: {
      lon: number;
      lat: number;
      uncovered: boolean;
      outsideScope: boolean;
      distanceToBaseEdgeM: number | null;
      chain: LocatedGrid[];
      baseGrid: { id: string; boundary: Geometry } | null;
    };
  },
  { lon: number; lat: number }
> = gql`
  query PanelLocate($lon: Float!, $lat: Float!) {
    locate(lon: $lon, lat: $lat) {
      lon
      lat
      uncovered
      outsideScope
      distanceToBaseEdgeM
      chain {
        id
        code
        name
        level
        ${PEOPLE}
      }
      baseGrid {
        id
        boundary
      }
    }
  }
`;
