import type { Feature, Geometry } from 'geojson';

/** The three tile sets under /tiles. */
export const TILE_SETS = ['grids', 'enterprises', 'violations'] as const;
export type TileSet = (typeof TILE_SETS)[number];

/** The MVT layers each tile set's tiles hold. */
export const TILE_LAYERS: Record<TileSet, readonly string[]> = {
  grids: ['grids', 'grid_labels'],
  enterprises: ['enterprises'],
  violations: ['violations'],
};

/** Property values a vector tile can carry (nulls are left out, as ST_AsMVT does). */
export type TileValue = string | number | boolean;
export type TileFeature = Feature<Geometry, Record<string, TileValue>>;

/** TileJSON 3.0.0 (https://github.com/mapbox/tilejson-spec) with Gridwarden's counts. */
export interface TileJson<TSummary> {
  tilejson: '3.0.0';
  name: string;
  description: string;
  tiles: string[];
  minzoom: number;
  maxzoom: number;
  /** West, south, east, north of the viewer's scope (the whole world when it is empty). */
  bounds: [number, number, number, number];
  center?: [number, number, number];
  vector_layers: { id: string; description: string; fields: Record<string, string> }[];
  /** Counts in the viewer's scope, for legends and layer switchers. */
  gridwarden: TSummary;
}

export interface GridTileSummary {
  levels: { level: number; minzoom: number; count: number }[];
}

export interface EnterpriseTileSummary {
  /** Below this zoom the tiles hold `cluster` features with a `count`. */
  pointMinZoom: number;
  count: number;
  /** Counts by the flags clients colour enterprises by. */
  byFlags: { highRisk: boolean; nineSmall: boolean; scale: string; count: number }[];
}

export interface ViolationTileSummary {
  count: number;
  byRule: Record<string, number>;
}
