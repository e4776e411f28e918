/**
 * WORKERS: the built server (server/dist/main.js, as `npm start` and the Dockerfile run it)
 * in several processes behind one port, on real PostgreSQL. Needs `npm run build` first.
 * On the embedded database only the refusal runs: it lives inside a single process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { openTestDatabase, testDatabaseUrl, type TestDatabase } from '@gridwarden/db';
import { insertCounty } from './support/county-fixture';
import { createTestUser } from './support/users';

const MAIN = join(__dirname, '../dist/main.js');
const onPostgis = testDatabaseUrl() ? describe : describe.skip;

interface Running {
  child: ChildProcess;
  url: string;
  log(): string;
  exited: Promise<number | null>;
}

/** Starts main.js with `env`; resolves at its ready line (or rejects with its log if it exits first). */
function startMain(env: Record<string, string>): Promise<Running> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} does not exist: run npm run build first`);
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      DEMO_ON_EMPTY: 'false',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /GraphQL at (http:\/\/\S+)\/graphql/.exec(output);
      if (ready) {
        resolve({
          child,
          url: ready[1].replace('localhost', '127.0.0.1'),
          log: () => output,
          exited,
        });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    void exited.then((code) => reject(new Error(`main.js exited (${code}):\n${output}`)));
  });
}

/** One request on a connection of its own, so the primary hands it to the next worker. */
function send(
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      url,
      {
        method: text ? 'POST' : 'GET',
        agent: false,
        headers: { connection: 'close', 'content-type': 'application/json', ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            json: JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>,
          }),
        );
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer from ${url} within 10 s`)));
    req.on('error', reject);
    req.end(text);
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const pidsOf = async (url: string, requests: number) => {
  const pids = new Set<number>();
  for (let i = 0; i < requests; i++) {
    const health = await send(`${url}/healthz`);
    expect(health.json.status).toBe('ok');
    pids.add(health.json.pid as number);
  }
  return pids;
};

/** Waits for `test` to hold, checking every 100 ms, for at most 30 s. */
async function until(test: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error('timed out after 30 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
const ME = '{ me { username role } }';

describe('WORKERS', () => {
  it('refuses several workers on the embedded database, naming the setting', async () => {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', WORKERS: '2', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(output).toMatch(/WORKERS: 2 worker processes need DATABASE_URL/);
  });
});

onPostgis('WORKERS=2 on PostgreSQL', () => {
  let db: TestDatabase;
  let server: Running;

  beforeAll(async () => {
    db = await openTestDatabase('workers');
    const { county } = await insertCounty(db);
    await createTestUser(db, {
      username: 'wk-admin',
      password: 'wk-admin-password-1',
      role: 'ADMIN',
      scopeGridId: county,
    });
    server = await startMain({ DATABASE_URL: db.url!, WORKERS: '2', DB_POOL_SIZE: '2' });
  });

  afterAll(async () => {
    if (server?.child.exitCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    await db?.close();
  });

  it('says it is ready once, for both workers, and answers from both', async () => {
    expect(server.log()).toMatch(/Gridwarden is ready: .*\(2 worker processes\)/);
    expect(server.log().match(/Gridwarden is ready/g)).toHaveLength(1);
    // the first start ran its audit once, in the primary, before the workers
    expect(server.log().match(/coverage audit:/g)).toHaveLength(1);
    const pids = await pidsOf(server.url, 6);
    expect(pids.size).toBe(2);
    expect(pids.has(server.child.pid!)).toBe(false);
  });

  it('accepts a token from one worker on every worker (one stored signing key)', async () => {
    const login = await send(`${server.url}/graphql`, {
      query: LOGIN,
      variables: { u: 'wk-admin', p: 'wk-admin-password-1' },
    });
    const token = (login.json.data as { login: { token: string } }).login.token;
    for (let i = 0; i < 4; i++) {
      const me = await send(
        `${server.url}/graphql`,
        { query: ME },
        { authorization: `Bearer ${token}` },
      );
      expect(me.json).toEqual({ data: { me: { username: 'wk-admin', role: 'ADMIN' } } });
    }
  });

  it('replaces a worker that crashes, and keeps answering', async () => {
    const [victim] = await pidsOf(server.url, 1);
    process.kill(victim, 'SIGKILL');
    // (a connection the primary hands to a worker in the instant it dies is lost with it, a
    // limit of node:cluster; the test asks once the primary has seen the death)
    const noticed = new RegExp(
      `worker \\d+ \\(pid ${victim}\\) exited \\(signal SIGKILL\\); starting another`,
    );
    await until(() => noticed.test(server.log()));
    let pids = new Set<number>();
    await until(async () => {
      pids = await pidsOf(server.url, 4);
      return pids.size === 2;
    });
    expect(pids.has(victim)).toBe(false);
  });

  it('stops every worker on SIGTERM and exits 0', async () => {
    const pids = await pidsOf(server.url, 4);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.log()).toMatch(/SIGTERM: stopping 2 worker process\(es\)/);
    for (const pid of pids) expect(alive(pid)).toBe(false);
  });

  it('gives up, exit 1, when a worker cannot start (its port is taken)', async () => {
    const taken = createNetServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const port = String((taken.address() as AddressInfo).port);
      const failing = startMain({ DATABASE_URL: db.url!, WORKERS: '2', PORT: port });
      await expect(failing).rejects.toThrow(
        /exited \(1\)[\s\S]*worker \d+ \(pid \d+\) failed to start \(status 1\)/,
      );
    } finally {
      taken.close();
    }
  });
});
