/**
 * An irregular hexagonal lattice whose cells are the base grids, and exact unions of
 * cells for every higher level.
 *
 * Why hexagons and not a Voronoi diagram: every lattice vertex joins exactly three cells,
 * so the boundary of any set of cells passes each vertex at most once. Rings therefore
 * never touch, link without ambiguity and are always OGC-valid, holes included. Jittered
 * vertices and wavy edges make the cells look like a Voronoi tessellation of jittered
 * seeds, which is what the brief suggested.
 *
 * Exactness: a vertex is rounded to 7 decimals once, when the lattice is built; an edge's
 * intermediate points are a pure function of its two rounded end vertices, so both cells
 * beside an edge, and every union containing it, hold bit-identical coordinates.
 *
 * Layout: a "brick" of rows; row r, column c has its corners on horizontal lattice lines
 * r and r + 1 at half-steps j0 = 2c + (r mod 2) … j0 + 2. Vertices v0…v5 run
 * counter-clockwise from the bottom-left; edge i runs from v_i to v_(i+1).
 */
import type { Position } from 'geojson';
import { hashUnit } from './random.source';
import { METRES_PER_DEGREE, pointInRing, ringPlanarArea } from './polygon.measure';

export interface LatticeSpec {
  west: number;
  south: number;
  east: number;
  north: number;
  /** Mean area of a cell in m². */
  cellAreaM2: number;
  seed: number;
}

const DEG = Math.PI / 180;
/** Vertex jitter as a fraction of the hexagon's circumradius; below 0.25 cells stay simple. */
const JITTER = 0.2;
/** Perpendicular wave of the two intermediate points of an edge, as a fraction of its length. */
const WAVE = 0.06;

// module-scope alias: global lookups are slow inside Jest's VM (see random.source.ts)
const hypot = Math.hypot;

export const round7 = (v: number): number => Math.round(v * 1e7) / 1e7;

export class HexLattice {
  readonly cols: number;
  readonly rows: number;
  readonly cellCount: number;
  /** Circumradius of the undistorted hexagon, metres. */
  readonly radiusM: number;
  private readonly lineWidth: number;
  private readonly lon: Float64Array;
  private readonly lat: Float64Array;
  private readonly lon0: number;
  private readonly lat0: number;
  private readonly kx: number;
  private readonly ky: number;
  private readonly x0: number;
  private readonly y0: number;
  private readonly w: number;
  private readonly h: number;
  private readonly seed: number;

  constructor(spec: LatticeSpec) {
    this.seed = spec.seed;
    this.lon0 = (spec.west + spec.east) / 2;
    this.lat0 = (spec.south + spec.north) / 2;
    this.kx = METRES_PER_DEGREE * Math.cos(this.lat0 * DEG);
    this.ky = METRES_PER_DEGREE;
    const widthM = (spec.east - spec.west) * this.kx;
    const heightM = (spec.north - spec.south) * this.ky;
    // a regular hexagon of circumradius R has area (3√3/2)·R²
    this.radiusM = Math.sqrt(spec.cellAreaM2 / ((3 * Math.sqrt(3)) / 2));
    this.w = Math.sqrt(3) * this.radiusM;
    this.h = 1.5 * this.radiusM;
    this.cols = Math.ceil(widthM / this.w) + 2;
    this.rows = Math.ceil(heightM / this.h) + 2;
    this.cellCount = this.cols * this.rows;
    this.x0 = -(this.cols * this.w) / 2;
    this.y0 = -(this.rows * this.h) / 2;
    this.lineWidth = 2 * this.cols + 2;
    const n = (this.rows + 1) * this.lineWidth;
    this.lon = new Float64Array(n);
    this.lat = new Float64Array(n);
    for (let r = 0; r <= this.rows; r += 1) {
      for (let j = 0; j < this.lineWidth; j += 1) {
        const id = r * this.lineWidth + j;
        // corners of row r sit a sixth of a row above the line, apexes a sixth below: regular hexagons
        const lift = ((j - r) & 1) === 0 ? this.h / 6 : -this.h / 6;
        const jx = (hashUnit(this.seed, id, 1) - 0.5) * 2 * JITTER * this.radiusM;
        const jy = (hashUnit(this.seed, id, 2) - 0.5) * 2 * JITTER * this.radiusM;
        const x = this.x0 + (j * this.w) / 2 + jx;
        const y = this.y0 + r * this.h + lift + jy;
        this.lon[id] = round7(this.lon0 + x / this.kx);
        this.lat[id] = round7(this.lat0 + y / this.ky);
      }
    }
  }

  cellId(r: number, c: number): number {
    return r * this.cols + c;
  }

  row(cell: number): number {
    return Math.floor(cell / this.cols);
  }

  col(cell: number): number {
    return cell % this.cols;
  }

  /** Undistorted centre in the lattice's metric frame (metres east/north of the centre). */
  centre(cell: number): [number, number] {
    const r = this.row(cell);
    const j0 = 2 * this.col(cell) + (r & 1);
    return [this.x0 + ((j0 + 1) * this.w) / 2, this.y0 + r * this.h + this.h / 2];
  }

  /** Whether a cell touches the lattice's outer frame, where vertices have fewer than three cells. */
  onFrame(cell: number): boolean {
    const r = this.row(cell);
    const c = this.col(cell);
    return r === 0 || c === 0 || r === this.rows - 1 || c === this.cols - 1;
  }

  vertices(cell: number): number[] {
    const r = this.row(cell);
    const j0 = 2 * this.col(cell) + (r & 1);
    const a = r * this.lineWidth + j0;
    const b = (r + 1) * this.lineWidth + j0;
    return [a, a + 1, a + 2, b + 2, b + 1, b];
  }

  /** Neighbour across edge i (i = 0…5), or −1 beyond the frame. */
  neighbours(cell: number): number[] {
    const r = this.row(cell);
    const c = this.col(cell);
    const j0 = 2 * c + (r & 1);
    const at = (rr: number, jj: number): number => {
      if (rr < 0 || rr >= this.rows) return -1;
      const cc = (jj - (rr & 1)) / 2;
      return cc < 0 || cc >= this.cols ? -1 : this.cellId(rr, cc);
    };
    return [
      at(r - 1, j0 - 1),
      at(r - 1, j0 + 1),
      c + 1 < this.cols ? this.cellId(r, c + 1) : -1,
      at(r + 1, j0 + 1),
      at(r + 1, j0 - 1),
      c > 0 ? this.cellId(r, c - 1) : -1,
    ];
  }

  position(vertex: number): Position {
    return [this.lon[vertex], this.lat[vertex]];
  }

  /** The two wave points of the edge a→b, computed from its canonical direction so both sides agree. */
  edgeInterior(a: number, b: number): Position[] {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const ax = this.lon[lo] * this.kx;
    const ay = this.lat[lo] * this.ky;
    const dx = this.lon[hi] * this.kx - ax;
    const dy = this.lat[hi] * this.ky - ay;
    const pts: Position[] = [];
    for (let k = 1; k <= 2; k += 1) {
      const t = k / 3;
      const off = (hashUnit(this.seed, lo, hi, k + 10) - 0.5) * 2 * WAVE;
      // the normal (−dy, dx) scaled by the edge length is just off·(−dy, dx)
      pts.push([
        round7((ax + t * dx - off * dy) / this.kx),
        round7((ay + t * dy + off * dx) / this.ky),
      ]);
    }
    return a === lo ? pts : pts.reverse();
  }

  /** Closed counter-clockwise ring of a cell; edge i's points start at index 3i. */
  cellRing(cell: number): Position[] {
    const v = this.vertices(cell);
    const ring: Position[] = [];
    for (let i = 0; i < 6; i += 1) {
      ring.push(this.position(v[i]), ...this.edgeInterior(v[i], v[(i + 1) % 6]));
    }
    ring.push(ring[0]);
    return ring;
  }

  toLonLat(x: number, y: number): [number, number] {
    return [this.lon0 + x / this.kx, this.lat0 + y / this.ky];
  }

  /**
   * Exact union of cells as MultiPolygon coordinates: edges shared by two members cancel,
   * the rest link into rings (counter-clockwise shells, clockwise holes).
   */
  union(cells: readonly number[], member: (cell: number) => boolean): Position[][][] {
    const next = new Map<number, number>();
    const sorted = [...cells].sort((p, q) => p - q);
    for (const cell of sorted) {
      const v = this.vertices(cell);
      const nb = this.neighbours(cell);
      for (let i = 0; i < 6; i += 1) {
        if (nb[i] >= 0 && member(nb[i])) continue;
        if (next.has(v[i])) throw new Error(`vertex ${v[i]} has two outgoing boundary edges`);
        next.set(v[i], v[(i + 1) % 6]);
      }
    }
    const shells: { ring: Position[]; area: number; holes: Position[][] }[] = [];
    const holes: Position[][] = [];
    const starts = [...next.keys()].sort((p, q) => p - q);
    const seen = new Set<number>();
    for (const start of starts) {
      if (seen.has(start)) continue;
      const ring: Position[] = [];
      let v = start;
      do {
        seen.add(v);
        const to = next.get(v);
        if (to === undefined) throw new Error(`boundary breaks off at vertex ${v}`);
        ring.push(this.position(v), ...this.edgeInterior(v, to));
        v = to;
      } while (v !== start);
      ring.push(ring[0]);
      const area = ringPlanarArea(ring);
      if (area > 0) shells.push({ ring, area, holes: [] });
      else holes.push(ring);
    }
    for (const hole of holes) {
      const [lon, lat] = hole[0];
      let best: (typeof shells)[number] | null = null;
      for (const s of shells) {
        if ((best === null || s.area < best.area) && pointInRing(lon, lat, s.ring)) best = s;
      }
      if (best === null) throw new Error('a hole lies in no shell');
      best.holes.push(hole);
    }
    return shells.map((s) => [s.ring, ...s.holes]);
  }
}

/** Region outline: an irregular blob of cells, connected and without enclosed holes. */
export function selectBlob(
  lattice: HexLattice,
  targetCells: number,
  shape: { harmonics: number[]; phases: number[]; aspect: number },
): Uint8Array {
  const centres = Array.from({ length: lattice.cellCount }, (_, i) => lattice.centre(i));
  const radial = (x: number, y: number): number => {
    const theta = Math.atan2(y * shape.aspect, x);
    let r = 1;
    shape.harmonics.forEach((a, k) => (r += a * Math.cos((k + 2) * theta + shape.phases[k])));
    return Math.hypot(x, y * shape.aspect) / r;
  };
  const rho = centres.map(([x, y]) => radial(x, y));
  const inner = Array.from({ length: lattice.cellCount }, (_, i) => i).filter(
    (i) => !lattice.onFrame(i),
  );
  // binary search the blob's scale for the target number of cells
  let lo = 0;
  let hi = rho.reduce((m, v) => Math.max(m, v), 0) * 2;
  for (let it = 0; it < 60; it += 1) {
    const mid = (lo + hi) / 2;
    const count = inner.reduce((n, i) => n + (rho[i] <= mid ? 1 : 0), 0);
    if (count < targetCells) lo = mid;
    else hi = mid;
  }
  const member = new Uint8Array(lattice.cellCount);
  for (const i of inner) if (rho[i] <= hi) member[i] = 1;
  // keep the largest connected piece
  const comp = new Int32Array(lattice.cellCount).fill(-1);
  let best = -1;
  let bestSize = 0;
  let label = 0;
  for (const i of inner) {
    if (!member[i] || comp[i] >= 0) continue;
    const stack = [i];
    comp[i] = label;
    let size = 0;
    while (stack.length > 0) {
      const c = stack.pop() as number;
      size += 1;
      for (const n of lattice.neighbours(c)) {
        if (n >= 0 && member[n] && comp[n] < 0) {
          comp[n] = label;
          stack.push(n);
        }
      }
    }
    if (size > bestSize) {
      bestSize = size;
      best = label;
    }
    label += 1;
  }
  for (let i = 0; i < member.length; i += 1) if (member[i] && comp[i] !== best) member[i] = 0;
  // fill enclosed holes: whatever the frame cannot reach through non-members becomes a member
  const reach = new Uint8Array(lattice.cellCount);
  const stack: number[] = [];
  for (let i = 0; i < lattice.cellCount; i += 1) {
    if (lattice.onFrame(i) && !member[i]) {
      reach[i] = 1;
      stack.push(i);
    }
  }
  while (stack.length > 0) {
    const c = stack.pop() as number;
    for (const n of lattice.neighbours(c)) {
      if (n >= 0 && !member[n] && !reach[n]) {
        reach[n] = 1;
        stack.push(n);
      }
    }
  }
  for (let i = 0; i < member.length; i += 1) if (!member[i] && !reach[i]) member[i] = 1;
  return member;
}

/**
 * Splits cells into k clusters around seed cells chosen by best-candidate sampling;
 * each cell joins the seed with the smallest weighted, slightly noisy distance, which
 * gives irregular, mostly contiguous clusters of uneven size. Returns the cluster index
 * of each input cell and the seed cell of each cluster, clusters ordered north to south.
 */
export function clusterCells(
  lattice: HexLattice,
  cells: readonly number[],
  k: number,
  rng: { next(): number },
  salt: number,
): { assignment: Int32Array; seeds: number[] } {
  const n = cells.length;
  const count = Math.max(1, Math.min(k, n));
  const xy = cells.map((c) => lattice.centre(c));
  const chosen: number[] = [];
  const taken = new Uint8Array(n);
  const nearestD2 = new Float64Array(n).fill(Infinity);
  for (let s = 0; s < count; s += 1) {
    let bestIdx = -1;
    let bestD = -1;
    for (let t = 0; t < 10; t += 1) {
      const idx = Math.floor(rng.next() * n);
      if (taken[idx]) continue;
      if (nearestD2[idx] > bestD) {
        bestD = nearestD2[idx];
        bestIdx = idx;
      }
    }
    if (bestIdx < 0) bestIdx = taken.indexOf(0);
    taken[bestIdx] = 1;
    chosen.push(bestIdx);
    const [sx, sy] = xy[bestIdx];
    for (let i = 0; i < n; i += 1) {
      const d2 = (xy[i][0] - sx) ** 2 + (xy[i][1] - sy) ** 2;
      if (d2 < nearestD2[i]) nearestD2[i] = d2;
    }
  }
  chosen.sort((p, q) => xy[q][1] - xy[p][1] || xy[p][0] - xy[q][0]);
  const weight = chosen.map(() => 0.8 + 0.45 * rng.next());
  const assignment = new Int32Array(n);
  // per cell-and-seed noise of up to half a cell roughens the borders between clusters
  const noise = 0.5 * lattice.radiusM;
  for (let i = 0; i < n; i += 1) {
    let best = 0;
    let bestD = Infinity;
    for (let s = 0; s < chosen.length; s += 1) {
      const [sx, sy] = xy[chosen[s]];
      const d =
        i === chosen[s]
          ? 0
          : hypot(xy[i][0] - sx, xy[i][1] - sy) / weight[s] + noise * hashUnit(salt, cells[i], s);
      if (d < bestD) {
        bestD = d;
        best = s;
      }
    }
    assignment[i] = best;
  }
  return { assignment, seeds: chosen.map((i) => cells[i]) };
}
