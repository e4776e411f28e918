import type { CoverageRule, CoverageThresholds, RuleId, Severity, ViolationRow } from './coverage.types';
import type { Queryable } from './rule.runner';
import type { SharedPass } from './shared-passes';

/** Settings that bound a hash table's memory: work_mem (e.g. '64MB') and hash_mem_multiplier. */
export interface HashMemory {
  workMem: string;
  multiplier: string;
}

/** A violation as stored in coverage_violation. */
export interface StoredViolation extends ViolationRow {
  id: string;
  rule: RuleId;
  severity: Severity;
  unit: string | null;
  messageZh: string;
  messageEn: string;
  auditRunId: string | null;
}

// The grids of the subtree under a root, the root included.
const SUBTREE_SQL = `SELECT id::text AS id FROM grid_subtree(ARRAY[$1]::bigint[])`;

// Enterprises a scope answers for: inside the root's boundary or with a base grid below it.
const SCOPE_ENTERPRISES_SQL = `
  SELECT e.id::text AS id FROM enterprise e, grid r
  WHERE r.id = $1 AND ST_Covers(r.boundary, e.location)
  UNION
  SELECT e.id::text FROM enterprise e WHERE e.base_grid_id = ANY ($2::bigint[])`;

// Enterprises whose checks an edit of these boundaries can change: within the near-boundary
// distance of the old or new shape (degrees are widened so the box never misses one).
// MATERIALIZED: inlined, each candidate row would parse the GeoJSON again, and PostGIS could
// not reuse a prepared shape (a town's 4,000 enterprises took 11 s instead of 0.1 s).
const ENTERPRISES_NEAR_SHAPES_SQL = `
  WITH shapes AS MATERIALIZED (
    SELECT ST_SetSRID(ST_GeomFromGeoJSON(s), 4326) AS g FROM unnest($1::text[]) AS s
  )
  SELECT DISTINCT e.id::text AS id
  FROM shapes, enterprise e
  WHERE ST_DWithin(shapes.g, e.location, $2::float8 / 111000.0 / cos(radians(least(abs(ST_YMax(shapes.g)), 85))) * 1.5)`;

export const VIOLATION_COLUMNS = `v.id::text AS id, v.rule, v.severity, v.focus_id::text AS "focusId", v.scope_grid_id::text AS "scopeGridId",
  v.grid_ids::text[] AS "gridIds", v.enterprise_ids::text[] AS "enterpriseIds",
  ST_AsGeoJSON(v.geometry, 9) AS geometry, v.measure, v.unit, v.message_zh AS "messageZh",
  v.message_en AS "messageEn", v.audit_run_id::text AS "auditRunId", '{}'::jsonb AS details`;

/** Every line of SQL about stored coverage results. */
export class CoverageRepository {
  constructor(private readonly db: Queryable) {}

  async subtree(rootId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(SUBTREE_SQL, [rootId]);
    return rows.map((r) => r.id);
  }

  async scopeEnterprises(rootId: string, gridIds: string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(SCOPE_ENTERPRISES_SQL, [rootId, gridIds]);
    return rows.map((r) => r.id);
  }

  async enterprisesNear(shapes: string[], distanceM: number): Promise<string[]> {
    if (shapes.length === 0) return [];
    const rows: { id: string }[] = await this.db.query(ENTERPRISES_NEAR_SHAPES_SQL, [shapes, distanceM]);
    return rows.map((r) => r.id);
  }

  /** Parents, siblings and children of the grids: what a boundary edit can change. */
  async gridNeighbourhood(gridIds: string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `WITH edited AS (SELECT id, parent_id FROM grid WHERE id = ANY ($1::bigint[]))
       SELECT id::text AS id FROM edited
       UNION SELECT parent_id::text FROM edited WHERE parent_id IS NOT NULL
       UNION SELECT g.id::text FROM grid g JOIN edited e ON g.parent_id = e.parent_id
       UNION SELECT g.id::text FROM grid g JOIN edited e ON g.parent_id = e.id`,
      [gridIds],
    );
    return rows.map((r) => r.id);
  }

  /** GeoJSON of the grids' current boundaries (missing ids are skipped). */
  async boundaries(gridIds: string[]): Promise<Map<string, { geojson: string; parentId: string | null }>> {
    const rows: { id: string; geojson: string; parentId: string | null }[] = await this.db.query(
      `SELECT id::text AS id, ST_AsGeoJSON(boundary, 9) AS geojson, parent_id::text AS "parentId"
       FROM grid WHERE id = ANY ($1::bigint[])`,
      [gridIds],
    );
    return new Map(rows.map((r) => [r.id, { geojson: r.geojson, parentId: r.parentId }]));
  }

  async baseGridsOf(enterpriseIds: string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT DISTINCT base_grid_id::text AS id FROM enterprise
       WHERE id = ANY ($1::bigint[]) AND base_grid_id IS NOT NULL`,
      [enterpriseIds],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Fills a shared pass's temporary table for this session (replacing one a failed audit
   * left behind) and gives the planner its statistics.
   */
  async materialisePass(pass: SharedPass, focusIds: string[] | null, thresholds: CoverageThresholds): Promise<void> {
    await this.db.query(`DROP TABLE IF EXISTS pg_temp.${pass.table}`);
    const parameters = [focusIds, JSON.stringify(thresholds)].slice(0, pass.parameters);
    await this.db.query(`CREATE TEMPORARY TABLE ${pass.table} AS ${pass.sql}`, parameters);
    await this.db.query(`ANALYZE pg_temp.${pass.table}`);
  }

  /**
   * Sets the memory hash tables may use for the rest of the transaction (work_mem, and
   * hash_mem_multiplier 2) and returns the settings it replaces, so a caller can restore
   * them. Outside a transaction PostgreSQL ignores it.
   */
  async setLocalHashMemory(memory: HashMemory): Promise<HashMemory> {
    const [previous]: HashMemory[] = await this.db.query(
      `SELECT current_setting('work_mem') AS "workMem", current_setting('hash_mem_multiplier') AS multiplier,
              set_config('work_mem', $1, true), set_config('hash_mem_multiplier', $2, true)`,
      [memory.workMem, memory.multiplier],
    );
    return { workMem: previous.workMem, multiplier: previous.multiplier };
  }

  async gridCount(): Promise<number> {
    const [{ n }]: { n: number }[] = await this.db.query(`SELECT count(*)::int AS n FROM grid`);
    return n;
  }

  async dropPasses(passes: readonly SharedPass[]): Promise<void> {
    for (const pass of passes) await this.db.query(`DROP TABLE IF EXISTS pg_temp.${pass.table}`);
  }

  /** Replaces the stored rows of a rule for these focus ids (null = all) with fresh ones. */
  async replace(
    rule: CoverageRule,
    focusIds: string[] | null,
    rows: ViolationRow[],
    thresholds: CoverageThresholds,
    auditRunId: string | null,
  ): Promise<void> {
    await this.db.query(
      `DELETE FROM coverage_violation WHERE rule = $1 AND ($2::bigint[] IS NULL OR focus_id = ANY ($2::bigint[]))`,
      [rule.id, focusIds],
    );
    const batch = 5000;
    for (let i = 0; i < rows.length; i += batch) {
      const b = rows.slice(i, i + batch);
      const messages = b.map((r) => rule.message(r, thresholds));
      await this.db.query(
        `INSERT INTO coverage_violation (rule, severity, focus_id, scope_grid_id, grid_ids, enterprise_ids,
                                         geometry, measure, unit, message_zh, message_en, audit_run_id)
         SELECT $1, $2, f, s, COALESCE(string_to_array(NULLIF(gi, ''), ',')::bigint[], '{}'),
                COALESCE(string_to_array(NULLIF(ei, ''), ',')::bigint[], '{}'),
                ST_SetSRID(ST_GeomFromGeoJSON(geo), 4326), m, $3, mz, me, $4
         FROM unnest($5::bigint[], $6::bigint[], $7::text[], $8::text[], $9::text[], $10::float8[], $11::text[], $12::text[])
              AS u(f, s, gi, ei, geo, m, mz, me)`,
        [
          rule.id,
          rule.severity,
          rule.unit,
          auditRunId,
          b.map((r) => r.focusId),
          b.map((r) => r.scopeGridId),
          b.map((r) => r.gridIds.join(',')),
          b.map((r) => r.enterpriseIds.join(',')),
          b.map((r) => r.geometry),
          b.map((r) => r.measure),
          messages.map((m) => m.zh),
          messages.map((m) => m.en),
        ],
      );
    }
  }

  async startRun(kind: 'FULL' | 'INCREMENTAL', scopeGridId: string | null, rules: RuleId[], thresholds: CoverageThresholds, startedAt: Date): Promise<string> {
    const [{ id }] = await this.db.query(
      `INSERT INTO audit_run (kind, scope_grid_id, rules, started_at, duration_ms, thresholds)
       VALUES ($1, $2, $3, $4, 0, $5) RETURNING id::text AS id`,
      [kind, scopeGridId, rules, startedAt.toISOString(), JSON.stringify(thresholds)],
    );
    return id;
  }

  async finishRun(id: string, durationMs: number, counts: Partial<Record<RuleId, number>>): Promise<void> {
    await this.db.query(`UPDATE audit_run SET duration_ms = $2, counts = $3 WHERE id = $1`, [
      id,
      Math.round(durationMs),
      JSON.stringify(counts),
    ]);
  }

  /** Stored violations, optionally of some rules and within a grid subtree. */
  async stored(filter: { rules?: RuleId[]; scopeGridIds?: string[] | null }): Promise<StoredViolation[]> {
    return this.db.query(
      `SELECT ${VIOLATION_COLUMNS} FROM coverage_violation v
       WHERE ($1::text[] IS NULL OR v.rule = ANY ($1::text[]))
         AND ($2::bigint[] IS NULL OR v.scope_grid_id = ANY ($2::bigint[]) OR v.grid_ids && $2::bigint[])
       ORDER BY v.rule, v.focus_id, v.id`,
      [filter.rules ?? null, filter.scopeGridIds ?? null],
    );
  }
}
