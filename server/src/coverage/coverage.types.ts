/**
 * The coverage engine's vocabulary: rule ids, severities, thresholds and the row every
 * rule's SQL returns. Rules live one per file in ./rules/, each a {@link CoverageRule}.
 */

import type { PassId } from './shared-passes';

/** The "no blind spots" rules of shared/DOMAIN.md that the engine checks spatially. */
export const RULE_IDS = [
  'GAP',
  'OVERLAP',
  'OUTSIDE_PARENT',
  'ENTERPRISE_UNCOVERED',
  'ENTERPRISE_MULTI_COVERED',
  'ENTERPRISE_NEAR_BOUNDARY',
  'GRID_UNSTAFFED',
  'SECTOR_UNASSIGNED',
  'GRID_SIZE',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Severity = 'ERROR' | 'WARNING';

/** Configurable limits; defaults from shared/DOMAIN.md. */
export interface CoverageThresholds {
  /** GAP, OVERLAP, OUTSIDE_PARENT ignore pieces of at most this area (m²). */
  minSliverAreaM2: number;
  /** ENTERPRISE_NEAR_BOUNDARY: closer than this to an edge of its base grid (m). */
  nearBoundaryM: number;
  /** GRID_SIZE: seed 003 §4, base grids hold 50–100 enterprises. */
  gridSizeMin: number;
  gridSizeMax: number;
}

export const DEFAULT_THRESHOLDS: CoverageThresholds = {
  minSliverAreaM2: 1,
  nearBoundaryM: 10,
  gridSizeMin: 50,
  gridSizeMax: 100,
};

/**
 * What a rule re-checks when asked about a set of ids:
 * - `grid`: the ids are grids; the rule reports the violations *owned* by those grids
 *   (GAP and OVERLAP are owned by the parent, OUTSIDE_PARENT by the child, GRID_UNSTAFFED
 *   and GRID_SIZE by the grid itself);
 * - `enterprise`: the ids are enterprises; the rule reports those enterprises' violations.
 */
export type RuleFocus = 'grid' | 'enterprise';

/** One violation as a rule's SQL returns it (column names in quotes). */
export interface ViolationRow {
  /** the grid or enterprise id that owns this row (see RuleFocus) */
  focusId: string;
  /** the grid the violation is reported under: parent for GAP/OVERLAP, the grid, or the enterprise's deepest covering grid */
  scopeGridId: string | null;
  gridIds: string[];
  enterpriseIds: string[];
  /** GeoJSON text of the geometry to draw (gap/overlap/outside polygon, the point, the grid) */
  geometry: string | null;
  measure: number | null;
  /** free-form facts the message needs, e.g. { code: '371323101', count: 3 } */
  details: Record<string, string | number | null>;
}

export interface CoverageRule {
  id: RuleId;
  severity: Severity;
  focus: RuleFocus;
  unit: 'm2' | 'm' | 'count' | 'days' | null;
  /**
   * SQL returning ViolationRow columns ("focusId", "scopeGridId", "gridIds", "enterpriseIds",
   * "geometry", "measure", "details"). Parameters: $1 bigint[] focus ids (NULL = every
   * grid/enterprise), $2 jsonb thresholds (CoverageThresholds), $3 timestamptz "now".
   * Computes the shared passes it reads inline, starting from the focus ids.
   */
  sql: string;
  /** The shared passes (shared-passes.ts) the rule reads; none when omitted. */
  passes?: readonly PassId[];
  /**
   * The same rule built from the same template, reading its passes from the temporary
   * tables a full audit filled once for all rules (same parameters). Set with `passes`.
   */
  sharedSql?: string;
  /** The message in zh-CN and en for one violation. */
  message(row: ViolationRow, thresholds: CoverageThresholds): { zh: string; en: string };
}
