/**
 * One county of the demo: towns, villages and base grids carved from lattice cells, their
 * staff, their enterprises, and the defects planted in them. Everything for the county is
 * decided from (seed, county index) alone, so counties can be generated one at a time.
 */
import type { MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { AssignmentRole } from '../reference/enterprise-classes';
import type {
  DemoAssignment,
  DemoChunk,
  DemoEnterprise,
  DemoPerson,
  PlantedDefect,
} from './demo.types';
import { makeEnterprise, EnterprisePlace } from './enterprise.generator';
import { clusterCells, HexLattice, round7 } from './lattice.geometry';
import {
  communityName,
  mobilePhone,
  personName,
  placeStem,
  TownKind,
  villageName,
} from './names.catalogue';
import {
  distanceM,
  distanceToRingsM,
  METRES_PER_DEGREE,
  pointInPolygon,
  ringAreaM2,
  ringPlanarArea,
} from './polygon.measure';
import { hashInts, SeededRandom } from './random.source';

/** Fixed reference instant for every date: 2026-01-01T00:00:00+08:00. */
export const DEMO_EPOCH_MS = Date.UTC(2025, 11, 31, 16, 0, 0);
const DAY_MS = 86_400_000;
const DEG = Math.PI / 180;

/** seed 003 §4: base grids hold 50–100 enterprises; non-exempt grids are drawn well inside. */
const GRID_MIN = 56;
const GRID_MAX = 96;
/** At most this many non-operating firms in a non-exempt grid, so counts stay in 50–100 either way. */
const MAX_INACTIVE_PER_GRID = 4;
/** Enterprises stay this far from every grid edge; the ENTERPRISE_NEAR_BOUNDARY rule fires under 10 m. */
const EDGE_CLEARANCE_M = 25;
/** Share of base grids that are dense enough to hold 50–100 firms; the rest are size-exempt. */
const DENSE_SHARE = 0.18;
const CELLS_PER_VILLAGE = 4;

export interface CountyPlan {
  index: number;
  code: string;
  name: string;
  shortName: string;
  level: number;
  parentCode: string | null;
  cells: number[];
  towns: number;
  /** Real town names to use instead of generated ones. */
  fixedTowns?: readonly { name: string; kind: TownKind }[];
  enterpriseTarget: number;
  /** Planted instances of each defect kind in this county. */
  defects: number;
  /** First enterprise serial; serials are unique across the whole demo. */
  serialBase: number;
}

export interface RegionContext {
  lattice: HexLattice;
  /** Whether a lattice cell belongs to the demo's top-level region. */
  inRegion: (cell: number) => boolean;
  seed: number;
}

export interface CountyTally {
  grids: (level: number) => void;
  enterprises: number;
  people: number;
  planted: PlantedDefect[];
}

interface BaseGridPlan {
  cell: number;
  code: string;
  name: string;
  dense: boolean;
  count: number;
}

interface VillagePlan {
  code: string;
  name: string;
  cells: number[];
  grids: BaseGridPlan[];
}

interface TownPlan {
  code: string;
  name: string;
  kind: TownKind;
  seat: number;
  cells: number[];
  villages: VillagePlan[];
}

/** A region to keep enterprises out of: planted defect geometry plus clearance. */
interface ExclusionZone {
  lon: number;
  lat: number;
  radiusM: number;
}

interface Bump {
  ring: Position[];
  polygon: Position[];
  centroid: [number, number];
  depthM: number;
}

const iso = (daysBeforeEpoch: number): string =>
  new Date(DEMO_EPOCH_MS - daysBeforeEpoch * DAY_MS).toISOString();
const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const multi = (rings: Position[][]): MultiPolygon => ({
  type: 'MultiPolygon',
  coordinates: [rings],
});
const ccw = (ring: Position[]): Position[] =>
  ringPlanarArea(ring) > 0 ? ring : [...ring].reverse();

function townCode(countyCode: string, kind: TownKind, ordinal: number): string {
  const base = kind === 'SUBDISTRICT' ? 0 : kind === 'TOWN' ? 100 : 200;
  return countyCode + pad(base + ordinal, 3);
}

/** Mean of a cell's six lattice vertices: well inside the cell. */
function cellCentre(lattice: HexLattice, cell: number): [number, number] {
  const v = lattice.vertices(cell).map((id) => lattice.position(id));
  return [v.reduce((a, p) => a + p[0], 0) / 6, v.reduce((a, p) => a + p[1], 0) / 6];
}

/**
 * Pushes the middle stretch of edge `edge` of a cell `depthM` metres outward, as a
 * trapezoid whose base is that stretch: the cell then covers the trapezoid too.
 */
function bumpOut(lattice: HexLattice, cell: number, edge: number, depthM: number): Bump {
  const ring = lattice.cellRing(cell);
  const w1 = ring[3 * edge + 1];
  const w2 = ring[3 * edge + 2];
  const kx = METRES_PER_DEGREE * Math.cos(w1[1] * DEG);
  const ky = METRES_PER_DEGREE;
  const dx = (w2[0] - w1[0]) * kx;
  const dy = (w2[1] - w1[1]) * ky;
  const len = Math.hypot(dx, dy);
  // right of a counter-clockwise ring's edge is outside the cell
  const nx = dy / len;
  const ny = -dx / len;
  const at = (t: number, d: number): [number, number] => [
    w1[0] + t * (w2[0] - w1[0]) + (nx * d) / kx,
    w1[1] + t * (w2[1] - w1[1]) + (ny * d) / ky,
  ];
  const p1 = at(0.2, depthM).map(round7);
  const p2 = at(0.8, depthM).map(round7);
  const out = [...ring.slice(0, 3 * edge + 2), p1, p2, ...ring.slice(3 * edge + 2)];
  const centroid = at(0.5, depthM * 0.45);
  return {
    ring: out,
    polygon: ccw([w1, p1, p2, w2, w1]),
    centroid: [round6(centroid[0]), round6(centroid[1])],
    depthM,
  };
}

const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

function zoneAround(polygon: Position[], clearanceM: number): ExclusionZone {
  const n = polygon.length - 1;
  const lon = polygon.slice(0, n).reduce((a, p) => a + p[0], 0) / n;
  const lat = polygon.slice(0, n).reduce((a, p) => a + p[1], 0) / n;
  const r = Math.max(...polygon.map((p) => distanceM(lon, lat, p[0], p[1])));
  return { lon, lat, radiusM: r + clearanceM };
}

export function* generateCounty(
  ctx: RegionContext,
  plan: CountyPlan,
  tally: CountyTally,
): Generator<DemoChunk> {
  const { lattice, inRegion, seed } = ctx;
  const rng = new SeededRandom(seed, plan.index, 0xc0);
  const cells = [...plan.cells].sort((a, b) => a - b);
  const inCounty = new Set(cells);
  const centres = new Map(cells.map((c) => [c, lattice.centre(c)] as const));
  const dist = (a: number, b: number): number => {
    const p = centres.get(a) ?? lattice.centre(a);
    const q = centres.get(b) ?? lattice.centre(b);
    return Math.hypot(p[0] - q[0], p[1] - q[1]);
  };

  // ---- towns: clusters of cells; the two nearest the middle are sub-districts (the county seat) ----
  const townClusters = clusterCells(lattice, cells, plan.towns, rng, hashInts(seed, plan.index, 2));
  const mx = cells.reduce((a, c) => a + (centres.get(c) as [number, number])[0], 0) / cells.length;
  const my = cells.reduce((a, c) => a + (centres.get(c) as [number, number])[1], 0) / cells.length;
  const byCentrality = townClusters.seeds
    .map((s, i) => ({
      i,
      d: Math.hypot(
        (centres.get(s) as [number, number])[0] - mx,
        (centres.get(s) as [number, number])[1] - my,
      ),
    }))
    .sort((a, b) => a.d - b.d)
    .map((x) => x.i);
  const nTowns = townClusters.seeds.length;
  const kinds: TownKind[] = byCentrality.map((_, rank) =>
    rank < (nTowns >= 6 ? 2 : 1)
      ? 'SUBDISTRICT'
      : rank === nTowns - 1 && nTowns >= 10
        ? 'TOWNSHIP'
        : 'TOWN',
  );
  const usedTownStems = new Set<string>();
  const ordinals: Record<TownKind, number> = { SUBDISTRICT: 0, TOWN: 0, TOWNSHIP: 0 };
  const fixed = plan.fixedTowns ? [...plan.fixedTowns] : null;
  const towns: TownPlan[] = byCentrality.map((clusterIdx, rank) => {
    let kind = kinds[rank];
    let name: string;
    if (fixed) {
      const at = fixed.findIndex((t) => t.kind === kind);
      const chosen = fixed.splice(at >= 0 ? at : 0, 1)[0];
      name = chosen.name;
      kind = chosen.kind;
    } else {
      const stem = placeStem(rng, usedTownStems);
      name =
        rank === 0
          ? '城关街道'
          : kind === 'SUBDISTRICT'
            ? `${stem}街道`
            : kind === 'TOWN'
              ? `${stem}镇`
              : `${stem}乡`;
    }
    ordinals[kind] += 1;
    return {
      code: townCode(plan.code, kind, ordinals[kind]),
      name,
      kind,
      seat: townClusters.seeds[clusterIdx],
      cells: cells.filter((_, k) => townClusters.assignment[k] === clusterIdx),
      villages: [],
    };
  });
  towns.sort((a, b) => a.code.localeCompare(b.code));

  // ---- dense (non-exempt) cells: nearest their town seat, sub-districts weighted as urban ----
  const score = new Map<number, number>();
  for (const t of towns) {
    for (const c of t.cells)
      score.set(
        c,
        (dist(c, t.seat) / (t.kind === 'SUBDISTRICT' ? 2.5 : 1)) * (0.8 + 0.4 * rng.next()),
      );
  }
  const denseCount = Math.round(cells.length * DENSE_SHARE);
  const dense = new Set(
    [...cells]
      .sort((a, b) => (score.get(a) as number) - (score.get(b) as number) || a - b)
      .slice(0, denseCount),
  );

  // ---- villages within each town, base grids = cells ----
  const gridOfCell = new Map<
    number,
    { town: TownPlan; village: VillagePlan; grid: BaseGridPlan }
  >();
  for (const t of towns) {
    const k = Math.max(1, Math.round(t.cells.length / CELLS_PER_VILLAGE));
    const vc = clusterCells(lattice, t.cells, k, rng, hashInts(seed, plan.index, 3, t.cells[0]));
    const order = vc.seeds.map((s, i) => ({ i, d: dist(s, t.seat) })).sort((a, b) => a.d - b.d);
    const names = new Set<string>();
    let communities = 0;
    let villages = 0;
    for (const { i } of order) {
      const vCells = t.cells
        .filter((_, m) => vc.assignment[m] === i)
        .sort(
          (a, b) =>
            (centres.get(b) as [number, number])[1] - (centres.get(a) as [number, number])[1] ||
            a - b,
        );
      const community = t.kind === 'SUBDISTRICT' || vCells.includes(t.seat);
      const code = community ? t.code + pad(++communities, 3) : t.code + pad(200 + ++villages, 3);
      const name = community ? communityName(rng, names) : villageName(rng, names);
      if (vCells.length > 99)
        throw new Error(`village ${code} has ${vCells.length} cells; base-grid codes allow 99`);
      const village: VillagePlan = { code, name, cells: vCells, grids: [] };
      vCells.forEach((cell, g) => {
        const grid: BaseGridPlan = {
          cell,
          code: `${code}-${pad(g + 1, 2)}`,
          name: `${name}第${g + 1}网格`,
          dense: dense.has(cell),
          count: 0,
        };
        village.grids.push(grid);
        gridOfCell.set(cell, { town: t, village, grid });
      });
      t.villages.push(village);
    }
    t.villages.sort((a, b) => a.code.localeCompare(b.code));
  }

  // ---- enterprise counts per base grid ----
  const allGrids = [...gridOfCell.values()].map((g) => g.grid);
  let denseTotal = 0;
  for (const g of allGrids) if (g.dense) denseTotal += g.count = rng.int(GRID_MIN, GRID_MAX);
  const sparse = allGrids.filter((g) => !g.dense);
  const weights = sparse.map(() => Math.exp(0.7 * rng.normal()));
  const wsum = weights.reduce((a, b) => a + b, 0);
  const rest = Math.max(0, plan.enterpriseTarget - denseTotal);
  sparse.forEach(
    (g, i) => (g.count = Math.min(45, Math.max(1, Math.round((rest * weights[i]) / wsum)))),
  );

  // ---- planted defect sites: distinct cells, geometric ones not adjacent to each other ----
  const used = new Set<number>();
  const blocked = new Set<number>();
  const onBorder = (c: number): number =>
    lattice.neighbours(c).findIndex((n) => n < 0 || !inRegion(n));
  const shuffledSparse = rng.shuffle(sparse.map((g) => g.cell).sort((a, b) => a - b));
  const shuffledDense = rng.shuffle(
    allGrids
      .filter((g) => g.dense)
      .map((g) => g.cell)
      .sort((a, b) => a - b),
  );
  const take = (from: number[], ok: (c: number) => boolean, what: string): number => {
    const c = from.find((x) => !used.has(x) && !blocked.has(x) && ok(x));
    if (c === undefined)
      throw new RangeError(
        `county ${plan.code} has no room left to plant ${what}; lower the number of defects`,
      );
    used.add(c);
    return c;
  };
  const block = (c: number): void => {
    blocked.add(c);
    for (const n of lattice.neighbours(c)) if (n >= 0) blocked.add(n);
  };
  const N = plan.defects;
  const gaps = Array.from({ length: N }, () => {
    const c = take(shuffledSparse, (x) => onBorder(x) < 0, 'a GAP');
    block(c);
    return c;
  });
  const overlaps = Array.from({ length: N }, () => {
    let partnerEdge = -1;
    const a = take(
      shuffledSparse,
      (x) => {
        if (onBorder(x) >= 0) return false;
        const nb = lattice.neighbours(x);
        partnerEdge = nb.findIndex(
          (n) =>
            n >= 0 &&
            !used.has(n) &&
            !blocked.has(n) &&
            !dense.has(n) &&
            onBorder(n) < 0 &&
            gridOfCell.get(n)?.village === gridOfCell.get(x)?.village,
        );
        return partnerEdge >= 0;
      },
      'an OVERLAP',
    );
    const b = lattice.neighbours(a)[partnerEdge];
    used.add(b);
    block(a);
    block(b);
    return { a, b, edge: partnerEdge };
  });
  const outsides = Array.from({ length: N }, () => {
    const a = take(shuffledSparse, (x) => onBorder(x) >= 0, 'an OUTSIDE_PARENT');
    block(a);
    return { a, edge: onBorder(a) };
  });
  const outsideCellsUsed = new Set<number>();
  const uncovered = Array.from({ length: N }, () => {
    const x = take(
      shuffledSparse,
      (c) => {
        const e = onBorder(c);
        return (
          e >= 0 && !outsideCellsUsed.has(lattice.neighbours(c)[e]) && lattice.neighbours(c)[e] >= 0
        );
      },
      'an ENTERPRISE_UNCOVERED',
    );
    const outside = lattice.neighbours(x)[onBorder(x)];
    outsideCellsUsed.add(outside);
    return { registeredIn: x, outside };
  });
  const unstaffed = new Set(
    Array.from({ length: N }, () => take(shuffledSparse, () => true, 'a GRID_UNSTAFFED')),
  );
  const unassigned = new Set(
    Array.from({ length: N }, () =>
      take(
        shuffledSparse,
        (c) => (gridOfCell.get(c) as { grid: BaseGridPlan }).grid.count >= 1,
        'a SECTOR_UNASSIGNED',
      ),
    ),
  );
  const underSized = Array.from({ length: N }, () =>
    take(shuffledDense, () => true, 'an under-sized GRID_SIZE'),
  );
  const overSized = Array.from({ length: N }, () =>
    take(shuffledDense, () => true, 'an over-sized GRID_SIZE'),
  );
  for (const c of underSized)
    (gridOfCell.get(c) as { grid: BaseGridPlan }).grid.count = rng.int(20, 45);
  for (const c of overSized)
    (gridOfCell.get(c) as { grid: BaseGridPlan }).grid.count = rng.int(110, 150);

  // ---- planted geometry ----
  const ringsOf = new Map<number, Position[][]>();
  const zones: ExclusionZone[] = [];
  const pending = new Map<
    number,
    (uscc: (lon: number, lat: number, cell: number, unassigned?: boolean) => string) => void
  >();
  const plantedHere: PlantedDefect[] = [];
  for (const c of gaps) {
    const ring = lattice.cellRing(c);
    const [clon, clat] = cellCentre(lattice, c);
    const targetArea = rng.range(5000, 40000);
    // a regular octagon of circumradius r has area 2√2·r²
    const r = Math.sqrt(targetArea / (2 * Math.SQRT2));
    const phase = rng.next() * Math.PI;
    const kx = METRES_PER_DEGREE * Math.cos(clat * DEG);
    const hole: Position[] = [];
    for (let k = 0; k < 8; k += 1) {
      const theta = phase - (k * Math.PI) / 4; // decreasing angle: clockwise, as a hole must be
      const rr = r * (0.85 + 0.3 * rng.next());
      hole.push([
        round7(clon + (rr * Math.cos(theta)) / kx),
        round7(clat + (rr * Math.sin(theta)) / METRES_PER_DEGREE),
      ]);
    }
    hole.push(hole[0]);
    if (distanceToRingsM(clon, clat, [ring]) < 1.2 * r + 60)
      throw new Error(`gap in cell ${c} would come near its edge`);
    ringsOf.set(c, [ring, hole]);
    const polygon = [...hole].reverse();
    zones.push(zoneAround(polygon, 30));
    const info = gridOfCell.get(c) as { village: VillagePlan; grid: BaseGridPlan };
    plantedHere.push({
      rule: 'GAP',
      gridCodes: [info.village.code, info.grid.code],
      usccs: [],
      geometry: { type: 'Polygon', coordinates: [polygon] } as Polygon,
      measure: Math.round(ringAreaM2(polygon)),
      note: `a hole cut out of base grid ${info.grid.code}: part of village ${info.village.code} that no base grid covers; no enterprise inside; the village itself is unchanged`,
    });
  }
  for (const o of overlaps) {
    const bump = bumpOut(lattice, o.a, o.edge, rng.range(70, 110));
    ringsOf.set(o.a, [bump.ring]);
    zones.push(zoneAround(bump.polygon, 30));
    const ia = gridOfCell.get(o.a) as { village: VillagePlan; grid: BaseGridPlan };
    const ib = gridOfCell.get(o.b) as { grid: BaseGridPlan };
    const [lon, lat] = bump.centroid;
    const clearance = Math.min(
      distanceToRingsM(lon, lat, [bump.ring]),
      distanceToRingsM(lon, lat, [lattice.cellRing(o.b)]),
    );
    if (clearance < EDGE_CLEARANCE_M)
      throw new Error(`multi-covered enterprise would sit ${clearance} m from an edge`);
    const overlap: PlantedDefect = {
      rule: 'OVERLAP',
      gridCodes: [ia.grid.code, ib.grid.code],
      usccs: [],
      geometry: { type: 'Polygon', coordinates: [bump.polygon] },
      measure: Math.round(ringAreaM2(bump.polygon)),
      note: '',
    };
    plantedHere.push(overlap);
    pending.set(o.a, (make) => {
      const uscc = make(lon, lat, o.a);
      overlap.note = `base grid ${ia.grid.code} extends ${Math.round(bump.depthM)} m into its sibling ${ib.grid.code} (same village ${ia.village.code}); the planted multi-covered enterprise ${uscc} sits inside (inherent)`;
      plantedHere.push({
        rule: 'ENTERPRISE_MULTI_COVERED',
        gridCodes: [ia.grid.code, ib.grid.code],
        usccs: [uscc],
        geometry: { type: 'Point', coordinates: [lon, lat] } as Point,
        measure: null,
        note: `inside the planted OVERLAP of ${ia.grid.code} and ${ib.grid.code}; counted in both grids, which are size-exempt`,
      });
    });
  }
  for (const o of outsides) {
    const bump = bumpOut(lattice, o.a, o.edge, rng.range(30, 60));
    ringsOf.set(o.a, [bump.ring]);
    zones.push(zoneAround(bump.polygon, 30));
    const ia = gridOfCell.get(o.a) as { village: VillagePlan; grid: BaseGridPlan };
    plantedHere.push({
      rule: 'OUTSIDE_PARENT',
      gridCodes: [ia.grid.code, ia.village.code],
      usccs: [],
      geometry: { type: 'Polygon', coordinates: [bump.polygon] },
      measure: Math.round(ringAreaM2(bump.polygon)),
      note: `base grid ${ia.grid.code} extends ${Math.round(bump.depthM)} m beyond its village ${ia.village.code}, across the outer border where no other grid lies`,
    });
  }
  for (const u of uncovered) {
    const [lon, lat] = cellCentre(lattice, u.outside).map(round6);
    const where = gridOfCell.get(u.registeredIn) as { village: VillagePlan };
    pending.set(-1 - u.outside, (make) => {
      const uscc = make(lon, lat, u.registeredIn);
      plantedHere.push({
        rule: 'ENTERPRISE_UNCOVERED',
        gridCodes: [],
        usccs: [uscc],
        geometry: { type: 'Point', coordinates: [lon, lat] },
        measure: null,
        note: `registered in village ${where.village.code} but located about ${Math.round(distanceToRingsM(lon, lat, [lattice.cellRing(u.registeredIn)]))} m outside the outer border, in no base grid`,
      });
    });
  }

  // ---- people ----
  let personSerial = 0;
  const newPerson = (people: DemoPerson[]): DemoPerson => {
    const p = {
      key: `P${plan.code}-${pad(++personSerial, 5)}`,
      name: personName(rng),
      phone: mobilePhone(rng),
    };
    people.push(p);
    return p;
  };
  /** An active holder, sometimes after a predecessor whose term ended when theirs began. */
  const staff = (
    gridCode: string,
    role: AssignmentRole,
    people: DemoPerson[],
    assignments: DemoAssignment[],
    pHistory: number,
    holder?: DemoPerson,
  ): void => {
    const sinceDays = rng.int(30, 1800);
    if (rng.chance(pHistory)) {
      const before = newPerson(people);
      assignments.push({
        gridCode,
        personKey: before.key,
        role,
        since: iso(sinceDays + rng.int(365, 1500)),
        until: iso(sinceDays),
      });
    }
    const who = holder ?? newPerson(people);
    assignments.push({ gridCode, personKey: who.key, role, since: iso(sinceDays), until: null });
  };

  // ---- chunk 1: the county itself ----
  const first: DemoChunk = { grids: [], people: [], assignments: [], enterprises: [] };
  first.grids.push({
    code: plan.code,
    name: plan.name,
    level: plan.level,
    parentCode: plan.parentCode,
    boundary: { type: 'MultiPolygon', coordinates: lattice.union(cells, (c) => inCounty.has(c)) },
    sizeExempt: false,
  });
  tally.grids(plan.level);
  staff(plan.code, 'LEADER', first.people, first.assignments, 0.5);
  tally.people += first.people.length;
  yield first;

  // ---- one chunk per town ----
  let serial = plan.serialBase;
  const place = (lon: number, lat: number, cell: number): EnterprisePlace => {
    const g = gridOfCell.get(cell) as { town: TownPlan; village: VillagePlan };
    return {
      lon,
      lat,
      divisionCode: plan.code,
      countyName: plan.name,
      countyShort: plan.shortName,
      townName: g.town.name,
      villageName: g.village.name,
    };
  };
  for (const town of towns) {
    const chunk: DemoChunk = { grids: [], people: [], assignments: [], enterprises: [] };
    const townCells = new Set(town.cells);
    chunk.grids.push({
      code: town.code,
      name: town.name,
      level: plan.level + 1,
      parentCode: plan.code,
      boundary: {
        type: 'MultiPolygon',
        coordinates: lattice.union(town.cells, (c) => townCells.has(c)),
      },
      sizeExempt: false,
    });
    tally.grids(plan.level + 1);
    staff(town.code, 'LEADER', chunk.people, chunk.assignments, 0.3);
    const make = (
      lon: number,
      lat: number,
      cell: number,
      unassignedIndustry = false,
    ): DemoEnterprise => {
      if (serial - plan.serialBase >= 100_000)
        throw new Error(`county ${plan.code} exceeds 100000 enterprises`);
      return makeEnterprise(rng, place(lon, lat, cell), {
        serial: serial++,
        seed,
        // planted enterprises operate: a CLOSED one is out of every enterprise rule
        mayBeInactive: false,
        unassigned: unassignedIndustry,
      });
    };
    for (const village of town.villages) {
      const vCells = new Set(village.cells);
      chunk.grids.push({
        code: village.code,
        name: village.name,
        level: plan.level + 2,
        parentCode: town.code,
        boundary: {
          type: 'MultiPolygon',
          coordinates: lattice.union(village.cells, (c) => vCells.has(c)),
        },
        sizeExempt: false,
      });
      tally.grids(plan.level + 2);
      // 网格长: usually the village party secretary
      const leader = newPerson(chunk.people);
      const leaderSince = rng.int(60, 1800);
      chunk.assignments.push({
        gridCode: village.code,
        personKey: leader.key,
        role: 'LEADER',
        since: iso(leaderSince),
        until: null,
      });
      village.grids.forEach((g, gi) => {
        const rings = ringsOf.get(g.cell) ?? [lattice.cellRing(g.cell)];
        chunk.grids.push({
          code: g.code,
          name: g.name,
          level: plan.level + 3,
          parentCode: village.code,
          boundary: multi(rings),
          sizeExempt: !g.dense,
        });
        tally.grids(plan.level + 3);
        if (unstaffed.has(g.cell)) {
          const former = newPerson(chunk.people);
          const ended = rng.int(10, 200);
          const until = iso(ended);
          chunk.assignments.push({
            gridCode: g.code,
            personKey: former.key,
            role: 'OFFICER',
            since: iso(ended + rng.int(300, 1500)),
            until,
          });
          plantedHere.push({
            rule: 'GRID_UNSTAFFED',
            gridCodes: [g.code],
            usccs: [],
            geometry: null,
            measure: null,
            note: `the only OFFICER of base grid ${g.code} left on ${until} and no successor was named`,
          });
        } else if (gi === 0 && rng.chance(0.35)) {
          // in small villages the secretary patrols a grid himself
          staff(g.code, 'OFFICER', chunk.people, chunk.assignments, 0, leader);
        } else {
          staff(g.code, 'OFFICER', chunk.people, chunk.assignments, 0.12);
        }
        // ---- enterprises of this grid ----
        const ring0 = rings[0];
        let minLon = Infinity,
          maxLon = -Infinity,
          minLat = Infinity,
          maxLat = -Infinity;
        for (const [x, y] of ring0) {
          minLon = Math.min(minLon, x);
          maxLon = Math.max(maxLon, x);
          minLat = Math.min(minLat, y);
          maxLat = Math.max(maxLat, y);
        }
        const ok = (lon: number, lat: number): boolean =>
          pointInPolygon(lon, lat, rings) &&
          distanceToRingsM(lon, lat, rings) >= EDGE_CLEARANCE_M &&
          zones.every((z) => distanceM(lon, lat, z.lon, z.lat) > z.radiusM);
        const sample = (): [number, number] => {
          for (let tries = 0; tries < 20000; tries += 1) {
            const lon = round6(minLon + rng.next() * (maxLon - minLon));
            const lat = round6(minLat + rng.next() * (maxLat - minLat));
            if (ok(lon, lat)) return [lon, lat];
          }
          throw new Error(`no room for an enterprise in ${g.code}`);
        };
        // firms cluster in a few hamlets or streets per grid
        const hotspots = Array.from({ length: rng.int(1, 3) }, sample);
        const sigmaLon = (0.3 * lattice.radiusM) / (METRES_PER_DEGREE * Math.cos(minLat * DEG));
        const sigmaLat = (0.3 * lattice.radiusM) / METRES_PER_DEGREE;
        let inactive = 0;
        const limitInactive = g.dense;
        for (let e = 0; e < g.count; e += 1) {
          let pt: [number, number] | null = null;
          for (let tries = 0; tries < 30 && pt === null; tries += 1) {
            const h = rng.pick(hotspots);
            const lon = round6(h[0] + rng.normal() * sigmaLon);
            const lat = round6(h[1] + rng.normal() * sigmaLat);
            if (ok(lon, lat)) pt = [lon, lat];
          }
          pt ??= sample();
          const isUnassigned = e === 0 && unassigned.has(g.cell);
          const ent = makeEnterprise(rng, place(pt[0], pt[1], g.cell), {
            serial: serial++,
            seed,
            // planted defects count only operating firms, so their stated measure is the rule's
            mayBeInactive:
              !isUnassigned &&
              !underSized.includes(g.cell) &&
              !overSized.includes(g.cell) &&
              (!limitInactive || inactive < MAX_INACTIVE_PER_GRID),
            unassigned: isUnassigned,
          });
          if (ent.status !== 'OPERATING') inactive += 1;
          chunk.enterprises.push(ent);
          if (isUnassigned) {
            plantedHere.push({
              rule: 'SECTOR_UNASSIGNED',
              gridCodes: [g.code],
              usccs: [ent.uscc],
              geometry: { type: 'Point', coordinates: [ent.lon, ent.lat] },
              measure: null,
              note: `industry ${ent.industryCode} is matched by no sector rule and the enterprise carries no class that is (责任空档)`,
            });
          }
        }
        const sized = underSized.includes(g.cell)
          ? 'under'
          : overSized.includes(g.cell)
            ? 'over'
            : null;
        if (sized) {
          plantedHere.push({
            rule: 'GRID_SIZE',
            gridCodes: [g.code],
            usccs: [],
            geometry: null,
            measure: g.count,
            note: `${sized}-sized: ${g.count} enterprises in a non-exempt base grid (seed 003 §4: 50–100)`,
          });
        }
        const extra = pending.get(g.cell);
        if (extra)
          extra((lon, lat, cell) => {
            const ent = make(lon, lat, cell);
            chunk.enterprises.push(ent);
            return ent.uscc;
          });
      });
    }
    // uncovered enterprises go with the town they are registered in
    for (const u of uncovered) {
      if (!townCells.has(u.registeredIn)) continue;
      const extra = pending.get(-1 - u.outside);
      if (extra)
        extra((lon, lat, cell) => {
          const ent = make(lon, lat, cell);
          chunk.enterprises.push(ent);
          return ent.uscc;
        });
    }
    tally.people += chunk.people.length;
    tally.enterprises += chunk.enterprises.length;
    yield chunk;
  }
  tally.planted.push(...plantedHere);
}
