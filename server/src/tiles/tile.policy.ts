/**
 * What each vector tile holds at each zoom: one place for the numbers that both tile
 * builders (ST_AsMVT in PostGIS, geojson-vt in Node) and the TileJSON documents share.
 *
 * Clients draw the tiles at 512 px (MapLibre's default for vector sources), so one pixel
 * is 8 tile units of the 4096 extent.
 */

/** Tile coordinate space, as in the MVT spec's default. */
export const TILE_EXTENT = 4096;
/** Units beyond the tile edge kept so lines and fills join without seams. */
export const TILE_BUFFER = 64;
/** Geometry is simplified to half a pixel before encoding. */
export const SIMPLIFY_UNITS = 4;
/**
 * A violation polygon smaller than 8 × 8 px at this zoom is sent as a point: drawn as a
 * marker, it stays findable zoomed out instead of shrinking to a speck.
 */
export const MIN_POLYGON_UNITS2 = 64 * 64;

/** Zoom from which base grids (the deepest level) are in the tiles (~1.5 km grids → ~80 px). */
export const BASE_GRID_MIN_ZOOM = 12;
/** Each level up appears this many zooms earlier: villages from 10, towns from 8, … */
export const ZOOMS_PER_LEVEL = 2;
/** Every grid tile holds enterprise counts for the base level and the one above it only. */
export const COUNTED_LEVELS_ABOVE_BASE = 1;

/** Enterprises are single points from this zoom, and counted per cell below it. */
export const ENTERPRISE_POINT_MIN_ZOOM = 12;
/** Below that zoom each tile is cut into CLUSTER_CELLS × CLUSTER_CELLS cells (32 px each)… */
export const CLUSTER_CELLS = 16;
/**
 * …summed from the zoom-15 cells of the enterprise_cell table (migration 500), so a cluster
 * cell (a tile at z + 4) is a whole number of them up to z = 11.
 */
export const ENTERPRISE_CELL_ZOOM = 15;

/** Deepest zoom a client needs to fetch; it overzooms beyond. */
export const SOURCE_MAX_ZOOM = 16;

/**
 * The first zoom at which a level's grids are in the tiles. The top level is always there
 * (it paints the territory); others follow the base level up, ZOOMS_PER_LEVEL at a time.
 * Levels are configuration (seed 003 has four, seed 000 three), so this counts from both ends.
 * @example gridLevelMinZoom(2, 1, 4) // 8: towns of a county deployment
 */
export function gridLevelMinZoom(level: number, topLevel: number, baseLevel: number): number {
  if (level <= topLevel) return 0;
  return Math.max(0, BASE_GRID_MIN_ZOOM - ZOOMS_PER_LEVEL * (baseLevel - level));
}

/** SQL form of {@link gridLevelMinZoom} over columns/expressions named by the caller. */
export function gridLevelMinZoomSql(level: string, topLevel: string, baseLevel: string): string {
  return `CASE WHEN ${level} <= ${topLevel} THEN 0
    ELSE greatest(0, ${BASE_GRID_MIN_ZOOM} - ${ZOOMS_PER_LEVEL} * (${baseLevel} - ${level})) END`;
}

/** Degrees of longitude per tile unit at a zoom (the simplification and size scale). */
export function degreesPerUnit(z: number): number {
  return 360 / 2 ** z / TILE_EXTENT;
}
