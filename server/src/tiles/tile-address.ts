/**
 * A tile's address in the XYZ (Web Mercator, y down) scheme, read from URL segments and
 * checked; validators return `{ valid: false, reason }` instead of throwing.
 */

export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

/** Deepest zoom served; beyond it clients overzoom (1 tile unit is ~1 cm there). */
export const MAX_TILE_ZOOM = 22;

export type TileAddressResult =
  { valid: true; address: TileAddress } | { valid: false; reason: string };

const WHOLE = /^(0|[1-9][0-9]{0,7})$/;

/**
 * Parses `z`, `x` and `{y}.mvt` as the router receives them.
 * @example parseTileAddress('8', '212', '102.mvt') // { valid: true, address: { z: 8, x: 212, y: 102 } }
 */
export function parseTileAddress(z: string, x: string, yFile: string): TileAddressResult {
  const yMatch = /^(.*)\.mvt$/.exec(yFile);
  if (!yMatch) {
    return {
      valid: false,
      reason: `a tile address ends in {y}.mvt; got ${JSON.stringify(yFile)}`,
    };
  }
  const y = yMatch[1];
  if (!WHOLE.test(z) || Number(z) > MAX_TILE_ZOOM) {
    return {
      valid: false,
      reason: `zoom z must be a whole number from 0 to ${MAX_TILE_ZOOM}; got ${JSON.stringify(z)}`,
    };
  }
  const zoom = Number(z);
  const last = 2 ** zoom - 1;
  for (const [name, value] of [
    ['x', x],
    ['y', y],
  ] as const) {
    if (!WHOLE.test(value) || Number(value) > last) {
      return {
        valid: false,
        reason: `${name} must be a whole number from 0 to ${last} at zoom ${zoom}; got ${JSON.stringify(value)}`,
      };
    }
  }
  return { valid: true, address: { z: zoom, x: Number(x), y: Number(y) } };
}

/** The tile's bounds in degrees: [west, south, east, north]. */
export function tileBounds({ z, x, y }: TileAddress): [number, number, number, number] {
  const n = 2 ** z;
  const lon = (column: number) => (column / n) * 360 - 180;
  const lat = (row: number) =>
    (Math.atan(Math.sinh(Math.PI * (1 - (2 * row) / n))) * 180) / Math.PI;
  return [lon(x), lat(y + 1), lon(x + 1), lat(y)];
}

/**
 * The tile of a zoom that holds a point.
 * @example tileAt(118.5, 35.8, 8) // { z: 8, x: 212, y: 100 }
 */
export function tileAt(lon: number, lat: number, z: number): TileAddress {
  const n = 2 ** z;
  const clamp = (v: number) => Math.min(n - 1, Math.max(0, Math.floor(v)));
  const phi = (lat * Math.PI) / 180;
  return {
    z,
    x: clamp(((lon + 180) / 360) * n),
    y: clamp(((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * n),
  };
}

/**
 * Every tile of a zoom that touches a box, row by row.
 * @example tilesCovering([118.25, 35.55, 118.95, 36.13], 11).length // 25
 */
export function tilesCovering(
  [west, south, east, north]: [number, number, number, number],
  z: number,
): TileAddress[] {
  const nw = tileAt(west, north, z);
  const se = tileAt(east, south, z);
  const tiles: TileAddress[] = [];
  for (let y = nw.y; y <= se.y; y++) for (let x = nw.x; x <= se.x; x++) tiles.push({ z, x, y });
  return tiles;
}
