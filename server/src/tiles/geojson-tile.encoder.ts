/**
 * Vector tiles built in Node for databases without ST_AsMVT (the embedded PGlite + PostGIS):
 * geojson-vt cuts the features of one tile out of their GeoJSON (projecting, clipping with
 * the same buffer as ST_AsMVTGeom, snapping to the 4096 grid) and vt-pbf encodes them.
 */
import geojsonvt from 'geojson-vt';
import { fromGeojsonVt } from 'vt-pbf';
import type { TileAddress } from './tile-address';
import { TILE_BUFFER, TILE_EXTENT } from './tile.policy';
import type { TileFeature } from './tile.types';

/**
 * One MVT tile (empty bytes when no layer keeps a feature), layers in the given order.
 * @example encodeGeojsonTile({ grids: features }, { z: 12, x: 3396, y: 1631 })
 */
export function encodeGeojsonTile(
  layers: Record<string, TileFeature[]>,
  { z, x, y }: TileAddress,
): Uint8Array {
  const tiles: Record<string, geojsonvt.Tile> = {};
  for (const [name, features] of Object.entries(layers)) {
    if (features.length === 0) continue;
    // Only this tile's features are indexed, so a one-tile index down to z is cheap;
    // tolerance 0 because the SQL already simplified to half a pixel (as for ST_AsMVT).
    const index = geojsonvt(
      { type: 'FeatureCollection', features },
      {
        maxZoom: z,
        indexMaxZoom: 0,
        indexMaxPoints: 0,
        tolerance: 0,
        extent: TILE_EXTENT,
        buffer: TILE_BUFFER,
      },
    );
    const tile = index.getTile(z, x, y);
    if (tile && tile.features.length > 0) tiles[name] = tile;
  }
  if (Object.keys(tiles).length === 0) return new Uint8Array(0);
  return fromGeojsonVt(tiles, { version: 2, extent: TILE_EXTENT });
}
