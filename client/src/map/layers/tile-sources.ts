import type { VectorSourceSpecification } from './layer-spec.types';

/** The server's vector tile sets (server/src/tiles), one MapLibre source each. */
export const TILE_SETS = ['grids', 'enterprises', 'violations'] as const;
export type TileSet = (typeof TILE_SETS)[number];

export const GRID_SOURCE_ID: TileSet = 'grids';
export const ENTERPRISE_SOURCE_ID: TileSet = 'enterprises';
export const VIOLATION_SOURCE_ID: TileSet = 'violations';

/** MVT layers inside those tiles. */
export const GRID_LAYER = 'grids';
export const GRID_LABEL_LAYER = 'grid_labels';
export const ENTERPRISE_LAYER = 'enterprises';
export const VIOLATION_LAYER = 'violations';

/**
 * The tile URL template of a set on the server at `origin`. A new `revision` makes new URLs,
 * so tiles cached by the browser are fetched again after an edit.
 * @example tileUrl('http://localhost:4000', 'grids', 0) // 'http://localhost:4000/tiles/grids/{z}/{x}/{y}.mvt'
 */
export function tileUrl(origin: string, set: TileSet, revision: number): string {
  const base = `${origin}/tiles/${set}/{z}/{x}/{y}.mvt`;
  return revision > 0 ? `${base}?r=${revision}` : base;
}

/** A vector source for a tile set; the server's TileJSON says up to which zoom tiles are worth fetching. */
export function tileSource(
  origin: string,
  set: TileSet,
  maxzoom: number,
  revision = 0,
): VectorSourceSpecification {
  return { type: 'vector', tiles: [tileUrl(origin, set, revision)], minzoom: 0, maxzoom };
}
