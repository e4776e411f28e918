/**
 * Validation of grid boundaries before they reach PostGIS.
 *
 * The embedded PGlite build of PostGIS turns GEOS errors on invalid geometry into empty
 * results or a hung connection, so every write path calls `validatePolygonGeometry` before
 * any SQL. It accepts what OGC / GEOS `ST_IsValid` accepts for `geometry(MultiPolygon,4326)`
 * and explains everything else with a stable reason code (translated elsewhere) and an
 * English message that says where.
 *
 * Decisions:
 * - Input is a GeoJSON Polygon or MultiPolygon, or a Feature wrapping one (drawing tools
 *   emit Features; its properties are ignored). Anything else is `WRONG_TYPE`.
 * - Positions are [lon, lat] or [lon, lat, altitude]; the altitude is dropped because the
 *   column is 2D. Rings are compared in 2D, so closure ignores the altitude.
 * - Consecutive repeated positions are allowed (OGC allows them) and removed from the
 *   result. The vertex limit counts the positions as sent, since it bounds our work.
 * - Rings may touch each other at single points (a hole touching its shell, two holes
 *   touching), as in OGC, unless the touches cut the interior in two. A ring may not
 *   touch itself, and polygons of a MultiPolygon may touch at points but not share edges.
 * - The coordinates are treated as planar degrees, as PostGIS `geometry` does; rings
 *   crossing the antimeridian are not split.
 *
 * Indices in messages and locations are those of the input: polygon 0 for a Polygon,
 * ring 0 the exterior ring, position i the i-th position of the ring as sent, and edge i
 * the segment from position i to the next distinct position.
 */
import type { MultiPolygon, Position } from 'geojson';
import { orient2d } from './orientation';

/** Why a geometry was refused; stable codes, the client translates them. */
export const PolygonInvalidReason = {
  /** The input is not a JSON object (null, a string, an array …). */
  NOT_AN_OBJECT: 'NOT_AN_OBJECT',
  /** The `type` is not Polygon or MultiPolygon (nor a Feature wrapping one). */
  WRONG_TYPE: 'WRONG_TYPE',
  /** There is no `coordinates` member. */
  MISSING_COORDINATES: 'MISSING_COORDINATES',
  /** `coordinates` is not nested as the type requires (a ring that is not an array …). */
  MALFORMED_COORDINATES: 'MALFORMED_COORDINATES',
  /** No polygons, or a polygon without rings. */
  EMPTY: 'EMPTY',
  /** More vertices than `maxVertices`. */
  TOO_MANY_VERTICES: 'TOO_MANY_VERTICES',
  /** A position has fewer than 2 or more than 3 numbers. */
  POSITION_WRONG_LENGTH: 'POSITION_WRONG_LENGTH',
  /** A coordinate is NaN, ±Infinity or not a number at all. */
  NON_FINITE_COORDINATE: 'NON_FINITE_COORDINATE',
  LONGITUDE_OUT_OF_RANGE: 'LONGITUDE_OUT_OF_RANGE',
  LATITUDE_OUT_OF_RANGE: 'LATITUDE_OUT_OF_RANGE',
  /** Fewer than 4 positions, or fewer than 3 distinct ones. */
  RING_TOO_SHORT: 'RING_TOO_SHORT',
  /** The last position differs from the first. */
  RING_NOT_CLOSED: 'RING_NOT_CLOSED',
  /** All positions of a ring lie on one line. */
  ZERO_AREA_RING: 'ZERO_AREA_RING',
  /** A ring crosses, touches or runs back over itself (bowtie, figure-8, spike). */
  SELF_INTERSECTION: 'SELF_INTERSECTION',
  /** Two rings of one polygon cross or share a segment. */
  RING_INTERSECTION: 'RING_INTERSECTION',
  /** A hole is not inside its polygon's exterior ring. */
  HOLE_OUTSIDE_SHELL: 'HOLE_OUTSIDE_SHELL',
  /** A hole lies inside another hole of the same polygon. */
  NESTED_HOLES: 'NESTED_HOLES',
  /** Rings touch at two or more points so that they cut the polygon's interior apart. */
  DISCONNECTED_INTERIOR: 'DISCONNECTED_INTERIOR',
  /** Two polygons of a MultiPolygon overlap, cross, nest or share an edge. */
  POLYGONS_OVERLAP: 'POLYGONS_OVERLAP',
} as const;
export type PolygonInvalidReason = (typeof PolygonInvalidReason)[keyof typeof PolygonInvalidReason];

/** Where a problem is, in input indices (see the module comment). */
export interface PolygonProblemLocation {
  polygon: number;
  ring: number;
  /** The position concerned, when there is one. */
  position?: number;
  /** The two edges concerned, for a ring meeting itself. */
  edges?: [number, number];
  /** The other ring, for problems between two rings or two polygons. */
  other?: { polygon: number; ring: number };
  /** A point to show on the map (an intersection is rounded only in the message). */
  at?: [number, number];
}

export type PolygonValidation =
  | {
      valid: true;
      /** Polygon wrapped, repeats removed, altitudes dropped, exterior CCW, holes CW. */
      geometry: MultiPolygon;
      /** Distinct vertices of the result (closing positions not counted). */
      vertexCount: number;
    }
  | {
      valid: false;
      reason: PolygonInvalidReason;
      message: string;
      location?: PolygonProblemLocation;
    };

export type PolygonValidationFailure = Extract<PolygonValidation, { valid: false }>;

export interface PolygonValidationOptions {
  /** Most vertices accepted, closing positions not counted; default 10,000. */
  maxVertices?: number;
}

export const DEFAULT_MAX_VERTICES = 10_000;

/**
 * Checks that `input` is a GeoJSON Polygon or MultiPolygon that PostGIS would call valid,
 * and returns it as a normalised MultiPolygon; otherwise says why and where. Throws only
 * for a bad `options` argument.
 *
 * @example
 * validatePolygonGeometry({ type: 'Polygon', coordinates: [[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]] });
 * // => { valid: true, vertexCount: 4, geometry: { type: 'MultiPolygon',
 * //      coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]] } }
 * validatePolygonGeometry({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] });
 * // => { valid: false, reason: 'SELF_INTERSECTION', location: { polygon: 0, ring: 0, … },
 * //      message: 'ring 0 of polygon 0 crosses itself between edge 0 and edge 2 near (0.5, 0.5)' }
 */
export function validatePolygonGeometry(
  input: unknown,
  options: PolygonValidationOptions = {},
): PolygonValidation {
  const maxVertices = options.maxVertices ?? DEFAULT_MAX_VERTICES;
  if (!Number.isSafeInteger(maxVertices) || maxVertices < 3) {
    throw new RangeError(`maxVertices must be an integer of at least 3, got ${maxVertices}`);
  }
  const read = readPolygons(input, maxVertices);
  if ('valid' in read) return read;
  const { polygons } = read;
  const touched = findCrossingsAndTouches(polygons);
  if ('valid' in touched) return touched;
  return findContainmentProblems(polygons, touched) ?? success(polygons);
}

// ---------------------------------------------------------------------------------------
// Reading and per-ring checks

// Hand-rolled because Jest's vm sandbox made Math.* calls in the hot loops ~50× slower.
const lesser = (a: number, b: number): number => (a < b ? a : b);
const greater = (a: number, b: number): number => (a > b ? a : b);
const signOf = (a: number): number => (a > 0 ? 1 : a < 0 ? -1 : 0);

interface Ring {
  polygon: number;
  ring: number;
  /** Distinct consecutive vertices, closed: x[n] === x[0]. */
  x: number[];
  y: number[];
  /** Input index of each vertex (the last of a run of repeats, so edge i starts there). */
  source: number[];
  /** Orientation as sent. */
  ccw: boolean;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

type Polygons = Ring[][];

function fail(
  reason: PolygonInvalidReason,
  message: string,
  location?: PolygonProblemLocation,
): PolygonValidationFailure {
  return location ? { valid: false, reason, message, location } : { valid: false, reason, message };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readPolygons(
  input: unknown,
  maxVertices: number,
): { polygons: Polygons } | PolygonValidationFailure {
  if (!isObject(input)) {
    return fail(
      PolygonInvalidReason.NOT_AN_OBJECT,
      `expected a GeoJSON Polygon or MultiPolygon object, got ${describe(input)}`,
    );
  }
  let geometry = input;
  if (input.type === 'Feature') {
    if (!isObject(input.geometry)) {
      return fail(
        PolygonInvalidReason.WRONG_TYPE,
        `expected a Feature with a Polygon or MultiPolygon geometry, got geometry ${describe(input.geometry)}`,
      );
    }
    geometry = input.geometry;
  }
  const { type, coordinates } = geometry;
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    return fail(
      PolygonInvalidReason.WRONG_TYPE,
      `expected a Polygon or MultiPolygon, got ${typeof type === 'string' ? `a ${type}` : `type ${describe(type)}`}`,
    );
  }
  if (coordinates === undefined || coordinates === null) {
    return fail(PolygonInvalidReason.MISSING_COORDINATES, `the ${type} has no coordinates`);
  }
  if (!Array.isArray(coordinates)) {
    return fail(
      PolygonInvalidReason.MALFORMED_COORDINATES,
      `the coordinates of the ${type} must be an array, got ${describe(coordinates)}`,
    );
  }
  if (coordinates.length === 0) {
    return fail(PolygonInvalidReason.EMPTY, `the ${type} has no coordinates`);
  }
  const rawPolygons: unknown[] = type === 'Polygon' ? [coordinates] : coordinates;

  // Shape and size first, so an oversized input is refused before any per-position work.
  let vertices = 0;
  for (let p = 0; p < rawPolygons.length; p++) {
    const rawPolygon = rawPolygons[p];
    if (!Array.isArray(rawPolygon)) {
      return fail(
        PolygonInvalidReason.MALFORMED_COORDINATES,
        `polygon ${p} must be an array of rings, got ${describe(rawPolygon)}`,
        { polygon: p, ring: 0 },
      );
    }
    if (rawPolygon.length === 0) {
      return fail(PolygonInvalidReason.EMPTY, `polygon ${p} has no rings`, { polygon: p, ring: 0 });
    }
    for (let r = 0; r < rawPolygon.length; r++) {
      const rawRing: unknown = rawPolygon[r];
      if (!Array.isArray(rawRing)) {
        return fail(
          PolygonInvalidReason.MALFORMED_COORDINATES,
          `ring ${r} of polygon ${p} must be an array of positions, got ${describe(rawRing)}`,
          { polygon: p, ring: r },
        );
      }
      vertices += greater(rawRing.length - 1, 0);
    }
  }
  if (vertices > maxVertices) {
    return fail(
      PolygonInvalidReason.TOO_MANY_VERTICES,
      `${type === 'Polygon' ? 'polygon' : 'multipolygon'} has ${thousands(vertices)} vertices; the limit is ${thousands(maxVertices)}`,
    );
  }

  const polygons: Polygons = [];
  for (let p = 0; p < rawPolygons.length; p++) {
    const rings: Ring[] = [];
    for (const [r, rawRing] of (rawPolygons[p] as unknown[][]).entries()) {
      const ring = readRing(rawRing, p, r);
      if ('valid' in ring) return ring;
      rings.push(ring);
    }
    polygons.push(rings);
  }
  return { polygons };
}

function readRing(
  rawRing: unknown[],
  polygon: number,
  ring: number,
): Ring | PolygonValidationFailure {
  const where = `ring ${ring} of polygon ${polygon}`;
  const xs: number[] = [];
  const ys: number[] = [];
  const source: number[] = [];
  for (let i = 0; i < rawRing.length; i++) {
    const position = readPosition(rawRing[i], polygon, ring, i);
    if ('valid' in position) return position;
    const [x, y] = position;
    const last = xs.length - 1;
    // Repeats are dropped but remembered, so edge numbers still point into the input.
    if (last >= 0 && xs[last] === x && ys[last] === y) {
      source[last] = i;
    } else {
      xs.push(x);
      ys.push(y);
      source.push(i);
    }
  }
  // Checked after the positions, so that wrongly nested coordinates say so.
  if (rawRing.length < 4) {
    return fail(
      PolygonInvalidReason.RING_TOO_SHORT,
      `${where} has ${rawRing.length} position${rawRing.length === 1 ? '' : 's'}; a ring needs at least 4 (3 corners and the closing position)`,
      { polygon, ring },
    );
  }
  const first = rawRing[0] as number[];
  const lastPosition = rawRing[rawRing.length - 1] as number[];
  if (first[0] !== lastPosition[0] || first[1] !== lastPosition[1]) {
    return fail(
      PolygonInvalidReason.RING_NOT_CLOSED,
      `${where} is not closed: first position ${point(first)} differs from last ${point(lastPosition)}`,
      { polygon, ring, position: rawRing.length - 1, at: [lastPosition[0], lastPosition[1]] },
    );
  }
  const distinct = xs.length - 1;
  if (distinct < 3) {
    return fail(
      PolygonInvalidReason.RING_TOO_SHORT,
      `${where} has only ${distinct} distinct position${distinct === 1 ? '' : 's'} once repeats are removed; a ring needs at least 3`,
      { polygon, ring },
    );
  }
  let collinear = true;
  for (let i = 2; i < distinct && collinear; i++) {
    collinear = orient2d(xs[0], ys[0], xs[1], ys[1], xs[i], ys[i]) === 0;
  }
  if (collinear) {
    return fail(
      PolygonInvalidReason.ZERO_AREA_RING,
      `${where} has zero area: all its positions lie on one line`,
      { polygon, ring, at: [xs[0], ys[0]] },
    );
  }
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  // The lexicographically lowest vertex is convex, so the turn there is the ring's
  // orientation, exactly; a shoelace sum could get the sign of a sliver wrong.
  let lowest = 0;
  for (let i = 0; i < distinct; i++) {
    const x = xs[i];
    const y = ys[i];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
    if (x < xs[lowest] || (x === xs[lowest] && y < ys[lowest])) lowest = i;
  }
  const before = lowest === 0 ? distinct - 1 : lowest - 1;
  const ccw =
    orient2d(xs[before], ys[before], xs[lowest], ys[lowest], xs[lowest + 1], ys[lowest + 1]) > 0;
  return { polygon, ring, x: xs, y: ys, source, ccw, minX, minY, maxX, maxY };
}

function readPosition(
  raw: unknown,
  polygon: number,
  ring: number,
  position: number,
): [number, number] | PolygonValidationFailure {
  const where = `position ${position} of ring ${ring} of polygon ${polygon}`;
  const location = { polygon, ring, position };
  if (!Array.isArray(raw)) {
    return fail(
      PolygonInvalidReason.MALFORMED_COORDINATES,
      `${where} must be an array [longitude, latitude], got ${describe(raw)}`,
      location,
    );
  }
  if (raw.length < 2 || raw.length > 3) {
    return fail(
      PolygonInvalidReason.POSITION_WRONG_LENGTH,
      `${where} has ${raw.length} number${raw.length === 1 ? '' : 's'}; expected [longitude, latitude] or [longitude, latitude, altitude]`,
      location,
    );
  }
  const names = ['longitude', 'latitude', 'altitude'];
  for (let i = 0; i < raw.length; i++) {
    const value: unknown = raw[i];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return fail(
        PolygonInvalidReason.NON_FINITE_COORDINATE,
        `${where} has ${names[i]} ${describe(value)}, which is not a finite number`,
        location,
      );
    }
  }
  const [lon, lat] = raw as number[];
  if (lon < -180 || lon > 180) {
    return fail(
      PolygonInvalidReason.LONGITUDE_OUT_OF_RANGE,
      `${where} has longitude ${lon}, outside −180…180`,
      { ...location, at: [lon, lat] },
    );
  }
  if (lat < -90 || lat > 90) {
    return fail(
      PolygonInvalidReason.LATITUDE_OUT_OF_RANGE,
      `${where} has latitude ${lat}, outside −90…90`,
      { ...location, at: [lon, lat] },
    );
  }
  return [lon, lat];
}

// ---------------------------------------------------------------------------------------
// Edge intersections: a sweep over x with y bands

interface Edge {
  ring: Ring;
  /** Ring-wide identity, for telling rings apart quickly. */
  ringId: number;
  index: number;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Two rings meeting at a single point, found while sweeping; judged afterwards. */
interface Touch {
  x: number;
  y: number;
  a: Edge;
  b: Edge;
}

/**
 * Finds every pair of edges that meet. Edges are visited by increasing min x; the edges
 * still reaching that x sit in horizontal bands, so an edge is compared only with edges
 * overlapping it in both x and y. A pair is examined only in the band holding the bottom of
 * their y overlap, so each pair is seen once. Typical rings give a few edges per band,
 * i.e. near-linear time; only pathological shapes (thousands of long parallel edges) degrade.
 */
function findCrossingsAndTouches(polygons: Polygons): PolygonValidationFailure | Settled {
  const edges: Edge[] = [];
  let minY = Infinity;
  let maxY = -Infinity;
  let ringId = 0;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let i = 0; i + 1 < ring.x.length; i++) {
        const x0 = ring.x[i];
        const x1 = ring.x[i + 1];
        const y0 = ring.y[i];
        const y1 = ring.y[i + 1];
        edges.push({
          ring,
          ringId,
          index: i,
          minX: lesser(x0, x1),
          maxX: greater(x0, x1),
          minY: lesser(y0, y1),
          maxY: greater(y0, y1),
        });
      }
      minY = lesser(minY, ring.minY);
      maxY = greater(maxY, ring.maxY);
      ringId++;
    }
  }
  edges.sort((a, b) => a.minX - b.minX);

  const bandCount = greater(1, lesser(1024, Math.ceil(Math.sqrt(edges.length))));
  const bandHeight = (maxY - minY) / bandCount;
  const bandOf = (y: number): number => {
    if (!(bandHeight > 0)) return 0;
    const band = ~~((y - minY) / bandHeight); // y ≥ minY, so truncation is floor
    return band < bandCount ? band : bandCount - 1;
  };
  const bands: Edge[][] = Array.from({ length: bandCount }, () => []);
  const touches: Touch[] = [];

  for (const edge of edges) {
    const first = bandOf(edge.minY);
    const last = bandOf(edge.maxY);
    for (let band = first; band <= last; band++) {
      const active = bands[band];
      let kept = 0;
      for (let i = 0; i < active.length; i++) {
        const other = active[i];
        if (other.maxX < edge.minX) continue; // behind the sweep for good
        active[kept++] = other;
        if (other.maxY < edge.minY || other.minY > edge.maxY) continue;
        if (bandOf(other.minY > edge.minY ? other.minY : edge.minY) !== band) continue;
        const failure = examinePair(other, edge, touches);
        if (failure) return failure;
      }
      active.length = kept;
    }
    for (let band = first; band <= last; band++) bands[band].push(edge);
  }
  return judgeTouches(touches);
}

type Meeting =
  | { kind: 'cross'; x: number; y: number }
  | { kind: 'touch'; x: number; y: number }
  | { kind: 'overlap'; from: [number, number]; to: [number, number] };

function examinePair(a: Edge, b: Edge, touches: Touch[]): PolygonValidationFailure | undefined {
  const ra = a.ring;
  const rb = b.ring;
  if (a.ringId === b.ringId) {
    const n = ra.x.length - 1;
    const [lo, hi] = a.index < b.index ? [a.index, b.index] : [b.index, a.index];
    if (hi === lo + 1 || (lo === 0 && hi === n - 1)) return examineCorner(ra, lo, hi, n);
  }
  const meeting = meet(
    ra.x[a.index],
    ra.y[a.index],
    ra.x[a.index + 1],
    ra.y[a.index + 1],
    rb.x[b.index],
    rb.y[b.index],
    rb.x[b.index + 1],
    rb.y[b.index + 1],
  );
  if (!meeting) return undefined;
  // Report the pair in input order, whatever order the sweep met them in.
  const [first, second] = compareEdges(a, b) <= 0 ? [a, b] : [b, a];
  const r1 = first.ring;
  const r2 = second.ring;
  const e1 = r1.source[first.index];
  const e2 = r2.source[second.index];
  const at: [number, number] = meeting.kind === 'overlap' ? meeting.from : [meeting.x, meeting.y];
  if (a.ringId === b.ringId) {
    const where = `ring ${r1.ring} of polygon ${r1.polygon}`;
    const location: PolygonProblemLocation = {
      polygon: r1.polygon,
      ring: r1.ring,
      edges: [e1, e2],
      at,
    };
    const message =
      meeting.kind === 'cross'
        ? `${where} crosses itself between edge ${e1} and edge ${e2} near ${point(at)}`
        : meeting.kind === 'touch'
          ? `${where} touches itself at ${point(at)} (edge ${e1} and edge ${e2}); a ring may pass through a point only once`
          : `${where} runs back over itself: edge ${e1} and edge ${e2} overlap from ${point(meeting.from)} to ${point(meeting.to)}`;
    return fail(PolygonInvalidReason.SELF_INTERSECTION, message, location);
  }
  if (meeting.kind === 'touch') {
    touches.push({ x: meeting.x, y: meeting.y, a: first, b: second });
    return undefined;
  }
  const how =
    meeting.kind === 'cross'
      ? `cross near ${point(at)} (edges ${e1} and ${e2} respectively)`
      : `share a segment from ${point(meeting.from)} to ${point(meeting.to)} (edges ${e1} and ${e2} respectively)`;
  return betweenRings(r1, r2, how, at);
}

/** Two consecutive edges share their corner; they may meet nowhere else, i.e. no spike. */
function examineCorner(
  ring: Ring,
  lo: number,
  hi: number,
  n: number,
): PolygonValidationFailure | undefined {
  // Edges lo and hi meet at `corner`, coming from `previous` and going on to `next`.
  const wraps = hi !== lo + 1;
  const corner = wraps ? 0 : hi;
  const previous = wraps ? n - 1 : lo;
  const next = corner + 1;
  const { x, y } = ring;
  if (orient2d(x[previous], y[previous], x[corner], y[corner], x[next], y[next]) !== 0) {
    return undefined;
  }
  if (!sameDirection(x[corner], y[corner], x[previous], y[previous], x[next], y[next])) {
    return undefined; // straight on: a redundant vertex, which is fine
  }
  const position = ring.source[corner];
  const edges: [number, number] = wraps
    ? [ring.source[0], ring.source[n - 1]]
    : [ring.source[lo], ring.source[hi]];
  return fail(
    PolygonInvalidReason.SELF_INTERSECTION,
    `ring ${ring.ring} of polygon ${ring.polygon} doubles back on itself at position ${position} ${point([x[corner], y[corner]])}: edge ${edges[0]} and edge ${edges[1]} overlap (a spike)`,
    { polygon: ring.polygon, ring: ring.ring, position, edges, at: [x[corner], y[corner]] },
  );
}

/** How segments p1–p2 and q1–q2 meet, exactly; undefined when they do not. */
function meet(
  p1x: number,
  p1y: number,
  p2x: number,
  p2y: number,
  q1x: number,
  q1y: number,
  q2x: number,
  q2y: number,
): Meeting | undefined {
  const o1 = orient2d(p1x, p1y, p2x, p2y, q1x, q1y);
  const o2 = orient2d(p1x, p1y, p2x, p2y, q2x, q2y);
  if (o1 !== 0 && o1 === o2) return undefined;
  const o3 = orient2d(q1x, q1y, q2x, q2y, p1x, p1y);
  const o4 = orient2d(q1x, q1y, q2x, q2y, p2x, p2y);
  if (o3 !== 0 && o3 === o4) return undefined;
  if (o1 === 0 && o2 === 0) {
    // Collinear: compare along x, or along y for a vertical line; comparisons are exact.
    const useX = p1x !== p2x;
    const key = (x: number, y: number): number => (useX ? x : y);
    const pLo = lesser(key(p1x, p1y), key(p2x, p2y));
    const pHi = greater(key(p1x, p1y), key(p2x, p2y));
    const qLo = lesser(key(q1x, q1y), key(q2x, q2y));
    const qHi = greater(key(q1x, q1y), key(q2x, q2y));
    const lo = greater(pLo, qLo);
    const hi = lesser(pHi, qHi);
    if (lo > hi) return undefined;
    const pointAt = (k: number): [number, number] => {
      for (const [x, y] of [
        [p1x, p1y],
        [p2x, p2y],
        [q1x, q1y],
        [q2x, q2y],
      ]) {
        if (key(x, y) === k) return [x, y];
      }
      throw new Error('unreachable: an overlap ends at an endpoint');
    };
    if (lo === hi) {
      const [x, y] = pointAt(lo);
      return { kind: 'touch', x, y };
    }
    return { kind: 'overlap', from: pointAt(lo), to: pointAt(hi) };
  }
  if (o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0) {
    // A proper crossing; the point is only for showing, so doubles are fine here.
    const dx = p2x - p1x;
    const dy = p2y - p1y;
    const ex = q2x - q1x;
    const ey = q2y - q1y;
    const t = ((q1x - p1x) * ey - (q1y - p1y) * ex) / (dx * ey - dy * ex);
    return { kind: 'cross', x: p1x + t * dx, y: p1y + t * dy };
  }
  // Exactly one endpoint lies on the other segment (not collinear, signs straddle).
  if (o1 === 0) return { kind: 'touch', x: q1x, y: q1y };
  if (o2 === 0) return { kind: 'touch', x: q2x, y: q2y };
  if (o3 === 0) return { kind: 'touch', x: p1x, y: p1y };
  return { kind: 'touch', x: p2x, y: p2y };
}

/** Whether u and v lie on the same ray from o; only meaningful when o, u, v are collinear. */
function sameDirection(ox: number, oy: number, ux: number, uy: number, vx: number, vy: number) {
  return signOf(ux - ox) === signOf(vx - ox) && signOf(uy - oy) === signOf(vy - oy);
}

function compareEdges(a: Edge, b: Edge): number {
  return a.ring.polygon - b.ring.polygon || a.ring.ring - b.ring.ring || a.index - b.index;
}

/** The failure for two different rings whose boundaries cross or share a segment. */
function betweenRings(
  r1: Ring,
  r2: Ring,
  how: string,
  at: [number, number],
): PolygonValidationFailure {
  const location: PolygonProblemLocation = {
    polygon: r1.polygon,
    ring: r1.ring,
    other: { polygon: r2.polygon, ring: r2.ring },
    at,
  };
  if (r1.polygon === r2.polygon) {
    return fail(
      PolygonInvalidReason.RING_INTERSECTION,
      `ring ${r1.ring} and ring ${r2.ring} of polygon ${r1.polygon} ${how}`,
      location,
    );
  }
  return fail(
    PolygonInvalidReason.POLYGONS_OVERLAP,
    `polygon ${r1.polygon} and polygon ${r2.polygon} overlap: ring ${r1.ring} of polygon ${r1.polygon} and ring ${r2.ring} of polygon ${r2.polygon} ${how}`,
    location,
  );
}

// ---------------------------------------------------------------------------------------
// Touch points: rings that meet at a point must not cross there, and a hole must stay
// inside its shell, holes outside each other, polygons apart.

/** The angle a ring encloses at a point: counter-clockwise from `start` to `end`. */
interface Sector {
  ring: Ring;
  startX: number;
  startY: number;
  endX: number;
  endY: number;
}

type SectorRelation = 'cross' | 'shared' | 'disjoint' | 'firstInSecond' | 'secondInFirst' | 'cover';

/**
 * What touch points already settled: rings of one polygon by `settledRings`, pairs of
 * polygons (when a shell took part) by `settledPolygons`.
 */
type Settled = Set<string>;

function settledRings(polygon: number, ring1: number, ring2: number): string {
  return `${polygon}:${lesser(ring1, ring2)}|${greater(ring1, ring2)}`;
}

function settledPolygons(polygon1: number, polygon2: number): string {
  return `${lesser(polygon1, polygon2)}|${greater(polygon1, polygon2)}`;
}

function judgeTouches(touches: Touch[]): PolygonValidationFailure | Settled {
  const byPoint = new Map<string, { x: number; y: number; rings: Map<Ring, Edge> }>();
  for (const touch of touches) {
    const key = `${touch.x},${touch.y}`;
    let entry = byPoint.get(key);
    if (!entry) {
      entry = { x: touch.x, y: touch.y, rings: new Map() };
      byPoint.set(key, entry);
    }
    entry.rings.set(touch.a.ring, touch.a);
    entry.rings.set(touch.b.ring, touch.b);
  }

  const settled: Settled = new Set();
  // Per polygon, rings and touch points form a graph; a cycle in it means the touches
  // enclose part of the interior and cut it off from the rest (OGC: interior disconnected).
  const parent = new Map<string, string>();
  const find = (node: string): string => {
    let root = node;
    while (parent.has(root)) root = parent.get(root) as string;
    return root;
  };

  for (const { x, y, rings } of byPoint.values()) {
    const sectors = [...rings.entries()]
      .sort(([a], [b]) => a.polygon - b.polygon || a.ring - b.ring)
      .map(([ring, edge]) => sectorAt(ring, edge.index, x, y));
    for (let i = 0; i < sectors.length; i++) {
      for (let j = i + 1; j < sectors.length; j++) {
        const failure = judgeSectors(x, y, sectors[i], sectors[j], settled);
        if (failure) return failure;
      }
    }
    for (const polygon of new Set(sectors.map((s) => s.ring.polygon))) {
      const here = sectors.filter((s) => s.ring.polygon === polygon);
      if (here.length < 2) continue;
      const pointNode = `${polygon}@${x},${y}`;
      for (const { ring } of here) {
        const ringRoot = find(`${polygon}:${ring.ring}`);
        const pointRoot = find(pointNode);
        if (ringRoot === pointRoot) {
          const others = here.filter((s) => s.ring !== ring).map((s) => s.ring.ring);
          return fail(
            PolygonInvalidReason.DISCONNECTED_INTERIOR,
            `ring ${ring.ring} of polygon ${polygon} touches ring ${others[0]} at ${point([x, y])} and at another point, which cuts off part of the polygon's interior`,
            { polygon, ring: ring.ring, other: { polygon, ring: others[0] }, at: [x, y] },
          );
        }
        parent.set(ringRoot, pointRoot);
      }
    }
  }
  return settled;
}

/** The angle ring encloses at (x, y), which lies on its edge `index`. */
function sectorAt(ring: Ring, index: number, x: number, y: number): Sector {
  const n = ring.x.length - 1;
  let back: number;
  let out: number;
  if (ring.x[index] === x && ring.y[index] === y) {
    back = index === 0 ? n - 1 : index - 1;
    out = index + 1;
  } else if (ring.x[index + 1] === x && ring.y[index + 1] === y) {
    back = index;
    out = index + 2 > n ? 1 : index + 2;
  } else {
    back = index;
    out = index + 1;
  }
  // Left of the direction of travel is inside for a CCW ring, right for a CW one.
  const [start, end] = ring.ccw ? [out, back] : [back, out];
  return {
    ring,
    startX: ring.x[start],
    startY: ring.y[start],
    endX: ring.x[end],
    endY: ring.y[end],
  };
}

function judgeSectors(
  x: number,
  y: number,
  first: Sector,
  second: Sector,
  settled: Settled,
): PolygonValidationFailure | undefined {
  const r1 = first.ring;
  const r2 = second.ring;
  const relation = relateSectors(x, y, first, second);
  const at: [number, number] = [x, y];
  if (relation === 'cross') return betweenRings(r1, r2, `cross at ${point(at)}`, at);
  if (relation === 'shared') return betweenRings(r1, r2, `share a segment at ${point(at)}`, at);
  const location: PolygonProblemLocation = {
    polygon: r1.polygon,
    ring: r1.ring,
    other: { polygon: r2.polygon, ring: r2.ring },
    at,
  };
  if (r1.polygon === r2.polygon) {
    const p = r1.polygon;
    settled.add(settledRings(p, r1.ring, r2.ring));
    if (r1.ring === 0) {
      // Sorted, so a shell comes first; its hole must lie inside it.
      if (relation === 'secondInFirst') return undefined;
      return fail(
        PolygonInvalidReason.HOLE_OUTSIDE_SHELL,
        `hole ring ${r2.ring} of polygon ${p} touches the exterior ring at ${point(at)} from outside; a hole must lie inside its polygon`,
        { ...location, polygon: p, ring: r2.ring, other: { polygon: p, ring: 0 } },
      );
    }
    if (relation === 'disjoint') return undefined;
    if (relation === 'cover') {
      return fail(
        PolygonInvalidReason.RING_INTERSECTION,
        `ring ${r1.ring} and ring ${r2.ring} of polygon ${p} overlap at ${point(at)}`,
        location,
      );
    }
    const [inner, outer] = relation === 'firstInSecond' ? [r1, r2] : [r2, r1];
    return fail(
      PolygonInvalidReason.NESTED_HOLES,
      `hole ring ${inner.ring} of polygon ${p} lies inside hole ring ${outer.ring}`,
      { ...location, ring: inner.ring, other: { polygon: p, ring: outer.ring } },
    );
  }
  // Different polygons: shells must stay apart, or one sits in a hole of the other.
  // Holes touching holes say nothing on their own; the shells' checks decide.
  const shell1 = r1.ring === 0;
  const shell2 = r2.ring === 0;
  if (shell1 || shell2) settled.add(settledPolygons(r1.polygon, r2.polygon));
  const fine =
    (shell1 && shell2 && relation === 'disjoint') ||
    (shell1 && !shell2 && relation === 'firstInSecond') ||
    (!shell1 && shell2 && relation === 'secondInFirst') ||
    (!shell1 && !shell2);
  if (fine) return undefined;
  return fail(
    PolygonInvalidReason.POLYGONS_OVERLAP,
    `polygon ${r1.polygon} and polygon ${r2.polygon} overlap where they touch at ${point(at)}`,
    location,
  );
}

function relateSectors(x: number, y: number, a: Sector, b: Sector): SectorRelation {
  const ray = (s: Sector, which: 'start' | 'end'): [number, number] =>
    which === 'start' ? [s.startX, s.startY] : [s.endX, s.endY];
  for (const u of [ray(a, 'start'), ray(a, 'end')]) {
    for (const v of [ray(b, 'start'), ray(b, 'end')]) {
      if (
        orient2d(x, y, u[0], u[1], v[0], v[1]) === 0 &&
        sameDirection(x, y, u[0], u[1], v[0], v[1])
      ) {
        return 'shared';
      }
    }
  }
  const inside = (s: Sector, [px, py]: [number, number]): boolean =>
    ccwBefore(x, y, s.startX, s.startY, px, py, s.endX, s.endY);
  const bStartInA = inside(a, ray(b, 'start'));
  const bEndInA = inside(a, ray(b, 'end'));
  if (bStartInA !== bEndInA) return 'cross';
  if (bStartInA) {
    return ccwBefore(x, y, a.startX, a.startY, b.startX, b.startY, b.endX, b.endY)
      ? 'secondInFirst'
      : 'cover';
  }
  return inside(b, ray(a, 'start')) ? 'firstInSecond' : 'disjoint';
}

/**
 * Whether, turning counter-clockwise around (ox, oy) from the ray towards (rx, ry), one
 * meets the ray towards (ux, uy) strictly before the ray towards (vx, vy). Exact.
 */
function ccwBefore(
  ox: number,
  oy: number,
  rx: number,
  ry: number,
  ux: number,
  uy: number,
  vx: number,
  vy: number,
): boolean {
  // Half 0 holds angles [0, π) from the reference ray, half 1 holds [π, 2π).
  const half = (px: number, py: number): number => {
    const o = orient2d(ox, oy, rx, ry, px, py);
    if (o !== 0) return o > 0 ? 0 : 1;
    return sameDirection(ox, oy, rx, ry, px, py) ? 0 : 1;
  };
  const hu = half(ux, uy);
  const hv = half(vx, vy);
  if (hu !== hv) return hu < hv;
  return orient2d(ox, oy, ux, uy, vx, vy) > 0;
}

// ---------------------------------------------------------------------------------------
// Containment of rings that never meet

/** Answers point-in-ring queries via horizontal bands of edges. */
class RingLocator {
  private readonly bands: number[][];
  private readonly bandHeight: number;

  constructor(private readonly ring: Ring) {
    const edgeCount = ring.x.length - 1;
    const bandCount = greater(1, lesser(256, Math.ceil(Math.sqrt(edgeCount))));
    this.bandHeight = (ring.maxY - ring.minY) / bandCount;
    this.bands = Array.from({ length: bandCount }, () => []);
    for (let i = 0; i < edgeCount; i++) {
      const a = this.bandOf(lesser(ring.y[i], ring.y[i + 1]));
      const b = this.bandOf(greater(ring.y[i], ring.y[i + 1]));
      for (let band = a; band <= b; band++) this.bands[band].push(i);
    }
  }

  private bandOf(y: number): number {
    return lesser(this.bands.length - 1, Math.floor((y - this.ring.minY) / this.bandHeight));
  }

  /** 1 inside, 0 on the boundary, −1 outside; exact (winding number). */
  locate(px: number, py: number): -1 | 0 | 1 {
    const { ring } = this;
    if (px < ring.minX || px > ring.maxX || py < ring.minY || py > ring.maxY) return -1;
    let winding = 0;
    for (const i of this.bands[this.bandOf(py)]) {
      const ax = ring.x[i];
      const ay = ring.y[i];
      const bx = ring.x[i + 1];
      const by = ring.y[i + 1];
      if (py < lesser(ay, by) || py > greater(ay, by)) continue;
      const o = orient2d(ax, ay, bx, by, px, py);
      if (o === 0 && px >= lesser(ax, bx) && px <= greater(ax, bx)) return 0;
      if (ay <= py) {
        if (by > py && o > 0) winding++;
      } else if (by <= py && o < 0) {
        winding--;
      }
    }
    return winding !== 0 ? 1 : -1;
  }
}

function containsBox(outer: Ring, inner: Ring): boolean {
  return (
    outer.minX <= inner.minX &&
    outer.maxX >= inner.maxX &&
    outer.minY <= inner.minY &&
    outer.maxY >= inner.maxY
  );
}

function boxesOverlap(a: Ring, b: Ring): boolean {
  return a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;
}

/**
 * With no crossings left, a ring that does not touch another lies wholly inside or wholly
 * outside it, so one vertex decides. Pairs that touch were settled at the touch point.
 */
function findContainmentProblems(
  polygons: Polygons,
  settled: Settled,
): PolygonValidationFailure | undefined {
  const locators = new Map<Ring, RingLocator>();
  const locator = (ring: Ring): RingLocator => {
    let found = locators.get(ring);
    if (!found) {
      found = new RingLocator(ring);
      locators.set(ring, found);
    }
    return found;
  };
  const vertex = (ring: Ring): [number, number] => [ring.x[0], ring.y[0]];

  for (const [p, rings] of polygons.entries()) {
    const [shell, ...holes] = rings;
    for (const hole of holes) {
      if (settled.has(settledRings(p, 0, hole.ring))) continue;
      const at = vertex(hole);
      if (locator(shell).locate(...at) < 0) {
        return fail(
          PolygonInvalidReason.HOLE_OUTSIDE_SHELL,
          `hole ring ${hole.ring} of polygon ${p} lies outside the exterior ring`,
          { polygon: p, ring: hole.ring, other: { polygon: p, ring: 0 }, at },
        );
      }
    }
    for (const inner of holes) {
      for (const outer of holes) {
        if (inner === outer || !containsBox(outer, inner)) continue;
        if (settled.has(settledRings(p, inner.ring, outer.ring))) continue;
        const at = vertex(inner);
        if (locator(outer).locate(...at) > 0) {
          return fail(
            PolygonInvalidReason.NESTED_HOLES,
            `hole ring ${inner.ring} of polygon ${p} lies inside hole ring ${outer.ring}`,
            { polygon: p, ring: inner.ring, other: { polygon: p, ring: outer.ring }, at },
          );
        }
      }
    }
  }

  for (let a = 0; a < polygons.length; a++) {
    for (let b = 0; b < polygons.length; b++) {
      if (a === b) continue;
      const outer = polygons[a];
      const inner = polygons[b];
      const innerShell = inner[0];
      if (!boxesOverlap(outer[0], innerShell)) continue;
      if (settled.has(settledPolygons(a, b))) continue;
      const at = vertex(innerShell);
      if (locator(outer[0]).locate(...at) <= 0) continue;
      const inHole = outer
        .slice(1)
        .some((hole) => containsBox(hole, innerShell) && locator(hole).locate(...at) > 0);
      if (inHole) continue;
      return fail(PolygonInvalidReason.POLYGONS_OVERLAP, `polygon ${b} lies inside polygon ${a}`, {
        polygon: b,
        ring: 0,
        other: { polygon: a, ring: 0 },
        at,
      });
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Output and formatting

function success(polygons: Polygons): PolygonValidation {
  let vertexCount = 0;
  const coordinates = polygons.map((rings) =>
    rings.map((ring) => {
      vertexCount += ring.x.length - 1;
      const positions: Position[] = ring.x.map((x, i) => [x, ring.y[i]]);
      // RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise.
      const wantCcw = ring.ring === 0;
      return ring.ccw === wantCcw ? positions : positions.reverse();
    }),
  );
  return { valid: true, geometry: { type: 'MultiPolygon', coordinates }, vertexCount };
}

/** "(118.51234, 35.81234)"; computed points are rounded to 7 decimals (about 1 cm). */
function point(position: readonly number[]): string {
  const round = (value: number): number => Number(value.toFixed(7));
  return `(${round(position[0])}, ${round(position[1])})`;
}

function thousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string') {
    return `the string ${JSON.stringify(value.length > 24 ? `${value.slice(0, 24)}…` : value)}`;
  }
  if (typeof value === 'number') return String(value);
  return `a ${typeof value}`;
}
