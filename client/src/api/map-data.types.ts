/**
 * What the server's TileJSON documents (/tiles/{set}.json) and /config.json hold: the client
 * side of server/src/tiles/tile.types.ts.
 */

export interface TileJson<TSummary> {
  tilejson: string;
  tiles: string[];
  minzoom: number;
  maxzoom: number;
  /** West, south, east, north of the viewer's territory. */
  bounds: [number, number, number, number];
  gridwarden: TSummary;
}

export interface GridTileSummary {
  levels: { level: number; minzoom: number; count: number }[];
}

export interface EnterpriseTileSummary {
  pointMinZoom: number;
  count: number;
  byFlags: { highRisk: boolean; nineSmall: boolean; scale: string; count: number }[];
}

export interface ViolationTileSummary {
  count: number;
  byRule: Record<string, number>;
}

/** The server's settings for the browser (/config.json). */
export interface ClientConfig {
  /** Tianditu (天地图) browser key; null when the server has none (our own data only). */
  tianditu: { key: string } | null;
}
