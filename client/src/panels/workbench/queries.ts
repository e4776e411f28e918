/**
 * The side panels' GraphQL documents. Their result and variable types are generated from
 * schema/schema.graphql (`npm run codegen -w @gridwarden/client`); the names below are the
 * shapes the panels pass around. GridNode and PersonOnGrid are in api/grid.fragments.ts.
 */
import { graphql } from '../../generated';
import type {
  CoverageRowFragment,
  GridNodeFragment,
  PanelLedgerQuery,
  PersonOnGridFragment,
  ViolationItemFragment,
} from '../../generated/graphql';

export type GridNode = GridNodeFragment;
export type PersonOnGrid = PersonOnGridFragment;
export type ViolationItem = ViolationItemFragment;
export type CoverageRow = CoverageRowFragment;
export type LedgerRow = PanelLedgerQuery['enterprises']['edges'][number]['node'];

graphql(`
  fragment ViolationItem on Violation {
    id
    rule
    severity
    messageZh
    messageEn
    measure
    unit
    geometry
    grids {
      id
      code
      name
    }
  }
`);

graphql(`
  fragment CoverageRow on CoverageSummaryType {
    gridId
    code
    name
    level
    score
    areaCoveredRatio
    enterprisesTotal
    enterprisesUncovered
    enterprisesMultiCovered
    grids
    gridsUnstaffed
    violationsByRule
  }
`);

export const GRID_ROOTS_QUERY = graphql(`
  query PanelGridRoots($search: String, $level: Int) {
    grids(search: $search, level: $level, first: 200) {
      edges {
        node {
          ...GridNode
        }
      }
    }
  }
`);

export const GRID_CHILDREN_QUERY = graphql(`
  query PanelGridChildren($id: ID!) {
    grid(id: $id) {
      id
      children {
        ...GridNode
      }
    }
  }
`);

export const GRID_CARD_QUERY = graphql(`
  query PanelGridCard($id: ID!) {
    grid(id: $id) {
      ...GridNode
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
      people {
        ...PersonOnGrid
      }
      violations(first: 20) {
        ...ViolationItem
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
`);

export const LEDGER_QUERY = graphql(`
  query PanelLedger(
    $first: Int!
    $after: String
    $search: String
    $scale: Scale
    $riskClass: String
    $departmentCode: String
    $uncoveredOnly: Boolean
    $orderBy: EnterpriseOrder
  ) {
    enterprises(
      first: $first
      after: $after
      search: $search
      scale: $scale
      riskClass: $riskClass
      departmentCode: $departmentCode
      uncoveredOnly: $uncoveredOnly
      orderBy: $orderBy
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
          employees
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
`);

export const VIOLATIONS_QUERY = graphql(`
  query PanelViolations {
    violations(first: 1000) {
      totalCount
      countsByRule {
        rule
        count
      }
      edges {
        node {
          ...ViolationItem
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
`);

export const COVERAGE_QUERY = graphql(`
  query PanelCoverage($scope: String) {
    coverage(scope: $scope) {
      auditedAt
      scope {
        ...CoverageRow
      }
      children {
        ...CoverageRow
      }
    }
  }
`);

export const LOCATE_QUERY = graphql(`
  query PanelLocate($lon: Float!, $lat: Float!) {
    locate(lon: $lon, lat: $lat) {
      lon
      lat
      uncovered
      outsideScope
      distanceToBaseEdgeM
      chain {
        ...GridNode
        people {
          ...PersonOnGrid
        }
      }
      baseGrid {
        id
        boundary
      }
    }
  }
`);
