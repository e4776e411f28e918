import { VIOLATION_COLUMNS, type StoredViolation } from '../coverage/coverage.repository';
import type { RuleId, Severity } from '../coverage/coverage.types';
import type { Queryable } from '../coverage/rule.runner';
import type { LonLatBox } from '../geo/query-geometry.validation';
import { groupRows, SqlFilter } from '../graphql/sql-filter';
import { gridWithinSql, violationInScopeSql } from '../auth/scope.sql';
import type { Violation } from './violation.types';

/** What a list of stored violations can be narrowed to; they combine. */
export interface ViolationFilter {
  /** reported under, or naming, a grid of this grid's subtree */
  scopeGridId: string;
  rules?: readonly RuleId[] | null;
  severity?: Severity | null;
  /** geometry meets [minLon, minLat, maxLon, maxLat] */
  bbox?: LonLatBox | null;
}

const COLUMNS = `${VIOLATION_COLUMNS}, v.detected_at AS "detectedAt"`;

type ViolationRow = StoredViolation & { detectedAt: Date };

/** Every line of SQL about reading stored violations. */
export class ViolationRepository {
  constructor(private readonly db: Queryable) {}

  /** A page in id order after a key. */
  async page(filter: ViolationFilter, afterId: string | null, limit: number): Promise<Violation[]> {
    const where = violationWhere(filter);
    const rows: ViolationRow[] = await this.db.query(
      where.page(COLUMNS, 'coverage_violation v', afterId, limit),
      where.params,
    );
    return rows.map(toViolation);
  }

  /** Matching violations per rule (rules without any are absent). */
  async countsByRule(filter: ViolationFilter): Promise<Map<RuleId, number>> {
    const where = violationWhere(filter);
    const rows: { rule: RuleId; n: number }[] = await this.db.query(
      `SELECT v.rule, count(*)::int AS n FROM coverage_violation v WHERE ${where.sql} GROUP BY v.rule`,
      where.params,
    );
    return new Map(rows.map((r) => [r.rule, r.n]));
  }

  /**
   * The first `limit` violations (id order, of some rules or all) reported under or naming
   * each grid, for the grids inside scope root `scopeGridId`.
   */
  async forGrids(
    gridIds: readonly string[],
    limit: number,
    rules: readonly RuleId[] | null,
    scopeGridId: string,
  ): Promise<Map<string, Violation[]>> {
    const rows: (ViolationRow & { forGridId: string })[] = await this.db.query(
      `SELECT x.* FROM unnest($1::bigint[]) AS k(grid_id)
       CROSS JOIN LATERAL (
         SELECT ${COLUMNS}, k.grid_id::text AS "forGridId" FROM coverage_violation v
         WHERE (v.scope_grid_id = k.grid_id OR v.grid_ids @> ARRAY[k.grid_id])
           AND ($4::text[] IS NULL OR v.rule = ANY ($4::text[]))
         ORDER BY v.id LIMIT $2
       ) x
       WHERE ${gridWithinSql('k.grid_id', '$3::bigint')}`,
      [gridIds, limit, scopeGridId, rules],
    );
    return groupRows(rows, (r) => r.forGridId, toViolation);
  }
}

function violationWhere(filter: ViolationFilter): SqlFilter {
  const where = new SqlFilter();
  const root = `${where.param(filter.scopeGridId)}::bigint`;
  const subtree = `(SELECT coalesce(array_agg(s.id), '{}') FROM grid_subtree(ARRAY[${root}]) s)`;
  // as the stored results of a scoped audit: reported under or naming a grid of the subtree;
  // what names no grid at all (an enterprise outside every grid) is the top level's
  where.where(violationInScopeSql('v', `${subtree}::bigint[]`, root));
  if (filter.rules != null) where.where(`v.rule = ANY (${where.param(filter.rules)}::text[])`);
  if (filter.severity != null) where.where(`v.severity = ${where.param(filter.severity)}`);
  if (filter.bbox != null) {
    const [x0, y0, x1, y1] = filter.bbox.map((v) => where.param(v));
    where.where(
      `ST_Intersects(v.geometry, ST_MakeEnvelope(${x0}::float8, ${y0}::float8, ${x1}::float8, ${y1}::float8, 4326))`,
    );
  }
  return where;
}

function toViolation(row: ViolationRow): Violation {
  return {
    id: row.id,
    rule: row.rule,
    severity: row.severity,
    messageZh: row.messageZh,
    messageEn: row.messageEn,
    measure: row.measure == null ? null : Number(row.measure),
    unit: row.unit,
    geometry: row.geometry == null ? null : JSON.parse(row.geometry),
    detectedAt: row.detectedAt,
    gridIds: row.gridIds ?? [],
    enterpriseIds: row.enterpriseIds ?? [],
  };
}
