/**
 * locate, responsibility, gridHistory, violations and the Grid fields people/children, on a
 * hand-built fixture in metres whose answers are known, run as viewers of different roles
 * and scopes.
 *
 *   R (county)     0 … 2000 m east, 0 … 1000 m north
 *   R01, R02       towns: 0 … 1000, 1000 … 2000
 *   R01-01 R01-02  base grids: 0 … 500, 500 … 1000
 *   R02-01 R02-02  base grids: 1000 … 1500, 1500 … 1800 (1800 … 2000 is a gap)
 */
import { assignBaseGrids, openTestDatabase, type TestDatabase } from '@gridwarden/db';
import { matchSectorRules } from '../../db/src/reference/sector-match';
import type { Role, Viewer } from '../src/auth/viewer';
import { industryClasses } from '../src/coverage/responsibility';
import { CoverageService } from '../src/coverage/coverage.service';
import { DEFAULT_THRESHOLDS } from '../src/coverage/coverage.types';
import { at, loadFixture, rect, TWO_TOWNS, type Fixture } from './support/coverage-fixture';
import { startTestServer, type GraphQLResponse, type TestServer } from './support/test-server';

interface Person {
  role: string;
  person: { name: string; phone: string | null };
}
interface LocateAnswer {
  chain: { code: string; level: number; people: Person[] }[];
  baseGrid: { code: string } | null;
  uncovered: boolean;
  outsideScope: boolean;
  distanceToBaseEdgeM: number | null;
  classes: string[];
  responsibleLevel: number | null;
  responsibleGrid: { code: string } | null;
  departments: { code: string; nameZh: string }[];
}
interface VersionAnswer {
  code: string;
  version: number;
  validFrom: string;
  validTo: string | null;
  areaM2: number;
}
interface ResponsibilityAnswer {
  enterprise: { name: string };
  chain: { grid: VersionAnswer; people: { person: { name: string } }[] }[];
  baseGrid: { grid: VersionAnswer; people: { person: { name: string } }[] } | null;
  responsibleLevel: number;
  departments: { code: string }[];
}

const LOCATE = `query($lon: Float!, $lat: Float!, $c: String, $i: String) {
  locate(lon: $lon, lat: $lat, enterpriseClass: $c, industryCode: $i) {
    chain { code level people { role person { name phone } } }
    baseGrid { code } uncovered outsideScope distanceToBaseEdgeM
    classes responsibleLevel responsibleGrid { code } departments { code nameZh }
  } }`;

const RESPONSIBILITY = `query($id: ID!, $at: DateTimeISO) {
  responsibility(enterpriseId: $id, at: $at) {
    enterprise { name }
    chain { grid { code version validFrom validTo areaM2 } people { person { name } } }
    baseGrid { grid { code version validFrom validTo areaM2 } people { person { name } } }
    responsibleLevel departments { code }
  } }`;

function data<T>(res: GraphQLResponse<T>): T {
  expect(res.errors).toBeUndefined();
  return res.data as T;
}

describe('reads on a hand-built fixture: locate, responsibility, history, scope', () => {
  let db: TestDatabase;
  let fixture: Fixture;
  const servers: Record<'supervisor' | 'integrator' | 'town' | 'anonymous', TestServer> =
    {} as never;
  const grid = (code: string) => fixture.gridIds.get(code) as string;
  const enterprise = (key: string) => fixture.enterpriseIds.get(key) as string;
  const point = (x: number, y: number) => {
    const [lon, lat] = at(x, y);
    return { lon, lat };
  };
  const locate = async (server: TestServer, x: number, y: number, extra = {}) =>
    data(await server.graphql<{ locate: LocateAnswer }>(LOCATE, { ...point(x, y), ...extra }))
      .locate;
  const dbNow = async (): Promise<string> => {
    const [{ t }] = await db.dataSource.query(
      `SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS t`,
    );
    return t;
  };
  const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

  beforeAll(async () => {
    db = await openTestDatabase('reads_fixture');
    fixture = await loadFixture(db, TWO_TOWNS, [
      { key: 'inside', x: 250, y: 500 },
      { key: 'moves', x: 1450, y: 500, industryCode: 'H6210', nineSmall: true },
      { key: 'gap', x: 1900, y: 500 },
      { key: 'edge', x: 500, y: 500 },
      { key: 'townEdge', x: 1000, y: 300 },
    ]);
    await db.dataSource.query(`UPDATE grid_level SET enterprise_classes = CASE level
      WHEN 1 THEN '{ABOVE_SCALE,HIGH_RISK}'::text[] WHEN 2 THEN '{BELOW_SCALE}'::text[]
      ELSE '{NINE_SMALL,KEY_FIRE_UNIT,CONSTRUCTION,TRADE_LOGISTICS,AGRICULTURE,MICRO_INDIVIDUAL}'::text[] END`);
    await db.dataSource.query(`UPDATE person SET phone = '13812345678'`);
    await new CoverageService(DEFAULT_THRESHOLDS).fullAudit(db.dataSource);
    const as = (role: Role, scope: string): Viewer => ({
      userId: '1',
      username: role.toLowerCase(),
      role,
      scopeGridId: grid(scope),
      personId: null,
    });
    servers.supervisor = await startTestServer(db, { viewer: as('SUPERVISOR', 'R') });
    servers.integrator = await startTestServer(db, { viewer: as('INTEGRATOR', 'R') });
    servers.town = await startTestServer(db, { viewer: as('OFFICER', 'R01') });
    servers.anonymous = await startTestServer(db);
  });
  afterAll(async () => {
    for (const s of Object.values(servers)) await s?.close();
    await db?.close();
  });

  describe('locate', () => {
    it('gives the chain top → base with its people and the distance to the nearest edge', async () => {
      const found = await locate(servers.supervisor, 250, 600);
      expect(found.chain.map((g) => [g.code, g.level])).toEqual([
        ['R', 1],
        ['R01', 2],
        ['R01-01', 3],
      ]);
      expect(found.chain[2].people).toEqual([
        { role: 'OFFICER', person: { name: '网格员R01-01', phone: '13812345678' } },
      ]);
      expect(found.chain[0].people[0].role).toBe('LEADER');
      expect(found).toMatchObject({ baseGrid: { code: 'R01-01' }, uncovered: false });
      // 250 m to the west and east edges, 400 m to the north one
      expect(found.distanceToBaseEdgeM).toBeGreaterThan(248);
      expect(found.distanceToBaseEdgeM).toBeLessThan(252);
    });

    it("gives the chain grids' boundaries when asked, though it does not read them up front", async () => {
      const res = await servers.supervisor.graphql<{
        locate: { chain: { code: string; boundary: { type: string; coordinates: unknown } }[] };
      }>(
        `query($lon: Float!, $lat: Float!) { locate(lon: $lon, lat: $lat) { chain { code boundary } } }`,
        point(250, 600),
      );
      const chain = data(res).locate.chain;
      const stored: { code: string; boundary: unknown }[] = await db.dataSource.query(
        `SELECT code, ST_AsGeoJSON(boundary, 7)::json AS boundary FROM grid WHERE code = ANY ($1) ORDER BY level`,
        [chain.map((g) => g.code)],
      );
      expect(chain).toEqual(stored);
      expect(chain.map((g) => g.boundary.type)).toEqual([
        'MultiPolygon',
        'MultiPolygon',
        'MultiPolygon',
      ]);
    });

    it('breaks ties on a shared edge as the base-grid derivation does: smallest code', async () => {
      const onVillageEdge = await locate(servers.supervisor, 500, 500);
      expect(onVillageEdge.baseGrid?.code).toBe('R01-01');
      expect(onVillageEdge.distanceToBaseEdgeM).toBeLessThan(0.01);
      const onTownEdge = await locate(servers.supervisor, 1000, 300);
      expect(onTownEdge.chain.map((g) => g.code)).toEqual(['R', 'R01', 'R01-02']);
      const derived: { id: string; code: string }[] = await db.dataSource.query(
        `SELECT e.id::text AS id, g.code FROM enterprise e JOIN grid g ON g.id = e.base_grid_id
         WHERE e.id = ANY ($1::bigint[]) ORDER BY e.id`,
        [[enterprise('edge'), enterprise('townEdge')]],
      );
      expect(derived.map((d) => d.code)).toEqual([
        onVillageEdge.baseGrid?.code,
        onTownEdge.baseGrid?.code,
      ]);
    });

    it('answers a point in a gap or outside every grid as uncovered, not as an error', async () => {
      const inGap = await locate(servers.supervisor, 1900, 500);
      expect(inGap).toMatchObject({
        baseGrid: null,
        uncovered: true,
        outsideScope: false,
        distanceToBaseEdgeM: null,
      });
      expect(inGap.chain.map((g) => g.code)).toEqual(['R', 'R02']);
      const outside = await locate(servers.supervisor, 5000, 500);
      expect(outside).toMatchObject({ chain: [], uncovered: true, outsideScope: true });
    });

    it('names the responsible level and the sector departments of a class and industry', async () => {
      const venue = await locate(servers.supervisor, 250, 500, { c: 'NINE_SMALL', i: 'H6210' });
      expect(venue.classes).toEqual(['NINE_SMALL']);
      expect(venue.responsibleLevel).toBe(3);
      expect(venue.responsibleGrid?.code).toBe('R01-01');
      expect(venue.departments.map((d) => d.code)).toEqual(
        matchSectorRules('H6210', ['NINE_SMALL']).sort(),
      );
      expect(venue.departments.map((d) => d.code)).toEqual(
        expect.arrayContaining(['FOOD_DRUG', 'POLICE']),
      );

      const chemicals = await locate(servers.supervisor, 250, 500, {
        c: 'HAZARDOUS_CHEMICALS',
        i: 'C2614',
      });
      expect(chemicals.classes).toEqual(['HIGH_RISK', 'HAZARDOUS_CHEMICALS']);
      expect(chemicals).toMatchObject({ responsibleLevel: 1, responsibleGrid: { code: 'R' } });
      expect(chemicals.departments.map((d) => d.code)).toEqual(
        matchSectorRules('C2614', ['HIGH_RISK', 'HAZARDOUS_CHEMICALS']).sort(),
      );

      const shop = await locate(servers.supervisor, 250, 500, { i: 'F5212' });
      expect(shop.classes).toEqual(industryClasses('F5212'));
      expect(shop.responsibleLevel).toBe(3);

      const bare = await locate(servers.supervisor, 250, 500);
      expect(bare).toMatchObject({
        classes: [],
        responsibleLevel: null,
        responsibleGrid: null,
        departments: [],
      });
    });

    it('masks phones for roles that may not see them', async () => {
      const found = await locate(servers.integrator, 250, 500);
      expect(found.chain[2].people[0].person.phone).toBe('138****5678');
    });

    it('refuses a point out of range, an unknown class and a malformed industry code', async () => {
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ lon: 200, lat: 35 }, /longitude 200 is outside −180…180/],
        [{ ...point(1, 1), c: 'BIG' }, /"enterpriseClass" must be one of ABOVE_SCALE, .*got "BIG"/],
        [{ ...point(1, 1), i: 'c26' }, /"industryCode" must be a GB\/T 4754-2017 code/],
      ];
      for (const [variables, message] of cases) {
        const res = await servers.supervisor.graphql(LOCATE, variables);
        expect(res.data).toBeNull();
        expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
        expect(res.errors?.[0].message).toMatch(message);
      }
    });
  });

  describe('grids search', () => {
    const codes = async (args: string) =>
      data(
        await servers.supervisor.graphql<{ grids: { edges: { node: { code: string } }[] } }>(
          `{ grids(${args}) { edges { node { code } } } }`,
        ),
      ).grids.edges.map((e) => e.node.code);

    it('matches names ignoring case and takes % and _ literally', async () => {
      expect(await codes('search: "r01"')).toEqual(['R01', 'R01-01', 'R01-02']);
      expect(await codes('search: "R0_"')).toEqual([]);
      expect(await codes('search: "%"')).toEqual([]);
      expect(await codes('codePrefix: "R01-"')).toEqual(['R01-01', 'R01-02']);
    });
  });

  describe('history', () => {
    let before: string;
    let after: string;

    beforeAll(async () => {
      // move the line between R02-01 and R02-02 from 1500 m to 1400 m and replace R02-02's officer
      before = await dbNow();
      await pause();
      const q = (sql: string, params: unknown[]) => db.dataSource.query(sql, params);
      const reshape = `UPDATE grid SET boundary = ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($2), 4326)),
                       version = version + 1 WHERE code = $1`;
      const square = (x0: number, x1: number) =>
        JSON.stringify({ type: 'Polygon', coordinates: rect(x0, 0, x1, 1000) });
      await q(reshape, ['R02-01', square(1000, 1400)]);
      await q(reshape, ['R02-02', square(1400, 1800)]);
      await assignBaseGrids(db.dataSource.manager);
      await q(`UPDATE grid_assignment SET until = clock_timestamp() WHERE grid_id = $1`, [
        grid('R02-02'),
      ]);
      const [{ id: personId }] = await q(
        `INSERT INTO person (name, phone) VALUES ('李四', '13900000000') RETURNING id::text AS id`,
        [],
      );
      await q(
        `INSERT INTO grid_assignment (grid_id, person_id, role, since)
         SELECT $1, $2, 'OFFICER', until FROM grid_assignment WHERE grid_id = $1 AND until IS NOT NULL`,
        [grid('R02-02'), personId],
      );
      await pause();
      after = await dbNow();
    });

    it('answers who was responsible before and after a boundary change and a new officer', async () => {
      const then = data(
        await servers.supervisor.graphql<{ responsibility: ResponsibilityAnswer }>(RESPONSIBILITY, {
          id: enterprise('moves'),
          at: before,
        }),
      ).responsibility;
      expect(then.chain.map((c) => c.grid.code)).toEqual(['R', 'R02', 'R02-01']);
      expect(then.baseGrid?.grid).toMatchObject({ code: 'R02-01', version: 1 });
      expect(then.baseGrid?.grid.validTo).not.toBeNull();
      expect(then.baseGrid?.people.map((p) => p.person.name)).toEqual(['网格员R02-01']);

      const now = data(
        await servers.supervisor.graphql<{ responsibility: ResponsibilityAnswer }>(RESPONSIBILITY, {
          id: enterprise('moves'),
          at: after,
        }),
      ).responsibility;
      expect(now.baseGrid?.grid).toMatchObject({ code: 'R02-02', version: 2, validTo: null });
      expect(now.baseGrid?.people.map((p) => p.person.name)).toEqual(['李四']);
      // nine-small venue (seed 000 art. 17: level 3); food & drug and police by sector rules
      expect(now.responsibleLevel).toBe(3);
      expect(now.departments.map((d) => d.code)).toEqual(
        matchSectorRules('H6210', ['NINE_SMALL', 'MICRO_INDIVIDUAL']).sort(),
      );

      const byDefault = data(
        await servers.supervisor.graphql<{ responsibility: ResponsibilityAnswer }>(RESPONSIBILITY, {
          id: enterprise('moves'),
        }),
      ).responsibility;
      expect(byDefault.baseGrid?.grid.code).toBe('R02-02');

      const beforeAnyGrid = data(
        await servers.supervisor.graphql<{ responsibility: ResponsibilityAnswer }>(RESPONSIBILITY, {
          id: enterprise('moves'),
          at: '2000-01-01T00:00:00Z',
        }),
      ).responsibility;
      expect(beforeAnyGrid).toMatchObject({ chain: [], baseGrid: null });
    });

    it('lists every version of a grid, its parent and its assignment history', async () => {
      const res = await servers.supervisor.graphql<{
        gridHistory: {
          versions: (VersionAnswer & { parent: { code: string } })[];
          assignments: {
            role: string;
            until: string | null;
            grid: { code: string };
            person: { name: string };
          }[];
        };
      }>(
        `query($id: ID!) { gridHistory(id: $id) {
           versions { code version validFrom validTo areaM2 boundary parent { code } }
           assignments { role since until grid { code } person { name phone } } } }`,
        { id: grid('R02-02') },
      );
      const history = data(res).gridHistory;
      expect(history.versions.map((v) => v.version)).toEqual([1, 2]);
      const [v1, v2] = history.versions;
      expect(v1.validTo).toBe(v2.validFrom);
      expect(v2.validTo).toBeNull();
      expect(v1.areaM2 / 300_000).toBeCloseTo(1, 2);
      expect(v2.areaM2 / 400_000).toBeCloseTo(1, 2);
      expect(v1.parent.code).toBe('R02');
      expect(
        history.assignments.map((a) => [a.person.name, a.until === null, a.grid.code]),
      ).toEqual([
        ['网格员R02-02', false, 'R02-02'],
        ['李四', true, 'R02-02'],
      ]);
    });

    it('keeps the history of a deleted grid and answers null for an unknown one', async () => {
      const [{ id }] = await db.dataSource.query(
        `INSERT INTO grid (code, name, level, parent_id, boundary)
         VALUES ('R02-99', '临时网格', 3, $1, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($2), 4326)))
         RETURNING id::text AS id`,
        [grid('R02'), JSON.stringify({ type: 'Polygon', coordinates: rect(1850, 100, 1950, 200) })],
      );
      await db.dataSource.query(`DELETE FROM grid WHERE id = $1`, [id]);
      const query = `query($id: ID!) { gridHistory(id: $id) { versions { code validTo } assignments { id } } }`;
      const deleted = data(
        await servers.supervisor.graphql<{
          gridHistory: { versions: { code: string; validTo: string | null }[] };
        }>(query, { id }),
      ).gridHistory;
      expect(deleted.versions).toHaveLength(1);
      expect(deleted.versions[0].code).toBe('R02-99');
      expect(deleted.versions[0].validTo).not.toBeNull();
      expect(data(await servers.supervisor.graphql(query, { id: '999999' }))).toEqual({
        gridHistory: null,
      });
      const bad = await servers.supervisor.graphql(query, { id: 'R02' });
      expect(bad.errors?.[0]).toMatchObject({
        message: '"id" must be a decimal id; got "R02"',
        extensions: { code: 'BAD_USER_INPUT' },
      });
    });
  });

  describe('territorial scope', () => {
    it('shows a viewer scoped to one town nothing of another town', async () => {
      const town = servers.town;
      const elsewhere = await locate(town, 1450, 500, { c: 'NINE_SMALL' });
      expect(elsewhere).toMatchObject({
        chain: [],
        baseGrid: null,
        responsibleGrid: null,
        outsideScope: true,
      });
      expect(await locate(town, 5000, 500)).toMatchObject({ chain: [], outsideScope: true });
      const home = await locate(town, 250, 500);
      expect(home.chain.map((g) => g.code)).toEqual(['R01', 'R01-01']);

      expect(data(await town.graphql(RESPONSIBILITY, { id: enterprise('moves') }))).toEqual({
        responsibility: null,
      });
      const own = data(
        await town.graphql<{ responsibility: ResponsibilityAnswer }>(RESPONSIBILITY, {
          id: enterprise('inside'),
        }),
      ).responsibility;
      expect(own.chain.map((c) => c.grid.code)).toEqual(['R01', 'R01-01']);

      const history = `query($id: ID!) { gridHistory(id: $id) { versions { code } } }`;
      expect(data(await town.graphql(history, { id: grid('R02-02') }))).toEqual({
        gridHistory: null,
      });
      expect(data(await town.graphql(history, { id: grid('R01-02') }))).toEqual({
        gridHistory: { versions: [{ code: 'R01-02' }] },
      });

      const nested = data(
        await town.graphql<{
          county: null;
          other: null;
        }>(`{ county: grid(code: "R") { children { code } people { role } }
              other: grid(code: "R02") { children { code } people { role } violations { id } } }`),
      );
      // grids above or beside the scope are not there at all, nor anything hung on them
      expect(nested).toEqual({ county: null, other: null });
    });

    it('lists only the violations of the town and only its grids in them', async () => {
      type Listed = {
        violations: {
          totalCount: number;
          edges: { node: { rule: string; grids: { code: string }[] } }[];
        };
      };
      const query = `query($scope: String) { violations(scope: $scope, first: 100) {
        totalCount edges { node { rule grids { code } } } } }`;
      const all = data(await servers.supervisor.graphql<Listed>(query)).violations;
      const town = data(await servers.town.graphql<Listed>(query)).violations;
      expect(all.edges.map((e) => e.node.rule)).toEqual(
        expect.arrayContaining(['GAP', 'ENTERPRISE_UNCOVERED', 'ENTERPRISE_NEAR_BOUNDARY']),
      );
      expect(town.totalCount).toBeGreaterThan(0);
      expect(town.totalCount).toBeLessThan(all.totalCount);
      expect(town.edges.map((e) => e.node.rule)).not.toContain('GAP');
      const codes = town.edges.flatMap((e) => e.node.grids.map((g) => g.code));
      expect(codes.length).toBeGreaterThan(0);
      expect(codes.every((c) => c.startsWith('R01'))).toBe(true);
      const other = await servers.town.graphql(query, { scope: 'R02' });
      expect(other.data).toBeNull();
      expect(other.errors?.[0]).toMatchObject({
        message: 'no grid with code "R02" in your scope',
        extensions: { code: 'NOT_FOUND' },
      });
    });

    it('asks for a viewer before answering any of these reads', async () => {
      const queries = [
        `{ locate(lon: 118.5, lat: 35.8) { uncovered } }`,
        `{ responsibility(enterpriseId: "1") { at } }`,
        `{ gridHistory(id: "1") { gridId } }`,
        `{ violations { totalCount } }`,
        `{ grid(code: "R") { people { role } } }`,
      ];
      for (const query of queries) {
        const res = await servers.anonymous.graphql(query);
        expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      }
    });
  });
});
