/**
 * What one request may ask for: depth, cost, aliases, tokens, body size; introspection only
 * for authenticated callers; CSRF prevention; the statement timeout.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabase, openTestDatabase, type Database, type TestDatabase } from '@gridwarden/db';
import { getIntrospectionQuery, Kind, parse, print, visit, type DocumentNode } from 'graphql';
import { Client } from 'pg';
import * as clientDocuments from '../../client/src/generated/graphql';
import { GRAPHQL_LIMITS } from '../src/http/limits';
import { startTestServer, type GraphQLClient, type TestServer } from './support/test-server';
import { insertCounty } from './support/county-fixture';
import { createTestUser } from './support/users';

const CLIENT_SRC = resolve(__dirname, '../../client/src');

/** A document as Apollo Client sends it: __typename added to every selection below the root. */
function withTypename(query: string): string {
  return print(
    visit(parse(query), {
      SelectionSet(node, _key, parent) {
        if ((parent as { kind?: string } | undefined)?.kind === Kind.OPERATION_DEFINITION) return;
        return {
          ...node,
          selections: [
            ...node.selections,
            { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } },
          ],
        };
      },
    }),
  );
}

/**
 * Every operation of the map client, fragments included, exactly as codegen compiled it from the
 * client's `graphql(…)` documents (client/src/generated, kept current by its drift spec).
 */
function clientQueries(): { name: string; query: string }[] {
  return Object.entries(clientDocuments)
    .filter(([name]) => name.endsWith('Document'))
    .map(([name, document]) => ({ name, query: print(document as DocumentNode) }));
}

/** The largest `…PAGE_SIZE = N` the client pages with (where a query takes `$first`). */
function largestPageSize(dir = CLIENT_SRC): number {
  const sizes = readdirSync(dir).flatMap((name): number[] => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return [largestPageSize(path)];
    if (!/\.tsx?$/.test(name) || name.endsWith('.spec.ts')) return [];
    return [...readFileSync(path, 'utf8').matchAll(/PAGE_SIZE = (\d+)/g)].map((m) => Number(m[1]));
  });
  return Math.max(0, ...sizes);
}

describe('request limits', () => {
  let db: TestDatabase;
  let server: TestServer;
  let viewer: GraphQLClient;
  let countyId: string;

  beforeAll(async () => {
    db = await openTestDatabase('limits');
    countyId = (await insertCounty(db)).county;
    await createTestUser(db, {
      username: 'reader',
      password: 'reader-password',
      role: 'SUPERVISOR',
      scopeGridId: countyId,
    });
    server = await startTestServer(db);
    viewer = await server.login('reader', 'reader-password');
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it('lets every query of the map client through', async () => {
    const queries = clientQueries();
    expect(queries.length).toBeGreaterThanOrEqual(10);
    for (const { name, query } of queries) {
      if (/^\s*mutation/.test(query)) continue;
      // the largest page the client asks for, where it pages
      const first = /\$first\b/.test(query) ? largestPageSize() : undefined;
      if (first === 0) throw new Error(`${name} pages with $first but the client has no PAGE_SIZE`);
      const res = await viewer.graphql(withTypename(query), { level: 1, first, after: null });
      // the query must pass the schema and every limit; variables this generic run cannot
      // know (a point, an id) are the only thing it may miss
      const errors = (res.errors ?? []).filter(
        (e) => !/^Variable "\$\w+" of required type "[^"]+" was not provided\.$/.test(e.message),
      );
      expect({ name, errors }).toEqual({ name, errors: [] });
    }
  });

  it('refuses 100 aliases with a message naming the limit', async () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: gridLevels { level }`).join(' ');
    const res = await viewer.graphql(`{ ${aliases} }`);
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0].message).toBe(
      `Aliases limit of ${GRAPHQL_LIMITS.maxAliases} exceeded, found 100.`,
    );
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a query nested deeper than the limit', async () => {
    const deep = `{ grid(code: "371323101") { ${'parent { '.repeat(12)} code ${'} '.repeat(12)} } }`;
    const res = await viewer.graphql(deep);
    expect(res.status).toBe(400);
    expect(res.errors?.[0].message).toMatch(
      new RegExp(`^Query depth limit of ${GRAPHQL_LIMITS.maxDepth} exceeded, found 1[34]\\.$`),
    );
    // nine levels of parent are fine
    const ok = await viewer.graphql(
      `{ grid(code: "371323101") { ${'parent { '.repeat(7)} code ${'} '.repeat(7)} } }`,
    );
    expect(ok.errors).toBeUndefined();
  });

  it('refuses a huge query by its token count before parsing it', async () => {
    const huge = `{ ${'__typename '.repeat(5000)} }`;
    const res = await viewer.graphql(huge);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]).toMatchObject({
      // (graphql-js 16 spells it "more that")
      message: expect.stringMatching(
        new RegExp(
          `^Syntax Error: Document contains more tha[nt] ${GRAPHQL_LIMITS.maxTokens} tokens`,
        ),
      ),
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
  });

  it('refuses a query whose cost is over the limit, whether page sizes are literals or variables', async () => {
    // four full pages of grids with nested parents: within the alias and depth limits, not the cost
    const page = (first: string) =>
      `grids(first: ${first}) { edges { node { id code name level areaM2 parent { id code name } } } }`;
    const literal = `{ ${['a', 'b', 'c', 'd'].map((a) => `${a}: ${page('2000')}`).join(' ')} }`;
    const variable = `query($n: Int!) { ${['a', 'b', 'c', 'd'].map((a) => `${a}: ${page('$n')}`).join(' ')} }`;
    const cost = /^Query Cost limit of 300000 exceeded, found [\d.]+\.$/;
    for (const res of [
      await viewer.graphql(literal),
      await viewer.graphql(variable, { n: 2000 }),
    ]) {
      expect(res.status).toBe(400);
      expect(res.data).toBeUndefined();
      expect(res.errors?.[0]).toMatchObject({
        message: expect.stringMatching(cost),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
    }
    // one such page is fine
    const one = await viewer.graphql(`query($n: Int!) { a: ${page('$n')} }`, { n: 2000 });
    expect(one.errors).toBeUndefined();
  });

  it('answers a body over 1 MB with 413 and a JSON error', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ __typename }',
        variables: { pad: 'x'.repeat(1024 * 1024) },
      }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      errors: [
        {
          message: 'the request body exceeds 1 MB; send a smaller query or smaller variables',
          extensions: { code: 'PAYLOAD_TOO_LARGE' },
        },
      ],
    });
  });

  it('refuses introspection to anonymous callers and allows it after login', async () => {
    const anonymous = await server.graphql(getIntrospectionQuery());
    expect(anonymous.status).toBe(401);
    expect(anonymous.data).toBeUndefined();
    expect(anonymous.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^log in to read the schema/),
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const type = await server.graphql(`{ __type(name: "Grid") { name } }`);
    expect(type.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const typename = await server.graphql<{ __typename: string }>(`{ __typename }`);
    expect(typename.data?.__typename).toBe('Query');

    const loggedIn = await viewer.graphql<{ __schema: { types: { name: string }[] } }>(
      getIntrospectionQuery(),
    );
    expect(loggedIn.errors).toBeUndefined();
    expect(loggedIn.data?.__schema.types.map((t) => t.name)).toEqual(
      expect.arrayContaining(['Grid', 'Enterprise', 'User', 'Role']),
    );
  });

  it('does not suggest field names to callers who guess', async () => {
    const res = await server.graphql(`{ grdi(code: "x") { id } }`);
    expect(res.errors?.[0].message).toMatch(/Cannot query field "grdi"/);
    expect(res.errors?.[0].message).not.toMatch(/grid/);
  });

  it('keeps CSRF prevention on: a simple GET without a preflight header is refused', async () => {
    const res = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF/);
  });
});

/**
 * A statement blocked behind a lock runs into STATEMENT_TIMEOUT_MS and is cancelled with a
 * clear error. PGlite, the embedded database, cannot cancel a statement (WebAssembly has no
 * timer interrupt, and its queries run on the server's own thread), so this runs on
 * PostgreSQL only; README "Configuration" says so.
 */
(process.env.DATABASE_URL ? describe : describe.skip)('statement timeout (PostgreSQL)', () => {
  let db: TestDatabase;
  let timed: Database;
  let server: TestServer;
  let locker: Client;

  beforeAll(async () => {
    db = await openTestDatabase('timeout');
    const { county } = await insertCounty(db);
    await createTestUser(db, {
      username: 'reader',
      password: 'reader-password',
      role: 'SUPERVISOR',
      scopeGridId: county,
    });
    timed = await openDatabase({ url: db.url, dataDir: db.dataDir, statementTimeoutMs: 300 });
    server = await startTestServer(timed);
    locker = new Client({ connectionString: db.url });
    await locker.connect();
  });
  afterAll(async () => {
    await locker?.end();
    await server?.close();
    await timed?.close();
    await db?.close();
  });

  it('applies the configured timeout to every connection', async () => {
    const [{ statement_timeout }] = await timed.dataSource.query('SHOW statement_timeout');
    expect(statement_timeout).toBe('300ms');
  });

  it('cancels a statement that runs past it and says why', async () => {
    const reader = await server.login('reader', 'reader-password');
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE enterprise IN ACCESS EXCLUSIVE MODE');
    try {
      const started = Date.now();
      const res = await reader.graphql(`{ enterprises { totalCount } }`);
      const took = Date.now() - started;
      expect(res.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/ran longer than STATEMENT_TIMEOUT_MS/),
        extensions: { code: 'STATEMENT_TIMEOUT' },
      });
      expect(took).toBeGreaterThanOrEqual(300);
      expect(took).toBeLessThan(5000);
    } finally {
      await locker.query('ROLLBACK');
    }
    const after = await reader.graphql<{ enterprises: { totalCount: number } }>(
      `{ enterprises { totalCount } }`,
    );
    expect(after.data?.enterprises.totalCount).toBe(0);
  });
});
