/**
 * The enterprise and staffing rules of the coverage engine on hand-built fixtures with known
 * answers, then on the demo county with planted defects. Runs on the embedded database and,
 * with DATABASE_URL, on real PostGIS.
 */
import {
  generateDemo,
  loadDemo,
  openTestDatabase,
  SECTOR_RULES,
  type DemoManifest,
  type PlantedDefect,
  type RiskClass,
  type Scale,
  type TestDatabase,
} from '@gridwarden/db';
import { matchSectorRules } from '../../db/src/reference/sector-match';
import {
  DEFAULT_THRESHOLDS,
  type CoverageRule,
  type CoverageThresholds,
  type ViolationRow,
} from '../src/coverage/coverage.types';
import { CoverageService } from '../src/coverage/coverage.service';
import { responsibleGrids, sectorClasses } from '../src/coverage/responsibility';
import { runRule } from '../src/coverage/rule.runner';
import { enterpriseMultiCoveredRule } from '../src/coverage/rules/enterprise-multi-covered.rule';
import { enterpriseNearBoundaryRule } from '../src/coverage/rules/enterprise-near-boundary.rule';
import { enterpriseUncoveredRule } from '../src/coverage/rules/enterprise-uncovered.rule';
import { gridSizeRule } from '../src/coverage/rules/grid-size.rule';
import { gridUnstaffedRule } from '../src/coverage/rules/grid-unstaffed.rule';
import { sectorUnassignedRule } from '../src/coverage/rules/sector-unassigned.rule';
import {
  loadFixture,
  rect,
  resetFixture,
  type Fixture,
  type FixtureEnterprise,
} from './support/coverage-fixture';

const NOW = new Date('2026-06-01T00:00:00+08:00');
const RULES: CoverageRule[] = [
  enterpriseUncoveredRule,
  enterpriseMultiCoveredRule,
  enterpriseNearBoundaryRule,
  gridUnstaffedRule,
  sectorUnassignedRule,
  gridSizeRule,
];

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase('coverage_enterprise');
});
afterAll(async () => db?.close());

const q = <T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> =>
  db.dataSource.query(sql, params);

/** The rule run alone (passes inline); over everything, also checks a full audit agrees. */
async function run(
  rule: CoverageRule,
  focus: string[] | null = null,
  thresholds: CoverageThresholds = DEFAULT_THRESHOLDS,
  now: Date = NOW,
): Promise<ViolationRow[]> {
  const alone = await runRule(db.dataSource, rule, focus, thresholds, now);
  if (focus === null) {
    const audit = await new CoverageService(thresholds).fullAudit(db.dataSource.manager, {
      rules: [rule.id],
      now,
      store: false,
    });
    expect(audit.violations.map(({ rule: _rule, severity: _severity, ...row }) => row)).toEqual(
      alone,
    );
  }
  return alone;
}

/** Names a fixture id back to its key/code, so expectations read in the fixture's words. */
function namer(f: Fixture): (id: string) => string {
  const names = new Map<string, string>();
  for (const [k, id] of f.enterpriseIds) names.set(`e${id}`, k);
  for (const [k, id] of f.gridIds) names.set(`g${id}`, k);
  return (id) => names.get(id) ?? `?${id}`;
}

const enterprisesOf = (f: Fixture, rows: ViolationRow[]): string[] =>
  rows.map((r) => namer(f)(`e${r.focusId}`));
const gridsOf = (f: Fixture, ids: string[]): string[] => ids.map((id) => namer(f)(`g${id}`));

describe('enterprise coverage on a row of base grids', () => {
  // Level 1 P spans 0–400 m; base grids A [0,100], B [100,200], C [170,300] (C overlaps B by
  // 30 m); 300–400 m of P has no base grid.
  let f: Fixture;
  const ents: FixtureEnterprise[] = [
    { key: 'inside', x: 50, y: 50 },
    { key: 'sharedEdge', x: 100, y: 50 },
    { key: 'outerEdge', x: 0, y: 50 },
    { key: 'outsideAll', x: -50, y: 50 },
    { key: 'inParentOnly', x: 350, y: 50 },
    { key: 'inOverlap', x: 185, y: 50 },
    { key: 'overlapEdge', x: 170, y: 50 },
    { key: 'closedOutside', x: -60, y: 50, status: 'CLOSED' },
    { key: 'closedInOverlap', x: 186, y: 50, status: 'CLOSED' },
    { key: 'closedOnEdge', x: 100, y: 40, status: 'CLOSED' },
    { key: 'suspendedOutside', x: -70, y: 50, status: 'SUSPENDED' },
  ];
  beforeAll(async () => {
    await resetFixture(db);
    f = await loadFixture(
      db,
      [
        { code: 'P', level: 1, polygons: [rect(0, 0, 400, 100)] },
        { code: 'A', level: 2, parent: 'P', polygons: [rect(0, 0, 100, 100)] },
        { code: 'B', level: 2, parent: 'P', polygons: [rect(100, 0, 200, 100)] },
        { code: 'C', level: 2, parent: 'P', polygons: [rect(170, 0, 300, 100)] },
      ],
      ents,
    );
  });

  it('gives a point on the edge two base grids share exactly one base grid, by smallest code', async () => {
    const [row] = await q<{ code: string }>(
      `SELECT g.code FROM enterprise e JOIN grid g ON g.id = e.base_grid_id WHERE e.name = 'sharedEdge'`,
    );
    expect(row.code).toBe('A');
  });

  it('reports enterprises outside every base grid, not those on an outer or shared edge, nor CLOSED ones', async () => {
    const rows = await run(enterpriseUncoveredRule);
    expect(enterprisesOf(f, rows)).toEqual(['outsideAll', 'inParentOnly', 'suspendedOutside']);
    const byKey = new Map(rows.map((r) => [namer(f)(`e${r.focusId}`), r]));
    expect(byKey.get('outsideAll')?.scopeGridId).toBeNull();
    expect(byKey.get('inParentOnly')?.scopeGridId).toBe(f.gridIds.get('P'));
    expect(byKey.get('inParentOnly')?.gridIds).toEqual([]);
    expect(byKey.get('inParentOnly')?.enterpriseIds).toEqual([f.enterpriseIds.get('inParentOnly')]);
    expect(JSON.parse(byKey.get('outsideAll')?.geometry ?? 'null')).toMatchObject({
      type: 'Point',
    });
    const message = enterpriseUncoveredRule.message(rows[0], DEFAULT_THRESHOLDS);
    expect(message.zh).toContain('不在任何基础网格内');
    expect(message.en).toContain('lies in no base grid');
  });

  it('ignores base_grid_id and decides coverage from the location', async () => {
    await q(
      `UPDATE enterprise SET base_grid_id = (SELECT id FROM grid WHERE code = 'A') WHERE name = 'outsideAll'`,
    );
    await q(`UPDATE enterprise SET base_grid_id = NULL WHERE name = 'inside'`);
    try {
      expect(enterprisesOf(f, await run(enterpriseUncoveredRule))).toEqual([
        'outsideAll',
        'inParentOnly',
        'suspendedOutside',
      ]);
    } finally {
      await q(`UPDATE enterprise SET base_grid_id = NULL WHERE name = 'outsideAll'`);
      await q(
        `UPDATE enterprise SET base_grid_id = (SELECT id FROM grid WHERE code = 'A') WHERE name = 'inside'`,
      );
    }
  });

  it('reports a point inside an overlap area and on its edge as multi-covered, not one on a shared edge', async () => {
    const rows = await run(enterpriseMultiCoveredRule);
    expect(enterprisesOf(f, rows)).toEqual(['inOverlap', 'overlapEdge']);
    for (const row of rows) {
      expect(gridsOf(f, row.gridIds)).toEqual(['B', 'C']);
      expect(row.measure).toBe(2);
      expect(row.scopeGridId).toBe(f.gridIds.get('B'));
    }
    expect(enterpriseMultiCoveredRule.message(rows[0], DEFAULT_THRESHOLDS).zh).toContain('B, C');
  });

  it('reports points on an outer or shared edge as near the boundary at 0 m, with every grid they touch', async () => {
    const rows = await run(enterpriseNearBoundaryRule);
    const byKey = new Map(rows.map((r) => [namer(f)(`e${r.focusId}`), r]));
    expect([...byKey.keys()]).toEqual(['sharedEdge', 'outerEdge', 'overlapEdge']);
    expect(byKey.get('outerEdge')?.measure).toBeCloseTo(0, 3);
    expect(gridsOf(f, byKey.get('outerEdge')?.gridIds ?? [])).toEqual(['A']);
    expect(gridsOf(f, byKey.get('sharedEdge')?.gridIds ?? [])).toEqual(['A', 'B']);
    // on C's edge, 30 m inside B: only C's edge is near
    expect(gridsOf(f, byKey.get('overlapEdge')?.gridIds ?? [])).toEqual(['C']);
  });

  it('restricts every enterprise rule to the focus enterprises', async () => {
    const focus = ['inParentOnly', 'inOverlap', 'sharedEdge'].map(
      (k) => f.enterpriseIds.get(k) as string,
    );
    expect(enterprisesOf(f, await run(enterpriseUncoveredRule, focus))).toEqual(['inParentOnly']);
    expect(enterprisesOf(f, await run(enterpriseMultiCoveredRule, focus))).toEqual(['inOverlap']);
    expect(enterprisesOf(f, await run(enterpriseNearBoundaryRule, focus))).toEqual(['sharedEdge']);
    const inside = [f.enterpriseIds.get('inside') as string];
    for (const rule of [
      enterpriseUncoveredRule,
      enterpriseMultiCoveredRule,
      enterpriseNearBoundaryRule,
    ])
      expect(await run(rule, inside)).toEqual([]);
  });
});

describe('ENTERPRISE_NEAR_BOUNDARY thresholds', () => {
  let f: Fixture;
  beforeAll(async () => {
    await resetFixture(db);
    f = await loadFixture(
      db,
      [
        { code: 'P', level: 1, polygons: [rect(0, 0, 400, 400)] },
        { code: 'A', level: 2, parent: 'P', polygons: [rect(0, 0, 200, 400)] },
        { code: 'B', level: 2, parent: 'P', polygons: [rect(200, 0, 400, 400)] },
      ],
      [
        { key: 'at5', x: 195, y: 200 },
        { key: 'at15', x: 185, y: 200 },
        { key: 'at5outer', x: 300, y: 395 },
        { key: 'middle', x: 100, y: 200 },
        { key: 'closedAt5', x: 205, y: 100, status: 'CLOSED' },
      ],
    );
  });

  it('reports an enterprise 5 m from its base grid edge with a measure of about 5 m, not one at 15 m', async () => {
    const rows = await run(enterpriseNearBoundaryRule);
    expect(enterprisesOf(f, rows)).toEqual(['at5', 'at5outer']);
    expect(rows[0].measure).toBeCloseTo(5, 1);
    expect(gridsOf(f, rows[0].gridIds)).toEqual(['A']);
    expect(rows[1].measure).toBeCloseTo(5, 1);
    expect(gridsOf(f, rows[1].gridIds)).toEqual(['B']);
    const message = enterpriseNearBoundaryRule.message(rows[0], DEFAULT_THRESHOLDS);
    expect(message.zh).toContain('5 米');
    expect(message.en).toContain('5 m from the edge of its base grid A');
  });

  it('follows the configured distance', async () => {
    const rows = await run(enterpriseNearBoundaryRule, null, {
      ...DEFAULT_THRESHOLDS,
      nearBoundaryM: 20,
    });
    expect(enterprisesOf(f, rows)).toEqual(['at5', 'at15', 'at5outer']);
    expect(rows[1].measure).toBeCloseTo(15, 1);
    expect(
      await run(enterpriseNearBoundaryRule, null, { ...DEFAULT_THRESHOLDS, nearBoundaryM: 4 }),
    ).toEqual([]);
  });
});

describe('GRID_UNSTAFFED', () => {
  let f: Fixture;
  beforeAll(async () => {
    await resetFixture(db);
    f = await loadFixture(db, [
      { code: 'P', level: 1, polygons: [rect(0, 0, 400, 100)] },
      { code: 'ENDED', level: 2, parent: 'P', polygons: [rect(0, 0, 100, 100)], staffed: false },
      {
        code: 'ENDS-LATER',
        level: 2,
        parent: 'P',
        polygons: [rect(100, 0, 200, 100)],
        staffed: false,
      },
      {
        code: 'NOT-YET',
        level: 2,
        parent: 'P',
        polygons: [rect(200, 0, 300, 100)],
        staffed: false,
      },
      { code: 'STAFFED', level: 2, parent: 'P', polygons: [rect(300, 0, 400, 100)] },
    ]);
    const assign = (code: string, role: string, since: string, until: string | null) =>
      q(
        `WITH p AS (INSERT INTO person (name) VALUES ($1) RETURNING id)
         INSERT INTO grid_assignment (grid_id, person_id, role, since, until)
         SELECT g.id, p.id, $2, $3, $4 FROM grid g, p WHERE g.code = $1`,
        [code, role, since, until],
      );
    await assign('ENDED', 'OFFICER', '2024-01-01T00:00:00+08:00', '2026-03-01T00:00:00+08:00');
    // a responsible person is not a leader or officer
    await assign('ENDED', 'RESPONSIBLE_PERSON', '2024-01-01T00:00:00+08:00', null);
    await assign('ENDS-LATER', 'OFFICER', '2024-01-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00');
    await assign('NOT-YET', 'OFFICER', '2026-07-01T00:00:00+08:00', null);
  });

  it('reports a grid whose only officer left, not one whose officer leaves in the future', async () => {
    const rows = await run(gridUnstaffedRule);
    expect(
      gridsOf(
        f,
        rows.map((r) => r.focusId),
      ),
    ).toEqual(['ENDED', 'NOT-YET']);
    const ended = rows[0];
    expect(ended.gridIds).toEqual([f.gridIds.get('ENDED')]);
    expect(ended.scopeGridId).toBe(f.gridIds.get('ENDED'));
    expect(ended.details).toMatchObject({ code: 'ENDED', lastUntil: '2026-03-01' });
    expect(JSON.parse(ended.geometry ?? 'null')).toMatchObject({ type: 'Point' });
    expect(gridUnstaffedRule.message(ended, DEFAULT_THRESHOLDS).zh).toContain('2026-03-01');
  });

  it('judges staffing at the audit time', async () => {
    const later = new Date('2027-02-01T00:00:00+08:00');
    expect(
      gridsOf(
        f,
        (await run(gridUnstaffedRule, null, DEFAULT_THRESHOLDS, later)).map((r) => r.focusId),
      ),
    ).toEqual(['ENDED', 'ENDS-LATER']);
  });

  it('restricts itself to the focus grids', async () => {
    const focus = [f.gridIds.get('NOT-YET') as string, f.gridIds.get('STAFFED') as string];
    expect(
      gridsOf(
        f,
        (await run(gridUnstaffedRule, focus)).map((r) => r.focusId),
      ),
    ).toEqual(['NOT-YET']);
  });
});

describe('SECTOR_UNASSIGNED', () => {
  let f: Fixture;
  const ents: FixtureEnterprise[] = [
    { key: 'realEstate', x: 10, y: 10, industryCode: 'L7211' },
    { key: 'nineSmallUnmapped', x: 20, y: 10, industryCode: 'J6930', nineSmall: true },
    {
      key: 'chemicalsUnmapped',
      x: 30,
      y: 10,
      industryCode: 'M7320',
      riskClasses: ['HAZARDOUS_CHEMICALS'],
    },
    { key: 'keyFireUnmapped', x: 40, y: 10, industryCode: 'K7010' },
    { key: 'factory', x: 50, y: 10, industryCode: 'C3311' },
    { key: 'petrolStation', x: 60, y: 10, industryCode: 'F5265' },
    { key: 'closedRealEstate', x: 70, y: 10, industryCode: 'L7212', status: 'CLOSED' },
    { key: 'outsideUnmapped', x: -30, y: 10, industryCode: 'S7910' },
  ];
  beforeAll(async () => {
    await resetFixture(db);
    f = await loadFixture(
      db,
      [
        { code: 'P', level: 1, polygons: [rect(0, 0, 100, 100)] },
        { code: 'A', level: 2, parent: 'P', polygons: [rect(0, 0, 100, 100)] },
      ],
      ents,
    );
    await q(`UPDATE enterprise SET key_fire_unit = true WHERE name = 'keyFireUnmapped'`);
  });

  it('reports an industry no rule maps, not a nine-small venue, a key fire unit or a high-risk firm in one, nor a CLOSED firm', async () => {
    const rows = await run(sectorUnassignedRule);
    expect(enterprisesOf(f, rows)).toEqual(['realEstate', 'outsideUnmapped']);
    expect(gridsOf(f, rows[0].gridIds)).toEqual(['A']);
    expect(rows[0].scopeGridId).toBe(f.gridIds.get('A'));
    expect(rows[1].gridIds).toEqual([]);
    expect(rows[1].scopeGridId).toBeNull();
    const message = sectorUnassignedRule.message(rows[0], DEFAULT_THRESHOLDS);
    expect(message.zh).toContain('L7211');
    expect(message.zh).toContain('责任空档');
  });

  it('agrees with matchSectorRules on every enterprise', async () => {
    const rows = await q<{
      id: string;
      name: string;
      industry_code: string;
      scale: Scale;
      risk_classes: RiskClass[];
      major_hazard: boolean;
      nine_small: boolean;
      key_fire_unit: boolean;
      status: string;
    }>(`SELECT id::text, name, industry_code, scale, risk_classes, major_hazard, nine_small, key_fire_unit, status
        FROM enterprise ORDER BY id`);
    const expected = rows
      .filter((e) => e.status !== 'CLOSED')
      .filter(
        (e) =>
          matchSectorRules(
            e.industry_code,
            sectorClasses({
              scale: e.scale,
              industryCode: e.industry_code,
              riskClasses: e.risk_classes,
              majorHazard: e.major_hazard,
              nineSmall: e.nine_small,
              keyFireUnit: e.key_fire_unit,
            }),
            SECTOR_RULES,
          ).length === 0,
      )
      .map((e) => e.name);
    expect(enterprisesOf(f, await run(sectorUnassignedRule))).toEqual(expected);
  });

  it('restricts itself to the focus enterprises', async () => {
    const focus = ['outsideUnmapped', 'factory'].map((k) => f.enterpriseIds.get(k) as string);
    expect(enterprisesOf(f, await run(sectorUnassignedRule, focus))).toEqual(['outsideUnmapped']);
  });
});

describe('GRID_SIZE', () => {
  let f: Fixture;
  const SIZES: [string, number, boolean][] = [
    ['N49', 49, false],
    ['N50', 50, false],
    ['N100', 100, false],
    ['N101', 101, false],
    ['EXEMPT', 3, true],
    ['EMPTY', 0, false],
  ];
  beforeAll(async () => {
    await resetFixture(db);
    const ents: FixtureEnterprise[] = [];
    SIZES.forEach(([code, n], i) => {
      for (let k = 0; k < n; k++)
        ents.push({
          key: `${code}-${k}`,
          x: i * 100 + 10 + (k % 10) * 8,
          y: 10 + Math.floor(k / 10) * 8,
        });
    });
    // CLOSED firms do not count: N49 stays under the minimum
    ents.push({ key: 'closed-1', x: 20, y: 95, status: 'CLOSED' });
    ents.push({ key: 'closed-2', x: 30, y: 95, status: 'CLOSED' });
    f = await loadFixture(
      db,
      [
        { code: 'P', level: 1, polygons: [rect(0, 0, 600, 100)] },
        ...SIZES.map(([code, , exempt], i) => ({
          code,
          level: 2,
          parent: 'P',
          polygons: [rect(i * 100, 0, i * 100 + 100, 100)],
          sizeExempt: exempt,
        })),
      ],
      ents,
    );
  });

  it('reports non-exempt base grids under 50 or over 100 enterprises, counting no CLOSED ones', async () => {
    const rows = await run(gridSizeRule);
    expect(rows.map((r) => [namer(f)(`g${r.focusId}`), r.measure])).toEqual([
      ['N49', 49],
      ['N101', 101],
      ['EMPTY', 0],
    ]);
    expect(rows[0].details).toMatchObject({ code: 'N49', count: 49, min: 50, max: 100 });
    expect(gridSizeRule.message(rows[0], DEFAULT_THRESHOLDS).zh).toContain('49 家企业');
    expect(gridSizeRule.message(rows[1], DEFAULT_THRESHOLDS).en).toContain('more than the 50–100');
  });

  it('follows the configured limits and leaves the top level alone', async () => {
    const rows = await run(gridSizeRule, null, {
      ...DEFAULT_THRESHOLDS,
      gridSizeMin: 0,
      gridSizeMax: 49,
    });
    expect(
      gridsOf(
        f,
        rows.map((r) => r.focusId),
      ),
    ).toEqual(['N50', 'N100', 'N101']);
  });

  it('restricts itself to the focus grids', async () => {
    const focus = ['N50', 'N101', 'P'].map((k) => f.gridIds.get(k) as string);
    expect(
      gridsOf(
        f,
        (await run(gridSizeRule, focus)).map((r) => r.focusId),
      ),
    ).toEqual(['N101']);
  });
});

describe('responsibility of enterprises (seed 000 art. 17)', () => {
  let f: Fixture;
  beforeAll(async () => {
    await resetFixture(db);
    f = await loadFixture(
      db,
      [
        { code: 'T', level: 1, polygons: [rect(0, 0, 200, 100)] },
        { code: 'W', level: 2, parent: 'T', polygons: [rect(0, 0, 200, 100)] },
        { code: 'V', level: 3, parent: 'W', polygons: [rect(0, 0, 200, 100)] },
        { code: 'B1', level: 4, parent: 'V', polygons: [rect(0, 0, 100, 100)] },
        { code: 'B2', level: 4, parent: 'V', polygons: [rect(100, 0, 200, 100)] },
      ],
      [
        { key: 'above', x: 10, y: 10, industryCode: 'C3311' },
        { key: 'below', x: 20, y: 10, industryCode: 'C3311' },
        { key: 'nineSmall', x: 150, y: 10, industryCode: 'J6930', nineSmall: true },
        { key: 'micro', x: 160, y: 10, industryCode: 'L7211' },
        {
          key: 'chemicals',
          x: 170,
          y: 10,
          industryCode: 'C2614',
          riskClasses: ['HAZARDOUS_CHEMICALS'],
        },
        { key: 'outside', x: -10, y: 10, industryCode: 'E4710' },
      ],
    );
    await q(`UPDATE enterprise SET scale = 'ABOVE' WHERE name = 'above'`);
    await q(`UPDATE enterprise SET scale = 'BELOW' WHERE name IN ('below', 'outside')`);
    const classes: [number, string[]][] = [
      [1, ['ABOVE_SCALE', 'HIGH_RISK']],
      [2, ['BELOW_SCALE']],
      [3, ['NINE_SMALL', 'KEY_FIRE_UNIT', 'CONSTRUCTION', 'TRADE_LOGISTICS', 'AGRICULTURE']],
      [4, ['MICRO_INDIVIDUAL']],
    ];
    for (const [level, list] of classes)
      await q(`UPDATE grid_level SET enterprise_classes = $2 WHERE level = $1`, [level, list]);
  });

  it('answers with the highest level watching one of its classes, its base grid and its departments', async () => {
    const ids = [...f.enterpriseIds.values()];
    const rows = await responsibleGrids(db.dataSource, ids);
    const view = Object.fromEntries(
      rows.map((r) => [
        namer(f)(`e${r.enterpriseId}`),
        [
          r.baseGridId && namer(f)(`g${r.baseGridId}`),
          r.responsibleGridId && namer(f)(`g${r.responsibleGridId}`),
          r.responsibleLevel,
          r.departments,
        ],
      ]),
    );
    expect(view).toEqual({
      above: ['B1', 'T', 1, ['ECONOMIC']],
      below: ['B1', 'W', 2, ['ECONOMIC']],
      nineSmall: ['B2', 'V', 3, ['POLICE']],
      micro: ['B2', 'B2', 4, []],
      chemicals: ['B2', 'T', 1, ['ECONOMIC', 'EMERGENCY']],
      outside: [null, null, null, ['PLANNING']],
    });
    expect(rows.find((r) => r.enterpriseId === f.enterpriseIds.get('nineSmall'))?.classes).toEqual([
      'NINE_SMALL',
      'MICRO_INDIVIDUAL',
    ]);
  });

  it('falls back to the base grid when no level watches its classes', async () => {
    await q(`UPDATE grid_level SET enterprise_classes = '{}'`);
    const [row] = await responsibleGrids(db.dataSource, [f.enterpriseIds.get('above') as string]);
    expect([row.responsibleGridId, row.responsibleLevel]).toEqual([f.gridIds.get('B1'), 4]);
  });
});

describe('the demo county with planted defects', () => {
  const SEED = 7;
  const DEFECTS = 2;
  let manifest: DemoManifest;
  let idOf: Map<string, string>;
  let gridOf: Map<string, string>;
  let closed: Set<string>;
  const timings: string[] = [];

  beforeAll(async () => {
    await resetFixture(db);
    manifest = await loadDemo(db, generateDemo({ preset: 'county', seed: SEED, defects: DEFECTS }));
    const ents = await q<{ id: string; uscc: string; status: string }>(
      `SELECT id::text, uscc, status FROM enterprise`,
    );
    idOf = new Map(ents.map((e) => [e.uscc, e.id]));
    closed = new Set(ents.filter((e) => e.status === 'CLOSED').map((e) => e.uscc));
    const grids = await q<{ id: string; code: string }>(`SELECT id::text, code FROM grid`);
    gridOf = new Map(grids.map((g) => [g.code, g.id]));
  });
  afterAll(() => {
    if (timings.length) console.log(`coverage rules on the demo county: ${timings.join(', ')}`);
  });

  const planted = (rule: PlantedDefect['rule']) => manifest.planted.filter((p) => p.rule === rule);
  /** CLOSED enterprises are out of every enterprise rule, planted or not. */
  const plantedEnterprises = (rule: PlantedDefect['rule']) =>
    planted(rule)
      .flatMap((p) => p.usccs)
      .filter((u) => !closed.has(u))
      .map((u) => idOf.get(u) as string)
      .sort((a, b) => Number(a) - Number(b));
  const plantedGrids = (rule: PlantedDefect['rule']) =>
    planted(rule)
      .map((p) => gridOf.get(p.gridCodes[0]) as string)
      .sort((a, b) => Number(a) - Number(b));

  async function audit(now: Date): Promise<Map<string, ViolationRow[]>> {
    const found = new Map<string, ViolationRow[]>();
    for (const rule of RULES) {
      const started = performance.now();
      found.set(rule.id, await run(rule, null, DEFAULT_THRESHOLDS, now));
      if (now === NOW) timings.push(`${rule.id} ${Math.round(performance.now() - started)} ms`);
    }
    return found;
  }

  for (const [label, now] of [
    ['an audit on 2026-06-01', NOW],
    ['an audit now', new Date()],
  ] as const) {
    it(`finds exactly the planted defects and nothing else in ${label}`, async () => {
      const found = await audit(now);
      const ids = (rule: string) => (found.get(rule) ?? []).map((r) => r.focusId);
      expect(ids('ENTERPRISE_UNCOVERED')).toEqual(plantedEnterprises('ENTERPRISE_UNCOVERED'));
      expect(ids('ENTERPRISE_MULTI_COVERED')).toEqual(
        plantedEnterprises('ENTERPRISE_MULTI_COVERED'),
      );
      expect(ids('SECTOR_UNASSIGNED')).toEqual(plantedEnterprises('SECTOR_UNASSIGNED'));
      expect(ids('GRID_UNSTAFFED')).toEqual(plantedGrids('GRID_UNSTAFFED'));
      expect(ids('GRID_SIZE')).toEqual(plantedGrids('GRID_SIZE'));
      // the generator keeps firms at least 25 m from every edge
      expect(ids('ENTERPRISE_NEAR_BOUNDARY')).toEqual([]);

      for (const p of planted('ENTERPRISE_MULTI_COVERED').filter((p) => !closed.has(p.usccs[0]))) {
        const row = found
          .get('ENTERPRISE_MULTI_COVERED')
          ?.find((r) => r.focusId === idOf.get(p.usccs[0]));
        expect(row?.details.codes).toBe([...p.gridCodes].sort().join(', '));
      }
      for (const p of planted('SECTOR_UNASSIGNED')) {
        const row = found.get('SECTOR_UNASSIGNED')?.find((r) => r.focusId === idOf.get(p.usccs[0]));
        expect(row?.gridIds).toEqual([gridOf.get(p.gridCodes[0])]);
      }
      for (const p of planted('GRID_SIZE')) {
        const row = found.get('GRID_SIZE')?.find((r) => r.focusId === gridOf.get(p.gridCodes[0]));
        // the manifest counts every firm; the rule leaves CLOSED ones out (at most 4 per dense grid)
        expect(row?.measure).toBeLessThanOrEqual(p.measure ?? 0);
        expect(row?.measure).toBeGreaterThanOrEqual((p.measure ?? 0) - 4);
      }
    });
  }

  it('leaves a planted enterprise that is CLOSED unreported', async () => {
    const closedPlanted = manifest.planted
      .filter((p) => p.rule.startsWith('ENTERPRISE') || p.rule === 'SECTOR_UNASSIGNED')
      .flatMap((p) => p.usccs)
      .filter((u) => closed.has(u))
      .map((u) => idOf.get(u) as string);
    const reported = (
      await Promise.all(
        [enterpriseUncoveredRule, enterpriseMultiCoveredRule, sectorUnassignedRule].map((r) =>
          run(r, closedPlanted),
        ),
      )
    ).flat();
    expect(reported).toEqual([]);
  });
});
