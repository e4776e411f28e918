/**
 * The demo generator's output contract; the PostGIS loader depends on these exact names.
 */
import type { MultiPolygon, Point, Polygon } from 'geojson';
import type {
  AssignmentRole,
  EnterpriseClass,
  EnterpriseStatus,
  RiskClass,
  Scale,
} from '../reference/enterprise-classes';

export type DemoPreset = 'county' | 'province';

export interface DemoOptions {
  preset: DemoPreset;
  seed: number;
  /** Planted instances of each defect kind (GRID_SIZE: this many under- and as many over-sized). */
  defects: number;
}

export interface DemoLevel {
  level: number;
  nameZh: string;
  nameEn: string;
  enterpriseClasses: EnterpriseClass[];
}

export interface DemoGrid {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
  boundary: MultiPolygon;
  /** seed 003 §4: a small village may be one grid, so the 50–100 rule does not apply. */
  sizeExempt: boolean;
}

export interface DemoPerson {
  key: string;
  name: string;
  phone: string;
}

/** since/until are ISO timestamps; until null means the assignment is active. */
export interface DemoAssignment {
  gridCode: string;
  personKey: string;
  role: AssignmentRole;
  since: string;
  until: string | null;
}

export interface DemoEnterprise {
  uscc: string;
  name: string;
  address: string;
  lon: number;
  lat: number;
  industryCode: string;
  scale: Scale;
  riskClasses: RiskClass[];
  nineSmall: boolean;
  keyFireUnit: boolean;
  majorHazard: boolean;
  employees: number;
  status: EnterpriseStatus;
  legalRepresentative: string;
  safetyManager: string;
  phone: string;
}

/** A grid's parent and every person an assignment names come in the same or an earlier chunk. */
export interface DemoChunk {
  grids: DemoGrid[];
  people: DemoPerson[];
  assignments: DemoAssignment[];
  enterprises: DemoEnterprise[];
}

export type PlantedRule =
  | 'GAP'
  | 'OVERLAP'
  | 'OUTSIDE_PARENT'
  | 'ENTERPRISE_UNCOVERED'
  | 'ENTERPRISE_MULTI_COVERED'
  | 'GRID_UNSTAFFED'
  | 'SECTOR_UNASSIGNED'
  | 'GRID_SIZE';

export const PLANTED_RULES: readonly PlantedRule[] = [
  'GAP',
  'OVERLAP',
  'OUTSIDE_PARENT',
  'ENTERPRISE_UNCOVERED',
  'ENTERPRISE_MULTI_COVERED',
  'GRID_UNSTAFFED',
  'SECTOR_UNASSIGNED',
  'GRID_SIZE',
];

/**
 * One planted violation. gridCodes, by rule: GAP [parent, child the gap was cut from];
 * OVERLAP [extended grid, grid it extends into]; OUTSIDE_PARENT [child, parent];
 * ENTERPRISE_MULTI_COVERED [both base grids]; ENTERPRISE_UNCOVERED []; SECTOR_UNASSIGNED
 * [its base grid]; GRID_UNSTAFFED and GRID_SIZE [the grid].
 */
export interface PlantedDefect {
  rule: PlantedRule;
  gridCodes: string[];
  usccs: string[];
  geometry: Polygon | MultiPolygon | Point | null;
  /** m² for areas, enterprise count for GRID_SIZE, otherwise null. */
  measure: number | null;
  note: string;
}

export interface DemoManifest {
  preset: DemoPreset;
  seed: number;
  defectsPerKind: number;
  counts: { gridsByLevel: Record<number, number>; enterprises: number; people: number };
  planted: PlantedDefect[];
}

export interface DemoGeneration {
  levels: DemoLevel[];
  chunks(): Generator<DemoChunk>;
  /** complete once chunks() is exhausted */
  manifest(): DemoManifest;
}
