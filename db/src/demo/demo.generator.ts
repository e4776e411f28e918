/**
 * generateDemo: a deterministic synthetic county or province, exactly partitioned, with
 * N planted defects of each kind and a manifest of what was planted.
 *
 * @example
 * const demo = generateDemo({ preset: 'county', seed: 1, defects: 3 });
 * for (const chunk of demo.chunks()) load(chunk);
 * const manifest = demo.manifest();
 */
import type {
  DemoChunk,
  DemoGeneration,
  DemoManifest,
  DemoOptions,
  PlantedDefect,
} from './demo.types';
import { PLANTED_RULES } from './demo.types';
import { CountyPlan, CountyTally, generateCounty, RegionContext } from './county.generator';
import { PRESETS, PresetSpec } from './demo.presets';
import { clusterCells, HexLattice, selectBlob } from './lattice.geometry';
import { mobilePhone, personName, placeStem } from './names.catalogue';
import { hashInts, SeededRandom } from './random.source';

/** Planting more than this per county runs out of well-separated sites. */
export const MAX_DEFECTS_PER_KIND = 25;

interface Region {
  ctx: RegionContext;
  cells: number[];
  member: Uint8Array;
}

function buildRegion(spec: PresetSpec, seed: number): Region {
  const lattice = new HexLattice({
    ...spec.extent,
    cellAreaM2: spec.areaM2 / spec.baseGrids,
    seed: hashInts(seed, 0x1a7),
  });
  const rng = new SeededRandom(seed, 0x0b1);
  const harmonics = Array.from({ length: 6 }, (_, k) => rng.range(0.02, 0.09) * (k < 2 ? 1.6 : 1));
  const phases = harmonics.map(() => rng.range(0, 2 * Math.PI));
  const { west, south, east, north } = spec.extent;
  const mid = ((south + north) / 2) * (Math.PI / 180);
  const aspect = ((east - west) * Math.cos(mid)) / (north - south);
  const member = selectBlob(lattice, spec.baseGrids, { harmonics, phases, aspect });
  const cells: number[] = [];
  for (let i = 0; i < member.length; i += 1) if (member[i]) cells.push(i);
  return { ctx: { lattice, inRegion: (c) => member[c] === 1, seed }, cells, member };
}

function countyPlans(
  spec: PresetSpec,
  region: Region,
  seed: number,
  defects: number,
): CountyPlan[] {
  const { lattice } = region.ctx;
  if (spec.county) {
    return [
      {
        index: 0,
        code: spec.county.code,
        name: spec.county.name,
        shortName: spec.county.shortName,
        level: 1,
        parentCode: null,
        cells: region.cells,
        towns: spec.townsPerCounty,
        fixedTowns: spec.county.towns,
        enterpriseTarget: spec.enterprises,
        defects,
        serialBase: 0,
      },
    ];
  }
  const province = spec.province as { code: string };
  const rng = new SeededRandom(seed, 0x9c0);
  const { assignment } = clusterCells(
    lattice,
    region.cells,
    spec.counties,
    rng,
    hashInts(seed, 0x9c1),
  );
  const groups: number[][] = Array.from({ length: spec.counties }, () => []);
  region.cells.forEach((c, i) => groups[assignment[i]].push(c));
  const stems = new Set<string>();
  const plans: CountyPlan[] = groups.map((cells, i) => {
    // 16 prefecture-level cities of about six counties each; district 01 is 市辖区 in real codes
    const city = Math.floor((i * 16) / spec.counties) + 1;
    const firstOfCity = Math.ceil(((city - 1) * spec.counties) / 16);
    const stem = placeStem(rng, stems);
    const suffix = i === firstOfCity ? '区' : rng.chance(0.25) ? '市' : '县';
    return {
      index: i,
      code: `${province.code.slice(0, 2)}${String(city).padStart(2, '0')}${String(i - firstOfCity + 2).padStart(2, '0')}`,
      name: stem + suffix,
      shortName: stem,
      level: 2,
      parentCode: province.code,
      cells,
      towns: Math.max(
        3,
        Math.round((cells.length / spec.baseGrids) * spec.counties * spec.townsPerCounty),
      ),
      enterpriseTarget: Math.round((spec.enterprises * cells.length) / region.cells.length),
      defects: 0,
      serialBase: i * 100_000,
    };
  });
  // defects need the outer border (OUTSIDE_PARENT, ENTERPRISE_UNCOVERED): spread instance j over border counties
  const border = plans.filter((p) =>
    p.cells.some((c) => lattice.neighbours(c).some((n) => n < 0 || !region.member[n])),
  );
  for (let j = 0; j < defects; j += 1) border[(j * 7) % border.length].defects += 1;
  return plans;
}

export function generateDemo(options: DemoOptions): DemoGeneration {
  const { preset, seed, defects } = options;
  const spec = PRESETS[preset];
  if (!spec) throw new RangeError(`unknown demo preset '${String(preset)}'`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(defects) || defects < 0 || defects > MAX_DEFECTS_PER_KIND) {
    throw new RangeError(`defects must be an integer 0–${MAX_DEFECTS_PER_KIND}, got ${defects}`);
  }
  let manifest: DemoManifest = emptyManifest();

  function emptyManifest(): DemoManifest {
    return {
      preset,
      seed,
      defectsPerKind: defects,
      counts: { gridsByLevel: {}, enterprises: 0, people: 0 },
      planted: [],
    };
  }

  function* chunks(): Generator<DemoChunk> {
    manifest = emptyManifest();
    const counts = manifest.counts;
    const planted: PlantedDefect[] = [];
    const tally: CountyTally = {
      grids: (level) => (counts.gridsByLevel[level] = (counts.gridsByLevel[level] ?? 0) + 1),
      enterprises: 0,
      people: 0,
      planted,
    };
    const region = buildRegion(spec, seed);
    const plans = countyPlans(spec, region, seed, defects);
    if (spec.province) {
      const lattice = region.ctx.lattice;
      const rng = new SeededRandom(seed, 0x970);
      const leader = {
        key: `P${spec.province.code}-00001`,
        name: personName(rng),
        phone: mobilePhone(rng),
      };
      tally.grids(1);
      tally.people += 1;
      yield {
        grids: [
          {
            code: spec.province.code,
            name: spec.province.name,
            level: 1,
            parentCode: null,
            boundary: {
              type: 'MultiPolygon',
              coordinates: lattice.union(region.cells, region.ctx.inRegion),
            },
            sizeExempt: false,
          },
        ],
        people: [leader],
        assignments: [
          {
            gridCode: spec.province.code,
            personKey: leader.key,
            role: 'LEADER',
            since: '2023-03-01T00:00:00.000Z',
            until: null,
          },
        ],
        enterprises: [],
      };
    }
    for (const plan of plans) yield* generateCounty(region.ctx, plan, tally);
    counts.enterprises = tally.enterprises;
    counts.people = tally.people;
    const order = (d: PlantedDefect): number => PLANTED_RULES.indexOf(d.rule);
    manifest.planted = planted
      .map((d, i) => ({ d, i }))
      .sort((a, b) => order(a.d) - order(b.d) || a.i - b.i)
      .map((x) => x.d);
  }

  return { levels: spec.levels, chunks, manifest: () => manifest };
}
