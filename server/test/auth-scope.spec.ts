/**
 * Territorial scope and roles on the demo county, through the real HTTP API: the demo
 * accounts log in (or use the integrator's API key) and see exactly their grid subtree.
 */
import {
  DEMO_API_KEY,
  DEMO_USERS,
  openTestDatabase,
  type DemoManifest,
  type DemoUserCreated,
  type TestDatabase,
} from '@gridwarden/db';
import { hashApiKey } from '../src/auth/api-key';
import { runDemo } from '../src/cli/demo.command';
import { startTestServer, type GraphQLClient, type TestServer } from './support/test-server';

const password = (username: string) => DEMO_USERS.find((u) => u.username === username)!.password;

interface Town {
  id: string;
  code: string;
}

describe('scope and roles on the demo county', () => {
  let db: TestDatabase;
  let server: TestServer;
  let users: Pick<DemoUserCreated, 'username' | 'role' | 'scopeGridCode'>[];
  const printed: string[] = [];
  let admin: GraphQLClient;
  let planner: GraphQLClient;
  let manifest: DemoManifest;
  /** The planner's town, and another town of the county. */
  let own: Town;
  let other: Town;
  const q = <T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> =>
    db.dataSource.query(sql, params);

  beforeAll(async () => {
    db = await openTestDatabase('scope');
    // through the demo command, as `npx gridwarden demo` and `npm start` load it
    const log = { info: (m: string) => printed.push(m), warn() {}, error() {}, debug() {} };
    manifest = await runDemo(db, { preset: 'county', seed: 11, defects: 1 }, log);
    users = await q(
      `SELECT u.username, u.role, g.code AS "scopeGridCode" FROM app_user u JOIN grid g ON g.id = u.scope_grid_id`,
    );
    server = await startTestServer(db);
    admin = await server.login('admin', password('admin'));
    planner = await server.login('planner', password('planner'));
    const plannerScope = users.find((u) => u.username === 'planner')!.scopeGridCode;
    [own, other] = await q<Town>(
      `SELECT id::text AS id, code FROM grid WHERE level = 2 ORDER BY code <> $1, code LIMIT 2`,
      [plannerScope],
    );
    expect(own.code).toBe(plannerScope);
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it('prints every demo account with its password and the integrator API key', () => {
    for (const u of DEMO_USERS) {
      expect(printed.some((line) => line.includes(`${u.username} / ${u.password}`))).toBe(true);
    }
    expect(printed.some((line) => line.includes(`API key ${DEMO_API_KEY}`))).toBe(true);
  });

  it('creates one demo account per role, scoped as documented, the officer with a person', async () => {
    const rows = await q(
      `SELECT u.username, u.role, g.level::int AS level, u.person_id IS NOT NULL AS person,
              u.api_key_hash IS NOT NULL AS key,
              EXISTS (SELECT 1 FROM grid_assignment a WHERE a.person_id = u.person_id AND a.grid_id = u.scope_grid_id
                      AND a.role = 'OFFICER' AND a.until IS NULL) AS assigned
       FROM app_user u JOIN grid g ON g.id = u.scope_grid_id ORDER BY u.id`,
    );
    expect(rows).toEqual([
      { username: 'admin', role: 'ADMIN', level: 1, person: false, key: false, assigned: false },
      {
        username: 'planner',
        role: 'PLANNER',
        level: 2,
        person: false,
        key: false,
        assigned: false,
      },
      {
        username: 'supervisor',
        role: 'SUPERVISOR',
        level: 1,
        person: false,
        key: false,
        assigned: false,
      },
      { username: 'officer', role: 'OFFICER', level: 4, person: true, key: false, assigned: true },
      {
        username: 'integrator',
        role: 'INTEGRATOR',
        level: 1,
        person: false,
        key: true,
        assigned: false,
      },
    ]);
  });

  it('gives the demo planner the town holding the first planted gap, so there is one to close', async () => {
    const gaps = manifest.planted
      .filter((d) => d.rule === 'GAP')
      .sort((a, b) => a.gridCodes[0].localeCompare(b.gridCodes[0]));
    expect(gaps.length).toBeGreaterThan(0);
    const [town] = await q<{ code: string }>(
      `SELECT t.code FROM grid v JOIN grid t ON t.id = v.parent_id WHERE v.code = $1`,
      [gaps[0].gridCodes[0]],
    );
    expect(own.code).toBe(town.code);
    // and the hole itself lies in the planner's town
    const [inside] = await q<{ inside: boolean }>(
      `SELECT ST_Within(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326), boundary) AS inside FROM grid WHERE code = $2`,
      [JSON.stringify(gaps[0].geometry), own.code],
    );
    expect(inside.inside).toBe(true);
  });

  it('shows a town planner nothing of another town through grid and grids', async () => {
    const byCode = await planner.graphql<{ grid: unknown }>(
      `query($c: String) { grid(code: $c) { id } }`,
      {
        c: other.code,
      },
    );
    const byId = await planner.graphql<{ grid: unknown }>(`query($i: ID) { grid(id: $i) { id } }`, {
      i: other.id,
    });
    expect(byCode.errors).toBeUndefined();
    expect(byCode.data?.grid).toBeNull();
    expect(byId.data?.grid).toBeNull();
    // the admin at the county sees the same town
    const adminView = await admin.graphql<{ grid: { code: string } }>(
      `query($i: ID) { grid(id: $i) { code } }`,
      {
        i: other.id,
      },
    );
    expect(adminView.data?.grid.code).toBe(other.code);

    const towns = await planner.graphql<{
      grids: { totalCount: number; edges: { node: { code: string } }[] };
    }>(`{ grids(level: 2, first: 100) { totalCount edges { node { code } } } }`);
    expect(towns.data?.grids).toEqual({ totalCount: 1, edges: [{ node: { code: own.code } }] });
    const [{ inTown }] = await q<{ inTown: number }>(
      `SELECT count(*)::int AS "inTown" FROM grid_subtree(ARRAY[$1]::bigint[])`,
      [own.id],
    );
    const all = await planner.graphql<{
      grids: { totalCount: number; edges: { node: { id: string } }[] };
    }>(`{ grids(first: 2000) { totalCount edges { node { id } } } }`);
    expect(all.data?.grids.totalCount).toBe(inTown);
    const outside = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM unnest($1::bigint[]) AS x(id)
       WHERE x.id NOT IN (SELECT id FROM grid_subtree(ARRAY[$2]::bigint[]))`,
      [all.data?.grids.edges.map((e) => e.node.id), own.id],
    );
    expect(outside[0].n).toBe(0);
    const children = await planner.graphql(`query($p: ID) { grids(parentId: $p) { totalCount } }`, {
      p: other.id,
    });
    expect(children.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(children.data).toBeNull();
  });

  it('answers Grid.parent with null above the scope root and with the grid inside it', async () => {
    const res = await planner.graphql<{
      grid: { parent: unknown };
      grids: { edges: { node: { parent: { code: string } } }[] };
    }>(
      `query($c: String, $p: ID) { grid(code: $c) { parent { code } } grids(parentId: $p, first: 3) { edges { node { parent { code } } } } }`,
      { c: own.code, p: own.id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.grid.parent).toBeNull();
    expect(res.data?.grids.edges.length).toBeGreaterThan(0);
    for (const e of res.data?.grids.edges ?? []) expect(e.node.parent.code).toBe(own.code);
    const adminRes = await admin.graphql<{ grid: { parent: { level: number } } }>(
      `query($c: String) { grid(code: $c) { parent { level } } }`,
      { c: own.code },
    );
    expect(adminRes.data?.grid.parent.level).toBe(1);
  });

  it('shows a town planner only the enterprises of the town, through enterprise and enterprises', async () => {
    const [foreign] = await q<{ id: string; uscc: string }>(
      `SELECT e.id::text AS id, e.uscc FROM enterprise e
       WHERE e.base_grid_id IN (SELECT id FROM grid_subtree(ARRAY[$1]::bigint[])) ORDER BY e.id LIMIT 1`,
      [other.id],
    );
    const lookups = await planner.graphql<{ a: unknown; b: unknown }>(
      `query($i: ID, $u: String) { a: enterprise(id: $i) { id } b: enterprise(uscc: $u) { id } }`,
      { i: foreign.id, u: foreign.uscc },
    );
    expect(lookups.errors).toBeUndefined();
    expect(lookups.data).toEqual({ a: null, b: null });
    const seen = await admin.graphql<{ enterprise: { id: string } }>(
      `query($i: ID) { enterprise(id: $i) { id } }`,
      {
        i: foreign.id,
      },
    );
    expect(seen.data?.enterprise.id).toBe(foreign.id);

    // what the town holds: base grid in its subtree, or no base grid and the point inside the town
    const [{ expected }] = await q<{ expected: number }>(
      `SELECT count(*)::int AS expected FROM enterprise e
       WHERE e.base_grid_id IN (SELECT id FROM grid_subtree(ARRAY[$1]::bigint[]))
          OR (e.base_grid_id IS NULL AND ST_Covers((SELECT boundary FROM grid WHERE id = $1), e.location))`,
      [own.id],
    );
    const page = await planner.graphql<{
      enterprises: {
        totalCount: number;
        edges: { node: { id: string; baseGrid: { id: string } | null } }[];
      };
    }>(`{ enterprises(first: 5000) { totalCount edges { node { id baseGrid { id } } } } }`);
    expect(page.errors).toBeUndefined();
    expect(page.data?.enterprises.totalCount).toBe(expected);
    expect(page.data?.enterprises.edges).toHaveLength(expected);
    const baseGrids = [
      ...new Set(page.data?.enterprises.edges.map((e) => e.node.baseGrid?.id).filter(Boolean)),
    ];
    const [{ stray }] = await q<{ stray: number }>(
      `SELECT count(*)::int AS stray FROM unnest($1::bigint[]) AS x(id)
       WHERE x.id NOT IN (SELECT id FROM grid_subtree(ARRAY[$2]::bigint[]))`,
      [baseGrids, own.id],
    );
    expect(baseGrids.length).toBeGreaterThan(5);
    expect(stray).toBe(0);
    const count = await planner.graphql<{ grid: { enterpriseCount: number } }>(
      `query($c: String) { grid(code: $c) { enterpriseCount } }`,
      { c: own.code },
    );
    const [{ based }] = await q<{ based: number }>(
      `SELECT count(*)::int AS based FROM enterprise WHERE base_grid_id IN (SELECT id FROM grid_subtree(ARRAY[$1]::bigint[]))`,
      [own.id],
    );
    expect(count.data?.grid.enterpriseCount).toBe(based);
    const elsewhere = await planner.graphql(
      `query($g: ID) { enterprises(gridId: $g) { totalCount } }`,
      {
        g: other.id,
      },
    );
    expect(elsewhere.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('reports coverage of the own town by default and refuses another town', async () => {
    const mine = await planner.graphql<{ coverage: { scope: { code: string } } }>(
      `{ coverage { scope { code } } }`,
    );
    expect(mine.data?.coverage.scope.code).toBe(own.code);
    const theirs = await planner.graphql(
      `query($s: String) { coverage(scope: $s) { scope { code } } }`,
      {
        s: other.code,
      },
    );
    expect(theirs.errors?.[0]).toMatchObject({
      message: expect.stringContaining('outside your scope'),
      extensions: { code: 'FORBIDDEN' },
    });
    const county = await admin.graphql<{ coverage: { scope: { level: number } } }>(
      `{ coverage { scope { level } } }`,
    );
    expect(county.data?.coverage.scope.level).toBe(1);
  });

  it('shows an officer their base grid only', async () => {
    const officer = await server.login('officer', password('officer'));
    const res = await officer.graphql<{
      me: { personId: string; scope: { code: string; level: number } };
      grids: { totalCount: number };
    }>(`{ me { personId scope { code level } } grids { totalCount } }`);
    expect(res.data?.me.scope.level).toBe(4);
    expect(res.data?.me.personId).toMatch(/^\d+$/);
    expect(res.data?.grids.totalCount).toBe(1);
  });

  it('masks enterprise phones for planners and integrators, not for admins, supervisors and officers', async () => {
    const officerScope = users.find((u) => u.username === 'officer')!.scopeGridCode;
    const [e] = await q<{ id: string; phone: string }>(
      `SELECT e.id::text AS id, e.phone FROM enterprise e JOIN grid g ON g.id = e.base_grid_id
       WHERE g.code = $1 AND e.phone IS NOT NULL ORDER BY e.id LIMIT 1`,
      [officerScope],
    );
    expect(e.phone).toMatch(/\d{11}/);
    const digits = e.phone.replace(/\D/g, '');
    const masked = `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
    const clients: [string, GraphQLClient][] = [
      ['admin', admin],
      ['supervisor', await server.login('supervisor', password('supervisor'))],
      ['officer', await server.login('officer', password('officer'))],
      ['integrator', server.withHeaders({ 'x-api-key': DEMO_API_KEY })],
    ];
    const seen: Record<string, string | null> = {};
    for (const [name, client] of clients) {
      const res = await client.graphql<{ enterprise: { phone: string } }>(
        `query($i: ID) { enterprise(id: $i) { phone } }`,
        { i: e.id },
      );
      expect(res.errors).toBeUndefined();
      seen[name] = res.data?.enterprise.phone ?? null;
    }
    expect(seen).toEqual({
      admin: e.phone,
      supervisor: e.phone,
      officer: e.phone,
      integrator: masked,
    });
    // a planner of another town does not see it at all; the planner's own enterprises come masked
    const own = await planner.graphql<{ enterprises: { edges: { node: { phone: string } }[] } }>(
      `{ enterprises(first: 20) { edges { node { phone } } } }`,
    );
    const phones = own.data?.enterprises.edges.map((x) => x.node.phone) ?? [];
    expect(phones.length).toBe(20);
    for (const p of phones) expect(p).toMatch(/^\d{3}\*+\d{4}$/);
  });

  it('lets the integrator read with the API key in either header, and refuses a wrong key', async () => {
    const both: Record<string, string>[] = [
      { 'x-api-key': DEMO_API_KEY },
      { authorization: `ApiKey ${DEMO_API_KEY}` },
    ];
    for (const headers of both) {
      const res = await server
        .withHeaders(headers)
        .graphql<{ me: { username: string; role: string } }>(`{ me { username role } }`);
      expect(res.data?.me).toEqual({ username: 'integrator', role: 'INTEGRATOR' });
    }
    const wrong = await server
      .withHeaders({ 'x-api-key': `${DEMO_API_KEY}x` })
      .graphql(`{ me { username } }`);
    expect(wrong.status).toBe(401);
    expect(wrong.errors?.[0]).toMatchObject({
      message: 'the API key is not valid (it may have been rotated)',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('rotates the integrator key: the new key works, the old one stops', async () => {
    const integrator = await q<{ id: string }>(
      `SELECT id::text AS id FROM app_user WHERE username = 'integrator'`,
    );
    const res = await admin.graphql<{
      issueApiKey: { apiKey: string; user: { hasApiKey: boolean } };
    }>(`mutation($u: ID!) { issueApiKey(userId: $u) { apiKey user { hasApiKey } } }`, {
      u: integrator[0].id,
    });
    expect(res.errors).toBeUndefined();
    const key = res.data!.issueApiKey.apiKey;
    expect(key).toMatch(/^gwk_[A-Za-z0-9_-]{43}$/);
    const [{ stored }] = await q<{ stored: string }>(
      `SELECT api_key_hash AS stored FROM app_user WHERE id = $1`,
      [integrator[0].id],
    );
    expect(stored).toBe(hashApiKey(key));
    expect(stored).not.toContain(key);
    const fresh = await server
      .withHeaders({ 'x-api-key': key })
      .graphql<{ me: { username: string } }>(`{ me { username } }`);
    expect(fresh.data?.me.username).toBe('integrator');
    const old = await server
      .withHeaders({ 'x-api-key': DEMO_API_KEY })
      .graphql(`{ me { username } }`);
    expect(old.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // put the demo key back for the other tests
    await q(`UPDATE app_user SET api_key_hash = $2 WHERE id = $1`, [
      integrator[0].id,
      hashApiKey(DEMO_API_KEY),
    ]);
  });

  describe('createUser', () => {
    const CREATE = `mutation($i: CreateUserInput!) { createUser(input: $i) { id username role scope { code } } }`;
    const userCount = async () =>
      (await q<{ n: number }>(`SELECT count(*)::int AS n FROM app_user`))[0].n;

    it('is FORBIDDEN to every role but ADMIN, and creates nothing', async () => {
      const before = await userCount();
      const input = {
        username: 'newbie',
        password: 'newbie-password',
        role: 'OFFICER',
        scopeGridId: own.id,
      };
      const callers: [string, GraphQLClient][] = [
        ['PLANNER', planner],
        ['SUPERVISOR', await server.login('supervisor', password('supervisor'))],
        ['OFFICER', await server.login('officer', password('officer'))],
        ['INTEGRATOR', server.withHeaders({ 'x-api-key': DEMO_API_KEY })],
      ];
      for (const [role, client] of callers) {
        const res = await client.graphql(CREATE, { i: input });
        expect(res.errors?.[0]).toMatchObject({
          message: `${role} may not create users; allowed: ADMIN`,
          extensions: { code: 'FORBIDDEN' },
        });
      }
      const anonymous = await server.graphql(CREATE, { i: input });
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(await userCount()).toBe(before);
    });

    it('lets an ADMIN create a user inside their scope who can then log in', async () => {
      const res = await admin.graphql<{
        createUser: { username: string; role: string; scope: { code: string } };
      }>(CREATE, {
        i: {
          username: 'TownAdmin',
          password: 'town-admin-pass',
          role: 'ADMIN',
          scopeGridId: own.id,
        },
      });
      expect(res.errors).toBeUndefined();
      expect(res.data?.createUser).toMatchObject({
        username: 'TownAdmin',
        role: 'ADMIN',
        scope: { code: own.code },
      });
      const townAdmin = await server.login('townadmin', 'town-admin-pass');
      const me = await townAdmin.graphql<{ me: { username: string } }>(`{ me { username } }`);
      expect(me.data?.me.username).toBe('TownAdmin');
    });

    it('refuses an ADMIN a user outside their scope, a taken name and a short password, creating nothing', async () => {
      const townAdmin = await server.login('townadmin', 'town-admin-pass');
      const before = await userCount();
      const outside = await townAdmin.graphql(CREATE, {
        i: { username: 'spy', password: 'spy-password', role: 'PLANNER', scopeGridId: other.id },
      });
      expect(outside.errors?.[0]).toMatchObject({
        message: expect.stringContaining('outside your scope'),
        extensions: { code: 'FORBIDDEN' },
      });
      const taken = await admin.graphql(CREATE, {
        i: {
          username: 'PLANNER',
          password: 'planner-password',
          role: 'PLANNER',
          scopeGridId: own.id,
        },
      });
      expect(taken.errors?.[0]).toMatchObject({
        message: 'the username "PLANNER" is taken',
        extensions: { code: 'BAD_USER_INPUT' },
      });
      const short = await admin.graphql(CREATE, {
        i: { username: 'shorty', password: 'short', role: 'PLANNER', scopeGridId: own.id },
      });
      expect(short.errors?.[0].message).toBe('"password" must have 8 to 256 characters; got 5');
      expect(await userCount()).toBe(before);
    });
  });
});
