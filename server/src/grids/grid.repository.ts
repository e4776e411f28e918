import type { Queryable } from '../coverage/rule.runner';
import type { Grid, GridLevel } from './grid.types';

const GRID_COLUMNS = `g.id::text AS "id", g.code, g.name, g.level::int AS "level", g.parent_id::text AS "parentId",
  ST_AsGeoJSON(g.boundary, 7)::json AS "boundary", g.area_m2 AS "areaM2", g.size_exempt AS "sizeExempt",
  g.version, g.valid_from AS "validFrom"`;

// A page of current grids, filtered by level and parent, in id order after a key.
const GRID_PAGE_SQL = `
  SELECT ${GRID_COLUMNS} FROM grid g
  WHERE ($1::smallint IS NULL OR g.level = $1) AND ($2::bigint IS NULL OR g.parent_id = $2)
    AND ($3::bigint IS NULL OR g.id > $3)
  ORDER BY g.id LIMIT $4`;

const GRID_COUNT_SQL = `
  SELECT count(*)::int AS n FROM grid g
  WHERE ($1::smallint IS NULL OR g.level = $1) AND ($2::bigint IS NULL OR g.parent_id = $2)`;

// Enterprises whose base grid lies in each given grid's subtree, per root grid.
const ENTERPRISE_COUNT_SQL = `
  SELECT s.root::text AS "gridId", count(e.id)::int AS n
  FROM grid_subtree($1::bigint[]) s LEFT JOIN enterprise e ON e.base_grid_id = s.id
  GROUP BY s.root`;

/** Every line of SQL about grids. */
export class GridRepository {
  /** A DataSource, or a transaction's EntityManager for reads inside an edit. */
  constructor(private readonly db: Queryable) {}

  levels(): Promise<GridLevel[]> {
    return this.db.query(
      `SELECT level::int AS "level", name_zh AS "nameZh", name_en AS "nameEn", enterprise_classes AS "enterpriseClasses"
       FROM grid_level ORDER BY level`,
    );
  }

  async byId(id: string): Promise<Grid | null> {
    const rows: Grid[] = await this.db.query(`SELECT ${GRID_COLUMNS} FROM grid g WHERE g.id = $1`, [
      id,
    ]);
    return rows[0] ?? null;
  }

  async byCode(code: string): Promise<Grid | null> {
    const rows: Grid[] = await this.db.query(
      `SELECT ${GRID_COLUMNS} FROM grid g WHERE g.code = $1`,
      [code],
    );
    return rows[0] ?? null;
  }

  page(
    filter: { level: number | null; parentId: string | null },
    afterId: string | null,
    limit: number,
  ): Promise<Grid[]> {
    return this.db.query(GRID_PAGE_SQL, [filter.level, filter.parentId, afterId, limit]);
  }

  async count(filter: { level: number | null; parentId: string | null }): Promise<number> {
    const [{ n }] = await this.db.query(GRID_COUNT_SQL, [filter.level, filter.parentId]);
    return n;
  }

  async enterpriseCounts(gridIds: readonly string[]): Promise<Map<string, number>> {
    const rows: { gridId: string; n: number }[] = await this.db.query(ENTERPRISE_COUNT_SQL, [
      gridIds,
    ]);
    return new Map(rows.map((r) => [r.gridId, r.n]));
  }
}
