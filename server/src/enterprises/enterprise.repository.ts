import type { Queryable } from '../coverage/rule.runner';
import type { Enterprise } from './enterprise.types';

const ENTERPRISE_COLUMNS = `e.id::text AS "id", e.uscc, e.name, e.address,
  ST_AsGeoJSON(e.location, 7)::json AS "location", ST_X(e.location) AS "lon", ST_Y(e.location) AS "lat",
  e.industry_code AS "industryCode", e.scale, e.risk_classes AS "riskClasses", e.nine_small AS "nineSmall",
  e.key_fire_unit AS "keyFireUnit", e.major_hazard AS "majorHazard", e.employees, e.status,
  e.base_grid_id::text AS "baseGridId", e.version`;

// The grids of a subtree, for "enterprises in this grid or below it".
const SUBTREE = `grid_subtree(ARRAY[$1]::bigint[])`;

/** Every line of SQL about enterprises. */
export class EnterpriseRepository {
  /** A DataSource, or a transaction's EntityManager for reads inside an edit. */
  constructor(private readonly db: Queryable) {}

  async byId(id: string): Promise<Enterprise | null> {
    const rows: Enterprise[] = await this.db.query(
      `SELECT ${ENTERPRISE_COLUMNS} FROM enterprise e WHERE e.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async byUscc(uscc: string): Promise<Enterprise | null> {
    const rows: Enterprise[] = await this.db.query(
      `SELECT ${ENTERPRISE_COLUMNS} FROM enterprise e WHERE e.uscc = $1`,
      [uscc],
    );
    return rows[0] ?? null;
  }

  /** A page in id order after a key; within a grid subtree when gridId is given. */
  page(gridId: string | null, afterId: string | null, limit: number): Promise<Enterprise[]> {
    if (gridId == null) {
      return this.db.query(
        `SELECT ${ENTERPRISE_COLUMNS} FROM enterprise e WHERE ($1::bigint IS NULL OR e.id > $1) ORDER BY e.id LIMIT $2`,
        [afterId, limit],
      );
    }
    return this.db.query(
      `SELECT ${ENTERPRISE_COLUMNS} FROM enterprise e JOIN ${SUBTREE} s ON e.base_grid_id = s.id
       WHERE ($2::bigint IS NULL OR e.id > $2) ORDER BY e.id LIMIT $3`,
      [gridId, afterId, limit],
    );
  }

  async count(gridId: string | null): Promise<number> {
    const [{ n }] =
      gridId == null
        ? await this.db.query(`SELECT count(*)::int AS n FROM enterprise`)
        : await this.db.query(
            `SELECT count(*)::int AS n FROM enterprise e JOIN ${SUBTREE} s ON e.base_grid_id = s.id`,
            [gridId],
          );
    return n;
  }
}
