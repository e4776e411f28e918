import { openTestDatabase, type TestDatabase } from '@gridwarden/db';
import { signToken } from '../src/auth/jwt';
import { startTestServer, type TestServer } from './support/test-server';
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
    await q(`INSERT INTO grid_level VALUES (1, '县', 'county', '{}'), (2, '乡镇', 'town', '{}')`);
    const [county] = await q(
      `INSERT INTO grid (code, name, level, boundary) VALUES ('371323', '沂水县', 1, ST_Multi(ST_MakeEnvelope(118.50, 35.80, 118.52, 35.81, 4326))) RETURNING id::text AS id`,
    );
    ids.county = county.id;
    const towns = await q(
      `INSERT INTO grid (code, name, level, parent_id, boundary)
       SELECT c, n, 2, $1, ST_Multi(ST_MakeEnvelope(x0, 35.80, x1, 35.81, 4326))
       FROM (VALUES ('371323101', '西镇', 118.50, 118.51), ('371323102', '东镇', 118.51, 118.52)) v(c, n, x0, x1)
       RETURNING id::text AS id`,
      [ids.county],
    );
    [ids.west, ids.east] = towns.map((t: { id: string }) => t.id);
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
    expect(res.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/log in first/),
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });
});
