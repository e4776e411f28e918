import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
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
    send({
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

  /** A request to /graphql: a POST unless said otherwise. */
  const send = (init: RequestInit) => fetch(`${server.url}/graphql`, { method: 'POST', ...init });
  const levels = JSON.stringify({ query: '{ gridLevels { level } }' });

  const errorOf = async (res: Response) =>
    ((await res.json()) as { errors: { message: string; extensions: { code: string } }[] })
      .errors[0];

  it('answers a body that is not JSON with 400 and a JSON error', async () => {
    const res = await send({
      headers: { 'content-type': 'application/json' },
      body: '{"query": "{ gridLevels { level } }"',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await errorOf(res)).toEqual({
      message: 'the request body is not valid JSON',
      extensions: { code: 'BAD_REQUEST' },
    });
  });

  it('refuses a body over 1 MB sent without Content-Length (streamed), and the connection goes on', async () => {
    const chunks = [
      '{"query": "{ __typename }", "variables": {"pad": "',
      'x'.repeat(600 * 1024),
      'x'.repeat(600 * 1024),
      '"}}',
    ];
    const res = await send({
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        pull(controller) {
          const next = chunks.shift();
          if (next === undefined) controller.close();
          else controller.enqueue(new TextEncoder().encode(next));
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect((await errorOf(res)).extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await post('{ gridLevels { level } }')).status).toBe(200);
  });

  it('leaves a POST that is not JSON to Apollo, which refuses it (CSRF prevention included)', async () => {
    const plain = await send({
      headers: { 'content-type': 'text/plain' },
      body: levels,
    });
    expect(plain.status).toBe(400);
    expect(await plain.text()).toMatch(/CSRF/);
    const form = await send({
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'apollo-require-preflight': '1',
      },
      body: 'query={__typename}',
    });
    expect(form.status).toBe(400);
    expect(await form.text()).toMatch(/POST body missing, invalid Content-Type/);
  });

  it('answers a GET query with a preflight header, at /graphql and /graphql/', async () => {
    for (const path of ['/graphql', '/graphql/']) {
      const res = await fetch(
        `${server.url}${path}?query=${encodeURIComponent('{ gridLevels { level } }')}`,
        { headers: { 'apollo-require-preflight': '1' } },
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.json()).toEqual({ data: { gridLevels: [{ level: 1 }, { level: 2 }] } });
    }
  });

  it('refuses methods other than GET and POST', async () => {
    const res = await send({
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: levels,
    });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, POST');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('accepts a charset parameter on the JSON content type and Chinese text in the body', async () => {
    const res = await send({
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ query: '# 网格层级\n{ gridLevels { nameZh } }' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      data: { gridLevels: [{ nameZh: '县' }, { nameZh: '基础网格' }] },
    });
  });

  const postEncoded = (encoding: string, body: Uint8Array) =>
    send({ headers: { 'content-type': 'application/json', 'content-encoding': encoding }, body });
  it('reads a gzip, deflate or br body, as Express did', async () => {
    for (const [encoding, body] of [
      ['gzip', gzipSync(levels)],
      ['deflate', deflateSync(levels)],
      ['br', brotliCompressSync(levels)],
    ] as const) {
      const res = await postEncoded(encoding, body);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ data: { gridLevels: [{ level: 1 }, { level: 2 }] } });
    }
  });

  it('refuses a compressed body that inflates past 1 MB, a broken one and an unknown encoding', async () => {
    const bomb = gzipSync(
      JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(2 * 1024 * 1024) } }),
    );
    expect(bomb.length).toBeLessThan(10_000);
    const large = await postEncoded('gzip', bomb);
    expect(large.status).toBe(413);
    expect((await errorOf(large)).extensions.code).toBe('PAYLOAD_TOO_LARGE');

    const broken = await postEncoded('gzip', new TextEncoder().encode(levels));
    expect(broken.status).toBe(400);
    expect(await errorOf(broken)).toEqual({
      message: 'the request body is not valid gzip (Content-Encoding)',
      extensions: { code: 'BAD_REQUEST' },
    });

    const unknown = await postEncoded('zstd', new TextEncoder().encode(levels));
    expect(unknown.status).toBe(415);
    expect((await errorOf(unknown)).message).toMatch(/Content-Encoding "zstd" is not supported/);
    expect((await post('{ gridLevels { level } }')).status).toBe(200);
  });
});
