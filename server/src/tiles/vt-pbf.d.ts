// vt-pbf 3.1.3 ships no types; this is the one function Gridwarden uses.
declare module 'vt-pbf' {
  import type { Tile } from 'geojson-vt';

  /** Encodes geojson-vt tiles, keyed by layer name, as one Mapbox Vector Tile. */
  export function fromGeojsonVt(
    layers: Record<string, Tile>,
    options?: { version?: number; extent?: number },
  ): Uint8Array;
}
