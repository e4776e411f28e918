import {
  assignBaseGrids,
  openTestDatabase,
  usccCheckCharacter,
  type TestDatabase,
} from '@gridwarden/db';
import { startTestServer, type TestServer } from './support/test-server';

/** A valid credit code in county 371323 from an 8-digit organisation body. */
function uscc(serial: number): string {
  const body8 = String(10000000 + serial);
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body8].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  const c = 11 - (sum % 11);
  const org = body8 + (c === 11 ? '0' : c === 10 ? 'X' : String(c));
  const first17 = `91371323${org}`;
  return first17 + usccCheckCharacter(first17);
}

describe('GraphQL first slice', () => {
  let db: TestDatabase;
  let server: TestServer;
  const codes = { a: uscc(1), b: uscc(2), c: uscc(3), outside: uscc(4) };

  beforeAll(async () => {
    db = await openTestDatabase('graphql');
    const q = (sql: string, params?: unknown[]) => db.dataSource.query(sql, params);
    await q(
      `INSERT INTO grid_level VALUES (1, '县', 'county', '{ABOVE_SCALE}'), (2, '基础网格', 'base grid', '{MICRO_INDIVIDUAL}')`,
    );
    await q(
      `INSERT INTO grid (code, name, level, boundary) VALUES ('371323', '沂水县', 1, ST_Multi(ST_MakeEnvelope(118.50, 35.80, 118.52, 35.81, 4326)))`,
    );
    await q(`INSERT INTO grid (code, name, level, parent_id, boundary)
             SELECT c, n, 2, (SELECT id FROM grid WHERE code = '371323'), ST_Multi(ST_MakeEnvelope(x0, 35.80, x1, 35.81, 4326))
             FROM (VALUES ('371323-01', '西网格', 118.50, 118.51), ('371323-02', '东网格', 118.51, 118.52)) v(c, n, x0, x1)`);
    await q(
      `INSERT INTO enterprise (uscc, name, location, industry_code, scale)
       SELECT u, n, ST_SetSRID(ST_MakePoint(x, 35.805), 4326), 'C2614', 'MICRO'
       FROM unnest($1::text[], $2::text[], $3::float8[]) AS t(u, n, x)`,
      [
        [codes.a, codes.b, codes.c, codes.outside],
        ['甲化工有限公司', '乙五金店', '丙饭店', '界外商店'],
        [118.505, 118.506, 118.515, 118.6],
      ],
    );
    await assignBaseGrids(db.dataSource.manager);
    const [county] = await q(`SELECT id::text AS id FROM grid WHERE code = '371323'`);
    server = await startTestServer(db, {
      viewer: { userId: '1', username: 'a', role: 'ADMIN', scopeGridId: county.id, personId: null },
    });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it('reports the database mode, PostGIS version and capabilities on /healthz', async () => {
    const health = (await (await fetch(`${server.url}/healthz`)).json()) as {
      status: string;
      database: { mode: string; postgis: string; capabilities: { asMvt: unknown } };
    };
    expect(health.status).toBe('ok');
    expect(health.database.mode).toBe(db.url ? 'postgis' : 'embedded');
    expect(health.database.postgis).toMatch(/^3\.\d+/);
    expect(typeof health.database.capabilities.asMvt).toBe('boolean');
  });

  it('lists the levels and finds a grid by code with its boundary as GeoJSON', async () => {
    const res = await server.graphql<{
      gridLevels: { level: number }[];
      grid: { name: string; boundary: { type: string }; areaM2: number; enterpriseCount: number };
    }>(
      `{ gridLevels { level nameZh } grid(code: "371323") { name boundary areaM2 enterpriseCount } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.gridLevels.map((l) => l.level)).toEqual([1, 2]);
    expect(res.data?.grid).toMatchObject({
      name: '沂水县',
      boundary: { type: 'MultiPolygon' },
      enterpriseCount: 3,
    });
    expect(res.data?.grid.areaM2).toBeGreaterThan(1.9e6);
  });

  it('pages grids of a level with keyset cursors and a total count', async () => {
    const first = await server.graphql<{
      grids: {
        edges: { node: { code: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
        totalCount: number;
      };
    }>(
      `{ grids(level: 2, first: 1) { edges { node { code } } pageInfo { hasNextPage endCursor } totalCount } }`,
    );
    expect(first.data?.grids.totalCount).toBe(2);
    expect(first.data?.grids.edges.map((e) => e.node.code)).toEqual(['371323-01']);
    const second = await server.graphql<{
      grids: {
        edges: { node: { code: string; enterpriseCount: number } }[];
        pageInfo: { hasNextPage: boolean };
      };
    }>(
      `query($after: String) { grids(level: 2, first: 1, after: $after) { edges { node { code enterpriseCount } } pageInfo { hasNextPage } } }`,
      { after: first.data?.grids.pageInfo.endCursor },
    );
    expect(second.data?.grids.edges).toEqual([{ node: { code: '371323-02', enterpriseCount: 1 } }]);
    expect(second.data?.grids.pageInfo.hasNextPage).toBe(false);
  });

  it('finds an enterprise by credit code with its derived base grid', async () => {
    const res = await server.graphql<{
      enterprise: { name: string; lon: number; baseGrid: { code: string } };
    }>(`query($u: String) { enterprise(uscc: $u) { name lon lat scale baseGrid { code } } }`, {
      u: codes.c,
    });
    expect(res.data?.enterprise).toMatchObject({
      name: '丙饭店',
      lon: 118.515,
      baseGrid: { code: '371323-02' },
    });
  });

  it('pages the enterprises of a grid subtree, leaving out the one outside every grid', async () => {
    const county = await server.graphql<{ grid: { id: string } }>(
      `{ grid(code: "371323") { id } }`,
    );
    const res = await server.graphql<{
      enterprises: { totalCount: number; edges: { node: { uscc: string } }[] };
    }>(
      `query($g: ID) { enterprises(gridId: $g, first: 10) { totalCount edges { node { uscc } } } }`,
      { g: county.data?.grid.id },
    );
    expect(res.data?.enterprises.totalCount).toBe(3);
    expect(res.data?.enterprises.edges.map((e) => e.node.uscc)).not.toContain(codes.outside);
    // the viewer's scope is the county, the top level: the enterprise in no grid at all is
    // theirs to resolve (ENTERPRISE_UNCOVERED), so the whole list holds it
    const all = await server.graphql<{ enterprises: { totalCount: number } }>(
      `{ enterprises(first: 1) { totalCount } }`,
    );
    expect(all.data?.enterprises.totalCount).toBe(4);
  });

  it('reports a coverage that was never audited as such, not as perfect', async () => {
    const res = await server.graphql<{
      coverage: { auditedAt: string | null; scope: { code: string } };
    }>(`{ coverage { auditedAt scope { code } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data?.coverage).toEqual({ auditedAt: null, scope: { code: '371323' } });
  });

  it('answers a malformed credit code with BAD_USER_INPUT and the reason', async () => {
    const wrong = codes.a.slice(0, 17) + (codes.a[17] === '0' ? '1' : '0');
    const res = await server.graphql(`query($u: String) { enterprise(uscc: $u) { id } }`, {
      u: wrong,
    });
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'CHECK_CHARACTER_MISMATCH',
    });
    expect(res.errors?.[0].message).toMatch(/check character/i);
  });

  it('answers a forged cursor and an oversized page with BAD_USER_INPUT', async () => {
    const forged = await server.graphql(`{ grids(first: 5, after: "bm9wZQ") { totalCount } }`);
    expect(forged.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const huge = await server.graphql(`{ enterprises(first: 6000) { totalCount } }`);
    expect(huge.errors?.[0].message).toMatch(/between 1 and 5000/);
  });
});
