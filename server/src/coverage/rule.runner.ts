import type { EntityManager } from 'typeorm';
import type { CoverageRule, CoverageThresholds, ViolationRow } from './coverage.types';

/** Anything that can run SQL: a DataSource, an EntityManager or a QueryRunner's manager. */
export type Queryable = Pick<EntityManager, 'query'>;

/**
 * Runs one rule for the given focus ids (null = everything) and returns its violations,
 * ordered by focus id so results compare equal between runs. `passes`: 'inline' computes the
 * shared passes the rule reads itself; 'shared' reads the temporary tables a full audit
 * filled (CoverageService.fullAudit) on this same session.
 */
export async function runRule(
  db: Queryable,
  rule: CoverageRule,
  focusIds: readonly string[] | null,
  thresholds: CoverageThresholds,
  now: Date = new Date(),
  passes: 'inline' | 'shared' = 'inline',
): Promise<ViolationRow[]> {
  const sql = passes === 'shared' && rule.sharedSql ? rule.sharedSql : rule.sql;
  const rows: ViolationRow[] = await db.query(sql, [
    focusIds,
    JSON.stringify(thresholds),
    now.toISOString(),
  ]);
  return rows
    .map((r) => ({
      ...r,
      focusId: String(r.focusId),
      scopeGridId: r.scopeGridId == null ? null : String(r.scopeGridId),
      gridIds: (r.gridIds ?? []).map(String),
      enterpriseIds: (r.enterpriseIds ?? []).map(String),
      measure: r.measure == null ? null : Number(r.measure),
      details: r.details ?? {},
    }))
    .sort(compareViolations);
}

export function compareViolations(a: ViolationRow, b: ViolationRow): number {
  return (
    Number(a.focusId) - Number(b.focusId) ||
    a.gridIds.join(',').localeCompare(b.gridIds.join(',')) ||
    a.enterpriseIds.join(',').localeCompare(b.enterpriseIds.join(',')) ||
    (a.measure ?? 0) - (b.measure ?? 0)
  );
}
