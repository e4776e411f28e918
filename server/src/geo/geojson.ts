/**
 * Small pure GeoJSON helpers (RFC 7946) for grid boundaries, which PostGIS stores as
 * `geometry(MultiPolygon,4326)`. Coordinates are planar lon/lat degrees here, as in PostGIS
 * `geometry`; nothing in this file measures on the sphere.
 */
import type { BBox, MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Wraps a Polygon as a one-part MultiPolygon; returns a MultiPolygon unchanged. The
 * database column takes MultiPolygons only, so every write path funnels through this.
 *
 * @example
 * toMultiPolygon({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] });
 * // => { type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]]] }
 */
export function toMultiPolygon(geometry: Polygon | MultiPolygon): MultiPolygon {
  if (geometry.type === 'MultiPolygon') return geometry;
  return { type: 'MultiPolygon', coordinates: [geometry.coordinates] };
}

/**
 * Signed planar area of a closed ring in square degrees (shoelace formula): positive when
 * the ring runs counter-clockwise, as RFC 7946 wants exterior rings to. Fine for choosing
 * or reporting an orientation; for an exact answer on near-degenerate rings use the
 * `orient2d` predicate instead.
 *
 * @example
 * ringSignedArea([[0, 0], [2, 0], [2, 1], [0, 1], [0, 0]]); // => 2
 * ringSignedArea([[0, 0], [0, 1], [2, 1], [2, 0], [0, 0]]); // => -2
 */
export function ringSignedArea(ring: readonly Position[]): number {
  if (ring.length < 3) return 0;
  // Translating to the first vertex keeps the products small, which keeps the rounding
  // error small for rings far from (0, 0) — all of China is.
  const [x0, y0] = ring[0];
  let twice = 0;
  for (let i = 1; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[i + 1];
    twice += (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
  }
  return twice / 2;
}

/**
 * The [west, south, east, north] bounding box of a Polygon or MultiPolygon, in the order
 * RFC 7946 §5 uses for `bbox`. Does not handle boxes crossing the antimeridian.
 *
 * @example
 * boundingBox({ type: 'Polygon', coordinates: [[[118, 35], [119, 35], [119, 36], [118, 35]]] });
 * // => [118, 35, 119, 36]
 */
export function boundingBox(geometry: Polygon | MultiPolygon): BBox {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const polygon of toMultiPolygon(geometry).coordinates) {
    for (const ring of polygon) {
      for (const [x, y] of ring) {
        if (x < west) west = x;
        if (x > east) east = x;
        if (y < south) south = y;
        if (y > north) north = y;
      }
    }
  }
  if (west > east) throw new RangeError('boundingBox: the geometry has no positions');
  return [west, south, east, north];
}
