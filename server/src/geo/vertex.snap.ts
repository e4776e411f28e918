/**
 * Snapping a drawn shape onto neighbouring geometry within a tolerance in metres, so that a
 * boundary sketched by hand shares its neighbours' edges exactly (无缝对接: seamless joins)
 * instead of leaving slivers of gap and overlap along them.
 *
 * Three passes, measured in a local frame of east/north metres at the shape's latitude
 * (WGS84 radii of curvature; at the tolerances of sketching, tens of metres, the frame's
 * error is far below a millimetre):
 * 1. a vertex within the tolerance of a reference vertex takes that vertex's coordinates,
 *    bit for bit;
 * 2. otherwise a vertex within the tolerance of a reference edge moves onto that edge (the
 *    foot of the perpendicular);
 * 3. a reference vertex within the tolerance of an edge of the result, strictly between its
 *    ends, is inserted into the nearest such edge, so both sides of a shared edge have the
 *    same vertices (as GEOS's snapper does).
 * Consecutive repeats are removed. Like GEOS ST_Snap, snapping can make a shape invalid (a
 * vertex pulled across another edge, a ring collapsed), so callers validate the result.
 * Degrees are planar here, as in PostGIS `geometry`.
 */
import type { LineString, MultiPolygon, Position } from 'geojson';

/**
 * Metres per degree of longitude and latitude at a latitude, on the WGS84 ellipsoid.
 *
 * @example
 * metresPerDegree(35.8); // => { lon: 90_340…, lat: 110_955… }
 */
export function metresPerDegree(latDeg: number): { lon: number; lat: number } {
  const phi = (latDeg * Math.PI) / 180;
  return {
    lon: 111_412.84 * Math.cos(phi) - 93.5 * Math.cos(3 * phi) + 0.118 * Math.cos(5 * phi),
    lat: 111_132.954 - 559.822 * Math.cos(2 * phi) + 1.175 * Math.cos(4 * phi),
  };
}

export interface SnapResult<G> {
  geometry: G;
  /** Vertices of the input moved onto a reference vertex or edge. */
  snapped: number;
  /** Reference vertices inserted into edges of the result. */
  inserted: number;
}

/**
 * Snaps the vertices of a MultiPolygon to reference linework (rings or lines, lon/lat).
 *
 * @example
 * // a sketched corner 1.5 m off a neighbour's corner lands on it exactly
 * snapPolygonToReference(sketch, neighbourRings, 5).geometry;
 */
export function snapPolygonToReference(
  shape: MultiPolygon,
  reference: readonly (readonly Position[])[],
  toleranceM: number,
): SnapResult<MultiPolygon> {
  const paths = shape.coordinates.flatMap((polygon) => polygon);
  const result = snapPaths(paths, true, reference, toleranceM);
  let k = 0;
  const coordinates = shape.coordinates.map((polygon) => polygon.map(() => result.paths[k++]));
  return {
    geometry: { type: 'MultiPolygon', coordinates },
    snapped: result.snapped,
    inserted: result.inserted,
  };
}

/**
 * Snaps the vertices of a LineString to reference linework, e.g. a cutting line's ends that
 * stop a few metres short of a grid's edge onto that edge.
 */
export function snapLineToReference(
  line: LineString,
  reference: readonly (readonly Position[])[],
  toleranceM: number,
): SnapResult<LineString> {
  const result = snapPaths([line.coordinates], false, reference, toleranceM);
  return {
    geometry: { type: 'LineString', coordinates: result.paths[0] },
    snapped: result.snapped,
    inserted: result.inserted,
  };
}

// ---------------------------------------------------------------------------------------

interface Frame {
  lon0: number;
  lat0: number;
  kx: number;
  ky: number;
}

/** Buckets of items by square cells of `size` metres. */
class CellIndex {
  private readonly cells = new Map<string, number[]>();

  constructor(readonly size: number) {}

  private key(i: number, j: number): string {
    return `${i},${j}`;
  }

  add(x: number, y: number, item: number): void {
    const k = this.key(Math.floor(x / this.size), Math.floor(y / this.size));
    const bucket = this.cells.get(k);
    if (bucket) {
      if (bucket[bucket.length - 1] !== item) bucket.push(item);
    } else {
      this.cells.set(k, [item]);
    }
  }

  /** Adds an item along the part of a segment inside a box, at half-cell steps. */
  addSegment(ax: number, ay: number, bx: number, by: number, item: number, box: Box): void {
    const range = clipToBox(ax, ay, bx, by, box);
    if (!range) return;
    const [t0, t1] = range;
    const length = Math.hypot(bx - ax, by - ay) * (t1 - t0);
    const steps = Math.max(1, Math.ceil(length / (this.size / 2)));
    for (let s = 0; s <= steps; s++) {
      const t = t0 + ((t1 - t0) * s) / steps;
      this.add(ax + t * (bx - ax), ay + t * (by - ay), item);
    }
  }

  /** Items in the cells within `radius` cells of a point (each once). */
  near(x: number, y: number, radius: number): Set<number> {
    const i0 = Math.floor(x / this.size);
    const j0 = Math.floor(y / this.size);
    const found = new Set<number>();
    for (let i = i0 - radius; i <= i0 + radius; i++) {
      for (let j = j0 - radius; j <= j0 + radius; j++) {
        for (const item of this.cells.get(this.key(i, j)) ?? []) found.add(item);
      }
    }
    return found;
  }
}

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Liang–Barsky: the parameter range of a segment inside a box, or null. */
function clipToBox(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  box: Box,
): [number, number] | null {
  let t0 = 0;
  let t1 = 1;
  const dx = bx - ax;
  const dy = by - ay;
  const edges: [number, number][] = [
    [-dx, ax - box.minX],
    [dx, box.maxX - ax],
    [-dy, ay - box.minY],
    [dy, box.maxY - ay],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
    } else {
      const r = q / p;
      if (p < 0) {
        if (r > t1) return null;
        if (r > t0) t0 = r;
      } else {
        if (r < t0) return null;
        if (r < t1) t1 = r;
      }
    }
  }
  return [t0, t1];
}

interface Segment {
  a: Position;
  b: Position;
  ax: number;
  ay: number;
  bx: number;
  by: number;
}

/** Squared distance from (px, py) to a segment and the parameter of its foot. */
function footOnSegment(s: Segment, px: number, py: number): { d2: number; t: number } {
  const dx = s.bx - s.ax;
  const dy = s.by - s.ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((px - s.ax) * dx + (py - s.ay) * dy) / len2;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const fx = s.ax + t * dx - px;
  const fy = s.ay + t * dy - py;
  return { d2: fx * fx + fy * fy, t };
}

function snapPaths(
  paths: readonly (readonly Position[])[],
  closed: boolean,
  reference: readonly (readonly Position[])[],
  toleranceM: number,
): { paths: Position[][]; snapped: number; inserted: number } {
  const copy = (): Position[][] => paths.map((p) => p.map((q) => [q[0], q[1]]));
  if (!(toleranceM > 0) || paths.length === 0 || paths[0].length === 0) {
    return { paths: copy(), snapped: 0, inserted: 0 };
  }
  let south = Infinity;
  let north = -Infinity;
  for (const path of paths) {
    for (const [, lat] of path) {
      if (lat < south) south = lat;
      if (lat > north) north = lat;
    }
  }
  const k = metresPerDegree((south + north) / 2);
  const frame: Frame = { lon0: paths[0][0][0], lat0: paths[0][0][1], kx: k.lon, ky: k.lat };
  const X = (p: Position): number => (p[0] - frame.lon0) * frame.kx;
  const Y = (p: Position): number => (p[1] - frame.lat0) * frame.ky;
  const tol2 = toleranceM * toleranceM;

  // The shape's box, widened by the tolerance: reference outside it cannot matter.
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const path of paths) {
    for (const p of path) {
      const x = X(p);
      const y = Y(p);
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  minX -= toleranceM;
  minY -= toleranceM;
  maxX += toleranceM;
  maxY += toleranceM;
  const box: Box = { minX, minY, maxX, maxY };
  const inBox = (x: number, y: number): boolean => x >= minX && x <= maxX && y >= minY && y <= maxY;

  // Cells of at least the tolerance (queries look 1–2 cells around), and few enough that a
  // tiny tolerance on a large shape does not sample its edges millions of times.
  const cell = Math.max(toleranceM, Math.hypot(maxX - minX, maxY - minY) / 1024);
  const vertices: { p: Position; x: number; y: number }[] = [];
  const vertexIndex = new CellIndex(cell);
  const segments: Segment[] = [];
  const segmentIndex = new CellIndex(cell);
  for (const line of reference) {
    for (let i = 0; i < line.length; i++) {
      const a = line[i];
      const ax = X(a);
      const ay = Y(a);
      if (inBox(ax, ay)) {
        vertexIndex.add(ax, ay, vertices.length);
        vertices.push({ p: a, x: ax, y: ay });
      }
      if (i + 1 < line.length) {
        const b = line[i + 1];
        const bx = X(b);
        const by = Y(b);
        if ((ax !== bx || ay !== by) && clipToBox(ax, ay, bx, by, box)) {
          segmentIndex.addSegment(ax, ay, bx, by, segments.length, box);
          segments.push({ a, b, ax, ay, bx, by });
        }
      }
    }
  }

  // Passes 1 and 2: vertices onto reference vertices, else onto reference edges.
  let snapped = 0;
  const moved: Position[][] = paths.map((path) => {
    const n = closed ? path.length - 1 : path.length;
    const out: Position[] = [];
    for (let i = 0; i < n; i++) {
      const p = path[i];
      const px = X(p);
      const py = Y(p);
      let best: Position | null = null;
      let bestD2 = tol2;
      for (const v of vertexIndex.near(px, py, 1)) {
        const dx = vertices[v].x - px;
        const dy = vertices[v].y - py;
        const d2 = dx * dx + dy * dy;
        if (d2 <= bestD2) {
          bestD2 = d2;
          best = vertices[v].p;
        }
      }
      if (!best) {
        for (const s of segmentIndex.near(px, py, 2)) {
          const seg = segments[s];
          const { d2, t } = footOnSegment(seg, px, py);
          if (d2 <= bestD2) {
            bestD2 = d2;
            // the foot in degrees: an affine frame keeps the parameter along the segment
            best = [seg.a[0] + t * (seg.b[0] - seg.a[0]), seg.a[1] + t * (seg.b[1] - seg.a[1])];
          }
        }
      }
      const next: Position = best ? [best[0], best[1]] : [p[0], p[1]];
      if (next[0] !== p[0] || next[1] !== p[1]) snapped++;
      const last = out[out.length - 1];
      if (!last || last[0] !== next[0] || last[1] !== next[1]) out.push(next);
    }
    if (closed && out.length > 1) {
      const [first, last] = [out[0], out[out.length - 1]];
      if (first[0] === last[0] && first[1] === last[1]) out.pop();
    }
    return out;
  });

  // Pass 3: reference vertices into the nearest edge of the result within the tolerance.
  const edges: (Segment & { path: number; index: number })[] = [];
  const edgeIndex = new CellIndex(cell);
  const present = new Set<string>();
  moved.forEach((path, pi) => {
    const count = closed ? path.length : path.length - 1;
    for (let i = 0; i < path.length; i++) present.add(`${path[i][0]},${path[i][1]}`);
    for (let i = 0; i < count; i++) {
      const a = path[i];
      const b = path[(i + 1) % path.length];
      const seg = { a, b, ax: X(a), ay: Y(a), bx: X(b), by: Y(b), path: pi, index: i };
      edgeIndex.addSegment(seg.ax, seg.ay, seg.bx, seg.by, edges.length, box);
      edges.push(seg);
    }
  });
  const insertions = new Map<number, { t: number; p: Position }[]>();
  let inserted = 0;
  for (const v of vertices) {
    if (present.has(`${v.p[0]},${v.p[1]}`)) continue;
    let bestEdge = -1;
    let bestT = 0;
    let bestD2 = tol2;
    for (const e of edgeIndex.near(v.x, v.y, 2)) {
      const { d2, t } = footOnSegment(edges[e], v.x, v.y);
      if (t > 0 && t < 1 && d2 <= bestD2) {
        bestD2 = d2;
        bestEdge = e;
        bestT = t;
      }
    }
    if (bestEdge < 0) continue;
    const list = insertions.get(bestEdge) ?? [];
    list.push({ t: bestT, p: [v.p[0], v.p[1]] });
    insertions.set(bestEdge, list);
    present.add(`${v.p[0]},${v.p[1]}`);
    inserted++;
  }
  const edgeIds = new Map<string, number>();
  edges.forEach((e, id) => edgeIds.set(`${e.path}:${e.index}`, id));
  const result = moved.map((path, pi) => {
    const out: Position[] = [];
    const push = (p: Position) => {
      const last = out[out.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
    };
    for (let i = 0; i < path.length; i++) {
      push(path[i]);
      const id = edgeIds.get(`${pi}:${i}`);
      const extra = id === undefined ? undefined : insertions.get(id);
      if (extra) for (const { p } of extra.sort((a, b) => a.t - b.t)) push(p);
    }
    if (closed && out.length > 0) {
      const [first, last] = [out[0], out[out.length - 1]];
      if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0], first[1]]);
    }
    return out;
  });
  return { paths: result, snapped, inserted };
}
