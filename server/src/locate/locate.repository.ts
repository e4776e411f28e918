import { COVERING_GRID_ORDER } from '@gridwarden/db';
import type { Queryable } from '../coverage/rule.runner';
import { GRID_HEAD_COLUMNS } from '../grids/grid.repository';
import { gridWithinSql } from '../auth/scope.sql';
import type { GridHead } from '../grids/grid.types';

const POINT = `ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326)`;

// The grid covering point ($1, $2) at each level inside scope root $3, the base-grid tie-break
// deciding between grids of one level that share the point (an edge, a vertex, an overlap).
const CHAIN_SQL = `
  SELECT DISTINCT ON (g.level) ${GRID_HEAD_COLUMNS}
  FROM grid g
  WHERE ST_Covers(g.boundary, ${POINT}) AND ${gridWithinSql('g.id', '$3::bigint')}
  ORDER BY g.level, ${COVERING_GRID_ORDER}`;

// Geodesic metres from point ($1, $2) to the nearest edge (outer ring or hole) of grid $3.
const DISTANCE_TO_EDGE_SQL = `
  SELECT ST_Distance(ST_Boundary(g.boundary)::geography, ${POINT}::geography) AS m
  FROM grid g WHERE g.id = $3`;

/** Every line of SQL behind locate(lon, lat). */
export class LocateRepository {
  constructor(private readonly db: Queryable) {}

  /** Without boundaries (a county's is ~20 kB of GeoJSON); Grid.boundary loads them if asked. */
  chain(lon: number, lat: number, scopeGridId: string): Promise<GridHead[]> {
    return this.db.query(CHAIN_SQL, [lon, lat, scopeGridId]);
  }

  async distanceToEdge(lon: number, lat: number, gridId: string): Promise<number> {
    const [row] = await this.db.query(DISTANCE_TO_EDGE_SQL, [lon, lat, gridId]);
    return Number(row.m);
  }

  async insideGrid(lon: number, lat: number, gridId: string): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT 1 FROM grid g WHERE g.id = $3 AND ST_Covers(g.boundary, ${POINT})`,
      [lon, lat, gridId],
    );
    return rows.length > 0;
  }
}
