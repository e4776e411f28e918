import type { LonLatBox } from '../geo/query-geometry.validation';
import { likeLiteral, SqlFilter } from '../graphql/sql-filter';
import { gridInScope, gridWithinSql } from '../auth/scope.sql';
import type { Queryable } from '../coverage/rule.runner';
import type { Grid, GridLevel } from './grid.types';

/** What a list of grids can be narrowed to; every field is optional and they combine. */
export interface GridFilter {
  level?: number | null;
  /** direct children of this grid */
  parentId?: string | null;
  /** boundary intersects [minLon, minLat, maxLon, maxLat] */
  bbox?: LonLatBox | null;
  /** boundary intersects this validated GeoJSON geometry (text) */
  intersects?: string | null;
  /** code starts with this (letters, digits, '-') */
  codePrefix?: string | null;
  /** name contains this, case-insensitively */
  search?: string | null;
  /** only this grid and those below it (a viewer's territorial scope) */
  scopeGridId?: string | null;
}

/** A grid's columns but its boundary: for answers that rarely show it (Grid.boundary loads it then). */
export const GRID_HEAD_COLUMNS = `g.id::text AS "id", g.code, g.name, g.level::int AS "level", g.parent_id::text AS "parentId",
  g.area_m2 AS "areaM2", g.size_exempt AS "sizeExempt", g.version, g.valid_from AS "validFrom"`;

export const GRID_COLUMNS = `${GRID_HEAD_COLUMNS}, ST_AsGeoJSON(g.boundary, 7)::json AS "boundary"`;

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

  /** A grid by id in the subtree of `scopeRootId`; null: in any scope (only for what the caller may already see). */
  async byId(id: string, scopeRootId: string | null): Promise<Grid | null> {
    const [grid] = await this.byIds([id], scopeRootId);
    return grid ?? null;
  }

  async byCode(code: string, scopeRootId: string): Promise<Grid | null> {
    const rows: Grid[] = await this.db.query(
      `SELECT ${GRID_COLUMNS} FROM grid g WHERE g.code = $1 AND ${gridWithinSql('g.id', '$2')}`,
      [code, scopeRootId],
    );
    return rows[0] ?? null;
  }

  /** A page of current grids matching the filter, in id order after a key. */
  page(filter: GridFilter, afterId: string | null, limit: number): Promise<Grid[]> {
    const where = gridWhere(filter);
    return this.db.query(where.page(GRID_COLUMNS, 'grid g', afterId, limit), where.params);
  }

  async count(filter: GridFilter): Promise<number> {
    const where = gridWhere(filter);
    const [{ n }] = await this.db.query(where.count('grid g'), where.params);
    return n;
  }

  /** The grids with these ids that lie in the subtree of `scopeRootId` (null: any). */
  byIds(ids: readonly string[], scopeRootId: string | null): Promise<Grid[]> {
    return this.db.query(
      `SELECT ${GRID_COLUMNS} FROM grid g
       WHERE g.id = ANY ($1::bigint[]) AND ($2::bigint IS NULL OR ${gridWithinSql('g.id', '$2')})`,
      [ids, scopeRootId],
    );
  }

  /** Whether the grid with this id (or code) exists, and whether it lies in the subtree of `scopeRootId` (null: anywhere). */
  async placement(
    key: { id: string } | { code: string },
    scopeRootId: string | null,
  ): Promise<{ id: string; inScope: boolean } | null> {
    const rows: { id: string; inScope: boolean }[] = await this.db.query(
      `SELECT g.id::text AS id, ($2::bigint IS NULL OR ${gridWithinSql('g.id', '$2')}) AS "inScope" FROM grid g
       WHERE ${'id' in key ? 'g.id = $1' : 'g.code = $1'}`,
      ['id' in key ? key.id : key.code, scopeRootId],
    );
    return rows[0] ?? null;
  }

  /** The children of each grid, by code, those outside the scope root's subtree left out. */
  childrenOf(parentIds: readonly string[], scopeGridId: string): Promise<Grid[]> {
    return this.db.query(
      `SELECT ${GRID_COLUMNS} FROM grid g
       WHERE g.parent_id = ANY ($1::bigint[]) AND ${gridWithinSql('g.id', '$2')}
       ORDER BY g.code`,
      [parentIds, scopeGridId],
    );
  }

  /**
   * The level answering for an enterprise of these classes (seed 000 art. 17): the highest
   * (smallest number) whose classes meet them, else the base level; null without classes.
   */
  /**
   * The base level (the deepest), and the level that answers for an enterprise of these
   * classes: the highest whose enterprise_classes holds one of them, else the base level
   * (seed 000 art. 17); null without classes or levels.
   */
  async levelsFor(
    classes: readonly string[],
  ): Promise<{ baseLevel: number | null; responsibleLevel: number | null }> {
    const [row] = await this.db.query(
      `SELECT max(level)::int AS "baseLevel",
         CASE WHEN cardinality($1::text[]) > 0 THEN
           coalesce(min(level) FILTER (WHERE enterprise_classes && $1::text[]), max(level))::int
         END AS "responsibleLevel"
       FROM grid_level`,
      [classes],
    );
    return row ?? { baseLevel: null, responsibleLevel: null };
  }

  async enterpriseCounts(gridIds: readonly string[]): Promise<Map<string, number>> {
    const rows: { gridId: string; n: number }[] = await this.db.query(ENTERPRISE_COUNT_SQL, [
      gridIds,
    ]);
    return new Map(rows.map((r) => [r.gridId, r.n]));
  }
}

function gridWhere(filter: GridFilter): SqlFilter {
  const where = new SqlFilter();
  if (filter.level != null) where.where(`g.level = ${where.param(filter.level)}::smallint`);
  if (filter.parentId != null) where.where(`g.parent_id = ${where.param(filter.parentId)}::bigint`);
  if (filter.bbox != null) {
    const [x0, y0, x1, y1] = filter.bbox.map((v) => where.param(v));
    where.where(
      `ST_Intersects(g.boundary, ST_MakeEnvelope(${x0}::float8, ${y0}::float8, ${x1}::float8, ${y1}::float8, 4326))`,
    );
  }
  if (filter.intersects != null) {
    where.where(
      `ST_Intersects(g.boundary, ST_SetSRID(ST_GeomFromGeoJSON(${where.param(filter.intersects)}::text), 4326))`,
    );
  }
  if (filter.codePrefix != null) {
    where.where(`g.code LIKE ${where.param(`${likeLiteral(filter.codePrefix)}%`)}`);
  }
  if (filter.search != null) {
    where.where(`g.name ILIKE ${where.param(`%${likeLiteral(filter.search)}%`)}`);
  }
  if (filter.scopeGridId != null) {
    where.where(gridInScope('g.id', `${where.param(filter.scopeGridId)}::bigint`));
  }
  return where;
}
