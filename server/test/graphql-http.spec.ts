import { openTestDatabase, type TestDatabase } from '@gridwarden/db';
import { startTestServer, type TestServer } from './support/test-server';

/** HTTP behaviour of /graphql that does not depend on any one resolver. */
describe('GraphQL over HTTP', () => {
  let db: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    db = await openTestDatabase('graphql-http');
    await db.dataSource.query(
      `INSERT INTO grid_level VALUES (1, '县', 'county', '{ABOVE_SCALE}'), (2, '基础网格', 'base grid', '{MICRO_INDIVIDUAL}')`,
    );
    // any signed-in viewer: the levels are no one's secret, but every read wants a login
    server = await startTestServer(db, {
      viewer: { userId: '1', username: 'admin', role: 'ADMIN', scopeGridId: '1', personId: null },
    });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  const post = (query: string) =>
    fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });

  it('marks answers Cache-Control: no-store, so no shared cache keeps confidential data', async () => {
    const res = await post('{ gridLevels { level nameEn } }');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as {
      data: { gridLevels: { level: number; nameEn: string }[] };
    };
    expect(body.data.gridLevels).toEqual([
      { level: 1, nameEn: 'county' },
      { level: 2, nameEn: 'base grid' },
    ]);
  });

  it('marks error answers Cache-Control: no-store too', async () => {
    const res = await post('{ noSuchField }');
    expect(res.status).toBe(400);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { errors: { message: string }[] };
    expect(body.errors[0].message).toMatch(/noSuchField/);
  });
});
