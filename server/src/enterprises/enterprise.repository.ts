import type { DataSource } from 'typeorm';
import { enterpriseInScope } from '../auth/scope.sql';
import type { Enterprise } from './enterprise.types';

const ENTERPRISE_COLUMNS = `e.id::text AS "id", e.uscc, e.name, e.address,
  ST_AsGeoJSON(e.location, 7)::json AS "location", ST_X(e.location) AS "lon", ST_Y(e.location) AS "lat",
  e.industry_code AS "industryCode", e.scale, e.risk_classes AS "riskClasses", e.nine_small AS "nineSmall",
  e.key_fire_unit AS "keyFireUnit", e.major_hazard AS "majorHazard", e.employees, e.status,
  e.phone, e.base_grid_id::text AS "baseGridId", e.version`;

// The grids of a subtree, for "enterprises in this grid or below it".
const SUBTREE = `grid_subtree(ARRAY[$1]::bigint[])`;

/** Every line of SQL about enterprises. `scopeRootId` limits a read to that grid's scope. */
export class EnterpriseRepository {
  constructor(private readonly db: DataSource) {}

  private async one(where: string, key: string, scopeRootId: string): Promise<Enterprise | null> {
    const rows: Enterprise[] = await this.db.query(
      `SELECT ${ENTERPRISE_COLUMNS} FROM enterprise e WHERE ${where} AND ${enterpriseInScope('e', '$2')}`,
      [key, scopeRootId],
    );
    return rows[0] ?? null;
  }

  byId(id: string, scopeRootId: string): Promise<Enterprise | null> {
    return this.one(`e.id = $1`, id, scopeRootId);
  }

  byUscc(uscc: string, scopeRootId: string): Promise<Enterprise | null> {
    return this.one(`e.uscc = $1`, uscc, scopeRootId);
  }

  /**
   * A page in id order after a key: in the subtree of `grid.id` (by base grid; the caller
   * checked it lies in scope) or, without one, everything in the scope of `grid.scopeRootId`.
   */
  page(
    grid: { id: string } | { scopeRootId: string },
    afterId: string | null,
    limit: number,
  ): Promise<Enterprise[]> {
    if ('scopeRootId' in grid) {
      return this.db.query(
        `SELECT ${ENTERPRISE_COLUMNS} FROM enterprise e
         WHERE ${enterpriseInScope('e', '$1')} AND ($2::bigint IS NULL OR e.id > $2) ORDER BY e.id LIMIT $3`,
        [grid.scopeRootId, afterId, limit],
      );
    }
    return this.db.query(
      `SELECT ${ENTERPRISE_COLUMNS} FROM enterprise e JOIN ${SUBTREE} s ON e.base_grid_id = s.id
       WHERE ($2::bigint IS NULL OR e.id > $2) ORDER BY e.id LIMIT $3`,
      [grid.id, afterId, limit],
    );
  }

  async count(grid: { id: string } | { scopeRootId: string }): Promise<number> {
    const [{ n }] =
      'scopeRootId' in grid
        ? await this.db.query(
            `SELECT count(*)::int AS n FROM enterprise e WHERE ${enterpriseInScope('e', '$1')}`,
            [grid.scopeRootId],
          )
        : await this.db.query(
            `SELECT count(*)::int AS n FROM enterprise e JOIN ${SUBTREE} s ON e.base_grid_id = s.id`,
            [grid.id],
          );
    return n;
  }
}
