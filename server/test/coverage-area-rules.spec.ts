/**
 * GAP, OVERLAP and OUTSIDE_PARENT on hand-built fixtures with known answers (drawn in
 * metres, see support/coverage-fixture.ts), then on the demo county with planted defects.
 */
import { generateDemo, loadDemo, openTestDatabase, type TestDatabase } from '@gridwarden/db';
import { CoverageRepository } from '../src/coverage/coverage.repository';
import { CoverageService } from '../src/coverage/coverage.service';
import {
  DEFAULT_THRESHOLDS,
  type CoverageRule,
  type ViolationRow,
} from '../src/coverage/coverage.types';
import { runRule } from '../src/coverage/rule.runner';
import { passClosure, tilingSql } from '../src/coverage/shared-passes';
import { gapRule } from '../src/coverage/rules/gap.rule';
import { outsideParentRule } from '../src/coverage/rules/outside-parent.rule';
import { overlapRule } from '../src/coverage/rules/overlap.rule';
import {
  loadFixture,
  rect,
  resetFixture,
  ring,
  type Fixture,
  type FixtureGrid,
} from './support/coverage-fixture';

const AREA_RULES = [gapRule, overlapRule, outsideParentRule];

describe('area rules on hand-built grids', () => {
  let db: TestDatabase;
  let fixture: Fixture;

  beforeAll(async () => {
    db = await openTestDatabase('coverage_area');
  });
  afterAll(async () => db?.close());
  beforeEach(async () => resetFixture(db));

  const load = async (grids: FixtureGrid[]) => {
    fixture = await loadFixture(db, grids);
  };
  const id = (code: string): string => fixture.gridIds.get(code) as string;
  /** The rule run alone (passes inline); over everything, also checks a full audit agrees. */
  const run = async (
    rule: CoverageRule,
    focus: string[] | null = null,
  ): Promise<ViolationRow[]> => {
    const alone = await runRule(db.dataSource, rule, focus, DEFAULT_THRESHOLDS);
    if (focus === null) expect(await inFullAudit(rule)).toEqual(alone);
    return alone;
  };
  /** The rule's rows from a full audit, which reads the passes from shared tables. */
  const inFullAudit = async (rule: CoverageRule): Promise<ViolationRow[]> => {
    const audit = await new CoverageService(DEFAULT_THRESHOLDS).fullAudit(db.dataSource.manager, {
      rules: [rule.id],
      store: false,
    });
    return audit.violations.map(({ rule: _rule, severity: _severity, ...row }) => row);
  };
  /** rule id → number of violations, over all three rules, focus NULL */
  const tally = async (): Promise<Record<string, number>> => {
    const out: Record<string, number> = {};
    for (const rule of AREA_RULES) out[rule.id] = (await run(rule)).length;
    return out;
  };
  const NONE = { GAP: 0, OVERLAP: 0, OUTSIDE_PARENT: 0 };
  const parent: FixtureGrid = { code: 'P', level: 1, polygons: [rect(0, 0, 100, 100)] };
  const child = (code: string, ...polygons: [number, number][][][]): FixtureGrid => ({
    code,
    level: 2,
    parent: 'P',
    polygons,
  });

  it('reports nothing for a parent split exactly into two children', async () => {
    await load([parent, child('A', rect(0, 0, 50, 100)), child('B', rect(50, 0, 100, 100))]);
    expect(await tally()).toEqual(NONE);
  });

  it('reports nothing for a parent split exactly into four children', async () => {
    await load([
      parent,
      child('A', rect(0, 0, 50, 50)),
      child('B', rect(50, 0, 100, 50)),
      child('C', rect(0, 50, 50, 100)),
      child('D', rect(50, 50, 100, 100)),
    ]);
    expect(await tally()).toEqual(NONE);
  });

  it('ignores a 0.5 m² sliver gap, below the sliver limit', async () => {
    await load([parent, child('A', rect(0, 0, 50, 100)), child('B', rect(50.005, 0, 100, 100))]);
    expect(await tally()).toEqual(NONE);
  });

  it('reports a 5 m² sliver gap between two children once, naming the parent and both children', async () => {
    await load([parent, child('A', rect(0, 0, 50, 100)), child('B', rect(50.05, 0, 100, 100))]);
    const gaps = await run(gapRule);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({
      focusId: id('P'),
      scopeGridId: id('P'),
      gridIds: [id('P'), id('A'), id('B')],
      enterpriseIds: [],
      details: { code: 'P' },
    });
    expect(gaps[0].measure).toBeGreaterThan(4.5);
    expect(gaps[0].measure).toBeLessThan(5.5);
    expect(JSON.parse(gaps[0].geometry as string).type).toBe('Polygon');
    expect(await tally()).toEqual({ ...NONE, GAP: 1 });
  });

  it('reports nothing where one side of a shared edge has extra collinear vertices', async () => {
    await load([
      parent,
      child('A', [ring([0, 0], [50, 0], [50, 13.7], [50, 41.1], [50, 77.3], [50, 100], [0, 100])]),
      child('B', rect(50, 0, 100, 100)),
    ]);
    expect(await tally()).toEqual(NONE);
  });

  it('reports nothing where a diagonal shared edge has extra vertices on one side only', async () => {
    // the extra vertices lie on the diagonal only up to floating-point rounding in lon/lat
    await load([
      parent,
      child('A', [ring([0, 0], [100, 0], [61.7, 38.3], [30.1, 69.9], [0, 100])]),
      child('B', [ring([100, 0], [100, 100], [0, 100])]),
    ]);
    expect(await tally()).toEqual(NONE);
  });

  it('reports nothing for an enclave: a child inside a hole of its sibling', async () => {
    await load([
      parent,
      child('A', [...rect(0, 0, 100, 100), ring([40, 40], [40, 60], [60, 60], [60, 40])]),
      child('B', rect(40, 40, 60, 60)),
    ]);
    expect(await tally()).toEqual(NONE);
  });

  it('reports the hole as the gap when the enclave is missing', async () => {
    await load([
      parent,
      child('A', [...rect(0, 0, 100, 100), ring([40, 40], [40, 60], [60, 60], [60, 40])]),
    ]);
    const gaps = await run(gapRule);
    expect(gaps).toHaveLength(1);
    expect(gaps[0].gridIds).toEqual([id('P'), id('A')]);
    expect(gaps[0].measure).toBeCloseTo(400, -1);
    const [{ same }] = await db.dataSource.query(
      `SELECT ST_Equals(ST_SnapToGrid(ST_GeomFromGeoJSON($1), 1e-8), ST_SnapToGrid(ST_GeomFromGeoJSON($2), 1e-8)) AS same`,
      [gaps[0].geometry, JSON.stringify({ type: 'Polygon', coordinates: rect(40, 40, 60, 60) })],
    );
    expect(same).toBe(true);
    expect(await tally()).toEqual({ ...NONE, GAP: 1 });
  });

  it('reports nothing when a two-part child and its sibling cover the parent', async () => {
    await load([
      parent,
      child('A', rect(0, 0, 30, 100), rect(70, 0, 100, 100)),
      child('B', rect(30, 0, 70, 100)),
    ]);
    expect(await tally()).toEqual(NONE);
  });

  it('reports a gap in each piece it leaves separately, even inside a two-part child', async () => {
    await load([
      parent,
      child('A', rect(0, 0, 30, 100), rect(70, 0, 100, 100)),
      child('B', rect(30, 0, 70, 40), rect(30, 60, 70, 100)),
      child('C', rect(30, 45, 70, 55)),
    ]);
    const gaps = await run(gapRule);
    expect(gaps.map((g) => Math.round(g.measure ?? 0))).toEqual([200, 200]);
    for (const g of gaps) expect(g.gridIds).toEqual([id('P'), id('A'), id('B'), id('C')]);
  });

  it('reports a child poking 3 m beyond its parent with the outside strip only', async () => {
    await load([parent, child('A', rect(-3, 0, 50, 100)), child('B', rect(50, 0, 100, 100))]);
    const outside = await run(outsideParentRule);
    expect(outside).toHaveLength(1);
    expect(outside[0]).toMatchObject({
      focusId: id('A'),
      scopeGridId: id('P'),
      gridIds: [id('A'), id('P')],
      details: { code: 'A', parentCode: 'P' },
    });
    expect(outside[0].measure).toBeCloseTo(300, -1);
    expect(await tally()).toEqual({ ...NONE, OUTSIDE_PARENT: 1 });
  });

  it('reports both the outside part and the overlap when a poke crosses a sibling and the parent edge', async () => {
    // A's bump 45..55 × 95..103: 5 × 5 m inside B, 10 × 3 m above the parent
    await load([
      parent,
      child('A', [
        ring([0, 0], [50, 0], [50, 95], [55, 95], [55, 103], [45, 103], [45, 100], [0, 100]),
      ]),
      child('B', rect(50, 0, 100, 100)),
    ]);
    const [outside, overlaps] = [await run(outsideParentRule), await run(overlapRule)];
    expect(outside).toHaveLength(1);
    expect(outside[0].measure).toBeCloseTo(30, 0);
    expect(overlaps).toHaveLength(1);
    expect(overlaps[0].gridIds).toEqual([id('A'), id('B')]);
    expect(overlaps[0].measure).toBeCloseTo(25, 0);
    expect(await tally()).toEqual({ GAP: 0, OVERLAP: 1, OUTSIDE_PARENT: 1 });
  });

  it('reports two siblings overlapping by 10 m × 20 m once with about 200 m²', async () => {
    await load([
      parent,
      child('A', [
        ring([0, 0], [50, 0], [50, 40], [60, 40], [60, 60], [50, 60], [50, 100], [0, 100]),
      ]),
      child('B', rect(50, 0, 100, 100)),
    ]);
    const overlaps = await run(overlapRule);
    expect(overlaps).toHaveLength(1);
    expect(overlaps[0]).toMatchObject({
      focusId: id('P'),
      scopeGridId: id('P'),
      gridIds: [id('A'), id('B')],
      details: { codeA: 'A', codeB: 'B', pieces: 1 },
    });
    expect(Math.abs((overlaps[0].measure ?? 0) - 200) / 200).toBeLessThan(0.02);
    expect(await tally()).toEqual({ ...NONE, OVERLAP: 1 });
  });

  it('reports one overlap per pair, with every piece larger than a sliver', async () => {
    await load([
      parent,
      child('A', [
        ring(
          [0, 0],
          [50, 0],
          [50, 10],
          [60, 10],
          [60, 20],
          [50, 20],
          [50, 80],
          [60, 80],
          [60, 90],
          [50, 90],
          [50, 100],
          [0, 100],
        ),
      ]),
      child('B', rect(50, 0, 100, 100)),
    ]);
    const overlaps = await run(overlapRule);
    expect(overlaps).toHaveLength(1);
    expect(overlaps[0].details.pieces).toBe(2);
    expect(overlaps[0].measure).toBeCloseTo(200, -1);
    expect(JSON.parse(overlaps[0].geometry as string).type).toBe('MultiPolygon');
  });

  it('does not report grids of different parents overlapping as an OVERLAP', async () => {
    await load([
      parent,
      { code: 'Q', level: 1, polygons: [rect(100, 0, 200, 100)] },
      child('A', rect(0, 0, 50, 100)),
      child('B', rect(50, 0, 103, 100)),
      { code: 'C', level: 2, parent: 'Q', polygons: [rect(100, 0, 200, 100)] },
    ]);
    expect(await run(overlapRule)).toEqual([]);
    const outside = await run(outsideParentRule);
    expect(outside.map((o) => o.gridIds)).toEqual([[id('B'), id('P')]]);
    expect(outside[0].measure).toBeCloseTo(300, -1);
  });

  it('reports overlapping top-level grids under the lower id', async () => {
    await load([parent, { code: 'Q', level: 1, polygons: [rect(90, 0, 200, 100)] }]);
    const overlaps = await run(overlapRule);
    expect(overlaps).toHaveLength(1);
    expect(overlaps[0]).toMatchObject({
      focusId: id('P'),
      scopeGridId: id('P'),
      gridIds: [id('P'), id('Q')],
    });
    expect(overlaps[0].measure).toBeCloseTo(1000, -1);
    expect(await run(overlapRule, [id('Q')])).toEqual([]);
  });

  describe('short-cuts that settle a parent without an overlay', () => {
    const UNION = 'ST_Union(c.boundary, 1e-10)';
    const EMPTY = `ST_GeomFromText('POLYGON EMPTY', 4326)`;

    /** parent code → whether its children's rings cancel its own exactly */
    const tiling = async (): Promise<Record<string, boolean>> => {
      const rows: { id: string; tiled: boolean }[] = await db.dataSource.query(
        `SELECT t.id::text AS id, t.tiled FROM (${tilingSql('$1::bigint[]')}) t`,
        [null],
      );
      const codeOf = new Map([...fixture.gridIds].map(([code, gridId]) => [gridId, code]));
      return Object.fromEntries(rows.map((r) => [codeOf.get(r.id), r.tiled]));
    };

    /**
     * GAP with the union made to come back EMPTY, run alone or reading a full audit's
     * tables: it fails exactly when it builds the overlay.
     */
    const gapPath = async (passes: 'inline' | 'shared'): Promise<'overlay' | 'settled'> => {
      const broken: CoverageRule = {
        ...gapRule,
        sql: gapRule.sql.replace(UNION, EMPTY),
        sharedSql: gapRule.sharedSql?.replace(UNION, EMPTY),
      };
      expect(gapRule.sharedSql).toContain(UNION);
      try {
        const rows = await db.dataSource.transaction(async (tx) => {
          if (passes === 'shared') {
            const repo = new CoverageRepository(tx);
            for (const pass of passClosure(gapRule.passes ?? [])) {
              await repo.materialisePass(pass, null, DEFAULT_THRESHOLDS);
            }
          }
          return runRule(tx, broken, null, DEFAULT_THRESHOLDS, new Date(), passes);
        });
        expect(rows).toEqual([]);
        return 'settled';
      } catch (error) {
        expect(String(error)).toMatch(/coverage engine failure: GAP: the union/);
        return 'overlay';
      }
    };

    // the tiling proof compares segments exactly, so these parents carry the vertices their
    // children's edges meet them at, as a parent drawn as the union of its children does
    const parentThrough = (xs: number[], midSides = false): FixtureGrid => {
      const side = (x: number): [number, number][] => (midSides ? [[x, 50]] : []);
      const bottom = xs.map((x): [number, number] => [x, 0]);
      const top = [...xs].reverse().map((x): [number, number] => [x, 100]);
      return {
        code: 'P',
        level: 1,
        polygons: [[ring(...bottom, [100, 0], ...side(100), [100, 100], ...top, ...side(0))]],
      };
    };

    it.each([
      [
        'an exact split into four',
        parentThrough([0, 50], true),
        [
          child('A', rect(0, 0, 50, 50)),
          child('B', rect(50, 0, 100, 50)),
          child('C', rect(0, 50, 50, 100)),
          child('D', rect(50, 50, 100, 100)),
        ],
      ],
      [
        'an enclave in a hole of its sibling',
        parent,
        [
          child('A', [...rect(0, 0, 100, 100), ring([40, 40], [40, 60], [60, 60], [60, 40])]),
          child('B', rect(40, 40, 60, 60)),
        ],
      ],
      [
        'a two-part child beside its sibling',
        parentThrough([0, 30, 70]),
        [child('A', rect(0, 0, 30, 100), rect(70, 0, 100, 100)), child('B', rect(30, 0, 70, 100))],
      ],
      ['a single child equal to its parent', parent, [child('A', rect(0, 0, 100, 100))]],
      [
        'a child drawn clockwise',
        parentThrough([0, 50]),
        [
          child('A', [ring([0, 0], [0, 100], [50, 100], [50, 0])]),
          child('B', rect(50, 0, 100, 100)),
        ],
      ],
    ])(
      'proves %s tiled, and a full audit settles it without an overlay',
      async (_name, p, children) => {
        await load([p, ...children]);
        expect(await tiling()).toEqual({ P: true });
        expect(await gapPath('shared')).toBe('settled');
        expect(await tally()).toEqual(NONE);
      },
    );

    it('does not prove tiled a parent whose edge lacks the vertices its children meet it at', async () => {
      await load([parent, child('A', rect(0, 0, 50, 100)), child('B', rect(50, 0, 100, 100))]);
      expect(await tiling()).toEqual({ P: false });
      expect(await gapPath('inline')).toBe('settled');
      expect(await gapPath('shared')).toBe('settled');
    });

    it('does not prove tiled two children that each cover the whole parent, and reports them overlapping', async () => {
      await load([parent, child('A', rect(0, 0, 100, 100)), child('B', rect(0, 0, 100, 100))]);
      expect(await tiling()).toEqual({ P: false });
      const overlaps = await run(overlapRule);
      expect(overlaps.map((o) => o.gridIds)).toEqual([[id('A'), id('B')]]);
      expect(overlaps[0].measure).toBeCloseTo(10_000, -2);
      expect(await tally()).toEqual({ ...NONE, OVERLAP: 1 });
    });

    it('settles a 0.5 m² sliver gap by the area balance, without an overlay, but overlays a 5 m² one', async () => {
      await load([parent, child('A', rect(0, 0, 50, 100)), child('B', rect(50.005, 0, 100, 100))]);
      expect(await tiling()).toEqual({ P: false });
      expect(await gapPath('inline')).toBe('settled');
      expect(await gapPath('shared')).toBe('settled');
      expect(await tally()).toEqual(NONE);

      await resetFixture(db);
      await load([parent, child('A', rect(0, 0, 50, 100)), child('B', rect(50.05, 0, 100, 100))]);
      expect(await gapPath('inline')).toBe('overlay');
      expect(await gapPath('shared')).toBe('overlay');
      expect(await tally()).toEqual({ ...NONE, GAP: 1 });
    });

    it('settles a shared edge with extra vertices on one side by the area balance', async () => {
      await load([
        parent,
        child('A', [
          ring([0, 0], [50, 0], [50, 13.7], [50, 41.1], [50, 77.3], [50, 100], [0, 100]),
        ]),
        child('B', rect(50, 0, 100, 100)),
      ]);
      expect(await tiling()).toEqual({ P: false });
      expect(await gapPath('inline')).toBe('settled');
      expect(await gapPath('shared')).toBe('settled');
    });

    it.each([
      [
        // A: 53 × 100 m, 3 m of it outside; B: 50 × 94 m, leaving 50 × 6 m uncovered
        'a child poking out beside a gap',
        [child('A', rect(-3, 0, 50, 100)), child('B', rect(50, 0, 100, 94))],
        outsideParentRule,
        300,
      ],
      [
        // A: 55 × 100 m over 5 × 90 m of B; B: 50 × 90 m, leaving 45 × 10 m uncovered
        'an overlap beside a gap',
        [child('A', rect(0, 0, 55, 100)), child('B', rect(50, 0, 100, 90))],
        overlapRule,
        450,
      ],
    ])(
      'does not settle %s of the same area, though the areas add up',
      async (_name, children, other, m2) => {
        await load([parent, ...children]);
        const [{ balance }] = await db.dataSource.query(
          `SELECT p.area_m2 - sum(c.area_m2) AS balance FROM grid p JOIN grid c ON c.parent_id = p.id
           WHERE p.id = $1 GROUP BY p.id, p.area_m2`,
          [id('P')],
        );
        expect(Math.abs(balance)).toBeLessThan(1);
        expect(await gapPath('inline')).toBe('overlay');
        expect(await gapPath('shared')).toBe('overlay');
        for (const rule of [gapRule, other]) {
          const found = await run(rule);
          expect(found).toHaveLength(1);
          expect(found[0].measure).toBeCloseTo(m2, -1);
        }
        expect(await tally()).toEqual({ ...NONE, GAP: 1, [other.id]: 1 });
      },
    );
  });

  describe('focus ids', () => {
    beforeEach(async () => {
      // P: A and B overlap 5 × 100 m, C pokes 3 m out; Q: a 10 × 100 m gap, D and E overlap, F pokes out
      await load([
        parent,
        { code: 'Q', level: 1, polygons: [rect(0, 200, 100, 300)] },
        child('A', rect(0, 0, 45, 100)),
        child('B', rect(40, 0, 90, 100)),
        child('C', rect(90, 0, 100, 103)),
        { code: 'D', level: 2, parent: 'Q', polygons: [rect(0, 200, 45, 300)] },
        { code: 'E', level: 2, parent: 'Q', polygons: [rect(40, 200, 80, 300)] },
        { code: 'F', level: 2, parent: 'Q', polygons: [rect(90, 197, 100, 300)] },
      ]);
    });

    it('GAP reports only the parents asked for, and every parent for NULL', async () => {
      expect((await run(gapRule, [id('Q')])).map((g) => g.gridIds)).toEqual([
        [id('Q'), id('E'), id('F')],
      ]);
      expect(await run(gapRule, [id('P')])).toEqual([]);
      expect(await run(gapRule, [id('E')])).toEqual([]);
      expect((await run(gapRule, null)).map((g) => g.focusId)).toEqual([id('Q')]);
    });

    it('OVERLAP is owned by the parent and OUTSIDE_PARENT by the child', async () => {
      expect((await run(overlapRule, [id('P')])).map((o) => o.gridIds)).toEqual([
        [id('A'), id('B')],
      ]);
      expect((await run(overlapRule, [id('A'), id('B')])).length).toBe(0);
      expect((await run(overlapRule)).map((o) => o.focusId)).toEqual([id('P'), id('Q')]);
      expect((await run(outsideParentRule, [id('F')])).map((o) => o.gridIds)).toEqual([
        [id('F'), id('Q')],
      ]);
      expect(await run(outsideParentRule, [id('Q'), id('P')])).toEqual([]);
      expect((await run(outsideParentRule)).map((o) => o.focusId)).toEqual([id('C'), id('F')]);
    });
  });

  describe('an overlay that comes back empty (what some builds make of a GEOS error)', () => {
    const EMPTY = `ST_GeomFromText('POLYGON EMPTY', 4326)`;
    const broken = (rule: CoverageRule, overlay: string): CoverageRule => {
      expect(rule.sql).toContain(overlay);
      return { ...rule, sql: rule.sql.replace(overlay, EMPTY) };
    };

    beforeEach(async () => {
      // a 10 × 50 m gap (less C's 150 m² outside the parent in the area balance), a 200 m² overlap
      await load([
        parent,
        child('A', [
          ring([0, 0], [50, 0], [50, 40], [60, 40], [60, 60], [50, 60], [50, 100], [0, 100]),
        ]),
        child('B', rect(50, 0, 100, 80)),
        child('C', rect(50, 90, 100, 103)),
      ]);
    });

    it.each([
      [
        'GAP',
        'ST_Union(c.boundary, 1e-10)',
        gapRule,
        /GAP: the union of the children of grid P came back empty/,
      ],
      [
        'GAP',
        'ST_Difference(p.boundary, k.children, 1e-10)',
        gapRule,
        /GAP: the difference of grid P and its children lost 3[45]\d\.\d m²/,
      ],
      [
        'OVERLAP',
        'ST_Intersection(a_geom, b_geom, 1e-10)',
        overlapRule,
        /OVERLAP: the overlay of grids A and B lost (199|200)\.\d m²/,
      ],
      [
        'OUTSIDE_PARENT',
        'ST_Difference(c.boundary, p.boundary, 1e-10)',
        outsideParentRule,
        /OUTSIDE_PARENT: the overlay of grid C and its parent P lost (149|150)\.\d m²/,
      ],
    ])(
      '%s raises a coverage engine failure instead of reporting nothing when %s comes back empty',
      async (_id, overlay, rule, message) => {
        await expect(run(broken(rule, overlay))).rejects.toThrow(/coverage engine failure/);
        await expect(run(broken(rule, overlay))).rejects.toThrow(message);
      },
    );
  });
});

describe('area rule messages', () => {
  const row = (measure: number, details: ViolationRow['details']): ViolationRow => ({
    focusId: '1',
    scopeGridId: '1',
    gridIds: ['1', '2'],
    enterpriseIds: [],
    geometry: null,
    measure,
    details,
  });

  it('say the area with thousands separators, zh-CN and en', () => {
    expect(gapRule.message(row(1234.4, { code: '371323101' }), DEFAULT_THRESHOLDS)).toEqual({
      zh: '网格 371323101 内有 1,234 平方米未被任何下级网格覆盖',
      en: '1,234 m² of grid 371323101 is covered by no child grid',
    });
    expect(
      overlapRule.message(
        row(5.04, { codeA: '371323101001', codeB: '371323101002' }),
        DEFAULT_THRESHOLDS,
      ),
    ).toEqual({
      zh: '网格 371323101001 与 371323101002 有 5 平方米相互重叠',
      en: 'grids 371323101001 and 371323101002 overlap by 5 m²',
    });
    expect(
      outsideParentRule.message(
        row(2_345_678, { code: '371323101001', parentCode: '371323101' }),
        DEFAULT_THRESHOLDS,
      ),
    ).toEqual({
      zh: '网格 371323101001 有 2.35 平方公里超出上级网格 371323101 的范围',
      en: '2.35 km² of grid 371323101001 lies outside its parent grid 371323101',
    });
  });
});

describe('area rules on the demo county (seed 7, 2 defects of each kind)', () => {
  let db: TestDatabase;
  let planted: Awaited<ReturnType<typeof loadDemo>>['planted'];
  let codeOf: Map<string, string>;

  beforeAll(async () => {
    db = await openTestDatabase('coverage_area_demo');
    const manifest = await loadDemo(db, generateDemo({ preset: 'county', seed: 7, defects: 2 }));
    planted = manifest.planted;
    const grids: { id: string; code: string }[] = await db.dataSource.query(
      `SELECT id::text AS id, code FROM grid`,
    );
    codeOf = new Map(grids.map((g) => [g.id, g.code]));
  });
  afterAll(async () => db?.close());

  it.each([
    ['GAP', gapRule, false],
    ['OVERLAP', overlapRule, true],
    ['OUTSIDE_PARENT', outsideParentRule, false],
  ] as const)(
    '%s finds exactly the planted violations, nothing else',
    async (_id, rule, unordered) => {
      const found = await runRule(db.dataSource, rule, null, DEFAULT_THRESHOLDS);
      const codes = (ids: string[]) => {
        const c = ids.map((i) => codeOf.get(i) as string);
        return unordered ? [...c].sort() : c;
      };
      const expected = planted.filter((p) => p.rule === rule.id);
      expect(expected).toHaveLength(2);
      const key = (gridCodes: string[]) =>
        (unordered ? [...gridCodes].sort() : gridCodes).join(' ');
      expect(found.map((f) => codes(f.gridIds).join(' ')).sort()).toEqual(
        expected.map((p) => key(p.gridCodes)).sort(),
      );
      for (const p of expected) {
        const f = found.find(
          (v) => codes(v.gridIds).join(' ') === key(p.gridCodes),
        ) as ViolationRow;
        expect(Math.abs((f.measure ?? 0) - (p.measure ?? 0)) / (p.measure ?? 1)).toBeLessThan(0.02);
      }
    },
  );
});
