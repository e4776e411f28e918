import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stored results of the coverage engine: one row per violation of a "no blind spots" rule
 * (shared/DOMAIN.md), and one row per audit run. `focus_id` is the grid or enterprise whose
 * re-check produces the row, so an incremental audit replaces exactly the rows it recomputes.
 */
export class Coverage1763800000200 implements MigrationInterface {
  name = 'Coverage1763800000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_run (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('FULL', 'INCREMENTAL')),
        scope_grid_id bigint REFERENCES grid(id) ON DELETE SET NULL,
        rules text[] NOT NULL,
        started_at timestamptz NOT NULL,
        duration_ms integer NOT NULL CHECK (duration_ms >= 0),
        counts jsonb NOT NULL DEFAULT '{}',
        thresholds jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`
      CREATE TABLE coverage_violation (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        rule text NOT NULL,
        severity text NOT NULL CHECK (severity IN ('ERROR', 'WARNING')),
        focus_id bigint NOT NULL,
        scope_grid_id bigint,
        grid_ids bigint[] NOT NULL DEFAULT '{}',
        enterprise_ids bigint[] NOT NULL DEFAULT '{}',
        geometry geometry(Geometry, 4326),
        measure double precision,
        unit text CHECK (unit IN ('m2', 'm', 'count', 'days')),
        message_zh text NOT NULL,
        message_en text NOT NULL,
        audit_run_id bigint REFERENCES audit_run(id) ON DELETE SET NULL,
        detected_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX coverage_violation_focus_idx ON coverage_violation (rule, focus_id)`,
    );
    await q.query(
      `CREATE INDEX coverage_violation_scope_idx ON coverage_violation (scope_grid_id)`,
    );
    await q.query(
      `CREATE INDEX coverage_violation_grids_idx ON coverage_violation USING gin (grid_ids)`,
    );
    await q.query(
      `CREATE INDEX coverage_violation_geometry_gist ON coverage_violation USING gist (geometry)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS coverage_violation`);
    await q.query(`DROP TABLE IF EXISTS audit_run`);
  }
}
