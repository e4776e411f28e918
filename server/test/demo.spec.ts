import {
  generateDemo,
  loadDemo,
  openTestDatabase,
  type DemoChunk,
  type DemoGeneration,
  type DemoManifest,
  type PlantedDefect,
  type TestDatabase,
} from '@gridwarden/db';
import { checkDemoChunk, InvalidDemoDataError } from '../src/cli/demo.validation';

const SEED = 7;
const DEFECTS = 2;

/** SQL that finds each kind of planted defect the simple way, to check the manifest against the data. */
const ACTIVE_STAFF = `EXISTS (SELECT 1 FROM grid_assignment a WHERE a.grid_id = g.id AND a.role IN ('LEADER', 'OFFICER')
                      AND a.since <= now() AND (a.until IS NULL OR a.until > now()))`;
const SECTOR_MATCH = `EXISTS (SELECT 1 FROM sector_rule r WHERE e.industry_code LIKE r.industry_prefix || '%'
                      OR r.enterprise_class = ANY (e.risk_classes)
                      OR (r.enterprise_class = 'NINE_SMALL' AND e.nine_small)
                      OR (r.enterprise_class = 'KEY_FIRE_UNIT' AND e.key_fire_unit))`;

describe('the demo county loaded into the database', () => {
  let db: TestDatabase;
  let manifest: DemoManifest;
  const planted = (rule: PlantedDefect['rule']) => manifest.planted.filter((p) => p.rule === rule);
  const q = <T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> =>
    db.dataSource.query(sql, params);

  beforeAll(async () => {
    db = await openTestDatabase('demo');
    manifest = await loadDemo(
      db,
      generateDemo({ preset: 'county', seed: SEED, defects: DEFECTS }),
      { checkChunk: checkDemoChunk },
    );
  });
  afterAll(async () => db?.close());

  it('holds as many grids per level, enterprises and people as the manifest counts', async () => {
    const levels = await q<{ level: number; n: number }>(
      `SELECT level::int, count(*)::int AS n FROM grid GROUP BY level ORDER BY level`,
    );
    expect(Object.fromEntries(levels.map((l) => [l.level, l.n]))).toEqual(
      manifest.counts.gridsByLevel,
    );
    const [{ enterprises, people }] = await q<{ enterprises: number; people: number }>(
      `SELECT (SELECT count(*)::int FROM enterprise) AS enterprises, (SELECT count(*)::int FROM person) AS people`,
    );
    expect(enterprises).toBe(manifest.counts.enterprises);
    expect(people).toBe(manifest.counts.people);
    expect(manifest.counts.gridsByLevel[4]).toBeGreaterThanOrEqual(900);
    expect(enterprises).toBeGreaterThanOrEqual(20000);
  });

  it('plants the gaps where the manifest says: inside the parent, covered by no child', async () => {
    expect(planted('GAP')).toHaveLength(DEFECTS);
    for (const gap of planted('GAP')) {
      const [row] = await q<{ outside: number; covered: number; area: number }>(
        `WITH gap AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g),
              parent AS (SELECT id, boundary FROM grid WHERE code = $2)
         SELECT ST_Area(ST_Difference(gap.g, parent.boundary)::geography) AS outside,
                ST_Area(ST_Intersection(gap.g, (SELECT ST_Union(c.boundary) FROM grid c WHERE c.parent_id = parent.id))::geography) AS covered,
                ST_Area(gap.g::geography) AS area
         FROM gap, parent`,
        [JSON.stringify(gap.geometry), gap.gridCodes[0]],
      );
      expect(row.outside).toBeLessThan(1);
      expect(row.covered).toBeLessThan(1);
      expect(row.area).toBeCloseTo(gap.measure ?? 0, -2);
    }
  });

  it('plants the overlaps between the two named siblings with the stated area', async () => {
    expect(planted('OVERLAP')).toHaveLength(DEFECTS);
    for (const overlap of planted('OVERLAP')) {
      const [row] = await q<{ area: number; siblings: boolean }>(
        `SELECT ST_Area(ST_Intersection(a.boundary, b.boundary)::geography) AS area, a.parent_id = b.parent_id AS siblings
         FROM grid a, grid b WHERE a.code = $1 AND b.code = $2`,
        overlap.gridCodes,
      );
      expect(row.siblings).toBe(true);
      expect(Math.abs(row.area - (overlap.measure ?? 0)) / row.area).toBeLessThan(0.02);
    }
  });

  it('plants the parts outside a parent with the stated area', async () => {
    expect(planted('OUTSIDE_PARENT')).toHaveLength(DEFECTS);
    for (const outside of planted('OUTSIDE_PARENT')) {
      const [row] = await q<{ area: number }>(
        `SELECT ST_Area(ST_Difference(c.boundary, p.boundary)::geography) AS area
         FROM grid c JOIN grid p ON p.id = c.parent_id WHERE c.code = $1 AND p.code = $2`,
        outside.gridCodes,
      );
      expect(Math.abs(row.area - (outside.measure ?? 0)) / row.area).toBeLessThan(0.02);
    }
  });

  it('leaves exactly the planted enterprises outside every base grid', async () => {
    const rows = await q<{ uscc: string }>(
      `SELECT uscc FROM enterprise WHERE base_grid_id IS NULL ORDER BY uscc`,
    );
    expect(rows.map((r) => r.uscc)).toEqual(
      planted('ENTERPRISE_UNCOVERED')
        .flatMap((p) => p.usccs)
        .sort(),
    );
  });

  it('puts exactly the planted enterprises in two base grids', async () => {
    const rows = await q<{ uscc: string }>(
      `SELECT e.uscc FROM enterprise e JOIN grid g ON g.level = 4 AND ST_Covers(g.boundary, e.location)
       GROUP BY e.uscc HAVING count(*) > 1 ORDER BY e.uscc`,
    );
    expect(rows.map((r) => r.uscc)).toEqual(
      planted('ENTERPRISE_MULTI_COVERED')
        .flatMap((p) => p.usccs)
        .sort(),
    );
  });

  it('leaves exactly the planted grids without an active leader or officer', async () => {
    const rows = await q<{ code: string }>(
      `SELECT g.code FROM grid g WHERE NOT ${ACTIVE_STAFF} ORDER BY g.code`,
    );
    expect(rows.map((r) => r.code)).toEqual(
      planted('GRID_UNSTAFFED')
        .flatMap((p) => p.gridCodes)
        .sort(),
    );
  });

  it('gives exactly the planted enterprises an industry no sector rule maps', async () => {
    const rows = await q<{ uscc: string }>(
      `SELECT e.uscc FROM enterprise e WHERE NOT ${SECTOR_MATCH} ORDER BY e.uscc`,
    );
    expect(rows.map((r) => r.uscc)).toEqual(
      planted('SECTOR_UNASSIGNED')
        .flatMap((p) => p.usccs)
        .sort(),
    );
  });

  it('sizes exactly the planted non-exempt base grids outside 50–100 enterprises', async () => {
    const rows = await q<{ code: string; n: number }>(
      `SELECT g.code, count(e.id)::int AS n FROM grid g LEFT JOIN enterprise e ON e.base_grid_id = g.id
       WHERE g.level = 4 AND NOT g.size_exempt GROUP BY g.code HAVING count(e.id) NOT BETWEEN 50 AND 100 ORDER BY g.code`,
    );
    const expected = planted('GRID_SIZE')
      .map((p) => ({ code: p.gridCodes[0], n: p.measure }))
      .sort((a, b) => a.code.localeCompare(b.code));
    expect(planted('GRID_SIZE')).toHaveLength(2 * DEFECTS);
    expect(rows).toEqual(expected);
  });
});

describe('loading a demo with invalid data', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase('demo_reject');
  });
  afterAll(async () => db?.close());

  /** The seed-1 county with one thing broken in the first chunk `breakChunk` can break. */
  function brokenDemo(breakChunk: (chunk: DemoChunk) => boolean): DemoGeneration {
    const generation = generateDemo({ preset: 'county', seed: 1, defects: 0 });
    return {
      levels: generation.levels,
      manifest: () => generation.manifest(),
      *chunks() {
        let broken = false;
        for (const chunk of generation.chunks()) {
          broken ||= breakChunk(chunk);
          yield chunk;
        }
      },
    };
  }

  async function expectNothingWritten(): Promise<void> {
    const [counts] = await db.dataSource.query(
      `SELECT (SELECT count(*)::int FROM grid_level) AS levels, (SELECT count(*)::int FROM grid) AS grids,
              (SELECT count(*)::int FROM enterprise) AS enterprises`,
    );
    expect(counts).toEqual({ levels: 0, grids: 0, enterprises: 0 });
  }

  it('refuses a bowtie boundary with the reason and writes nothing', async () => {
    const load = loadDemo(
      db,
      brokenDemo((chunk) => {
        chunk.grids[chunk.grids.length - 1].boundary = {
          type: 'MultiPolygon',
          coordinates: [
            [
              [
                [118.5, 35.8],
                [118.51, 35.81],
                [118.51, 35.8],
                [118.5, 35.81],
                [118.5, 35.8],
              ],
            ],
          ],
        };
        return true;
      }),
      { checkChunk: checkDemoChunk },
    );
    await expect(load).rejects.toBeInstanceOf(InvalidDemoDataError);
    await expect(load).rejects.toThrow(/invalid boundary: ring 0 of polygon 0 crosses itself/);
    await expectNothingWritten();
  });

  it('refuses a credit code with a wrong check character and writes nothing', async () => {
    const load = loadDemo(
      db,
      brokenDemo((chunk) => {
        const e = chunk.enterprises[0];
        if (!e) return false;
        e.uscc = e.uscc.slice(0, 17) + (e.uscc[17] === '0' ? '1' : '0');
        return true;
      }),
      { checkChunk: checkDemoChunk },
    );
    await expect(load).rejects.toMatchObject({ reason: 'CHECK_CHARACTER_MISMATCH' });
    await expectNothingWritten();
  });
});
