/**
 * The read API on the demo county with planted defects: list filters checked against the
 * same rows filtered in JavaScript (and with turf for the geometry), keyset pages, locate
 * against the stored base-grid derivation, violations against the audit that stored them,
 * batching of nested fields, and one town's scope.
 */
import {
  generateDemo,
  loadDemo,
  openTestDatabase,
  type DemoEnterprise,
  type DemoManifest,
  type TestDatabase,
} from '@gridwarden/db';
import * as turf from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { matchSectorRules } from '../../db/src/reference/sector-match';
import type { Viewer } from '../src/auth/viewer';
import { sectorClasses } from '../src/coverage/responsibility';
import { CoverageService, type AuditResult } from '../src/coverage/coverage.service';
import { DEFAULT_THRESHOLDS, RULE_IDS } from '../src/coverage/coverage.types';
import { startTestServer, type GraphQLResponse, type TestServer } from './support/test-server';

interface GridRow {
  id: string;
  code: string;
  name: string;
  level: number;
  parentId: string | null;
}
type EnterpriseRow = Pick<
  DemoEnterprise,
  | 'uscc'
  | 'name'
  | 'lon'
  | 'lat'
  | 'industryCode'
  | 'scale'
  | 'riskClasses'
  | 'nineSmall'
  | 'keyFireUnit'
  | 'majorHazard'
> & { id: string; baseGridId: string | null };
interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
}

const GRID_FIELDS = 'id code name level parentId';
const ENTERPRISE_FIELDS =
  'id uscc name lon lat industryCode scale riskClasses nineSmall keyFireUnit majorHazard baseGridId';

function data<T>(res: GraphQLResponse<T>): T {
  expect(res.errors).toBeUndefined();
  return res.data as T;
}

/** Every node of a list, page by page; checks the pages are in id order without repeats. */
async function pageAll<T extends { id: string }>(
  server: TestServer,
  field: string,
  args: string,
  fields: string,
  first: number,
  variables: Record<string, unknown> = {},
): Promise<{ nodes: T[]; totalCount: number; pages: number }> {
  const declared = Object.keys(variables)
    .map((k) => `, $${k}: ${variableTypes[k]}`)
    .join('');
  const query = `query($after: String${declared}) { page: ${field}(${args} first: ${first}, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${fields} } } } }`;
  const nodes: T[] = [];
  let after: string | null = null;
  let totalCount = 0;
  let pages = 0;
  for (;;) {
    const page: Page<T> = data(
      await server.graphql<{ page: Page<T> }>(query, { ...variables, after }),
    ).page;
    pages++;
    totalCount = page.totalCount;
    nodes.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  const ids = nodes.map((n) => BigInt(n.id));
  expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  expect(new Set(ids).size).toBe(ids.length);
  return { nodes, totalCount, pages };
}

const variableTypes: Record<string, string> = {
  bbox: '[Float!]',
  shape: 'GeoJSON',
  search: 'String',
  prefix: 'String',
  grid: 'ID',
};

const byId = (a: { id: string }, b: { id: string }) => Number(a.id) - Number(b.id);
const ids = (rows: { id: string }[]) => [...rows].sort(byId).map((r) => r.id);

describe('reads on the demo county with planted defects', () => {
  let db: TestDatabase;
  let manifest: DemoManifest;
  let audit: AuditResult;
  let county: TestServer;
  let townServer: TestServer;
  let grids: GridRow[];
  let enterprises: EnterpriseRow[];
  let town: GridRow;
  let otherTown: GridRow;
  const gridById = new Map<string, GridRow>();
  // The scope contract: what lies in no grid at all (the planted enterprises outside the
  // county's border) is the top level's, so the county sees every stored violation.
  const visible = () => audit.violations;

  beforeAll(async () => {
    db = await openTestDatabase('reads_demo');
    manifest = await loadDemo(db, generateDemo({ preset: 'county', seed: 7, defects: 2 }));
    audit = await db.dataSource.transaction((tx) =>
      new CoverageService(DEFAULT_THRESHOLDS).fullAudit(tx),
    );
    const [root] = await db.dataSource.query(`SELECT id::text AS id FROM grid WHERE level = 1`);
    const viewer = (scopeGridId: string): Viewer => ({
      userId: '1',
      username: 'supervisor',
      role: 'SUPERVISOR',
      scopeGridId,
      personId: null,
    });
    county = await startTestServer(db, { viewer: viewer(root.id) });
    grids = (await pageAll<GridRow>(county, 'grids', '', GRID_FIELDS, 2000)).nodes;
    enterprises = (await pageAll<EnterpriseRow>(county, 'enterprises', '', ENTERPRISE_FIELDS, 2500))
      .nodes;
    for (const g of grids) gridById.set(g.id, g);
    // the town of the first planted gap, and another one
    const gap = manifest.planted.find((p) => p.rule === 'GAP');
    town = grids.find((g) => g.level === 2 && gap?.gridCodes[0].startsWith(g.code)) as GridRow;
    otherTown = grids.find((g) => g.level === 2 && g.id !== town.id) as GridRow;
    townServer = await startTestServer(db, { viewer: viewer(town.id) });
  });
  afterAll(async () => {
    await county?.close();
    await townServer?.close();
    await db?.close();
  });

  const boundaries = async (where: string): Promise<Map<string, MultiPolygon>> => {
    const rows: { id: string; b: MultiPolygon }[] = await db.dataSource.query(
      `SELECT id::text AS id, ST_AsGeoJSON(boundary)::json AS b FROM grid WHERE ${where}`,
    );
    return new Map(rows.map((r) => [r.id, r.b]));
  };

  describe('grids', () => {
    it('narrows by level, code prefix and name, combined, over keyset pages', async () => {
      const expected = grids.filter((g) => g.level === 4 && g.code.startsWith(town.code));
      const paged = await pageAll<GridRow>(
        county,
        'grids',
        'level: 4, codePrefix: $prefix,',
        GRID_FIELDS,
        7,
        { prefix: town.code },
      );
      expect(paged.totalCount).toBe(expected.length);
      expect(paged.pages).toBe(Math.ceil(expected.length / 7));
      expect(ids(paged.nodes)).toEqual(ids(expected));

      const village = grids.find((g) => g.level === 3 && g.code.startsWith(town.code)) as GridRow;
      const fragment = village.name.slice(0, 2);
      const named = await pageAll<GridRow>(county, 'grids', 'search: $search,', GRID_FIELDS, 50, {
        search: fragment,
      });
      expect(ids(named.nodes)).toEqual(ids(grids.filter((g) => g.name.includes(fragment))));
      expect(named.totalCount).toBeGreaterThan(0);

      const children = await pageAll<GridRow>(
        county,
        'grids',
        'parentId: $grid, search: $search,',
        GRID_FIELDS,
        5,
        { grid: village.id, search: '网格' },
      );
      expect(ids(children.nodes)).toEqual(
        ids(grids.filter((g) => g.parentId === village.id && g.name.includes('网格'))),
      );
    });

    it('finds the grids meeting a box or a drawn shape, as turf does', async () => {
      const villages = await boundaries('level = 3');
      const e = enterprises.find((x) => x.baseGridId != null) as EnterpriseRow;
      const bbox = [e.lon - 0.0123, e.lat - 0.0071, e.lon + 0.0089, e.lat + 0.0057];
      const inBox = await pageAll<GridRow>(county, 'grids', 'level: 3, bbox: $bbox,', 'id', 100, {
        bbox,
      });
      const box = turf.bboxPolygon(bbox as [number, number, number, number]);
      const expectedBox = [...villages].filter(([, b]) => turf.booleanIntersects(box, b));
      expect(inBox.nodes.map((n) => n.id).sort()).toEqual(expectedBox.map(([id]) => id).sort());
      expect(expectedBox.length).toBeGreaterThan(1);

      const triangle: Polygon = {
        type: 'Polygon',
        coordinates: [
          [
            [e.lon - 0.02, e.lat - 0.015],
            [e.lon + 0.025, e.lat - 0.01],
            [e.lon, e.lat + 0.02],
            [e.lon - 0.02, e.lat - 0.015],
          ],
        ],
      };
      const inShape = await pageAll<GridRow>(
        county,
        'grids',
        'level: 3, intersects: $shape,',
        'id',
        100,
        { shape: triangle },
      );
      const expectedShape = [...villages].filter(([, b]) => turf.booleanIntersects(triangle, b));
      expect(inShape.nodes.map((n) => n.id).sort()).toEqual(expectedShape.map(([id]) => id).sort());
      const atPoint = await pageAll<GridRow>(county, 'grids', 'intersects: $shape,', 'id', 100, {
        shape: { type: 'Point', coordinates: [e.lon, e.lat] },
      });
      expect(atPoint.nodes.map((n) => n.id)).toContain(e.baseGridId);
    });

    it('refuses bad filter values with BAD_USER_INPUT saying what is wrong', async () => {
      const bowtie = {
        type: 'Polygon',
        coordinates: [
          [
            [118, 35],
            [119, 36],
            [119, 35],
            [118, 36],
            [118, 35],
          ],
        ],
      };
      const cases: [string, Record<string, unknown>, RegExp][] = [
        ['bbox: [118, 35, 119]', {}, /"bbox": bbox must be 4 numbers/],
        ['bbox: [119, 35, 118, 36]', {}, /must not exceed its maximum/],
        ['bbox: [118, 35, 119, 95]', {}, /latitude 95 is outside −90…90/],
        [
          'intersects: $shape',
          { shape: bowtie },
          /"intersects": ring 0 of polygon 0 crosses itself/,
        ],
        ['codePrefix: "37%"', {}, /"codePrefix" must be 1–64 letters, digits or '-'/],
        ['search: "   "', {}, /"search" must be 1–64 characters besides spaces/],
        ['level: 0', {}, /"level" must be a level from 1 to 9; got 0/],
        ['parentId: "x1"', {}, /"parentId" must be a decimal id; got "x1"/],
      ];
      for (const [args, variables, message] of cases) {
        const declared = args.includes('$shape') ? '($shape: GeoJSON)' : '';
        const res = await county.graphql(
          `query${declared} { grids(${args}) { totalCount } }`,
          variables,
        );
        expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
        expect(res.errors?.[0].message).toMatch(message);
      }
    });
  });

  describe('enterprises', () => {
    const list = (args: string, variables: Record<string, unknown> = {}, first = 5000) =>
      pageAll<EnterpriseRow>(county, 'enterprises', args, 'id', first, variables);

    it('narrows by scale, risk class, sector department, uncovered and search', async () => {
      const below = await list('scale: BELOW,');
      expect(ids(below.nodes)).toEqual(ids(enterprises.filter((e) => e.scale === 'BELOW')));

      const chemicals = await list('riskClass: "HAZARDOUS_CHEMICALS",');
      const expectedChemicals = enterprises.filter((e) =>
        e.riskClasses.includes('HAZARDOUS_CHEMICALS'),
      );
      expect(ids(chemicals.nodes)).toEqual(ids(expectedChemicals));
      expect(expectedChemicals.length).toBeGreaterThan(0);

      for (const department of ['EDUCATION', 'POLICE', 'EMERGENCY']) {
        const found = await list(`departmentCode: "${department}",`);
        const expected = enterprises.filter((e) =>
          matchSectorRules(e.industryCode, sectorClasses(e)).includes(department),
        );
        expect({ department, ids: ids(found.nodes) }).toEqual({ department, ids: ids(expected) });
        expect(expected.length).toBeGreaterThan(0);
      }

      const uncovered = await list('uncoveredOnly: true,');
      expect(ids(uncovered.nodes)).toEqual(ids(enterprises.filter((e) => e.baseGridId == null)));
      const planted = manifest.planted
        .filter((p) => p.rule === 'ENTERPRISE_UNCOVERED')
        .flatMap((p) => p.usccs);
      const uncoveredUsccs = new Set(
        enterprises.filter((e) => e.baseGridId == null).map((e) => e.uscc),
      );
      expect(planted.length).toBeGreaterThan(0);
      // what lies in no grid at all (the planted enterprises beyond the border) is the top
      // level's to resolve, so the county sees every planted uncovered enterprise
      expect(planted.every((u) => uncoveredUsccs.has(u))).toBe(true);

      const sample = enterprises[Math.floor(enterprises.length / 3)];
      const prefix = sample.uscc.slice(0, 11).toLowerCase();
      const byCode = await list('search: $search,', { search: prefix });
      expect(ids(byCode.nodes)).toEqual(
        ids(enterprises.filter((e) => e.uscc.startsWith(prefix.toUpperCase()))),
      );
      const fragment = sample.name.slice(2, 4);
      const byName = await list('search: $search,', { search: fragment });
      expect(ids(byName.nodes)).toEqual(ids(enterprises.filter((e) => e.name.includes(fragment))));
    });

    it('searches names through the trigram index, not a scan', async () => {
      await db.dataSource.query(`ANALYZE enterprise`);
      const plan: Record<string, string>[] = await db.dataSource.query(
        `EXPLAIN SELECT count(*) FROM enterprise e WHERE e.name ILIKE '%化工厂%'`,
      );
      expect(plan.map((r) => Object.values(r)[0]).join('\n')).toMatch(/enterprise_name_trgm/);
    });

    it('combines a grid subtree, a box and a scale over keyset pages', async () => {
      const [townBoundary] = (await boundaries(`id = ${Number(town.id)}`)).values();
      const inTown = (e: EnterpriseRow) =>
        e.baseGridId != null
          ? (gridById.get(e.baseGridId) as GridRow).code.startsWith(town.code)
          : turf.booleanPointInPolygon([e.lon, e.lat], townBoundary);
      const [x0, y0, x1, y1] = turf.bbox(townBoundary);
      const bbox = [x0, y0, (x0 + x1) / 2, (y0 + y1) / 2];
      const inBox = (e: EnterpriseRow) =>
        e.lon >= bbox[0] && e.lon <= bbox[2] && e.lat >= bbox[1] && e.lat <= bbox[3];
      const expected = enterprises.filter((e) => inTown(e) && inBox(e) && e.scale === 'MICRO');
      const found = await list(
        'gridId: $grid, bbox: $bbox, scale: MICRO,',
        { grid: town.id, bbox },
        40,
      );
      expect(found.totalCount).toBe(expected.length);
      expect(found.pages).toBe(Math.max(1, Math.ceil(expected.length / 40)));
      expect(ids(found.nodes)).toEqual(ids(expected));
      expect(expected.length).toBeGreaterThan(40);
      // an uncovered enterprise inside the town belongs to it though it has no base grid
      const plantedInTown = enterprises.filter((e) => e.baseGridId == null && inTown(e));
      const uncoveredInTown = await list('gridId: $grid, uncoveredOnly: true,', {
        grid: town.id,
      });
      expect(ids(uncoveredInTown.nodes)).toEqual(ids(plantedInTown));
    });

    it('refuses bad filter values with BAD_USER_INPUT saying what is wrong', async () => {
      const cases: [string, RegExp][] = [
        ['riskClass: "TOXIC"', /"riskClass" must be one of HAZARDOUS_CHEMICALS, .*got "TOXIC"/],
        ['departmentCode: "NOPE"', /"NOPE" is no department; the departments are .*EDUCATION/],
        ['bbox: [118, 36, 119, 35]', /"bbox": bbox minimum .* must not exceed its maximum/],
        [`search: "${'x'.repeat(65)}"`, /"search" must be 1–64 characters/],
        ['gridId: "town"', /"gridId" must be a decimal id; got "town"/],
      ];
      for (const [args, message] of cases) {
        const res = await county.graphql(`{ enterprises(${args}) { totalCount } }`);
        expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
        expect(res.errors?.[0].message).toMatch(message);
      }
    });
  });

  describe('locate', () => {
    it('places enterprises in the base grid the derivation gave them, under a full chain', async () => {
      const covered = enterprises.filter((e) => e.baseGridId != null);
      const sample = Array.from({ length: 15 }, (_, i) => covered[(i * 1597) % covered.length]);
      const query = `{ ${sample
        .map(
          (e, i) =>
            `l${i}: locate(lon: ${e.lon}, lat: ${e.lat}) { chain { code level } baseGrid { id } uncovered distanceToBaseEdgeM }`,
        )
        .join(' ')} }`;
      const answers = data(
        await county.graphql<
          Record<
            string,
            {
              chain: { code: string; level: number }[];
              baseGrid: { id: string };
              distanceToBaseEdgeM: number;
            }
          >
        >(query),
      );
      const villages = await boundaries(`level = 4`);
      sample.forEach((e, i) => {
        const a = answers[`l${i}`];
        expect(a.baseGrid.id).toBe(e.baseGridId);
        expect(a.chain.map((g) => g.level)).toEqual([1, 2, 3, 4]);
        for (let k = 1; k < 4; k++)
          expect(a.chain[k].code.startsWith(a.chain[k - 1].code)).toBe(true);
        const edge = turf.polygonToLine(
          turf.feature(villages.get(e.baseGridId as string) as MultiPolygon),
        );
        const lines = edge.type === 'FeatureCollection' ? edge.features : [edge];
        const turfM = Math.min(
          ...lines.map((l) =>
            turf.pointToLineDistance([e.lon, e.lat], l as never, { units: 'meters' }),
          ),
        );
        // turf measures on a sphere, PostGIS on the spheroid: within 0.5 % + 0.5 m
        expect(Math.abs(a.distanceToBaseEdgeM - turfM)).toBeLessThan(0.005 * turfM + 0.5);
      });
    });

    it('reports the planted enterprises outside the border as uncovered and out of scope', async () => {
      const planted = new Set(
        manifest.planted.filter((p) => p.rule === 'ENTERPRISE_UNCOVERED').flatMap((p) => p.usccs),
      );
      for (const e of enterprises.filter((x) => planted.has(x.uscc))) {
        const res = data(
          await county.graphql<{ locate: { uncovered: boolean; baseGrid: null } }>(
            `{ locate(lon: ${e.lon}, lat: ${e.lat}) { uncovered outsideScope baseGrid { id } } }`,
          ),
        );
        expect(res.locate).toEqual({ uncovered: true, outsideScope: true, baseGrid: null });
      }
    });
  });

  describe('violations', () => {
    type Node = {
      id: string;
      rule: string;
      severity: string;
      message: string;
      messageEn: string;
      geometry: { type: string } | null;
      grids: { code: string }[];
      enterprises: { uscc: string }[];
    };
    const NODE =
      'id rule severity message(lang: EN) messageEn geometry grids { code } enterprises { uscc }';

    it('pages through the stored violations with counts per rule equal to the audit', async () => {
      const all = await pageAll<Node>(county, 'violations', '', NODE, 5);
      expect(all.totalCount).toBe(visible().length);
      expect(all.nodes).toHaveLength(visible().length);
      expect(all.nodes.filter((v) => v.rule === 'ENTERPRISE_UNCOVERED')).toHaveLength(
        manifest.planted.filter((p) => p.rule === 'ENTERPRISE_UNCOVERED').length,
      );
      const counts = data(
        await county.graphql<{ violations: { countsByRule: { rule: string; count: number }[] } }>(
          `{ violations(first: 1) { countsByRule { rule count } } }`,
        ),
      ).violations.countsByRule;
      expect(counts).toEqual(
        RULE_IDS.map((rule) => ({ rule, count: visible().filter((v) => v.rule === rule).length })),
      );
      expect(counts.find((c) => c.rule === 'GAP')?.count).toBe(audit.counts.GAP);
      for (const n of all.nodes) expect(n.message).toBe(n.messageEn);

      for (const p of manifest.planted.filter((x) => x.rule === 'GAP' || x.rule === 'OVERLAP')) {
        const match = all.nodes.find(
          (n) =>
            n.rule === p.rule &&
            p.gridCodes.every((c) => n.grids.some((g) => g.code === c)) &&
            p.usccs.every((u) => n.enterprises.some((e) => e.uscc === u)),
        );
        expect({ planted: p.note, found: match?.geometry?.type != null }).toEqual({
          planted: p.note,
          found: true,
        });
      }
    });

    it('filters by rules, severity, box and scope, and they combine', async () => {
      const areaRules = await pageAll<Node>(
        county,
        'violations',
        'rules: [GAP, OVERLAP],',
        NODE,
        100,
      );
      expect(areaRules.totalCount).toBe((audit.counts.GAP ?? 0) + (audit.counts.OVERLAP ?? 0));
      expect(new Set(areaRules.nodes.map((n) => n.rule))).toEqual(new Set(['GAP', 'OVERLAP']));

      const warnings = await pageAll<Node>(county, 'violations', 'severity: WARNING,', NODE, 100);
      expect(warnings.totalCount).toBe(visible().filter((v) => v.severity === 'WARNING').length);
      expect(warnings.nodes.every((n) => n.severity === 'WARNING')).toBe(true);

      const gap = manifest.planted.find((p) => p.rule === 'GAP');
      const [x0, y0, x1, y1] = turf.bbox(gap?.geometry as Polygon);
      const boxed = await pageAll<Node>(county, 'violations', 'bbox: $bbox,', NODE, 100, {
        bbox: [x0, y0, x1, y1],
      });
      expect(boxed.nodes.some((n) => n.rule === 'GAP')).toBe(true);
      expect(boxed.totalCount).toBeLessThan(visible().length);

      const inTown = await pageAll<Node>(
        county,
        'violations',
        'scope: $prefix, rules: [GAP],',
        NODE,
        100,
        {
          prefix: town.code,
        },
      );
      expect(inTown.nodes.length).toBeGreaterThan(0);
      expect(inTown.nodes.every((n) => n.grids.every((g) => g.code.startsWith(town.code)))).toBe(
        true,
      );
    });

    it('answers bad arguments with a clear error', async () => {
      const cases: [string, string, RegExp][] = [
        ['scope: "999"', 'NOT_FOUND', /no grid with code "999" in your scope/],
        ['scope: "371323", scopeId: "1"', 'BAD_USER_INPUT', /give "scope" or "scopeId", not both/],
        ['first: 5000', 'BAD_USER_INPUT', /"first" must be between 1 and 1000/],
        ['after: "Zm9v"', 'BAD_USER_INPUT', /not a violation cursor/],
      ];
      for (const [args, code, message] of cases) {
        const res = await county.graphql(`{ violations(${args}) { totalCount } }`);
        expect(res.errors?.[0].extensions?.code).toBe(code);
        expect(res.errors?.[0].message).toMatch(message);
      }
      const unknown = await county.graphql(`{ violations(rules: [GAPS]) { totalCount } }`);
      expect(unknown.errors?.[0].message).toMatch(/GAPS/);
    });
  });

  describe('coverage', () => {
    type Summary = {
      scope: {
        code: string;
        enterprisesUncovered: number;
        enterprisesTotal: number;
        violationsByRule: Record<string, number>;
        score: number;
      };
    };
    const COVERAGE = `{ coverage { scope { code enterprisesUncovered enterprisesTotal violationsByRule score } } }`;
    const perRule = (rows: { rule: string }[]) =>
      rows.reduce<Record<string, number>>((n, v) => ({ ...n, [v.rule]: (n[v.rule] ?? 0) + 1 }), {});

    it('counts at the top what the audit stored, the enterprises outside every grid included', async () => {
      const outside = manifest.planted.filter((p) => p.rule === 'ENTERPRISE_UNCOVERED').length;
      expect(outside).toBeGreaterThan(0);
      const { scope } = data(await county.graphql<{ coverage: Summary }>(COVERAGE)).coverage;
      // the same counts per rule as the violations list of the same viewer
      expect(scope.violationsByRule).toEqual(perRule(visible()));
      expect(scope.enterprisesUncovered).toBe(outside);
      // every enterprise not closed (closed ones are out of the enterprise rules)
      const [{ open }] = await db.dataSource.query(
        `SELECT count(*)::int AS open FROM enterprise WHERE status <> 'CLOSED'`,
      );
      expect(scope.enterprisesTotal).toBe(open);
      expect(scope.score).toBeLessThan(100);
    });

    it("leaves them out of a town's summary, as a town's violations list does", async () => {
      const { scope } = data(await townServer.graphql<{ coverage: Summary }>(COVERAGE)).coverage;
      expect(scope.code).toBe(town.code);
      expect(scope.enterprisesUncovered).toBe(0);
      const counts = data(
        await townServer.graphql<{
          violations: { countsByRule: { rule: string; count: number }[] };
        }>(`{ violations(first: 1) { countsByRule { rule count } } }`),
      ).violations.countsByRule;
      const listed = Object.fromEntries(
        counts.filter((c) => c.count > 0).map((c) => [c.rule, c.count]),
      );
      expect(scope.violationsByRule).toEqual(listed);
    });
  });

  describe('nested fields', () => {
    it('answers people, children and violations of a grid', async () => {
      const unstaffed = manifest.planted.find((p) => p.rule === 'GRID_UNSTAFFED');
      const res = data(
        await county.graphql<{
          grid: { people: { role: string }[]; violations: { rule: string }[] };
          town: { children: { code: string }[] };
        }>(
          `query($code: String, $town: String) {
             grid(code: $code) { people { role } violations(rules: [GRID_UNSTAFFED]) { rule } }
             town: grid(code: $town) { children { code } } }`,
          { code: unstaffed?.gridCodes[0], town: town.code },
        ),
      );
      expect(res.grid.people.filter((p) => p.role === 'LEADER' || p.role === 'OFFICER')).toEqual(
        [],
      );
      expect(res.grid.violations).toEqual([{ rule: 'GRID_UNSTAFFED' }]);
      expect(res.town.children.map((c) => c.code)).toEqual(
        grids
          .filter((g) => g.parentId === town.id)
          .map((g) => g.code)
          .sort(),
      );
      const staffed = data(
        await county.graphql<{ grids: { edges: { node: { people: { role: string }[] } }[] } }>(
          `{ grids(level: 4, first: 20) { edges { node { people { role person { name phone } } } } } }`,
        ),
      );
      const roles = staffed.grids.edges.flatMap((e) => e.node.people.map((p) => p.role));
      expect(roles).toContain('OFFICER');
    });

    it('batches them: at most one query per field, for 20 grids as for all base grids', async () => {
      const query = (first: number) => `{ grids(level: 4, first: ${first}) { edges { node {
        people { person { name } } children { code } violations(first: 3) { rule grids { code } enterprises { uscc } }
        enterpriseCount } } } }`;
      const count = async (first: number) => {
        const spy = jest.spyOn(db.dataSource, 'query');
        try {
          data(await county.graphql(query(first)));
          return spy.mock.calls.length;
        } finally {
          spy.mockRestore();
        }
      };
      // page, total, then at most one query each: people, children, violations, their grids,
      // their enterprises, enterprise counts — for 20 grids as for all ~1,000 base grids
      expect(await count(20)).toBeLessThanOrEqual(8);
      expect(await count(1000)).toBeLessThanOrEqual(8);
    });
  });

  describe('territorial scope of a town', () => {
    it('shows nothing of another town through any read', async () => {
      const elsewhere = enterprises.find(
        (e) => e.baseGridId != null && gridById.get(e.baseGridId)?.code.startsWith(otherTown.code),
      ) as EnterpriseRow;
      const otherBase = gridById.get(elsewhere.baseGridId as string) as GridRow;
      const res = data(
        await townServer.graphql<{
          locate: { chain: unknown[]; outsideScope: boolean };
          responsibility: null;
          gridHistory: null;
          county: null;
          base: null;
          violations: { totalCount: number; edges: { node: { grids: { code: string }[] } }[] };
        }>(
          `query($id: ID!, $grid: ID!, $code: String) {
             locate(lon: ${elsewhere.lon}, lat: ${elsewhere.lat}) { chain { code } outsideScope }
             responsibility(enterpriseId: $id) { at }
             gridHistory(id: $grid) { gridId }
             county: grid(code: "371323") { children { code } }
             base: grid(code: $code) { people { role } children { code } violations { id } }
             violations(first: 1000) { totalCount edges { node { grids { code } } } } }`,
          { id: elsewhere.id, grid: otherBase.id, code: otherBase.code },
        ),
      );
      expect(res.locate).toEqual({ chain: [], outsideScope: true });
      expect(res.responsibility).toBeNull();
      expect(res.gridHistory).toBeNull();
      // grids above or beside the scope are not there at all, nor anything hung on them
      expect(res.county).toBeNull();
      expect(res.base).toBeNull();
      expect(res.violations.totalCount).toBeGreaterThan(0);
      expect(res.violations.totalCount).toBeLessThan(visible().length);
      const codes = res.violations.edges.flatMap((e) => e.node.grids.map((g) => g.code));
      expect(codes.every((c) => c.startsWith(town.code))).toBe(true);
    });
  });
});
