/** Pure planar geometry for live checks while a planner draws (lon/lat treated as x/y). */

export type Position = readonly [number, number];
/** A ring as drawn: first and last position may or may not repeat. */
export type Ring = readonly Position[];

/** The ring without a repeated closing position. */
export function openRing(ring: Ring): Position[] {
  const n = ring.length;
  if (n > 1 && ring[0][0] === ring[n - 1][0] && ring[0][1] === ring[n - 1][1]) {
    return ring.slice(0, -1);
  }
  return [...ring];
}

/** The ring closed (first position repeated at the end), as GeoJSON wants. */
export function closeRing(ring: Ring): Position[] {
  const open = openRing(ring);
  return open.length === 0 ? [] : [...open, open[0]];
}

function orientation(a: Position, b: Position, c: Position): number {
  const v = (b[1] - a[1]) * (c[0] - b[0]) - (b[0] - a[0]) * (c[1] - b[1]);
  return v === 0 ? 0 : v > 0 ? 1 : 2;
}

function onSegment(a: Position, b: Position, p: Position): boolean {
  return (
    Math.min(a[0], b[0]) <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= p[1] &&
    p[1] <= Math.max(a[1], b[1])
  );
}

/** Whether segments ab and cd share any point. */
export function segmentsIntersect(a: Position, b: Position, c: Position, d: Position): boolean {
  const o1 = orientation(a, b, c);
  const o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a);
  const o4 = orientation(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && onSegment(a, b, c)) ||
    (o2 === 0 && onSegment(a, b, d)) ||
    (o3 === 0 && onSegment(c, d, a)) ||
    (o4 === 0 && onSegment(c, d, b))
  );
}

/**
 * Where segments ab and cd meet: the point and its parameter t along ab (0 at a, 1 at b); for
 * collinear overlapping segments, the first of c, d, a that lies on both. Null when they do not meet.
 */
export function segmentIntersection(
  a: Position,
  b: Position,
  c: Position,
  d: Position,
): { point: Position; t: number } | null {
  if (!segmentsIntersect(a, b, c, d)) return null;
  const rx = b[0] - a[0];
  const ry = b[1] - a[1];
  const sx = d[0] - c[0];
  const sy = d[1] - c[1];
  const denominator = rx * sy - ry * sx;
  if (denominator !== 0) {
    const t = ((c[0] - a[0]) * sy - (c[1] - a[1]) * sx) / denominator;
    return { point: [a[0] + t * rx, a[1] + t * ry], t };
  }
  const length2 = rx * rx + ry * ry;
  const along = (p: Position) =>
    length2 === 0 ? 0 : ((p[0] - a[0]) * rx + (p[1] - a[1]) * ry) / length2;
  const shared = [c, d, a].find((p) => onSegment(a, b, p) && onSegment(c, d, p)) ?? a;
  return { point: shared, t: along(shared) };
}

/**
 * The ring without a position that repeats the one before it (a click twice on one spot, or the
 * pointer resting on the last corner while drawing): no edge of zero length.
 */
export function dropRepeats(ring: Ring): Position[] {
  const pts = openRing(ring);
  return pts.filter((p, i) => {
    const before = pts[(i + pts.length - 1) % pts.length];
    return pts.length === 1 || p[0] !== before[0] || p[1] !== before[1];
  });
}

/**
 * Where a polygon ring crosses or touches itself: the meeting points of edges that are not
 * neighbours, and vertices that come back later. Fewer than 3 distinct vertices is not a
 * self-intersection (not a polygon yet), nor is a position repeating the one before it.
 */
export function selfIntersections(ring: Ring): Position[] {
  const pts = dropRepeats(ring);
  const n = pts.length;
  if (n < 3) return [];
  const found: Position[] = [];
  const seen = new Set<string>();
  for (const p of pts) {
    const key = `${p[0]},${p[1]}`;
    if (seen.has(key)) found.push(p);
    seen.add(key);
  }
  for (let i = 0; i < n; i += 1) {
    const a = pts[i];
    const b = pts[(i + 1) % n];
    for (let j = i + 1; j < n; j += 1) {
      // neighbouring edges share a vertex by construction
      if (j === i + 1 || (i === 0 && j === n - 1)) continue;
      const hit = segmentIntersection(a, b, pts[j], pts[(j + 1) % n]);
      if (hit) found.push(hit.point);
    }
  }
  return found;
}

/** Whether a polygon ring crosses or touches itself (see selfIntersections). */
export function ringSelfIntersects(ring: Ring): boolean {
  return selfIntersections(ring).length > 0;
}

/** Signed area (shoelace), positive when counter-clockwise. */
export function signedArea(ring: Ring): number {
  const pts = openRing(ring);
  let sum = 0;
  for (let i = 0; i < pts.length; i += 1) {
    const [x1, y1] = pts[i];
    const [x2, y2] = pts[(i + 1) % pts.length];
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

/** Area centroid of a simple ring; the vertex mean when the area is zero. */
export function ringCentroid(ring: Ring): Position {
  const pts = openRing(ring);
  if (pts.length === 0) throw new Error('ringCentroid: empty ring');
  const area = signedArea(pts);
  if (area === 0) {
    const sx = pts.reduce((s, p) => s + p[0], 0);
    const sy = pts.reduce((s, p) => s + p[1], 0);
    return [sx / pts.length, sy / pts.length];
  }
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < pts.length; i += 1) {
    const [x1, y1] = pts[i];
    const [x2, y2] = pts[(i + 1) % pts.length];
    const f = x1 * y2 - x2 * y1;
    cx += (x1 + x2) * f;
    cy += (y1 + y2) * f;
  }
  return [cx / (6 * area), cy / (6 * area)];
}

/** Even-odd test of a point against one ring (on the edge counts as inside). */
export function pointInRing(p: Position, ring: Ring): boolean {
  const pts = openRing(ring);
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i, i += 1) {
    const a = pts[i];
    const b = pts[j];
    if (orientation(a, b, p) === 0 && onSegment(a, b, p)) return true;
    if (
      a[1] > p[1] !== b[1] > p[1] &&
      p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]
    ) {
      inside = !inside;
    }
  }
  return inside;
}

/** A GeoJSON Polygon or MultiPolygon's coordinates, as the API gives boundaries. */
export type PolygonalGeometry =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

/** Whether a point lies in a Polygon/MultiPolygon (holes excluded). */
export function pointInPolygonal(p: Position, geometry: PolygonalGeometry): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some(
    ([outer, ...holes]) => pointInRing(p, outer) && !holes.some((hole) => pointInRing(p, hole)),
  );
}

/** Vertices of the drawn ring that lie outside the parent's boundary. */
export function verticesOutside(ring: Ring, parent: PolygonalGeometry): Position[] {
  return openRing(ring).filter((p) => !pointInPolygonal(p, parent));
}

/** Every ring of a Polygon/MultiPolygon, outer and holes. */
export function polygonalRings(geometry: PolygonalGeometry): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

/** Where a drawn ring leaves its parent: the corners outside it, and where edges cross out. */
export interface OutsideParent {
  vertices: Position[];
  /** Points on the parent's boundary where a drawn edge passes from inside to outside or back. */
  crossings: Position[];
}

/**
 * Where the drawn ring goes outside the parent. Corners alone miss an edge that cuts across a
 * concave part of the parent with both ends inside, so every edge is cut where it meets the
 * parent's rings and each piece's middle is tested; a piece outside reports its ends on the
 * parent's boundary (also when both are corners drawn on it, bridging a notch). Lying along the parent's boundary (as a snapped drawing does) is inside.
 */
export function outsideParent(ring: Ring, parent: PolygonalGeometry): OutsideParent {
  const pts = openRing(ring);
  const parentRings = polygonalRings(parent).map(openRing);
  const crossings: Position[] = [];
  const seen = new Set<string>();
  const report = (p: Position) => {
    const key = `${p[0]},${p[1]}`;
    if (seen.has(key)) return;
    seen.add(key);
    crossings.push(p);
  };
  for (let i = 0; i < pts.length && pts.length >= 2; i += 1) {
    const a = pts[i];
    const b = pts[(i + 1) % pts.length];
    if (pts.length === 2 && i === 1) break; // a single segment, not closed back on itself
    const cuts: { point: Position; t: number }[] = [];
    for (const other of parentRings) {
      for (let j = 0; j < other.length; j += 1) {
        const hit = segmentIntersection(a, b, other[j], other[(j + 1) % other.length]);
        if (hit && hit.t > 1e-12 && hit.t < 1 - 1e-12) cuts.push(hit);
      }
    }
    cuts.sort((x, y) => x.t - y.t);
    const stops = [{ point: a, t: 0 }, ...cuts, { point: b, t: 1 }];
    for (let k = 0; k + 1 < stops.length; k += 1) {
      const from = stops[k];
      const to = stops[k + 1];
      if (to.t - from.t < 1e-12) continue;
      const t = (from.t + to.t) / 2;
      const middle: Position = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
      if (pointInPolygonal(middle, parent)) continue;
      // the piece's ends on the parent's boundary: cuts, or corners drawn on the boundary
      if (from.t > 0 || pointInPolygonal(a, parent)) report(from.point);
      if (to.t < 1 || pointInPolygonal(b, parent)) report(to.point);
    }
  }
  return { vertices: verticesOutside(pts, parent), crossings };
}

/**
 * The one ring a boundary can be reshaped by: a Polygon without holes, or a MultiPolygon of one
 * such part; null otherwise (several parts or holes are not edited vertex by vertex).
 */
export function editableRing(geometry: PolygonalGeometry): Position[] | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (polygons.length !== 1 || polygons[0].length !== 1) return null;
  return closeRing(polygons[0][0]);
}
