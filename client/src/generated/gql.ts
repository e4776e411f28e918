/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment GridNode on Grid {\n    id\n    code\n    name\n    level\n  }\n": typeof types.GridNodeFragmentDoc,
    "\n  fragment PersonOnGrid on GridAssignment {\n    id\n    role\n    person {\n      id\n      name\n      phone\n    }\n  }\n": typeof types.PersonOnGridFragmentDoc,
    "\n  fragment EditableGridShape on Grid {\n    ...GridNode\n    version\n    boundary\n  }\n": typeof types.EditableGridShapeFragmentDoc,
    "\n  query MapGridLevels {\n    gridLevels {\n      level\n      nameZh\n      nameEn\n    }\n  }\n": typeof types.MapGridLevelsDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      expiresAt\n      user {\n        username\n        role\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query Me {\n    me {\n      username\n      role\n      scope {\n        name\n        level\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  query EditLocateParents($lon: Float!, $lat: Float!) {\n    locate(lon: $lon, lat: $lat) {\n      chain {\n        ...EditableGridShape\n      }\n    }\n  }\n": typeof types.EditLocateParentsDocument,
    "\n  fragment PreviewViolation on PreviewViolation {\n    rule\n    severity\n    messageZh\n    messageEn\n    measure\n    unit\n    gridCodes\n    enterpriseIds\n    geometry\n  }\n": typeof types.PreviewViolationFragmentDoc,
    "\n  query PreviewGridChange($input: GridChangeInput!) {\n    previewGridChange(input: $input) {\n      operation\n      violationsAdded {\n        ...PreviewViolation\n      }\n      violationsRemoved {\n        ...PreviewViolation\n      }\n      enterpriseMoves {\n        enterpriseId\n        name\n        fromGridCode\n        toGridCode\n      }\n      grids {\n        id\n        code\n        name\n        level\n        kind\n        enterpriseCountBefore\n        enterpriseCountAfter\n        areaM2Before\n        areaM2After\n        boundaryAfter\n      }\n    }\n  }\n": typeof types.PreviewGridChangeDocument,
    "\n  mutation CreateGrid($input: CreateGridInput!) {\n    createGrid(input: $input) {\n      id\n      code\n      name\n      version\n    }\n  }\n": typeof types.CreateGridDocument,
    "\n  query EditEnterprisesInBox($bbox: [Float!]!) {\n    enterprises(bbox: $bbox, first: 1000) {\n      edges {\n        node {\n          id\n          lon\n          lat\n        }\n      }\n    }\n  }\n": typeof types.EditEnterprisesInBoxDocument,
    "\n  query GridForEdit($id: ID!) {\n    grid(id: $id) {\n      ...EditableGridShape\n      parent {\n        boundary\n      }\n    }\n  }\n": typeof types.GridForEditDocument,
    "\n  fragment SavedGrid on Grid {\n    id\n    code\n    version\n  }\n": typeof types.SavedGridFragmentDoc,
    "\n  mutation UpdateGridBoundary($input: UpdateGridBoundaryInput!) {\n    updateGridBoundary(input: $input) {\n      ...SavedGrid\n    }\n  }\n": typeof types.UpdateGridBoundaryDocument,
    "\n  mutation SplitGrid($input: SplitGridInput!) {\n    splitGrid(input: $input) {\n      ...SavedGrid\n    }\n  }\n": typeof types.SplitGridDocument,
    "\n  mutation MergeGrids($input: MergeGridsInput!) {\n    mergeGrids(input: $input) {\n      ...SavedGrid\n    }\n  }\n": typeof types.MergeGridsDocument,
    "\n  query EditGridNeighbours($id: ID!) {\n    grid(id: $id) {\n      id\n      parent {\n        boundary\n        children {\n          id\n          boundary\n        }\n      }\n    }\n  }\n": typeof types.EditGridNeighboursDocument,
    "\n  query EditGridsInView($bbox: [Float!]!, $level: Int!, $first: Int!) {\n    grids(bbox: $bbox, level: $level, first: $first) {\n      edges {\n        node {\n          id\n          boundary\n        }\n      }\n    }\n  }\n": typeof types.EditGridsInViewDocument,
    "\n  fragment ViolationItem on Violation {\n    id\n    rule\n    severity\n    messageZh\n    messageEn\n    measure\n    unit\n    geometry\n    grids {\n      id\n      code\n      name\n    }\n  }\n": typeof types.ViolationItemFragmentDoc,
    "\n  fragment CoverageRow on CoverageSummaryType {\n    gridId\n    code\n    name\n    level\n    score\n    areaCoveredRatio\n    enterprisesTotal\n    enterprisesUncovered\n    enterprisesMultiCovered\n    grids\n    gridsUnstaffed\n    violationsByRule\n  }\n": typeof types.CoverageRowFragmentDoc,
    "\n  query PanelGridRoots($search: String, $level: Int) {\n    grids(search: $search, level: $level, first: 200) {\n      edges {\n        node {\n          ...GridNode\n        }\n      }\n    }\n  }\n": typeof types.PanelGridRootsDocument,
    "\n  query PanelGridChildren($id: ID!) {\n    grid(id: $id) {\n      id\n      children {\n        ...GridNode\n      }\n    }\n  }\n": typeof types.PanelGridChildrenDocument,
    "\n  query PanelGridCard($id: ID!) {\n    grid(id: $id) {\n      ...GridNode\n      areaM2\n      sizeExempt\n      version\n      validFrom\n      enterpriseCount\n      boundary\n      parent {\n        id\n        name\n      }\n      people {\n        ...PersonOnGrid\n      }\n      violations(first: 20) {\n        ...ViolationItem\n      }\n    }\n    gridHistory(id: $id) {\n      versions {\n        id\n        version\n        name\n        validFrom\n        validTo\n        areaM2\n      }\n    }\n  }\n": typeof types.PanelGridCardDocument,
    "\n  query PanelLedger(\n    $first: Int!\n    $after: String\n    $search: String\n    $scale: Scale\n    $riskClass: String\n    $departmentCode: String\n    $uncoveredOnly: Boolean\n    $orderBy: EnterpriseOrder\n  ) {\n    enterprises(\n      first: $first\n      after: $after\n      search: $search\n      scale: $scale\n      riskClass: $riskClass\n      departmentCode: $departmentCode\n      uncoveredOnly: $uncoveredOnly\n      orderBy: $orderBy\n    ) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        node {\n          id\n          name\n          uscc\n          scale\n          riskClasses\n          nineSmall\n          employees\n          industryCode\n          address\n          phone\n          lon\n          lat\n          baseGrid {\n            id\n            name\n            code\n          }\n        }\n      }\n    }\n  }\n": typeof types.PanelLedgerDocument,
    "\n  query PanelViolations {\n    violations(first: 1000) {\n      totalCount\n      countsByRule {\n        rule\n        count\n      }\n      edges {\n        node {\n          ...ViolationItem\n        }\n      }\n    }\n    coverage {\n      scope {\n        code\n        level\n      }\n      children {\n        code\n        name\n      }\n    }\n  }\n": typeof types.PanelViolationsDocument,
    "\n  query PanelCoverage($scope: String) {\n    coverage(scope: $scope) {\n      auditedAt\n      scope {\n        ...CoverageRow\n      }\n      children {\n        ...CoverageRow\n      }\n    }\n  }\n": typeof types.PanelCoverageDocument,
    "\n  query PanelLocate($lon: Float!, $lat: Float!) {\n    locate(lon: $lon, lat: $lat) {\n      lon\n      lat\n      uncovered\n      outsideScope\n      distanceToBaseEdgeM\n      chain {\n        ...GridNode\n        people {\n          ...PersonOnGrid\n        }\n      }\n      baseGrid {\n        id\n        boundary\n      }\n    }\n  }\n": typeof types.PanelLocateDocument,
};
const documents: Documents = {
    "\n  fragment GridNode on Grid {\n    id\n    code\n    name\n    level\n  }\n": types.GridNodeFragmentDoc,
    "\n  fragment PersonOnGrid on GridAssignment {\n    id\n    role\n    person {\n      id\n      name\n      phone\n    }\n  }\n": types.PersonOnGridFragmentDoc,
    "\n  fragment EditableGridShape on Grid {\n    ...GridNode\n    version\n    boundary\n  }\n": types.EditableGridShapeFragmentDoc,
    "\n  query MapGridLevels {\n    gridLevels {\n      level\n      nameZh\n      nameEn\n    }\n  }\n": types.MapGridLevelsDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      expiresAt\n      user {\n        username\n        role\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  query Me {\n    me {\n      username\n      role\n      scope {\n        name\n        level\n      }\n    }\n  }\n": types.MeDocument,
    "\n  query EditLocateParents($lon: Float!, $lat: Float!) {\n    locate(lon: $lon, lat: $lat) {\n      chain {\n        ...EditableGridShape\n      }\n    }\n  }\n": types.EditLocateParentsDocument,
    "\n  fragment PreviewViolation on PreviewViolation {\n    rule\n    severity\n    messageZh\n    messageEn\n    measure\n    unit\n    gridCodes\n    enterpriseIds\n    geometry\n  }\n": types.PreviewViolationFragmentDoc,
    "\n  query PreviewGridChange($input: GridChangeInput!) {\n    previewGridChange(input: $input) {\n      operation\n      violationsAdded {\n        ...PreviewViolation\n      }\n      violationsRemoved {\n        ...PreviewViolation\n      }\n      enterpriseMoves {\n        enterpriseId\n        name\n        fromGridCode\n        toGridCode\n      }\n      grids {\n        id\n        code\n        name\n        level\n        kind\n        enterpriseCountBefore\n        enterpriseCountAfter\n        areaM2Before\n        areaM2After\n        boundaryAfter\n      }\n    }\n  }\n": types.PreviewGridChangeDocument,
    "\n  mutation CreateGrid($input: CreateGridInput!) {\n    createGrid(input: $input) {\n      id\n      code\n      name\n      version\n    }\n  }\n": types.CreateGridDocument,
    "\n  query EditEnterprisesInBox($bbox: [Float!]!) {\n    enterprises(bbox: $bbox, first: 1000) {\n      edges {\n        node {\n          id\n          lon\n          lat\n        }\n      }\n    }\n  }\n": types.EditEnterprisesInBoxDocument,
    "\n  query GridForEdit($id: ID!) {\n    grid(id: $id) {\n      ...EditableGridShape\n      parent {\n        boundary\n      }\n    }\n  }\n": types.GridForEditDocument,
    "\n  fragment SavedGrid on Grid {\n    id\n    code\n    version\n  }\n": types.SavedGridFragmentDoc,
    "\n  mutation UpdateGridBoundary($input: UpdateGridBoundaryInput!) {\n    updateGridBoundary(input: $input) {\n      ...SavedGrid\n    }\n  }\n": types.UpdateGridBoundaryDocument,
    "\n  mutation SplitGrid($input: SplitGridInput!) {\n    splitGrid(input: $input) {\n      ...SavedGrid\n    }\n  }\n": types.SplitGridDocument,
    "\n  mutation MergeGrids($input: MergeGridsInput!) {\n    mergeGrids(input: $input) {\n      ...SavedGrid\n    }\n  }\n": types.MergeGridsDocument,
    "\n  query EditGridNeighbours($id: ID!) {\n    grid(id: $id) {\n      id\n      parent {\n        boundary\n        children {\n          id\n          boundary\n        }\n      }\n    }\n  }\n": types.EditGridNeighboursDocument,
    "\n  query EditGridsInView($bbox: [Float!]!, $level: Int!, $first: Int!) {\n    grids(bbox: $bbox, level: $level, first: $first) {\n      edges {\n        node {\n          id\n          boundary\n        }\n      }\n    }\n  }\n": types.EditGridsInViewDocument,
    "\n  fragment ViolationItem on Violation {\n    id\n    rule\n    severity\n    messageZh\n    messageEn\n    measure\n    unit\n    geometry\n    grids {\n      id\n      code\n      name\n    }\n  }\n": types.ViolationItemFragmentDoc,
    "\n  fragment CoverageRow on CoverageSummaryType {\n    gridId\n    code\n    name\n    level\n    score\n    areaCoveredRatio\n    enterprisesTotal\n    enterprisesUncovered\n    enterprisesMultiCovered\n    grids\n    gridsUnstaffed\n    violationsByRule\n  }\n": types.CoverageRowFragmentDoc,
    "\n  query PanelGridRoots($search: String, $level: Int) {\n    grids(search: $search, level: $level, first: 200) {\n      edges {\n        node {\n          ...GridNode\n        }\n      }\n    }\n  }\n": types.PanelGridRootsDocument,
    "\n  query PanelGridChildren($id: ID!) {\n    grid(id: $id) {\n      id\n      children {\n        ...GridNode\n      }\n    }\n  }\n": types.PanelGridChildrenDocument,
    "\n  query PanelGridCard($id: ID!) {\n    grid(id: $id) {\n      ...GridNode\n      areaM2\n      sizeExempt\n      version\n      validFrom\n      enterpriseCount\n      boundary\n      parent {\n        id\n        name\n      }\n      people {\n        ...PersonOnGrid\n      }\n      violations(first: 20) {\n        ...ViolationItem\n      }\n    }\n    gridHistory(id: $id) {\n      versions {\n        id\n        version\n        name\n        validFrom\n        validTo\n        areaM2\n      }\n    }\n  }\n": types.PanelGridCardDocument,
    "\n  query PanelLedger(\n    $first: Int!\n    $after: String\n    $search: String\n    $scale: Scale\n    $riskClass: String\n    $departmentCode: String\n    $uncoveredOnly: Boolean\n    $orderBy: EnterpriseOrder\n  ) {\n    enterprises(\n      first: $first\n      after: $after\n      search: $search\n      scale: $scale\n      riskClass: $riskClass\n      departmentCode: $departmentCode\n      uncoveredOnly: $uncoveredOnly\n      orderBy: $orderBy\n    ) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        node {\n          id\n          name\n          uscc\n          scale\n          riskClasses\n          nineSmall\n          employees\n          industryCode\n          address\n          phone\n          lon\n          lat\n          baseGrid {\n            id\n            name\n            code\n          }\n        }\n      }\n    }\n  }\n": types.PanelLedgerDocument,
    "\n  query PanelViolations {\n    violations(first: 1000) {\n      totalCount\n      countsByRule {\n        rule\n        count\n      }\n      edges {\n        node {\n          ...ViolationItem\n        }\n      }\n    }\n    coverage {\n      scope {\n        code\n        level\n      }\n      children {\n        code\n        name\n      }\n    }\n  }\n": types.PanelViolationsDocument,
    "\n  query PanelCoverage($scope: String) {\n    coverage(scope: $scope) {\n      auditedAt\n      scope {\n        ...CoverageRow\n      }\n      children {\n        ...CoverageRow\n      }\n    }\n  }\n": types.PanelCoverageDocument,
    "\n  query PanelLocate($lon: Float!, $lat: Float!) {\n    locate(lon: $lon, lat: $lat) {\n      lon\n      lat\n      uncovered\n      outsideScope\n      distanceToBaseEdgeM\n      chain {\n        ...GridNode\n        people {\n          ...PersonOnGrid\n        }\n      }\n      baseGrid {\n        id\n        boundary\n      }\n    }\n  }\n": types.PanelLocateDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GridNode on Grid {\n    id\n    code\n    name\n    level\n  }\n"): (typeof documents)["\n  fragment GridNode on Grid {\n    id\n    code\n    name\n    level\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PersonOnGrid on GridAssignment {\n    id\n    role\n    person {\n      id\n      name\n      phone\n    }\n  }\n"): (typeof documents)["\n  fragment PersonOnGrid on GridAssignment {\n    id\n    role\n    person {\n      id\n      name\n      phone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EditableGridShape on Grid {\n    ...GridNode\n    version\n    boundary\n  }\n"): (typeof documents)["\n  fragment EditableGridShape on Grid {\n    ...GridNode\n    version\n    boundary\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MapGridLevels {\n    gridLevels {\n      level\n      nameZh\n      nameEn\n    }\n  }\n"): (typeof documents)["\n  query MapGridLevels {\n    gridLevels {\n      level\n      nameZh\n      nameEn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      expiresAt\n      user {\n        username\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      expiresAt\n      user {\n        username\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      username\n      role\n      scope {\n        name\n        level\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      username\n      role\n      scope {\n        name\n        level\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditLocateParents($lon: Float!, $lat: Float!) {\n    locate(lon: $lon, lat: $lat) {\n      chain {\n        ...EditableGridShape\n      }\n    }\n  }\n"): (typeof documents)["\n  query EditLocateParents($lon: Float!, $lat: Float!) {\n    locate(lon: $lon, lat: $lat) {\n      chain {\n        ...EditableGridShape\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PreviewViolation on PreviewViolation {\n    rule\n    severity\n    messageZh\n    messageEn\n    measure\n    unit\n    gridCodes\n    enterpriseIds\n    geometry\n  }\n"): (typeof documents)["\n  fragment PreviewViolation on PreviewViolation {\n    rule\n    severity\n    messageZh\n    messageEn\n    measure\n    unit\n    gridCodes\n    enterpriseIds\n    geometry\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewGridChange($input: GridChangeInput!) {\n    previewGridChange(input: $input) {\n      operation\n      violationsAdded {\n        ...PreviewViolation\n      }\n      violationsRemoved {\n        ...PreviewViolation\n      }\n      enterpriseMoves {\n        enterpriseId\n        name\n        fromGridCode\n        toGridCode\n      }\n      grids {\n        id\n        code\n        name\n        level\n        kind\n        enterpriseCountBefore\n        enterpriseCountAfter\n        areaM2Before\n        areaM2After\n        boundaryAfter\n      }\n    }\n  }\n"): (typeof documents)["\n  query PreviewGridChange($input: GridChangeInput!) {\n    previewGridChange(input: $input) {\n      operation\n      violationsAdded {\n        ...PreviewViolation\n      }\n      violationsRemoved {\n        ...PreviewViolation\n      }\n      enterpriseMoves {\n        enterpriseId\n        name\n        fromGridCode\n        toGridCode\n      }\n      grids {\n        id\n        code\n        name\n        level\n        kind\n        enterpriseCountBefore\n        enterpriseCountAfter\n        areaM2Before\n        areaM2After\n        boundaryAfter\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateGrid($input: CreateGridInput!) {\n    createGrid(input: $input) {\n      id\n      code\n      name\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation CreateGrid($input: CreateGridInput!) {\n    createGrid(input: $input) {\n      id\n      code\n      name\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditEnterprisesInBox($bbox: [Float!]!) {\n    enterprises(bbox: $bbox, first: 1000) {\n      edges {\n        node {\n          id\n          lon\n          lat\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EditEnterprisesInBox($bbox: [Float!]!) {\n    enterprises(bbox: $bbox, first: 1000) {\n      edges {\n        node {\n          id\n          lon\n          lat\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GridForEdit($id: ID!) {\n    grid(id: $id) {\n      ...EditableGridShape\n      parent {\n        boundary\n      }\n    }\n  }\n"): (typeof documents)["\n  query GridForEdit($id: ID!) {\n    grid(id: $id) {\n      ...EditableGridShape\n      parent {\n        boundary\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SavedGrid on Grid {\n    id\n    code\n    version\n  }\n"): (typeof documents)["\n  fragment SavedGrid on Grid {\n    id\n    code\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateGridBoundary($input: UpdateGridBoundaryInput!) {\n    updateGridBoundary(input: $input) {\n      ...SavedGrid\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateGridBoundary($input: UpdateGridBoundaryInput!) {\n    updateGridBoundary(input: $input) {\n      ...SavedGrid\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SplitGrid($input: SplitGridInput!) {\n    splitGrid(input: $input) {\n      ...SavedGrid\n    }\n  }\n"): (typeof documents)["\n  mutation SplitGrid($input: SplitGridInput!) {\n    splitGrid(input: $input) {\n      ...SavedGrid\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MergeGrids($input: MergeGridsInput!) {\n    mergeGrids(input: $input) {\n      ...SavedGrid\n    }\n  }\n"): (typeof documents)["\n  mutation MergeGrids($input: MergeGridsInput!) {\n    mergeGrids(input: $input) {\n      ...SavedGrid\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditGridNeighbours($id: ID!) {\n    grid(id: $id) {\n      id\n      parent {\n        boundary\n        children {\n          id\n          boundary\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EditGridNeighbours($id: ID!) {\n    grid(id: $id) {\n      id\n      parent {\n        boundary\n        children {\n          id\n          boundary\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditGridsInView($bbox: [Float!]!, $level: Int!, $first: Int!) {\n    grids(bbox: $bbox, level: $level, first: $first) {\n      edges {\n        node {\n          id\n          boundary\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EditGridsInView($bbox: [Float!]!, $level: Int!, $first: Int!) {\n    grids(bbox: $bbox, level: $level, first: $first) {\n      edges {\n        node {\n          id\n          boundary\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViolationItem on Violation {\n    id\n    rule\n    severity\n    messageZh\n    messageEn\n    measure\n    unit\n    geometry\n    grids {\n      id\n      code\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ViolationItem on Violation {\n    id\n    rule\n    severity\n    messageZh\n    messageEn\n    measure\n    unit\n    geometry\n    grids {\n      id\n      code\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CoverageRow on CoverageSummaryType {\n    gridId\n    code\n    name\n    level\n    score\n    areaCoveredRatio\n    enterprisesTotal\n    enterprisesUncovered\n    enterprisesMultiCovered\n    grids\n    gridsUnstaffed\n    violationsByRule\n  }\n"): (typeof documents)["\n  fragment CoverageRow on CoverageSummaryType {\n    gridId\n    code\n    name\n    level\n    score\n    areaCoveredRatio\n    enterprisesTotal\n    enterprisesUncovered\n    enterprisesMultiCovered\n    grids\n    gridsUnstaffed\n    violationsByRule\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PanelGridRoots($search: String, $level: Int) {\n    grids(search: $search, level: $level, first: 200) {\n      edges {\n        node {\n          ...GridNode\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PanelGridRoots($search: String, $level: Int) {\n    grids(search: $search, level: $level, first: 200) {\n      edges {\n        node {\n          ...GridNode\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PanelGridChildren($id: ID!) {\n    grid(id: $id) {\n      id\n      children {\n        ...GridNode\n      }\n    }\n  }\n"): (typeof documents)["\n  query PanelGridChildren($id: ID!) {\n    grid(id: $id) {\n      id\n      children {\n        ...GridNode\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PanelGridCard($id: ID!) {\n    grid(id: $id) {\n      ...GridNode\n      areaM2\n      sizeExempt\n      version\n      validFrom\n      enterpriseCount\n      boundary\n      parent {\n        id\n        name\n      }\n      people {\n        ...PersonOnGrid\n      }\n      violations(first: 20) {\n        ...ViolationItem\n      }\n    }\n    gridHistory(id: $id) {\n      versions {\n        id\n        version\n        name\n        validFrom\n        validTo\n        areaM2\n      }\n    }\n  }\n"): (typeof documents)["\n  query PanelGridCard($id: ID!) {\n    grid(id: $id) {\n      ...GridNode\n      areaM2\n      sizeExempt\n      version\n      validFrom\n      enterpriseCount\n      boundary\n      parent {\n        id\n        name\n      }\n      people {\n        ...PersonOnGrid\n      }\n      violations(first: 20) {\n        ...ViolationItem\n      }\n    }\n    gridHistory(id: $id) {\n      versions {\n        id\n        version\n        name\n        validFrom\n        validTo\n        areaM2\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PanelLedger(\n    $first: Int!\n    $after: String\n    $search: String\n    $scale: Scale\n    $riskClass: String\n    $departmentCode: String\n    $uncoveredOnly: Boolean\n    $orderBy: EnterpriseOrder\n  ) {\n    enterprises(\n      first: $first\n      after: $after\n      search: $search\n      scale: $scale\n      riskClass: $riskClass\n      departmentCode: $departmentCode\n      uncoveredOnly: $uncoveredOnly\n      orderBy: $orderBy\n    ) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        node {\n          id\n          name\n          uscc\n          scale\n          riskClasses\n          nineSmall\n          employees\n          industryCode\n          address\n          phone\n          lon\n          lat\n          baseGrid {\n            id\n            name\n            code\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PanelLedger(\n    $first: Int!\n    $after: String\n    $search: String\n    $scale: Scale\n    $riskClass: String\n    $departmentCode: String\n    $uncoveredOnly: Boolean\n    $orderBy: EnterpriseOrder\n  ) {\n    enterprises(\n      first: $first\n      after: $after\n      search: $search\n      scale: $scale\n      riskClass: $riskClass\n      departmentCode: $departmentCode\n      uncoveredOnly: $uncoveredOnly\n      orderBy: $orderBy\n    ) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        node {\n          id\n          name\n          uscc\n          scale\n          riskClasses\n          nineSmall\n          employees\n          industryCode\n          address\n          phone\n          lon\n          lat\n          baseGrid {\n            id\n            name\n            code\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PanelViolations {\n    violations(first: 1000) {\n      totalCount\n      countsByRule {\n        rule\n        count\n      }\n      edges {\n        node {\n          ...ViolationItem\n        }\n      }\n    }\n    coverage {\n      scope {\n        code\n        level\n      }\n      children {\n        code\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query PanelViolations {\n    violations(first: 1000) {\n      totalCount\n      countsByRule {\n        rule\n        count\n      }\n      edges {\n        node {\n          ...ViolationItem\n        }\n      }\n    }\n    coverage {\n      scope {\n        code\n        level\n      }\n      children {\n        code\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PanelCoverage($scope: String) {\n    coverage(scope: $scope) {\n      auditedAt\n      scope {\n        ...CoverageRow\n      }\n      children {\n        ...CoverageRow\n      }\n    }\n  }\n"): (typeof documents)["\n  query PanelCoverage($scope: String) {\n    coverage(scope: $scope) {\n      auditedAt\n      scope {\n        ...CoverageRow\n      }\n      children {\n        ...CoverageRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PanelLocate($lon: Float!, $lat: Float!) {\n    locate(lon: $lon, lat: $lat) {\n      lon\n      lat\n      uncovered\n      outsideScope\n      distanceToBaseEdgeM\n      chain {\n        ...GridNode\n        people {\n          ...PersonOnGrid\n        }\n      }\n      baseGrid {\n        id\n        boundary\n      }\n    }\n  }\n"): (typeof documents)["\n  query PanelLocate($lon: Float!, $lat: Float!) {\n    locate(lon: $lon, lat: $lat) {\n      lon\n      lat\n      uncovered\n      outsideScope\n      distanceToBaseEdgeM\n      chain {\n        ...GridNode\n        people {\n          ...PersonOnGrid\n        }\n      }\n      baseGrid {\n        id\n        boundary\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;