import { openTestDatabase, type TestDatabase } from '@gridwarden/db';
import { signToken } from '../src/auth/jwt';
import { runUserCreate } from '../src/cli/user.command';
import { startTestServer, type TestServer } from './support/test-server';
import { insertCounty } from './support/county-fixture';
import { createTestUser } from './support/users';

const SECRET = 'a-test-secret-of-at-least-32-characters!';

const LOGIN = `mutation($u: String!, $p: String!) {
  login(username: $u, password: $p) { token expiresAt user { id username role scope { id code name level } } }
}`;

describe('authentication', () => {
  let db: TestDatabase;
  let server: TestServer;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    db = await openTestDatabase('auth');
    const q = (sql: string, params?: unknown[]) => db.dataSource.query(sql, params);
    Object.assign(ids, await insertCounty(db));
    await createTestUser(db, {
      username: 'Admin',
      password: 'admin-password',
      role: 'ADMIN',
      scopeGridId: ids.county,
    });
    await createTestUser(db, {
      username: 'westplanner',
      password: 'planner-password',
      role: 'PLANNER',
      scopeGridId: ids.west,
    });
    const gone = await createTestUser(db, {
      username: 'gone',
      password: 'gone-password',
      role: 'OFFICER',
      scopeGridId: ids.west,
    });
    await q(`UPDATE app_user SET disabled = true WHERE id = $1`, [gone.id]);
    server = await startTestServer(db, { auth: { jwtSecret: SECRET, ttlHours: 2 } });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it('logs in with the right password, case-insensitively by username, and returns the scope', async () => {
    const before = Date.now();
    const res = await server.graphql<{
      login: {
        token: string;
        expiresAt: string;
        user: { username: string; role: string; scope: { code: string; level: number } };
      };
    }>(LOGIN, { u: 'admin', p: 'admin-password' });
    expect(res.errors).toBeUndefined();
    expect(res.data?.login.user).toMatchObject({
      username: 'Admin',
      role: 'ADMIN',
      scope: { code: '371323', level: 1 },
    });
    const expiresAt = Date.parse(res.data?.login.expiresAt ?? '');
    expect(expiresAt).toBeGreaterThanOrEqual(before + 2 * 3600 * 1000 - 1000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 2 * 3600 * 1000);
    const me = await server
      .withHeaders({ authorization: `Bearer ${res.data?.login.token}` })
      .graphql<{ me: { username: string } }>(`{ me { username role } }`);
    expect(me.data?.me).toEqual({ username: 'Admin', role: 'ADMIN' });
  });

  it('answers a wrong password and an unknown username with the same UNAUTHENTICATED message', async () => {
    const wrong = await server.graphql(LOGIN, { u: 'admin', p: 'not-the-password' });
    const unknown = await server.graphql(LOGIN, { u: 'nobody', p: 'admin-password' });
    expect(wrong.data).toBeNull();
    expect([wrong.status, unknown.status]).toEqual([200, 200]);
    expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0].message).toBe('wrong username or password');
    expect(unknown.errors?.[0].message).toBe(wrong.errors?.[0].message);
  });

  it('refuses a disabled account at login and its tokens', async () => {
    const res = await server.graphql(LOGIN, { u: 'gone', p: 'gone-password' });
    expect(res.errors?.[0]).toMatchObject({
      message: 'the account "gone" is disabled',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const [{ id }] = await db.dataSource.query(
      `SELECT id::text AS id FROM app_user WHERE username = 'gone'`,
    );
    const token = signToken(id, SECRET, 3600);
    const me = await server
      .withHeaders({ authorization: `Bearer ${token}` })
      .graphql(`{ me { username } }`);
    expect(me.status).toBe(401);
    expect(me.errors?.[0]).toMatchObject({
      message: 'the account "gone" is disabled',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('refuses an expired token with a message saying so', async () => {
    const [{ id }] = await db.dataSource.query(
      `SELECT id::text AS id FROM app_user WHERE username = 'Admin'`,
    );
    const expired = signToken(id, SECRET, 60, Date.now() - 2 * 3600 * 1000);
    const res = await server
      .withHeaders({ authorization: `Bearer ${expired}` })
      .graphql(`{ me { username } }`);
    expect(res.status).toBe(401);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0].message).toMatch(/^the token expired at \d{4}-.*; log in again$/);
  });

  it('refuses a token signed with another key, or altered, or without a signature algorithm', async () => {
    const [{ id }] = await db.dataSource.query(
      `SELECT id::text AS id FROM app_user WHERE username = 'westplanner'`,
    );
    const forged = signToken(id, 'another-secret-of-at-least-32-characters', 3600);
    const valid = signToken(id, SECRET, 3600);
    const [h, , s] = valid.split('.');
    const escalated = `${h}.${Buffer.from(JSON.stringify({ sub: '1', iat: 1, exp: 9e9 })).toString('base64url')}.${s}`;
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${valid.split('.')[1]}.`;
    for (const [token, message] of [
      [forged, /signature is invalid/],
      [escalated, /signature is invalid/],
      [none, /must be signed with HS256; it names "none"/],
      ['garbage', /not a JWT/],
    ] as const) {
      const res = await server
        .withHeaders({ authorization: `Bearer ${token}` })
        .graphql(`{ me { username } }`);
      expect(res.status).toBe(401);
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.errors?.[0].message).toMatch(message);
    }
    const ok = await server
      .withHeaders({ authorization: `Bearer ${valid}` })
      .graphql<{ me: { username: string } }>(`{ me { username } }`);
    expect(ok.data?.me.username).toBe('westplanner');
  });

  it('asks anonymous callers to log in', async () => {
    const res = await server.graphql(`{ me { username } }`);
    expect(res.status).toBe(200);
    expect(res.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/log in first/),
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  describe('with accounts remembered between requests (AUTH_CACHE_SECONDS)', () => {
    let cached: TestServer;
    beforeAll(async () => {
      cached = await startTestServer(db, {
        auth: { jwtSecret: SECRET, ttlHours: 2, accountCacheSeconds: 60 },
      });
    });
    afterAll(() => cached?.close());

    it('keeps a disabled account working for at most the cache time (the documented delay)', async () => {
      const brief = await createTestUser(db, {
        username: 'brief',
        password: 'brief-password',
        role: 'OFFICER',
        scopeGridId: ids.west,
      });
      const session = await cached.login('brief', 'brief-password');
      const me = () => session.graphql<{ me: { username: string } }>(`{ me { username } }`);
      expect((await me()).data?.me.username).toBe('brief');
      await db.dataSource.query(`UPDATE app_user SET disabled = true WHERE id = $1`, [brief.id]);
      // remembered: still served within the 60 s, as README "Users and roles" says
      expect((await me()).data?.me.username).toBe('brief');
      // the server that looks up every request refuses it at once
      const fresh = await server
        .withHeaders({ authorization: `Bearer ${signToken(brief.id, SECRET, 3600)}` })
        .graphql(`{ me { username } }`);
      expect(fresh.status).toBe(401);
    });

    it('refuses an API key at once when this server rotates it, though the old key was remembered', async () => {
      const feed = await createTestUser(db, {
        username: 'feed2',
        password: 'feed2-password',
        role: 'INTEGRATOR',
        scopeGridId: ids.county,
      });
      const admin = await cached.login('Admin', 'admin-password');
      const issue = () =>
        admin.graphql<{ issueApiKey: { apiKey: string } }>(
          `mutation($u: ID!) { issueApiKey(userId: $u) { apiKey } }`,
          { u: feed.id },
        );
      const first = (await issue()).data!.issueApiKey.apiKey;
      const asKey = (key: string) =>
        cached
          .withHeaders({ 'x-api-key': key })
          .graphql<{ me: { username: string } }>(`{ me { username } }`);
      expect((await asKey(first)).data?.me.username).toBe('feed2');
      const second = (await issue()).data!.issueApiKey.apiKey;
      const old = await asKey(first);
      expect(old.status).toBe(401);
      expect(old.errors?.[0].message).toBe('the API key is not valid (it may have been rotated)');
      expect((await asKey(second)).data?.me.username).toBe('feed2');
    });
  });

  describe('gridwarden user (the command line)', () => {
    const log = { info: (m: string) => printed.push(m), warn() {}, error() {}, debug() {} };
    const printed: string[] = [];
    const count = async () =>
      (await db.dataSource.query(`SELECT count(*)::int AS n FROM app_user`))[0].n as number;

    it('creates a first admin by scope code, who can log in', async () => {
      await runUserCreate(
        db,
        { username: 'root', role: 'ADMIN', scope: '371323' },
        'root-password',
        log,
      );
      const root = await server.login('root', 'root-password');
      const me = await root.graphql<{ me: { role: string; scope: { code: string } } }>(
        `{ me { role scope { code } } }`,
      );
      expect(me.data?.me).toEqual({ role: 'ADMIN', scope: { code: '371323' } });
    });

    it('issues and prints an integrator key that works', async () => {
      const { apiKey } = await runUserCreate(
        db,
        { username: 'feed', role: 'INTEGRATOR', scope: '371323102', apiKey: true },
        'feed-password',
        log,
      );
      expect(printed.at(-1)).toBe(`API key (shown only now): ${apiKey}`);
      const res = await server
        .withHeaders({ 'x-api-key': apiKey ?? '' })
        .graphql<{ grids: { totalCount: number } }>(`{ grids { totalCount } }`);
      expect(res.data?.grids.totalCount).toBe(1);
    });

    it('refuses an unknown scope code and a short password, creating nothing', async () => {
      const before = await count();
      await expect(
        runUserCreate(db, { username: 'x1', role: 'ADMIN', scope: '999' }, 'long-enough', log),
      ).rejects.toThrow('"scopeGridId": no grid has the code "999"');
      await expect(
        runUserCreate(db, { username: 'x2', role: 'ADMIN', scope: '371323' }, 'short', log),
      ).rejects.toThrow('"password" must have 8 to 256 characters; got 5');
      expect(await count()).toBe(before);
    });
  });
});
