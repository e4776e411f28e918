import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes behind the read filters of the API (docs/api.md):
 * - name search (`grids(search)`, `enterprises(search)`) is a case-insensitive substring
 *   match (ILIKE '%…%'), which only a trigram index serves; pg_trgm ships with PostgreSQL's
 *   contrib and with PGlite, and splits Chinese names into trigrams too. Where it is not
 *   installed the search still works, by a scan.
 * - credit-code prefix search (`enterprises(search: "91371323")`): a pattern-ops index,
 *   since LIKE 'x%' uses a plain btree only under the C collation.
 * - `enterprises(riskClass)`: risk classes are arrays, searched by containment.
 *
 * The GIN indexes keep a small pending list (256 kB instead of 4 MB): every search reads the
 * whole list, and the embedded database has no autovacuum to merge it, so with the default
 * its planner rightly preferred a scan (county: 62 ms by scan, 0.5 ms by the index).
 */
const SMALL_PENDING_LIST = `WITH (gin_pending_list_limit = 256)`;

export class ReadIndexes1763800000600 implements MigrationInterface {
  name = 'ReadIndexes1763800000600';

  async up(q: QueryRunner): Promise<void> {
    const [{ trgm }] = await q.query(
      `SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') AS trgm`,
    );
    if (trgm) {
      await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
      await q.query(
        `CREATE INDEX grid_name_trgm ON grid USING gin (name gin_trgm_ops) ${SMALL_PENDING_LIST}`,
      );
      await q.query(
        `CREATE INDEX enterprise_name_trgm ON enterprise USING gin (name gin_trgm_ops) ${SMALL_PENDING_LIST}`,
      );
    }
    await q.query(
      `CREATE INDEX enterprise_uscc_prefix_idx ON enterprise (uscc bpchar_pattern_ops)`,
    );
    await q.query(
      `CREATE INDEX enterprise_risk_classes_gin ON enterprise USING gin (risk_classes) ${SMALL_PENDING_LIST}`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS enterprise_risk_classes_gin`);
    await q.query(`DROP INDEX IF EXISTS enterprise_uscc_prefix_idx`);
    await q.query(`DROP INDEX IF EXISTS enterprise_name_trgm`);
    await q.query(`DROP INDEX IF EXISTS grid_name_trgm`);
  }
}
