import type { MultiPolygon, Polygon } from 'geojson';
import { SECTOR_RULES } from '../reference/departments';
import { matchSectorRules } from '../reference/sector-match';
import { validateUscc } from '../reference/uscc';
import type { DemoChunk, DemoEnterprise, DemoGrid, PlantedDefect } from './demo.types';
import { PLANTED_RULES } from './demo.types';
import { generateDemo } from './index';
import {
  distanceToRingsM,
  geometryPlanarArea,
  geometryRings,
  pointInGeometry,
  ringAreaM2,
} from './polygon.measure';
// The one polygon validator every write path uses (server/src/geo), applied to the generator's output.
import { validatePolygonGeometry } from '../../../server/src/geo/polygon.validation';

interface Dataset {
  chunks: DemoChunk[];
  grids: DemoGrid[];
  enterprises: DemoEnterprise[];
  planted: PlantedDefect[];
  json: string;
  ms: number;
}

function run(seed: number, defects: number): Dataset {
  const t0 = process.hrtime.bigint();
  const demo = generateDemo({ preset: 'county', seed, defects });
  const chunks = [...demo.chunks()];
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const manifest = demo.manifest();
  return {
    chunks,
    grids: chunks.flatMap((c) => c.grids),
    enterprises: chunks.flatMap((c) => c.enterprises),
    planted: manifest.planted,
    json: JSON.stringify({ levels: demo.levels, chunks, manifest }),
    ms,
  };
}

interface Indexed {
  grid: DemoGrid;
  minLon: number;
  maxLon: number;
  minLat: number;
  maxLat: number;
}

function index(grids: DemoGrid[]): Indexed[] {
  return grids.map((grid) => {
    const pts = grid.boundary.coordinates.flat(2);
    return {
      grid,
      minLon: Math.min(...pts.map((p) => p[0])),
      maxLon: Math.max(...pts.map((p) => p[0])),
      minLat: Math.min(...pts.map((p) => p[1])),
      maxLat: Math.max(...pts.map((p) => p[1])),
    };
  });
}

/** Base grids containing the point, and its distance to the nearest edge of any nearby base grid. */
function locate(
  base: Indexed[],
  lon: number,
  lat: number,
): { inside: string[]; clearanceM: number } {
  const pad = 0.002;
  const inside: string[] = [];
  let clearanceM = Infinity;
  for (const b of base) {
    if (
      lon < b.minLon - pad ||
      lon > b.maxLon + pad ||
      lat < b.minLat - pad ||
      lat > b.maxLat + pad
    )
      continue;
    if (pointInGeometry(lon, lat, b.grid.boundary)) inside.push(b.grid.code);
    clearanceM = Math.min(clearanceM, distanceToRingsM(lon, lat, geometryRings(b.grid.boundary)));
  }
  return { inside, clearanceM };
}

function activeStaff(chunks: DemoChunk[]): Set<string> {
  const staffed = new Set<string>();
  for (const c of chunks) {
    for (const a of c.assignments)
      if (a.until === null && (a.role === 'LEADER' || a.role === 'OFFICER'))
        staffed.add(a.gridCode);
  }
  return staffed;
}

function classesOf(
  e: DemoEnterprise,
): ('NINE_SMALL' | 'KEY_FIRE_UNIT' | DemoEnterprise['riskClasses'][number])[] {
  return [
    ...(e.nineSmall ? (['NINE_SMALL'] as const) : []),
    ...(e.keyFireUnit ? (['KEY_FIRE_UNIT'] as const) : []),
    ...e.riskClasses,
  ];
}

describe('generateDemo, county preset', () => {
  let clean: Dataset;
  let planted: Dataset;

  beforeAll(() => {
    clean = run(7, 0);
    planted = run(7, 3);
    console.log(
      `county preset generated in ${clean.ms.toFixed(0)} ms (defects 0), ${planted.ms.toFixed(0)} ms (defects 3)`,
    );
  });

  it('gives byte-identical output for the same seed and different output for another', () => {
    expect(run(7, 0).json).toBe(clean.json);
    expect(run(8, 0).json).not.toBe(clean.json);
  });

  it('has about 15 towns, 250 villages, 1,000 base grids and 25,000 enterprises', () => {
    const byLevel = (l: number): number => clean.grids.filter((g) => g.level === l).length;
    expect(byLevel(1)).toBe(1);
    expect(byLevel(2)).toBe(15);
    expect(byLevel(3)).toBeGreaterThanOrEqual(220);
    expect(byLevel(3)).toBeLessThanOrEqual(280);
    expect(byLevel(4)).toBeGreaterThanOrEqual(950);
    expect(byLevel(4)).toBeLessThanOrEqual(1050);
    expect(clean.enterprises.length).toBeGreaterThanOrEqual(23_000);
    expect(clean.enterprises.length).toBeLessThanOrEqual(27_000);
    expect(clean.grids[0]).toMatchObject({ code: '371323', name: '沂水县', parentCode: null });
  });

  it('codes grids like statistical divisions and names them in Chinese', () => {
    for (const g of clean.grids) {
      const pattern = [
        /^371323$/,
        /^371323[012]\d\d$/,
        /^371323[012]\d\d[0-3]\d\d$/,
        /^371323[012]\d\d[0-3]\d\d-\d\d$/,
      ][g.level - 1];
      expect(g.code).toMatch(pattern);
      if (g.parentCode) expect(g.code.startsWith(g.parentCode)).toBe(true);
    }
    expect(
      clean.grids.filter((g) => g.level === 2).every((g) => /(镇|街道|乡)$/.test(g.name)),
    ).toBe(true);
    expect(clean.grids.filter((g) => g.level === 3).every((g) => /(村|社区)$/.test(g.name))).toBe(
      true,
    );
  });

  it('sends every parent before its children and every person before the assignments naming them', () => {
    const seenGrids = new Set<string>();
    const seenPeople = new Set<string>();
    for (const c of clean.chunks) {
      for (const p of c.people) seenPeople.add(p.key);
      for (const g of c.grids) {
        if (g.parentCode !== null) expect(seenGrids.has(g.parentCode)).toBe(true);
        seenGrids.add(g.code);
      }
      for (const a of c.assignments) {
        expect(seenPeople.has(a.personKey)).toBe(true);
        expect(seenGrids.has(a.gridCode)).toBe(true);
      }
    }
  });

  it('produces only valid polygons', () => {
    for (const g of planted.grids) {
      const res = validatePolygonGeometry(g.boundary);
      if (!res.valid) throw new Error(`${g.code}: ${res.message}`);
    }
  });

  it('tiles every parent exactly by its children, with no child vertex outside its parent', () => {
    const byParent = new Map<string, DemoGrid[]>();
    for (const g of clean.grids)
      if (g.parentCode) byParent.set(g.parentCode, [...(byParent.get(g.parentCode) ?? []), g]);
    for (const parent of clean.grids) {
      const children = byParent.get(parent.code);
      if (!children) continue;
      const sum = children.reduce((a, c) => a + geometryPlanarArea(c.boundary), 0);
      const area = geometryPlanarArea(parent.boundary);
      expect(Math.abs(sum - area) / area).toBeLessThan(1e-9);
      const parentVertices = new Set(
        parent.boundary.coordinates.flat(2).map((p) => `${p[0]},${p[1]}`),
      );
      for (const child of children) {
        for (const [lon, lat] of child.boundary.coordinates.flat(2)) {
          if (!parentVertices.has(`${lon},${lat}`) && !pointInGeometry(lon, lat, parent.boundary)) {
            throw new Error(`vertex (${lon}, ${lat}) of ${child.code} lies outside ${parent.code}`);
          }
        }
      }
    }
    const county = clean.grids[0].boundary;
    // ~2,400 km² (沂水县 is 2,434 km²)
    const km2 = county.coordinates.reduce((a, p) => a + Math.abs(ringAreaM2(p[0])), 0) / 1e6;
    expect(km2).toBeGreaterThan(2200);
    expect(km2).toBeLessThan(2600);
  });

  it('with no defects, puts every enterprise in exactly one base grid at least 20 m from every edge', () => {
    const base = index(clean.grids.filter((g) => g.level === 4));
    for (const e of clean.enterprises) {
      const { inside, clearanceM } = locate(base, e.lon, e.lat);
      expect(inside).toHaveLength(1);
      expect(clearanceM).toBeGreaterThanOrEqual(20);
    }
  });

  it('with no defects, keeps non-exempt base grids at 50–100 enterprises and staffs every grid', () => {
    const base = index(clean.grids.filter((g) => g.level === 4));
    const counts = new Map<string, number>();
    for (const e of clean.enterprises) {
      const code = locate(base, e.lon, e.lat).inside[0];
      counts.set(code, (counts.get(code) ?? 0) + (e.status === 'OPERATING' ? 1 : 0));
    }
    const nonExempt = base.filter((b) => !b.grid.sizeExempt);
    expect(nonExempt.length).toBeGreaterThan(100);
    for (const b of nonExempt) {
      const n = counts.get(b.grid.code) ?? 0;
      expect(n).toBeGreaterThanOrEqual(50);
      expect(n).toBeLessThanOrEqual(100);
    }
    const staffed = activeStaff(clean.chunks);
    for (const g of clean.grids) expect(staffed.has(g.code)).toBe(true);
  });

  it('with no defects, gives every enterprise a sector department, a valid unique USCC and a mobile phone', () => {
    const usccs = new Set<string>();
    for (const e of clean.enterprises) {
      expect(matchSectorRules(e.industryCode, classesOf(e)).length).toBeGreaterThan(0);
      expect(validateUscc(e.uscc)).toEqual({ valid: true });
      expect(e.uscc.slice(2, 8)).toBe('371323');
      usccs.add(e.uscc);
      expect(e.phone).toMatch(/^1[3-9]\d{9}$/);
    }
    expect(usccs.size).toBe(clean.enterprises.length);
    for (const p of clean.chunks.flatMap((c) => c.people)) expect(p.phone).toMatch(/^1[3-9]\d{9}$/);
  });

  it('draws a realistic mix of scales and classes', () => {
    const n = clean.enterprises.length;
    const share = (f: (e: DemoEnterprise) => boolean): number =>
      clean.enterprises.filter(f).length / n;
    expect(share((e) => e.scale === 'ABOVE')).toBeGreaterThan(0.02);
    expect(share((e) => e.scale === 'ABOVE')).toBeLessThan(0.05);
    expect(share((e) => e.scale === 'BELOW')).toBeGreaterThan(0.15);
    expect(share((e) => e.scale === 'MICRO')).toBeGreaterThan(0.33);
    expect(share((e) => e.riskClasses.length > 0)).toBeGreaterThan(0.015);
    expect(share((e) => e.riskClasses.length > 0)).toBeLessThan(0.06);
    expect(share((e) => e.nineSmall)).toBeGreaterThan(0.1);
    expect(share((e) => e.nineSmall)).toBeLessThan(0.25);
    expect(share((e) => e.keyFireUnit)).toBeGreaterThan(0);
    expect(share((e) => e.majorHazard)).toBeGreaterThan(0);
    expect(share((e) => e.status === 'OPERATING')).toBeGreaterThan(0.85);
    const departments = new Set(
      clean.enterprises.flatMap((e) => matchSectorRules(e.industryCode, classesOf(e))),
    );
    // every department that some default rule maps to (the traffic police have none)
    expect(departments).toEqual(new Set(SECTOR_RULES.map((r) => r.departmentCode)));
  });

  describe('with 3 defects of each kind', () => {
    const of = (rule: PlantedDefect['rule']): PlantedDefect[] =>
      planted.planted.filter((d) => d.rule === rule);
    const gridByCode = (code: string): DemoGrid => {
      const g = planted.grids.find((x) => x.code === code);
      if (!g) throw new Error(`no grid ${code}`);
      return g;
    };
    const centroid = (g: Polygon | MultiPolygon): [number, number] => {
      const ring = geometryRings(g)[0].slice(0, -1);
      return [
        ring.reduce((a, p) => a + p[0], 0) / ring.length,
        ring.reduce((a, p) => a + p[1], 0) / ring.length,
      ];
    };

    it('lists 3 of each kind (GRID_SIZE: 3 under- and 3 over-sized)', () => {
      for (const rule of PLANTED_RULES) expect(of(rule)).toHaveLength(rule === 'GRID_SIZE' ? 6 : 3);
    });

    it('cuts each gap inside its village and outside every base grid, 2,000–50,000 m², with no enterprise in it', () => {
      const base = index(planted.grids.filter((g) => g.level === 4));
      for (const d of of('GAP')) {
        const geometry = d.geometry as Polygon;
        const village = gridByCode(d.gridCodes[0]);
        for (const [lon, lat] of geometry.coordinates[0])
          expect(pointInGeometry(lon, lat, village.boundary)).toBe(true);
        const [lon, lat] = centroid(geometry);
        expect(locate(base, lon, lat).inside).toEqual([]);
        expect(d.measure).toBeGreaterThanOrEqual(2000);
        expect(d.measure).toBeLessThanOrEqual(50_000);
        for (const e of planted.enterprises)
          expect(pointInGeometry(e.lon, e.lat, geometry)).toBe(false);
      }
    });

    it('makes each overlap a region shared by exactly the two sibling base grids it names', () => {
      const base = index(planted.grids.filter((g) => g.level === 4));
      for (const d of of('OVERLAP')) {
        const [a, b] = d.gridCodes.map(gridByCode);
        expect(a.parentCode).toBe(b.parentCode);
        const [lon, lat] = centroid(d.geometry as Polygon);
        expect(locate(base, lon, lat).inside.sort()).toEqual([...d.gridCodes].sort());
      }
    });

    it('puts each outside-parent region in its base grid only, outside the parent', () => {
      const base = index(planted.grids.filter((g) => g.level === 4));
      for (const d of of('OUTSIDE_PARENT')) {
        const [lon, lat] = centroid(d.geometry as Polygon);
        expect(locate(base, lon, lat).inside).toEqual([d.gridCodes[0]]);
        expect(pointInGeometry(lon, lat, gridByCode(d.gridCodes[1]).boundary)).toBe(false);
        expect(pointInGeometry(lon, lat, planted.grids[0].boundary)).toBe(false);
      }
    });

    it('places uncovered and multi-covered enterprises where the manifest says, and every other one cleanly', () => {
      const base = index(planted.grids.filter((g) => g.level === 4));
      const uncovered = new Set(of('ENTERPRISE_UNCOVERED').flatMap((d) => d.usccs));
      const multi = new Map(
        of('ENTERPRISE_MULTI_COVERED').map((d) => [d.usccs[0], d.gridCodes] as const),
      );
      expect(uncovered.size).toBe(3);
      expect(multi.size).toBe(3);
      for (const e of planted.enterprises) {
        const { inside, clearanceM } = locate(base, e.lon, e.lat);
        expect(clearanceM).toBeGreaterThanOrEqual(20);
        if (uncovered.has(e.uscc)) expect(inside).toEqual([]);
        else if (multi.has(e.uscc))
          expect(inside.sort()).toEqual([...(multi.get(e.uscc) as string[])].sort());
        else expect(inside).toHaveLength(1);
      }
    });

    it('leaves exactly the listed grids unstaffed and the listed enterprises without a department', () => {
      const staffed = activeStaff(planted.chunks);
      const unstaffed = planted.grids.filter((g) => !staffed.has(g.code)).map((g) => g.code);
      expect(unstaffed.sort()).toEqual(
        of('GRID_UNSTAFFED')
          .flatMap((d) => d.gridCodes)
          .sort(),
      );
      const unmatched = planted.enterprises.filter(
        (e) => matchSectorRules(e.industryCode, classesOf(e)).length === 0,
      );
      expect(unmatched.map((e) => e.uscc).sort()).toEqual(
        of('SECTOR_UNASSIGNED')
          .flatMap((d) => d.usccs)
          .sort(),
      );
    });

    it('sizes exactly the listed non-exempt base grids outside 50–100, to the counts it lists', () => {
      const base = index(planted.grids.filter((g) => g.level === 4));
      const counts = new Map<string, number>();
      for (const e of planted.enterprises)
        for (const code of locate(base, e.lon, e.lat).inside)
          counts.set(code, (counts.get(code) ?? 0) + 1);
      const listed = new Map(of('GRID_SIZE').map((d) => [d.gridCodes[0], d.measure] as const));
      for (const b of base) {
        if (b.grid.sizeExempt) continue;
        const n = counts.get(b.grid.code) ?? 0;
        if (listed.has(b.grid.code)) {
          expect(n).toBe(listed.get(b.grid.code));
          expect(n < 50 || n > 100).toBe(true);
        } else {
          expect(n).toBeGreaterThanOrEqual(50);
          expect(n).toBeLessThanOrEqual(100);
        }
      }
    });
  });
});

describe('generateDemo, province preset', () => {
  it('starts with the province and then a county under it, without generating the rest', () => {
    const t0 = process.hrtime.bigint();
    const it = generateDemo({ preset: 'province', seed: 1, defects: 0 }).chunks();
    const first = it.next().value as DemoChunk;
    const second = it.next().value as DemoChunk;
    console.log(
      `province: first two chunks in ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(0)} ms`,
    );
    expect(first.grids).toHaveLength(1);
    expect(first.grids[0]).toMatchObject({ code: '370000', level: 1, parentCode: null });
    expect(second.grids[0]).toMatchObject({ level: 2, parentCode: '370000' });
    expect(second.grids[0].code).toMatch(/^37\d{4}$/);
    it.return(undefined);
  });

  it('rejects a defect count it cannot plant', () => {
    expect(() => generateDemo({ preset: 'county', seed: 1, defects: -1 })).toThrow(RangeError);
    expect(() => generateDemo({ preset: 'county', seed: 1, defects: 1.5 })).toThrow(RangeError);
  });
});
