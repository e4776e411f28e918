import type { DataSource } from 'typeorm';
import { gridInScope } from '../auth/scope.sql';
import type { Grid, GridLevel } from './grid.types';

const GRID_COLUMNS = `g.id::text AS "id", g.code, g.name, g.level::int AS "level", g.parent_id::text AS "parentId",
  ST_AsGeoJSON(g.boundary, 7)::json AS "boundary", g.area_m2 AS "areaM2", g.size_exempt AS "sizeExempt",
  g.version, g.valid_from AS "validFrom"`;

// Grids in the scope under $1, filtered by level and parent.
const GRID_FILTER = `${gridInScope('g.id', '$1')}
  AND ($2::smallint IS NULL OR g.level = $2) AND ($3::bigint IS NULL OR g.parent_id = $3)`;

// A page of current grids in scope, in id order after a key.
const GRID_PAGE_SQL = `
  SELECT ${GRID_COLUMNS} FROM grid g
  WHERE ${GRID_FILTER} AND ($4::bigint IS NULL OR g.id > $4)
  ORDER BY g.id LIMIT $5`;

const GRID_COUNT_SQL = `SELECT count(*)::int AS n FROM grid g WHERE ${GRID_FILTER}`;

// Enterprises whose base grid lies in each given grid's subtree, per root grid.
const ENTERPRISE_COUNT_SQL = `
  SELECT s.root::text AS "gridId", count(e.id)::int AS n
  FROM grid_subtree($1::bigint[]) s LEFT JOIN enterprise e ON e.base_grid_id = s.id
  GROUP BY s.root`;

export interface GridFilter {
  level: number | null;
  parentId: string | null;
}

/** Every line of SQL about grids. `scopeRootId` limits a read to that grid's subtree. */
export class GridRepository {
  constructor(private readonly db: DataSource) {}

  levels(): Promise<GridLevel[]> {
    return this.db.query(
      `SELECT level::int AS "level", name_zh AS "nameZh", name_en AS "nameEn", enterprise_classes AS "enterpriseClasses"
       FROM grid_level ORDER BY level`,
    );
  }

  /** A grid by id in the subtree of `scopeRootId`; null: in any scope (only for what the caller may already see). */
  async byId(id: string, scopeRootId: string | null): Promise<Grid | null> {
    const [grid] = await this.byIds([id], scopeRootId);
    return grid ?? null;
  }

  /** The grids with these ids that lie in the subtree of `scopeRootId` (null: any). */
  byIds(ids: readonly string[], scopeRootId: string | null): Promise<Grid[]> {
    return this.db.query(
      `SELECT ${GRID_COLUMNS} FROM grid g
       WHERE g.id = ANY ($1::bigint[]) AND ($2::bigint IS NULL OR ${gridInScope('g.id', '$2')})`,
      [ids, scopeRootId],
    );
  }

  async byCode(code: string, scopeRootId: string): Promise<Grid | null> {
    const rows: Grid[] = await this.db.query(
      `SELECT ${GRID_COLUMNS} FROM grid g WHERE g.code = $1 AND ${gridInScope('g.id', '$2')}`,
      [code, scopeRootId],
    );
    return rows[0] ?? null;
  }

  page(
    scopeRootId: string,
    filter: GridFilter,
    afterId: string | null,
    limit: number,
  ): Promise<Grid[]> {
    return this.db.query(GRID_PAGE_SQL, [
      scopeRootId,
      filter.level,
      filter.parentId,
      afterId,
      limit,
    ]);
  }

  async count(scopeRootId: string, filter: GridFilter): Promise<number> {
    const [{ n }] = await this.db.query(GRID_COUNT_SQL, [
      scopeRootId,
      filter.level,
      filter.parentId,
    ]);
    return n;
  }

  /** Whether the grid with this id (or code) exists, and whether it lies in the subtree of `scopeRootId` (null: anywhere). */
  async placement(
    key: { id: string } | { code: string },
    scopeRootId: string | null,
  ): Promise<{ id: string; inScope: boolean } | null> {
    const rows: { id: string; inScope: boolean }[] = await this.db.query(
      `SELECT g.id::text AS id, ($2::bigint IS NULL OR ${gridInScope('g.id', '$2')}) AS "inScope" FROM grid g
       WHERE ${'id' in key ? 'g.id = $1' : 'g.code = $1'}`,
      ['id' in key ? key.id : key.code, scopeRootId],
    );
    return rows[0] ?? null;
  }

  async enterpriseCounts(gridIds: readonly string[]): Promise<Map<string, number>> {
    const rows: { gridId: string; n: number }[] = await this.db.query(ENTERPRISE_COUNT_SQL, [
      gridIds,
    ]);
    return new Map(rows.map((r) => [r.gridId, r.n]));
  }
}
