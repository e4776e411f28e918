/**
 * Coverage summaries of grids, rolled up over each grid's subtree from the stored audit
 * results, with a 0–100 score a supervisor can rank towns by.
 *
 * Score = 100 × areaCovered × enterprisesInOneBaseGrid × gridsStaffed × enterprisesWithDepartment,
 * each a ratio in 0…1: a blind spot of any kind (area, enterprise, person, department) pulls
 * the score down in proportion, and a perfect subtree scores 100.
 */
import { violationInScopeSql } from '../auth/scope.sql';
import type { RuleId } from './coverage.types';
import type { Queryable } from './rule.runner';

export interface CoverageSummary {
  gridId: string;
  code: string;
  name: string;
  level: number;
  areaM2: number;
  /** share of the area covered by base grids: 1 − (gap areas at every level below) / area */
  areaCoveredRatio: number;
  grids: number;
  gridsUnstaffed: number;
  enterprisesTotal: number;
  enterprisesInOneBaseGrid: number;
  enterprisesUncovered: number;
  enterprisesMultiCovered: number;
  enterprisesWithoutDepartment: number;
  violationsByRule: Partial<Record<RuleId, number>>;
  score: number;
}

// Per root grid: its subtree, then gap area, enterprises and violations under it.
const SUMMARY_SQL = `
  WITH sub AS MATERIALIZED (SELECT root, id FROM grid_subtree($1::bigint[])),
  grids AS (SELECT root, count(*)::int AS n, array_agg(id) AS ids FROM sub GROUP BY root),
  placed AS (
    SELECT s.root, count(e.id)::int AS n
    FROM sub s JOIN enterprise e ON e.base_grid_id = s.id AND e.status <> 'CLOSED'
    GROUP BY s.root
  ),
  violations AS (
    SELECT g.root, v.rule, count(DISTINCT v.id)::int AS n, coalesce(sum(v.measure), 0) AS measure
    FROM grids g JOIN coverage_violation v ON ${violationInScopeSql('v', 'g.ids', 'g.root')}
    GROUP BY g.root, v.rule
  )
  SELECT r.id::text AS "gridId", r.code, r.name, r.level::int AS level, r.area_m2 AS "areaM2",
         g.n AS grids, coalesce(p.n, 0) AS placed,
         coalesce((SELECT jsonb_object_agg(v.rule, v.n) FROM violations v WHERE v.root = r.id), '{}') AS counts,
         coalesce((SELECT v.measure FROM violations v WHERE v.root = r.id AND v.rule = 'GAP'), 0) AS "gapM2"
  FROM grid r JOIN grids g ON g.root = r.id LEFT JOIN placed p ON p.root = r.id
  ORDER BY r.code`;

interface SummaryRow {
  gridId: string;
  code: string;
  name: string;
  level: number;
  areaM2: number;
  grids: number;
  placed: number;
  counts: Partial<Record<RuleId, number>>;
  gapM2: number;
}

export async function coverageSummaries(db: Queryable, gridIds: string[]): Promise<CoverageSummary[]> {
  const rows: SummaryRow[] = await db.query(SUMMARY_SQL, [gridIds]);
  return rows.map(toSummary);
}

/** Pure: a summary row → ratios and score. */
export function toSummary(row: SummaryRow): CoverageSummary {
  const c = row.counts;
  const multi = c.ENTERPRISE_MULTI_COVERED ?? 0;
  const uncovered = c.ENTERPRISE_UNCOVERED ?? 0;
  const inOne = Math.max(0, row.placed - multi);
  const total = row.placed + uncovered;
  const ratio = (part: number, whole: number) => (whole > 0 ? Math.min(1, Math.max(0, part / whole)) : 1);
  const areaCoveredRatio = row.areaM2 > 0 ? Math.max(0, 1 - row.gapM2 / row.areaM2) : 1;
  const unstaffed = c.GRID_UNSTAFFED ?? 0;
  const withoutDepartment = c.SECTOR_UNASSIGNED ?? 0;
  const score =
    100 *
    areaCoveredRatio *
    ratio(inOne, total) *
    ratio(row.grids - unstaffed, row.grids) *
    ratio(total - withoutDepartment, total);
  return {
    gridId: row.gridId,
    code: row.code,
    name: row.name,
    level: row.level,
    areaM2: row.areaM2,
    areaCoveredRatio,
    grids: row.grids,
    gridsUnstaffed: unstaffed,
    enterprisesTotal: total,
    enterprisesInOneBaseGrid: inOne,
    enterprisesUncovered: uncovered,
    enterprisesMultiCovered: multi,
    enterprisesWithoutDepartment: withoutDepartment,
    violationsByRule: c,
    // to 0.1, rounded down: only a subtree with no blind spot reads 100
    score: score >= 100 ? 100 : Math.floor(score * 10) / 10,
  };
}
