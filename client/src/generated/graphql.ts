/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
  /** A GeoJSON geometry object (RFC 7946) in WGS84 longitude/latitude */
  GeoJSON: { input: import('geojson').Geometry; output: import('geojson').Geometry; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
};

/** A newly issued API key; it is shown only this once */
export type ApiKeyPayload = {
  /** Send as "X-API-Key: <key>" or "Authorization: ApiKey <key>" */
  apiKey: Scalars['String']['output'];
  user: User;
};

/** 网格长 LEADER / 网格员 OFFICER / 实名制责任领导 RESPONSIBLE_LEADER / 责任人 RESPONSIBLE_PERSON (4 roles) */
export type AssignmentRole =
  | 'LEADER'
  | 'OFFICER'
  | 'RESPONSIBLE_LEADER'
  | 'RESPONSIBLE_PERSON';

/** A session: send the token as "Authorization: Bearer <token>" */
export type AuthPayload = {
  expiresAt: Scalars['DateTimeISO']['output'];
  /** JWT (HS256) */
  token: Scalars['String']['output'];
  user: User;
};

/** A grid’s coverage and its children’s, worst score first */
export type CoverageReport = {
  /** When the stored results were last brought up to date by an audit; null: never audited */
  auditedAt: Maybe<Scalars['DateTimeISO']['output']>;
  children: Array<CoverageSummaryType>;
  scope: CoverageSummaryType;
};

/** Coverage of a grid, rolled up over its subtree from the last audit results */
export type CoverageSummaryType = {
  /** Share of the area covered by base grids (0–1) */
  areaCoveredRatio: Scalars['Float']['output'];
  areaM2: Scalars['Float']['output'];
  code: Scalars['String']['output'];
  enterprisesInOneBaseGrid: Scalars['Int']['output'];
  enterprisesMultiCovered: Scalars['Int']['output'];
  enterprisesTotal: Scalars['Int']['output'];
  enterprisesUncovered: Scalars['Int']['output'];
  enterprisesWithoutDepartment: Scalars['Int']['output'];
  gridId: Scalars['ID']['output'];
  /** Grids in the subtree, this one included */
  grids: Scalars['Int']['output'];
  gridsUnstaffed: Scalars['Int']['output'];
  level: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  /** 0–100: 100 × area covered × enterprises in one base grid × grids staffed × enterprises with a department */
  score: Scalars['Float']['output'];
  /** Stored violations per rule id in the subtree */
  violationsByRule: Scalars['JSONObject']['output'];
};

export type CreateGridInput = {
  /** Polygon or MultiPolygon in WGS84 */
  boundary: Scalars['GeoJSON']['input'];
  /** Unique code; derived from the parent and its children’s numbering when omitted */
  code?: InputMaybe<Scalars['String']['input']>;
  /** Defaults to the parent’s level + 1 (1 without a parent) */
  level?: InputMaybe<Scalars['Int']['input']>;
  name: Scalars['String']['input'];
  options?: InputMaybe<GridEditOptionsInput>;
  /** The parent grid; omitted only by ADMIN for a new top-level grid */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  sizeExempt?: InputMaybe<Scalars['Boolean']['input']>;
};

export type CreateUserInput = {
  /** At least 8 characters */
  password: Scalars['String']['input'];
  /** The person record (officers) */
  personId?: InputMaybe<Scalars['ID']['input']>;
  role: Role;
  /** Root of the territorial scope; must lie in your own scope */
  scopeGridId: Scalars['ID']['input'];
  /** 2–63 letters, digits, ".", "_" or "-"; unique ignoring case */
  username: Scalars['String']['input'];
};

export type DeleteGridInput = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};

/** 行业监管部门: a sector regulator (seed 002) */
export type Department = {
  /** e.g. EMERGENCY, EDUCATION */
  code: Scalars['String']['output'];
  /** 综合监管: comprehensive supervision over all sectors */
  comprehensive: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  nameEn: Scalars['String']['output'];
  nameZh: Scalars['String']['output'];
  sectorRules: Array<SectorRule>;
};

/** By id when given, else by code: updated when it exists, created when not */
export type DepartmentInput = {
  code: Scalars['String']['input'];
  comprehensive?: InputMaybe<Scalars['Boolean']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  nameEn: Scalars['String']['input'];
  nameZh: Scalars['String']['input'];
};

/** 生产经营单位: a business or institution under supervision */
export type Enterprise = {
  address: Maybe<Scalars['String']['output']>;
  /** The base grid it lies in (null when none, or outside your scope) */
  baseGrid: Maybe<Grid>;
  /** The base grid it lies in, derived from its location */
  baseGridId: Maybe<Scalars['ID']['output']>;
  employees: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  /** GB/T 4754-2017 industry code, e.g. C2614 */
  industryCode: Scalars['String']['output'];
  /** 消防安全重点单位 */
  keyFireUnit: Scalars['Boolean']['output'];
  lat: Scalars['Float']['output'];
  /** Point in WGS84 */
  location: Scalars['GeoJSON']['output'];
  lon: Scalars['Float']['output'];
  /** 重大危险源 */
  majorHazard: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  /** 九小场所 */
  nineSmall: Scalars['Boolean']['output'];
  /** Contact phone; confidential (seed 003 附件 §6): masked as 138****5678 unless you are ADMIN, SUPERVISOR or OFFICER */
  phone: Maybe<Scalars['String']['output']>;
  /** High-risk categories, e.g. HAZARDOUS_CHEMICALS */
  riskClasses: Array<Scalars['String']['output']>;
  scale: Scale;
  /** OPERATING, SUSPENDED or CLOSED */
  status: Scalars['String']['output'];
  /** 统一社会信用代码 (GB 32100-2015), 18 characters */
  uscc: Scalars['String']['output'];
  version: Scalars['Int']['output'];
};

export type EnterpriseConnection = {
  edges: Array<EnterpriseEdge>;
  pageInfo: PageInfo;
  /** All matching nodes, across pages */
  totalCount: Scalars['Int']['output'];
};

export type EnterpriseEdge = {
  cursor: Scalars['String']['output'];
  node: Enterprise;
};

/** An enterprise to register or update: by id when given, else by credit code (an existing one needs expectedVersion) */
export type EnterpriseInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  employees?: InputMaybe<Scalars['Int']['input']>;
  /** Required when the enterprise exists */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  /** GB/T 4754-2017 industry code, e.g. C2614 */
  industryCode: Scalars['String']['input'];
  keyFireUnit?: InputMaybe<Scalars['Boolean']['input']>;
  /** WGS84 latitude */
  lat: Scalars['Float']['input'];
  legalRepresentative?: InputMaybe<Scalars['String']['input']>;
  /** WGS84 longitude */
  lon: Scalars['Float']['input'];
  majorHazard?: InputMaybe<Scalars['Boolean']['input']>;
  name: Scalars['String']['input'];
  nineSmall?: InputMaybe<Scalars['Boolean']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  /** High-risk categories, e.g. HAZARDOUS_CHEMICALS */
  riskClasses?: InputMaybe<Array<Scalars['String']['input']>>;
  safetyManager?: InputMaybe<Scalars['String']['input']>;
  scale: Scale;
  /** OPERATING (default), SUSPENDED or CLOSED */
  status?: InputMaybe<Scalars['String']['input']>;
  /** 统一社会信用代码 (GB 32100-2015), 18 characters */
  uscc: Scalars['String']['input'];
};

/** An enterprise whose base grid an edit changes */
export type EnterpriseMove = {
  enterpriseId: Scalars['ID']['output'];
  fromGridCode: Maybe<Scalars['String']['output']>;
  /** Null: it was in no base grid */
  fromGridId: Maybe<Scalars['ID']['output']>;
  name: Scalars['String']['output'];
  toGridCode: Maybe<Scalars['String']['output']>;
  /** Null: it will be in no base grid */
  toGridId: Maybe<Scalars['ID']['output']>;
  uscc: Scalars['String']['output'];
};

/** The order of a list; ties are broken by id in the same direction */
export type EnterpriseOrder = {
  direction?: SortDirection;
  field: EnterpriseSortField;
};

/** What an enterprise list can be sorted by */
export type EnterpriseSortField =
  /** Number of employees */
  | 'EMPLOYEES'
  /** Id: the order enterprises were registered in (the default) */
  | 'ID'
  /** Name, by Unicode code point (the same on every database) */
  | 'NAME'
  /** Scale, smallest first: INDIVIDUAL, MICRO, BELOW, ABOVE */
  | 'SCALE'
  /** 统一社会信用代码 */
  | 'USCC';

/** 网格: a polygon of responsibility; grids nest from level 1 down to base grids */
export type Grid = {
  /** Area on the spheroid, m² */
  areaM2: Scalars['Float']['output'];
  /** MultiPolygon in WGS84 */
  boundary: Scalars['GeoJSON']['output'];
  /** Its child grids inside your scope, by code */
  children: Array<Grid>;
  /** Hierarchical code, unique, e.g. 371323101201-03 */
  code: Scalars['String']['output'];
  /** Enterprises whose base grid lies in this grid or below it */
  enterpriseCount: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  level: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  /** Null at the top or outside your scope */
  parent: Maybe<Grid>;
  parentId: Maybe<Scalars['ID']['output']>;
  /** Its named people now (assignments in force), leaders first; phones masked by role */
  people: Array<GridAssignment>;
  /** Exempt from the 50–100 enterprise band of base grids (seed 003 §4) */
  sizeExempt: Scalars['Boolean']['output'];
  /** Since when this version of the grid is in force */
  validFrom: Scalars['DateTimeISO']['output'];
  /** Increases on every edit; edits must name the version they change */
  version: Scalars['Int']['output'];
  /** Stored violations reported under or naming this grid, first ones by id */
  violations: Array<Violation>;
};


/** 网格: a polygon of responsibility; grids nest from level 1 down to base grids */
export type GridViolationsArgs = {
  first?: Scalars['Int']['input'];
  rules?: InputMaybe<Array<RuleId>>;
};

/** A person on a grid in a role for a period; ended ones are kept */
export type GridAssignment = {
  /** Null once the grid is deleted (see its history), or outside your scope */
  grid: Maybe<Grid>;
  gridId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  person: Maybe<Person>;
  personId: Scalars['ID']['output'];
  role: AssignmentRole;
  since: Scalars['DateTimeISO']['output'];
  /** Null while it runs */
  until: Maybe<Scalars['DateTimeISO']['output']>;
};

/** One grid an edit touches, before and after */
export type GridChangeEffect = {
  areaM2After: Maybe<Scalars['Float']['output']>;
  areaM2Before: Maybe<Scalars['Float']['output']>;
  /** The resulting geometry; null when deleted */
  boundaryAfter: Maybe<Scalars['GeoJSON']['output']>;
  /** Null for a created grid */
  boundaryBefore: Maybe<Scalars['GeoJSON']['output']>;
  code: Scalars['String']['output'];
  /** …and after */
  enterpriseCountAfter: Maybe<Scalars['Int']['output']>;
  /** Enterprises in this grid or below it, before */
  enterpriseCountBefore: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  kind: GridChangeKind;
  level: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  parentId: Maybe<Scalars['ID']['output']>;
  versionAfter: Maybe<Scalars['Int']['output']>;
  versionBefore: Maybe<Scalars['Int']['output']>;
};

/** Exactly one grid edit, as its mutation takes it */
export type GridChangeInput = {
  create?: InputMaybe<CreateGridInput>;
  delete?: InputMaybe<DeleteGridInput>;
  merge?: InputMaybe<MergeGridsInput>;
  split?: InputMaybe<SplitGridInput>;
  updateBoundary?: InputMaybe<UpdateGridBoundaryInput>;
};

export type GridChangeKind =
  /** A new grid (its id in a preview is provisional) */
  | 'CREATED'
  /** Deleted (merged away or deleted) */
  | 'DELETED'
  /** Unchanged itself, but enterprises move in or out */
  | 'ENTERPRISES_CHANGED'
  /** A child moved to another parent by a split or merge */
  | 'REPARENTED'
  /** The edited grid’s boundary changed */
  | 'RESHAPED'
  /** A sibling cut back by the new shape (trimSiblings: EXISTING) */
  | 'TRIMMED'
  /** Name or size exemption changed, boundary not */
  | 'UPDATED';

/** What a grid edit would do, found by running it in a transaction that is rolled back: nothing is saved */
export type GridChangePreview = {
  enterpriseMoves: Array<EnterpriseMove>;
  /** Grids the edit touches and grids enterprises move between */
  grids: Array<GridChangeEffect>;
  /** CREATE_GRID, UPDATE_GRID_BOUNDARY, SPLIT_GRID, MERGE_GRIDS or DELETE_GRID */
  operation: Scalars['String']['output'];
  violationsAdded: Array<PreviewViolation>;
  violationsRemoved: Array<PreviewViolation>;
};

export type GridConnection = {
  edges: Array<GridEdge>;
  pageInfo: PageInfo;
  /** All matching nodes, across pages */
  totalCount: Scalars['Int']['output'];
};

export type GridEdge = {
  cursor: Scalars['String']['output'];
  node: Grid;
};

/** How a new shape is fitted to its neighbours before it is saved */
export type GridEditOptionsInput = {
  /** Intersect the new shape with the parent grid’s boundary (default true) */
  clipToParent?: InputMaybe<Scalars['Boolean']['input']>;
  /** Snap the drawn shape’s vertices (a split’s line) to the vertices and edges of the parent and siblings within this many metres, 0–50 (default 0: no snapping) */
  snapToleranceMeters?: InputMaybe<Scalars['Float']['input']>;
  trimSiblings?: InputMaybe<TrimSiblings>;
};

/** Every version of a grid and every person ever assigned to it */
export type GridHistory = {
  /** Oldest first, ended ones included */
  assignments: Array<GridAssignment>;
  gridId: Scalars['ID']['output'];
  /** Oldest first; the last is current unless deleted */
  versions: Array<GridVersion>;
};

/** 网格层级: a level of the grid hierarchy; level 1 is the top of the deployment */
export type GridLevel = {
  /** Enterprise classes this level is directly responsible for (seed 000 art. 17) */
  enterpriseClasses: Array<Scalars['String']['output']>;
  level: Scalars['Int']['output'];
  nameEn: Scalars['String']['output'];
  nameZh: Scalars['String']['output'];
};

/** One version of a grid, in force from validFrom until validTo */
export type GridVersion = {
  /** Area on the spheroid, m² */
  areaM2: Scalars['Float']['output'];
  /** MultiPolygon in WGS84 */
  boundary: Scalars['GeoJSON']['output'];
  code: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  level: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  /** The parent this version had, as it is now (null if gone or outside your scope) */
  parent: Maybe<Grid>;
  /** The parent this version had */
  parentId: Maybe<Scalars['ID']['output']>;
  sizeExempt: Scalars['Boolean']['output'];
  validFrom: Scalars['DateTimeISO']['output'];
  /** null: the current version */
  validTo: Maybe<Scalars['DateTimeISO']['output']>;
  version: Scalars['Int']['output'];
};

export type GridVersionInput = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};

/** ZH: Simplified Chinese; EN: English */
export type Lang =
  | 'EN'
  | 'ZH';

/** Who answers for a point: the grids around it, their people, the departments */
export type LocateResult = {
  /** The base grid covering the point */
  baseGrid: Maybe<Grid>;
  /** The grid covering the point at every level, top → base, inside your scope; on a shared edge the smallest code (as for enterprises) */
  chain: Array<Grid>;
  /** The classes the level and departments were found by: the given class and those its industry section implies */
  classes: Array<Scalars['String']['output']>;
  /** Sector departments (纵到底) for the class and industry code, from sector rules */
  departments: Array<Department>;
  /** Geodesic distance in metres from the point to the nearest edge of its base grid */
  distanceToBaseEdgeM: Maybe<Scalars['Float']['output']>;
  lat: Scalars['Float']['output'];
  lon: Scalars['Float']['output'];
  /** The point lies outside your scope root’s boundary: nothing is shown about it */
  outsideScope: Scalars['Boolean']['output'];
  /** The grid of the chain at the responsible level (null if outside your scope) */
  responsibleGrid: Maybe<Grid>;
  /** The level answering for such an enterprise (seed 000 art. 17: the highest level watching one of its classes, else the base level); null without a class or industry */
  responsibleLevel: Maybe<Scalars['Int']['output']>;
  /** No base grid of your scope covers the point (横到边 not met here) */
  uncovered: Scalars['Boolean']['output'];
};

export type MergeGridsInput = {
  /** Two or more siblings that touch or overlap; the first keeps its id and code */
  grids: Array<GridVersionInput>;
  /** Default: the first grid’s name */
  name?: InputMaybe<Scalars['String']['input']>;
  options?: InputMaybe<GridEditOptionsInput>;
};

export type Mutation = {
  /** Maps an industry prefix or class to a department; re-audits SECTOR_UNASSIGNED (ADMIN) */
  addSectorRule: SectorRule;
  /** Puts a person on a grid in a role from `since` (default now) */
  assignPerson: GridAssignment;
  /** A new grid under a parent (PLANNER, ADMIN) */
  createGrid: Grid;
  /** A named person (SUPERVISOR, ADMIN) */
  createPerson: Person;
  /** ADMIN: a new account inside your own scope */
  createUser: User;
  /** Deletes a grid without children or enterprises; answers the grid as it was (PLANNER, ADMIN) */
  deleteGrid: Grid;
  /** Ends an assignment at `until` (default now); it is kept */
  endAssignment: GridAssignment;
  /** ADMIN: a new API key for an INTEGRATOR account in your scope; the old key stops working */
  issueApiKey: ApiKeyPayload;
  /** Log in; UNAUTHENTICATED with one message for a wrong username or password */
  login: AuthPayload;
  /** Joins sibling grids that touch into the first one; the others are deleted (PLANNER, ADMIN) */
  mergeGrids: Grid;
  /** Moves an enterprise; its base grid follows */
  moveEnterprise: Enterprise;
  /** Removes a sector rule and answers it (ADMIN) */
  removeSectorRule: SectorRule;
  /** Cuts a grid in two or more along a line; the largest piece keeps the grid (PLANNER, ADMIN) */
  splitGrid: Array<Grid>;
  /** A new boundary, name or size exemption (PLANNER, ADMIN) */
  updateGridBoundary: Grid;
  /** Names and enterprise classes of a level (ADMIN) */
  updateGridLevel: GridLevel;
  /** Name or phone of a person (SUPERVISOR, ADMIN) */
  updatePerson: Person;
  /** Creates or updates a sector department (ADMIN) */
  upsertDepartment: Department;
  /** Registers or updates an enterprise; its base grid is derived from the location (ADMIN, SUPERVISOR, OFFICER) */
  upsertEnterprise: Enterprise;
};


export type MutationAddSectorRuleArgs = {
  input: SectorRuleInput;
};


export type MutationAssignPersonArgs = {
  gridId: Scalars['ID']['input'];
  personId: Scalars['ID']['input'];
  role: AssignmentRole;
  since?: InputMaybe<Scalars['DateTimeISO']['input']>;
};


export type MutationCreateGridArgs = {
  input: CreateGridInput;
};


export type MutationCreatePersonArgs = {
  input: PersonInput;
};


export type MutationCreateUserArgs = {
  input: CreateUserInput;
};


export type MutationDeleteGridArgs = {
  input: DeleteGridInput;
};


export type MutationEndAssignmentArgs = {
  id: Scalars['ID']['input'];
  until?: InputMaybe<Scalars['DateTimeISO']['input']>;
};


export type MutationIssueApiKeyArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationLoginArgs = {
  password: Scalars['String']['input'];
  username: Scalars['String']['input'];
};


export type MutationMergeGridsArgs = {
  input: MergeGridsInput;
};


export type MutationMoveEnterpriseArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  lat: Scalars['Float']['input'];
  lon: Scalars['Float']['input'];
};


export type MutationRemoveSectorRuleArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSplitGridArgs = {
  input: SplitGridInput;
};


export type MutationUpdateGridBoundaryArgs = {
  input: UpdateGridBoundaryInput;
};


export type MutationUpdateGridLevelArgs = {
  input: UpdateGridLevelInput;
};


export type MutationUpdatePersonArgs = {
  id: Scalars['ID']['input'];
  input: PersonPatch;
};


export type MutationUpsertDepartmentArgs = {
  input: DepartmentInput;
};


export type MutationUpsertEnterpriseArgs = {
  input: EnterpriseInput;
};

/** Relay page information */
export type PageInfo = {
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** 实名制: a named person who can answer for grids */
export type Person = {
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Masked (138****8000) for roles that may not see phone numbers */
  phone: Maybe<Scalars['String']['output']>;
};

export type PersonInput = {
  name: Scalars['String']['input'];
  /** Mobile or landline with area code */
  phone?: InputMaybe<Scalars['String']['input']>;
};

/** Omitted fields keep their value; an empty phone clears it */
export type PersonPatch = {
  name?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
};

/** A coverage violation a preview says the edit adds or removes */
export type PreviewViolation = {
  enterpriseIds: Array<Scalars['ID']['output']>;
  geometry: Maybe<Scalars['GeoJSON']['output']>;
  /** Codes of gridIds, in the same order */
  gridCodes: Array<Scalars['String']['output']>;
  gridIds: Array<Scalars['ID']['output']>;
  measure: Maybe<Scalars['Float']['output']>;
  messageEn: Scalars['String']['output'];
  messageZh: Scalars['String']['output'];
  rule: Scalars['String']['output'];
  severity: Scalars['String']['output'];
  /** m2, m, count or days */
  unit: Maybe<Scalars['String']['output']>;
};

export type Query = {
  /** Coverage summary of a grid in your scope (by code; your scope root when omitted) and of its children, ranked */
  coverage: Maybe<CoverageReport>;
  /** One enterprise by id or by credit code; null when none is in your scope */
  enterprise: Maybe<Enterprise>;
  /** Enterprises in your scope, narrowed by any combination of the filters, in id order or by orderBy */
  enterprises: EnterpriseConnection;
  /** One grid by id or by code; null when none is in your scope */
  grid: Maybe<Grid>;
  /** Every version of a grid (current and past) and its assignment history */
  gridHistory: Maybe<GridHistory>;
  /** The levels of the hierarchy, top first */
  gridLevels: Array<GridLevel>;
  /** Current grids in your scope in id order, narrowed by any combination of the filters */
  grids: GridConnection;
  /** Who answers for a point: grids at every level with their people, responsible level and departments */
  locate: LocateResult;
  /** The account making the request */
  me: User;
  /** Runs one grid edit in a transaction that is rolled back and reports what it would do; saves nothing */
  previewGridChange: GridChangePreview;
  /** 失职追责: the grids and named people answering for an enterprise at a moment (now by default) */
  responsibility: Maybe<Responsibility>;
  /** Stored coverage violations inside your scope (or a grid of it), in id order, with counts per rule */
  violations: ViolationConnection;
};


export type QueryCoverageArgs = {
  scope?: InputMaybe<Scalars['String']['input']>;
};


export type QueryEnterpriseArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  uscc?: InputMaybe<Scalars['String']['input']>;
};


export type QueryEnterprisesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  bbox?: InputMaybe<Array<Scalars['Float']['input']>>;
  departmentCode?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  gridId?: InputMaybe<Scalars['ID']['input']>;
  orderBy?: InputMaybe<EnterpriseOrder>;
  riskClass?: InputMaybe<Scalars['String']['input']>;
  scale?: InputMaybe<Scale>;
  search?: InputMaybe<Scalars['String']['input']>;
  uncoveredOnly?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryGridArgs = {
  code?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryGridHistoryArgs = {
  id: Scalars['ID']['input'];
};


export type QueryGridsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  bbox?: InputMaybe<Array<Scalars['Float']['input']>>;
  codePrefix?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  intersects?: InputMaybe<Scalars['GeoJSON']['input']>;
  level?: InputMaybe<Scalars['Int']['input']>;
  parentId?: InputMaybe<Scalars['ID']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


export type QueryLocateArgs = {
  enterpriseClass?: InputMaybe<Scalars['String']['input']>;
  industryCode?: InputMaybe<Scalars['String']['input']>;
  lat: Scalars['Float']['input'];
  lon: Scalars['Float']['input'];
};


export type QueryPreviewGridChangeArgs = {
  input: GridChangeInput;
};


export type QueryResponsibilityArgs = {
  at?: InputMaybe<Scalars['DateTimeISO']['input']>;
  enterpriseId: Scalars['ID']['input'];
};


export type QueryViolationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  bbox?: InputMaybe<Array<Scalars['Float']['input']>>;
  first?: Scalars['Int']['input'];
  rules?: InputMaybe<Array<RuleId>>;
  scope?: InputMaybe<Scalars['String']['input']>;
  scopeId?: InputMaybe<Scalars['ID']['input']>;
  severity?: InputMaybe<Severity>;
};

/** 失职追责: who answered for an enterprise at a moment */
export type Responsibility = {
  at: Scalars['DateTimeISO']['output'];
  baseGrid: Maybe<ResponsibleGrid>;
  /** The grid version covering the enterprise at every level at that moment, top → base, inside your scope */
  chain: Array<ResponsibleGrid>;
  /** The enterprise’s classes (current ledger data) */
  classes: Array<Scalars['String']['output']>;
  /** Sector departments, by the current sector rules */
  departments: Array<Department>;
  enterprise: Enterprise;
  responsibleGrid: Maybe<ResponsibleGrid>;
  /** seed 000 art. 17: the level answering for it */
  responsibleLevel: Maybe<Scalars['Int']['output']>;
};

/** A grid version in force at a moment, with its people then */
export type ResponsibleGrid = {
  grid: GridVersion;
  /** Assignments in force at that moment */
  people: Array<GridAssignment>;
};

/** ADMIN: everything in scope, manages users; PLANNER: edits boundaries; SUPERVISOR: reads all, manages people; OFFICER: reads own scope; INTEGRATOR: read-only, by API key */
export type Role =
  | 'ADMIN'
  | 'INTEGRATOR'
  | 'OFFICER'
  | 'PLANNER'
  | 'SUPERVISOR';

/** How many violations of a rule match */
export type RuleCount = {
  count: Scalars['Int']['output'];
  rule: RuleId;
};

/** A "no blind spots" rule of the coverage engine (不遗漏、不交叉、全覆盖) */
export type RuleId =
  | 'ENTERPRISE_MULTI_COVERED'
  | 'ENTERPRISE_NEAR_BOUNDARY'
  | 'ENTERPRISE_UNCOVERED'
  | 'GAP'
  | 'GRID_SIZE'
  | 'GRID_UNSTAFFED'
  | 'OUTSIDE_PARENT'
  | 'OVERLAP'
  | 'SECTOR_UNASSIGNED';

/** 规模以上 ABOVE / 规模以下 BELOW / 小微企业 MICRO / 个体工商户 INDIVIDUAL */
export type Scale =
  | 'ABOVE'
  | 'BELOW'
  | 'INDIVIDUAL'
  | 'MICRO';

/** Maps enterprises to a department by industry-code prefix or by enterprise class */
export type SectorRule = {
  departmentId: Scalars['ID']['output'];
  /** e.g. NINE_SMALL, HAZARDOUS_CHEMICALS */
  enterpriseClass: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** GB/T 4754-2017 prefix, e.g. C26 */
  industryPrefix: Maybe<Scalars['String']['output']>;
};

/** Give exactly one of industryPrefix and enterpriseClass */
export type SectorRuleInput = {
  departmentId: Scalars['ID']['input'];
  enterpriseClass?: InputMaybe<Scalars['String']['input']>;
  industryPrefix?: InputMaybe<Scalars['String']['input']>;
};

export type Severity =
  | 'ERROR'
  | 'WARNING';

export type SortDirection =
  | 'ASC'
  | 'DESC';

export type SplitGridInput = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  /** LineString in WGS84 drawn across the grid, its ends beyond the boundary */
  line: Scalars['GeoJSON']['input'];
  /** Names of all the pieces, largest first (the largest keeps the grid); default: the grid’s name, then “name（2）”, “name（3）” … */
  names?: InputMaybe<Array<Scalars['String']['input']>>;
  options?: InputMaybe<GridEditOptionsInput>;
};

/** What gives way where an edited shape overlaps grids under the same parent */
export type TrimSiblings =
  /** The siblings give way: they are cut back by the new shape */
  | 'EXISTING'
  /** The new shape gives way: it is cut back to where no sibling is */
  | 'NEW'
  /** Nothing: an overlap is kept and reported by the audit (OVERLAP) */
  | 'NONE';

/** Give at least one of boundary, name and sizeExempt */
export type UpdateGridBoundaryInput = {
  /** Polygon or MultiPolygon in WGS84 */
  boundary?: InputMaybe<Scalars['GeoJSON']['input']>;
  /** The version you read; the edit fails with CONFLICT if it changed */
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  options?: InputMaybe<GridEditOptionsInput>;
  sizeExempt?: InputMaybe<Scalars['Boolean']['input']>;
};

export type UpdateGridLevelInput = {
  /** Enterprise classes the level answers for directly (seed 000 art. 17) */
  enterpriseClasses?: InputMaybe<Array<Scalars['String']['input']>>;
  level: Scalars['Int']['input'];
  nameEn?: InputMaybe<Scalars['String']['input']>;
  nameZh?: InputMaybe<Scalars['String']['input']>;
};

/** An account: a role and a territorial scope (a grid and everything below it) */
export type User = {
  createdAt: Scalars['DateTimeISO']['output'];
  disabled: Scalars['Boolean']['output'];
  /** Whether an API key is issued (integrators) */
  hasApiKey: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  /** The person record of an officer */
  personId: Maybe<Scalars['ID']['output']>;
  role: Role;
  /** Root of the scope: this grid and everything below it */
  scope: Grid;
  username: Scalars['String']['output'];
};

/** A stored result of a coverage rule, from the last audit */
export type Violation = {
  /** When the audit that found it ran */
  detectedAt: Scalars['DateTimeISO']['output'];
  /** The enterprises involved, those inside your scope */
  enterprises: Array<Enterprise>;
  /** What to draw: the gap/overlap/outside polygon, the enterprise point, a point on the grid */
  geometry: Maybe<Scalars['GeoJSON']['output']>;
  /** The grids involved, those inside your scope */
  grids: Array<Grid>;
  id: Scalars['ID']['output'];
  /** In `unit`: m² of area, m, a count or days */
  measure: Maybe<Scalars['Float']['output']>;
  /** The message in the language asked for */
  message: Scalars['String']['output'];
  messageEn: Scalars['String']['output'];
  messageZh: Scalars['String']['output'];
  rule: RuleId;
  severity: Severity;
  /** m2, m, count or days */
  unit: Maybe<Scalars['String']['output']>;
};


/** A stored result of a coverage rule, from the last audit */
export type ViolationMessageArgs = {
  lang?: Lang;
};

export type ViolationConnection = {
  /** Matching violations per rule (every filter applied), each rule asked for, zeros included */
  countsByRule: Array<RuleCount>;
  edges: Array<ViolationEdge>;
  pageInfo: PageInfo;
  /** All matching nodes, across pages */
  totalCount: Scalars['Int']['output'];
};

export type ViolationEdge = {
  cursor: Scalars['String']['output'];
  node: Violation;
};

export type GridNodeFragment = { id: string, code: string, name: string, level: number };

export type PersonOnGridFragment = { id: string, role: AssignmentRole, person: { id: string, name: string, phone: string | null } | null };

export type EditableGridShapeFragment = { version: number, boundary: import('geojson').Geometry, id: string, code: string, name: string, level: number };

export type MapGridLevelsQueryVariables = Exact<{ [key: string]: never; }>;


export type MapGridLevelsQuery = { gridLevels: Array<{ level: number, nameZh: string, nameEn: string }> };

export type LoginMutationVariables = Exact<{
  username: Scalars['String']['input'];
  password: Scalars['String']['input'];
}>;


export type LoginMutation = { login: { token: string, expiresAt: string, user: { username: string, role: Role } } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { username: string, role: Role, scope: { name: string, level: number } } };

export type EditLocateParentsQueryVariables = Exact<{
  lon: Scalars['Float']['input'];
  lat: Scalars['Float']['input'];
}>;


export type EditLocateParentsQuery = { locate: { chain: Array<{ version: number, boundary: import('geojson').Geometry, id: string, code: string, name: string, level: number }> } };

export type PreviewViolationFragment = { rule: string, severity: string, messageZh: string, messageEn: string, measure: number | null, unit: string | null, gridCodes: Array<string>, enterpriseIds: Array<string>, geometry: import('geojson').Geometry | null };

export type PreviewGridChangeQueryVariables = Exact<{
  input: GridChangeInput;
}>;


export type PreviewGridChangeQuery = { previewGridChange: { operation: string, violationsAdded: Array<{ rule: string, severity: string, messageZh: string, messageEn: string, measure: number | null, unit: string | null, gridCodes: Array<string>, enterpriseIds: Array<string>, geometry: import('geojson').Geometry | null }>, violationsRemoved: Array<{ rule: string, severity: string, messageZh: string, messageEn: string, measure: number | null, unit: string | null, gridCodes: Array<string>, enterpriseIds: Array<string>, geometry: import('geojson').Geometry | null }>, enterpriseMoves: Array<{ enterpriseId: string, name: string, fromGridCode: string | null, toGridCode: string | null }>, grids: Array<{ id: string, code: string, name: string, level: number, kind: GridChangeKind, enterpriseCountBefore: number | null, enterpriseCountAfter: number | null, areaM2Before: number | null, areaM2After: number | null, boundaryAfter: import('geojson').Geometry | null }> } };

export type CreateGridMutationVariables = Exact<{
  input: CreateGridInput;
}>;


export type CreateGridMutation = { createGrid: { id: string, code: string, name: string, version: number } };

export type EditEnterprisesInBoxQueryVariables = Exact<{
  bbox: Array<Scalars['Float']['input']> | Scalars['Float']['input'];
}>;


export type EditEnterprisesInBoxQuery = { enterprises: { edges: Array<{ node: { id: string, lon: number, lat: number } }> } };

export type GridForEditQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type GridForEditQuery = { grid: { version: number, boundary: import('geojson').Geometry, id: string, code: string, name: string, level: number, parent: { boundary: import('geojson').Geometry } | null } | null };

export type SavedGridFragment = { id: string, code: string, version: number };

export type UpdateGridBoundaryMutationVariables = Exact<{
  input: UpdateGridBoundaryInput;
}>;


export type UpdateGridBoundaryMutation = { updateGridBoundary: { id: string, code: string, version: number } };

export type SplitGridMutationVariables = Exact<{
  input: SplitGridInput;
}>;


export type SplitGridMutation = { splitGrid: Array<{ id: string, code: string, version: number }> };

export type MergeGridsMutationVariables = Exact<{
  input: MergeGridsInput;
}>;


export type MergeGridsMutation = { mergeGrids: { id: string, code: string, version: number } };

export type EditGridNeighboursQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type EditGridNeighboursQuery = { grid: { id: string, parent: { boundary: import('geojson').Geometry, children: Array<{ id: string, boundary: import('geojson').Geometry }> } | null } | null };

export type EditGridsInViewQueryVariables = Exact<{
  bbox: Array<Scalars['Float']['input']> | Scalars['Float']['input'];
  level: Scalars['Int']['input'];
  first: Scalars['Int']['input'];
}>;


export type EditGridsInViewQuery = { grids: { edges: Array<{ node: { id: string, boundary: import('geojson').Geometry } }> } };

export type ViolationItemFragment = { id: string, rule: RuleId, severity: Severity, messageZh: string, messageEn: string, measure: number | null, unit: string | null, geometry: import('geojson').Geometry | null, grids: Array<{ id: string, code: string, name: string }> };

export type CoverageRowFragment = { gridId: string, code: string, name: string, level: number, score: number, areaCoveredRatio: number, enterprisesTotal: number, enterprisesUncovered: number, enterprisesMultiCovered: number, grids: number, gridsUnstaffed: number, violationsByRule: Record<string, unknown> };

export type PanelGridRootsQueryVariables = Exact<{
  search?: InputMaybe<Scalars['String']['input']>;
  level?: InputMaybe<Scalars['Int']['input']>;
}>;


export type PanelGridRootsQuery = { grids: { edges: Array<{ node: { id: string, code: string, name: string, level: number } }> } };

export type PanelGridChildrenQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PanelGridChildrenQuery = { grid: { id: string, children: Array<{ id: string, code: string, name: string, level: number }> } | null };

export type PanelGridCardQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PanelGridCardQuery = { grid: { areaM2: number, sizeExempt: boolean, version: number, validFrom: string, enterpriseCount: number, boundary: import('geojson').Geometry, id: string, code: string, name: string, level: number, parent: { id: string, name: string } | null, people: Array<{ id: string, role: AssignmentRole, person: { id: string, name: string, phone: string | null } | null }>, violations: Array<{ id: string, rule: RuleId, severity: Severity, messageZh: string, messageEn: string, measure: number | null, unit: string | null, geometry: import('geojson').Geometry | null, grids: Array<{ id: string, code: string, name: string }> }> } | null, gridHistory: { versions: Array<{ id: string, version: number, name: string, validFrom: string, validTo: string | null, areaM2: number }> } | null };

export type PanelLedgerQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  scale?: InputMaybe<Scale>;
  riskClass?: InputMaybe<Scalars['String']['input']>;
  departmentCode?: InputMaybe<Scalars['String']['input']>;
  uncoveredOnly?: InputMaybe<Scalars['Boolean']['input']>;
  orderBy?: InputMaybe<EnterpriseOrder>;
}>;


export type PanelLedgerQuery = { enterprises: { totalCount: number, pageInfo: { endCursor: string | null, hasNextPage: boolean }, edges: Array<{ cursor: string, node: { id: string, name: string, uscc: string, scale: Scale, riskClasses: Array<string>, nineSmall: boolean, employees: number, industryCode: string, address: string | null, phone: string | null, lon: number, lat: number, baseGrid: { id: string, name: string, code: string } | null } }> } };

export type PanelViolationsQueryVariables = Exact<{ [key: string]: never; }>;


export type PanelViolationsQuery = { violations: { totalCount: number, countsByRule: Array<{ rule: RuleId, count: number }>, edges: Array<{ node: { id: string, rule: RuleId, severity: Severity, messageZh: string, messageEn: string, measure: number | null, unit: string | null, geometry: import('geojson').Geometry | null, grids: Array<{ id: string, code: string, name: string }> } }> }, coverage: { scope: { code: string, level: number }, children: Array<{ code: string, name: string }> } | null };

export type PanelCoverageQueryVariables = Exact<{
  scope?: InputMaybe<Scalars['String']['input']>;
}>;


export type PanelCoverageQuery = { coverage: { auditedAt: string | null, scope: { gridId: string, code: string, name: string, level: number, score: number, areaCoveredRatio: number, enterprisesTotal: number, enterprisesUncovered: number, enterprisesMultiCovered: number, grids: number, gridsUnstaffed: number, violationsByRule: Record<string, unknown> }, children: Array<{ gridId: string, code: string, name: string, level: number, score: number, areaCoveredRatio: number, enterprisesTotal: number, enterprisesUncovered: number, enterprisesMultiCovered: number, grids: number, gridsUnstaffed: number, violationsByRule: Record<string, unknown> }> } | null };

export type PanelLocateQueryVariables = Exact<{
  lon: Scalars['Float']['input'];
  lat: Scalars['Float']['input'];
}>;


export type PanelLocateQuery = { locate: { lon: number, lat: number, uncovered: boolean, outsideScope: boolean, distanceToBaseEdgeM: number | null, chain: Array<{ id: string, code: string, name: string, level: number, people: Array<{ id: string, role: AssignmentRole, person: { id: string, name: string, phone: string | null } | null }> }>, baseGrid: { id: string, boundary: import('geojson').Geometry } | null } };

export const PersonOnGridFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PersonOnGrid"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GridAssignment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}}]}}]} as unknown as DocumentNode<PersonOnGridFragment, unknown>;
export const GridNodeFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GridNode"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Grid"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]} as unknown as DocumentNode<GridNodeFragment, unknown>;
export const EditableGridShapeFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EditableGridShape"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Grid"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GridNode"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"boundary"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GridNode"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Grid"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]} as unknown as DocumentNode<EditableGridShapeFragment, unknown>;
export const PreviewViolationFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PreviewViolation"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PreviewViolation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"messageZh"}},{"kind":"Field","name":{"kind":"Name","value":"messageEn"}},{"kind":"Field","name":{"kind":"Name","value":"measure"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"gridCodes"}},{"kind":"Field","name":{"kind":"Name","value":"enterpriseIds"}},{"kind":"Field","name":{"kind":"Name","value":"geometry"}}]}}]} as unknown as DocumentNode<PreviewViolationFragment, unknown>;
export const SavedGridFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SavedGrid"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Grid"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<SavedGridFragment, unknown>;
export const ViolationItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ViolationItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Violation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"messageZh"}},{"kind":"Field","name":{"kind":"Name","value":"messageEn"}},{"kind":"Field","name":{"kind":"Name","value":"measure"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"geometry"}},{"kind":"Field","name":{"kind":"Name","value":"grids"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ViolationItemFragment, unknown>;
export const CoverageRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CoverageSummaryType"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gridId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"areaCoveredRatio"}},{"kind":"Field","name":{"kind":"Name","value":"enterprisesTotal"}},{"kind":"Field","name":{"kind":"Name","value":"enterprisesUncovered"}},{"kind":"Field","name":{"kind":"Name","value":"enterprisesMultiCovered"}},{"kind":"Field","name":{"kind":"Name","value":"grids"}},{"kind":"Field","name":{"kind":"Name","value":"gridsUnstaffed"}},{"kind":"Field","name":{"kind":"Name","value":"violationsByRule"}}]}}]} as unknown as DocumentNode<CoverageRowFragment, unknown>;
export const MapGridLevelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MapGridLevels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gridLevels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}}]}}]} as unknown as DocumentNode<MapGridLevelsQuery, MapGridLevelsQueryVariables>;
export const LoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"scope"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const EditLocateParentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EditLocateParents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"lon"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"lat"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"lon"},"value":{"kind":"Variable","name":{"kind":"Name","value":"lon"}}},{"kind":"Argument","name":{"kind":"Name","value":"lat"},"value":{"kind":"Variable","name":{"kind":"Name","value":"lat"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chain"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EditableGridShape"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GridNode"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Grid"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EditableGridShape"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Grid"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GridNode"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"boundary"}}]}}]} as unknown as DocumentNode<EditLocateParentsQuery, EditLocateParentsQueryVariables>;
export const PreviewGridChangeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PreviewGridChange"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GridChangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"previewGridChange"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"violationsAdded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PreviewViolation"}}]}},{"kind":"Field","name":{"kind":"Name","value":"violationsRemoved"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PreviewViolation"}}]}},{"kind":"Field","name":{"kind":"Name","value":"enterpriseMoves"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterpriseId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fromGridCode"}},{"kind":"Field","name":{"kind":"Name","value":"toGridCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"grids"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"enterpriseCountBefore"}},{"kind":"Field","name":{"kind":"Name","value":"enterpriseCountAfter"}},{"kind":"Field","name":{"kind":"Name","value":"areaM2Before"}},{"kind":"Field","name":{"kind":"Name","value":"areaM2After"}},{"kind":"Field","name":{"kind":"Name","value":"boundaryAfter"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PreviewViolation"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PreviewViolation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"messageZh"}},{"kind":"Field","name":{"kind":"Name","value":"messageEn"}},{"kind":"Field","name":{"kind":"Name","value":"measure"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"gridCodes"}},{"kind":"Field","name":{"kind":"Name","value":"enterpriseIds"}},{"kind":"Field","name":{"kind":"Name","value":"geometry"}}]}}]} as unknown as DocumentNode<PreviewGridChangeQuery, PreviewGridChangeQueryVariables>;
export const CreateGridDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateGrid"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGridInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createGrid"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<CreateGridMutation, CreateGridMutationVariables>;
export const EditEnterprisesInBoxDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EditEnterprisesInBox"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"bbox"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprises"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"bbox"},"value":{"kind":"Variable","name":{"kind":"Name","value":"bbox"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lon"}},{"kind":"Field","name":{"kind":"Name","value":"lat"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EditEnterprisesInBoxQuery, EditEnterprisesInBoxQueryVariables>;
export const GridForEditDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GridForEdit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grid"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EditableGridShape"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"boundary"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GridNode"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Grid"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EditableGridShape"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Grid"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GridNode"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"boundary"}}]}}]} as unknown as DocumentNode<GridForEditQuery, GridForEditQueryVariables>;
export const UpdateGridBoundaryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateGridBoundary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateGridBoundaryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateGridBoundary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SavedGrid"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SavedGrid"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Grid"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<UpdateGridBoundaryMutation, UpdateGridBoundaryMutationVariables>;
export const SplitGridDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SplitGrid"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SplitGridInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"splitGrid"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SavedGrid"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SavedGrid"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Grid"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<SplitGridMutation, SplitGridMutationVariables>;
export const MergeGridsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MergeGrids"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MergeGridsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mergeGrids"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SavedGrid"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SavedGrid"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Grid"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<MergeGridsMutation, MergeGridsMutationVariables>;
export const EditGridNeighboursDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EditGridNeighbours"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grid"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"boundary"}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"boundary"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EditGridNeighboursQuery, EditGridNeighboursQueryVariables>;
export const EditGridsInViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EditGridsInView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"bbox"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"level"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grids"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"bbox"},"value":{"kind":"Variable","name":{"kind":"Name","value":"bbox"}}},{"kind":"Argument","name":{"kind":"Name","value":"level"},"value":{"kind":"Variable","name":{"kind":"Name","value":"level"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"boundary"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EditGridsInViewQuery, EditGridsInViewQueryVariables>;
export const PanelGridRootsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PanelGridRoots"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"level"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grids"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"level"},"value":{"kind":"Variable","name":{"kind":"Name","value":"level"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GridNode"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GridNode"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Grid"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]} as unknown as DocumentNode<PanelGridRootsQuery, PanelGridRootsQueryVariables>;
export const PanelGridChildrenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PanelGridChildren"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grid"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GridNode"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GridNode"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Grid"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]} as unknown as DocumentNode<PanelGridChildrenQuery, PanelGridChildrenQueryVariables>;
export const PanelGridCardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PanelGridCard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grid"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GridNode"}},{"kind":"Field","name":{"kind":"Name","value":"areaM2"}},{"kind":"Field","name":{"kind":"Name","value":"sizeExempt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"enterpriseCount"}},{"kind":"Field","name":{"kind":"Name","value":"boundary"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"people"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PersonOnGrid"}}]}},{"kind":"Field","name":{"kind":"Name","value":"violations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ViolationItem"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"gridHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}},{"kind":"Field","name":{"kind":"Name","value":"areaM2"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GridNode"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Grid"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PersonOnGrid"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GridAssignment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ViolationItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Violation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"messageZh"}},{"kind":"Field","name":{"kind":"Name","value":"messageEn"}},{"kind":"Field","name":{"kind":"Name","value":"measure"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"geometry"}},{"kind":"Field","name":{"kind":"Name","value":"grids"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<PanelGridCardQuery, PanelGridCardQueryVariables>;
export const PanelLedgerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PanelLedger"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scale"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Scale"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"riskClass"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"departmentCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uncoveredOnly"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EnterpriseOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprises"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"scale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scale"}}},{"kind":"Argument","name":{"kind":"Name","value":"riskClass"},"value":{"kind":"Variable","name":{"kind":"Name","value":"riskClass"}}},{"kind":"Argument","name":{"kind":"Name","value":"departmentCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"departmentCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"uncoveredOnly"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uncoveredOnly"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"riskClasses"}},{"kind":"Field","name":{"kind":"Name","value":"nineSmall"}},{"kind":"Field","name":{"kind":"Name","value":"employees"}},{"kind":"Field","name":{"kind":"Name","value":"industryCode"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"lon"}},{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"baseGrid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PanelLedgerQuery, PanelLedgerQueryVariables>;
export const PanelViolationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PanelViolations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"violations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"countsByRule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ViolationItem"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"coverage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scope"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ViolationItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Violation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"messageZh"}},{"kind":"Field","name":{"kind":"Name","value":"messageEn"}},{"kind":"Field","name":{"kind":"Name","value":"measure"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"geometry"}},{"kind":"Field","name":{"kind":"Name","value":"grids"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<PanelViolationsQuery, PanelViolationsQueryVariables>;
export const PanelCoverageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PanelCoverage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scope"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coverage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"scope"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scope"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditedAt"}},{"kind":"Field","name":{"kind":"Name","value":"scope"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageRow"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageRow"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CoverageSummaryType"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gridId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"areaCoveredRatio"}},{"kind":"Field","name":{"kind":"Name","value":"enterprisesTotal"}},{"kind":"Field","name":{"kind":"Name","value":"enterprisesUncovered"}},{"kind":"Field","name":{"kind":"Name","value":"enterprisesMultiCovered"}},{"kind":"Field","name":{"kind":"Name","value":"grids"}},{"kind":"Field","name":{"kind":"Name","value":"gridsUnstaffed"}},{"kind":"Field","name":{"kind":"Name","value":"violationsByRule"}}]}}]} as unknown as DocumentNode<PanelCoverageQuery, PanelCoverageQueryVariables>;
export const PanelLocateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PanelLocate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"lon"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"lat"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"lon"},"value":{"kind":"Variable","name":{"kind":"Name","value":"lon"}}},{"kind":"Argument","name":{"kind":"Name","value":"lat"},"value":{"kind":"Variable","name":{"kind":"Name","value":"lat"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lon"}},{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"uncovered"}},{"kind":"Field","name":{"kind":"Name","value":"outsideScope"}},{"kind":"Field","name":{"kind":"Name","value":"distanceToBaseEdgeM"}},{"kind":"Field","name":{"kind":"Name","value":"chain"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GridNode"}},{"kind":"Field","name":{"kind":"Name","value":"people"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PersonOnGrid"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"baseGrid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"boundary"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GridNode"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Grid"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PersonOnGrid"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GridAssignment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}}]}}]} as unknown as DocumentNode<PanelLocateQuery, PanelLocateQueryVariables>;