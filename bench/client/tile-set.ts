/**
 * The tiles the benchmark asks for, and the bare SQL it compares them with.
 *
 * Tiles: for each zoom, every tile that touches the territory (the root grid's boundary),
 * or when there are more than `limit`, `limit` of them spread evenly in row order — the same
 * set on every run for the same data.
 *
 * Bare SQL: the least ST_AsMVT that puts out the same features — the same grid levels per
 * zoom, enterprise points from zoom 12 and, below, counts per cell of the enterprises
 * themselves — without the territory, the enterprise counts of grids, the label points, the
 * simplification, or the enterprise_cell table.
 */
import type { Queryable } from '../../server/src/coverage/rule.runner';
import { tilesCovering, type TileAddress } from '../../server/src/tiles/tile-address';
import {
  CLUSTER_CELLS,
  ENTERPRISE_POINT_MIN_ZOOM,
  gridLevelMinZoomSql,
  TILE_BUFFER,
  TILE_EXTENT,
} from '../../server/src/tiles/tile.policy';

export type BenchLayer = 'grids' | 'enterprises';

// The tiles of a zoom, among the candidates, that touch the root grid.
const TOUCHING_SQL = `
  SELECT t.i FROM unnest($1::int[], $2::int[]) WITH ORDINALITY AS t(x, y, i), grid r
  WHERE r.parent_id IS NULL
    AND ST_Intersects(r.boundary, ST_Transform(ST_TileEnvelope($3::int, t.x, t.y), 4326))
  ORDER BY t.i`;

/** The benchmark's tiles at zoom z: those touching the territory, at most `limit`, spread evenly. */
export async function benchTiles(
  db: Queryable,
  extent: [number, number, number, number],
  z: number,
  limit: number,
): Promise<TileAddress[]> {
  const candidates = tilesCovering(extent, z);
  const rows: { i: string }[] = await db.query(TOUCHING_SQL, [
    candidates.map((t) => t.x),
    candidates.map((t) => t.y),
    z,
  ]);
  const touching = rows.map((r) => candidates[Number(r.i) - 1]);
  if (touching.length <= limit) return touching;
  const step = touching.length / limit;
  return Array.from({ length: limit }, (_, k) => touching[Math.floor(k * step + step / 2)]);
}

const ENVELOPE = `ST_TileEnvelope($1::int, $2::int, $3::int)`;
const MVT_GEOM = (geom: string) =>
  `ST_AsMVTGeom(ST_Transform(${geom}, 3857), ${ENVELOPE}, ${TILE_EXTENT}, ${TILE_BUFFER}, true)`;

// Grids of the levels shown at z touching the buffered tile, as they are.
const BARE_GRIDS_SQL = `
  SELECT ST_AsMVT(t, 'grids', ${TILE_EXTENT}, 'geom', 'fid') AS tile FROM (
    SELECT g.id AS fid, g.id, g.code, g.name, g.level::int AS level, g.parent_id, ${MVT_GEOM('g.boundary')} AS geom
    FROM grid g, (SELECT min(level) AS top, max(level) AS base FROM grid_level) levels
    WHERE g.boundary && ST_Transform(ST_TileEnvelope($1::int, $2::int, $3::int, margin => ${TILE_BUFFER / TILE_EXTENT}), 4326)
      AND $1::int >= ${gridLevelMinZoomSql('g.level', 'levels.top', 'levels.base')}) t`;

// Enterprise points in the tile, or below zoom 12 their count per cell, from the enterprise table.
const BARE_ENTERPRISES_SQL = `
  SELECT ST_AsMVT(t, 'enterprises', ${TILE_EXTENT}, 'geom', 'fid') AS tile FROM (
    SELECT e.id AS fid, e.id, e.name, e.scale, cardinality(e.risk_classes) > 0 AS high_risk, e.nine_small,
           NULL::int AS count, ${MVT_GEOM('e.location')} AS geom
    FROM enterprise e
    WHERE $1::int >= ${ENTERPRISE_POINT_MIN_ZOOM} AND e.location && ST_Transform(${ENVELOPE}, 4326)
    UNION ALL
    SELECT NULL, NULL, NULL, NULL, NULL, NULL, count(*)::int,
           ${MVT_GEOM('ST_SetSRID(ST_MakePoint(avg(ST_X(e.location)), avg(ST_Y(e.location))), 4326)')}
    FROM enterprise e
    WHERE $1::int < ${ENTERPRISE_POINT_MIN_ZOOM} AND e.location && ST_Transform(${ENVELOPE}, 4326)
    GROUP BY mercator_tile_x(ST_X(e.location), $1::int + ${Math.log2(CLUSTER_CELLS)}),
             mercator_tile_y(ST_Y(e.location), $1::int + ${Math.log2(CLUSTER_CELLS)})) t`;

export const BARE_SQL: Record<BenchLayer, string> = {
  grids: BARE_GRIDS_SQL,
  enterprises: BARE_ENTERPRISES_SQL,
};
