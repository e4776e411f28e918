/**
 * What the e2e specs share: a built server started on a fresh database (embedded, or a new
 * database of DATABASE_URL's PostgreSQL) with the demo county, chromium on it (e2eSession),
 * GraphQL calls to it, and the artifacts folder. Needs `npm run build` first.
 */
import { afterAll, beforeAll } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, VIEWPORT } from './chromium';

export const REPO_ROOT = resolve(__dirname, '../..');
export const ARTIFACTS = join(REPO_ROOT, 'artifacts/e2e');
const SERVER_ENTRY = resolve(REPO_ROOT, 'server/dist/main.js');
const CLIENT_INDEX = join(REPO_ROOT, 'client/dist/index.html');
// With DATABASE_URL set the server runs on a fresh database of that PostgreSQL; else embedded.
const BASE_DATABASE_URL = process.env.DATABASE_URL || undefined;
// The first start creates the database and loads the demo county.
export const SERVER_START_TIMEOUT_MS = 180_000;
export const MAP_READY_TIMEOUT_MS = 120_000;

/** Demo accounts of README "Users and roles". */
export const DEMO_USERS = {
  admin: { username: 'admin', password: 'admin-demo-2026' },
  planner: { username: 'planner', password: 'planner-demo-2026' },
} as const;

export interface E2eServer {
  baseUrl: string;
  /** The last 20 kB the server printed. */
  log(): string;
  /** SIGTERM, then SIGKILL after 10 s; says how the server ended (the first call's answer). */
  stop(): Promise<ServerExit>;
}

/** How the server process ended: by itself after SIGTERM (code 0), or killed after 10 s. */
export interface ServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** From SIGTERM to exit. */
  ms: number;
  killed: boolean;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `server exited with code ${child.exitCode} before /healthz answered:\n${log().slice(-4000)}`,
      );
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(
    `/healthz did not answer within ${SERVER_START_TIMEOUT_MS / 1000}s:\n${log().slice(-4000)}`,
  );
}

/** A fresh database next to DATABASE_URL for the server under test, and how to drop it. */
async function freshDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `gw_e2e_${process.pid}_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`).finally(() => admin.end());
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => c.end());
    },
  };
}

/** Starts the built server on a free port and a fresh database; resolves once /healthz answers. */
export async function startE2eServer(env: Record<string, string> = {}): Promise<E2eServer> {
  if (!existsSync(SERVER_ENTRY)) {
    throw new Error(`${SERVER_ENTRY} does not exist: run npm run build first`);
  }
  if (!existsSync(CLIENT_INDEX)) {
    throw new Error(`${CLIENT_INDEX} does not exist: run npm run build first`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'gridwarden-e2e-'));
  const database = BASE_DATABASE_URL ? await freshDatabase(BASE_DATABASE_URL) : null;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let serverLog = '';
  const child = spawn('node', [SERVER_ENTRY], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      // as users run it (jest's NODE_ENV=test changes what Apollo does, signals among it)
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: database?.url ?? '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    serverLog = (serverLog + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const log = () => serverLog;
  let stopped: Promise<ServerExit> | undefined;
  const stop = () => (stopped ??= stopChild());
  const stopChild = async (): Promise<ServerExit> => {
    const started = performance.now();
    let killed = false;
    if (child.exitCode === null && child.signalCode === null) {
      let timer: NodeJS.Timeout | undefined;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 10_000)))]);
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) {
        killed = true;
        child.kill('SIGKILL');
        await exited;
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
    return {
      code: child.exitCode,
      signal: child.signalCode,
      ms: performance.now() - started,
      killed,
    };
  };
  try {
    await waitForHealth(baseUrl, child, log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, log, stop };
}

/** One GraphQL operation against the server, as the holder of `token`; throws on any error. */
export async function graphqlAt<T>(
  baseUrl: string,
  token: string | null,
  operationName: string,
  query: string,
  variables: object = {},
): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ operationName, query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!body.data || body.errors)
    throw new Error(`${operationName}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** What a spec file's tests share: the server, the browser page, API calls and screenshots. */
export interface E2eSession {
  readonly baseUrl: string;
  readonly page: Page;
  /** The token the API calls below carry (null: anonymous). */
  token: string | null;
  graphql<T>(operationName: string, query: string, variables?: object): Promise<T>;
  /** Logs in through the API and keeps the token for `graphql`. */
  apiLogin(user: { username: string; password: string }): Promise<string>;
  /** Saves a screenshot of the page as artifacts/e2e/<prefix><name>.png. */
  screenshot(name: string): Promise<void>;
  /** Page coordinates of a lon/lat on the map now. */
  pagePoint(lon: number, lat: number): Promise<{ x: number; y: number }>;
  /** The server's last output, for a failure's message. */
  serverLog(): string;
  /** Stops the server now (SIGTERM) and says how it ended; afterAll then has nothing to stop. */
  stopServer(): Promise<ServerExit>;
}

/**
 * Registers the spec file's beforeAll/afterAll: the built server on a fresh demo (with `env`),
 * Debian's chromium and one page; everything is stopped after the last test.
 */
export function e2eSession(options: { env?: Record<string, string>; prefix?: string } = {}) {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const started = () => {
    if (!server || !page) throw new Error('the e2e session has not started (beforeAll failed?)');
    return { server, page };
  };
  beforeAll(async () => {
    server = await startE2eServer(options.env);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: VIEWPORT });
  }, SERVER_START_TIMEOUT_MS + 60_000);
  afterAll(async () => {
    await browser?.close();
    // what the server said, beside the screenshots: the first place to look when a step failed
    if (server) writeFileSync(join(ARTIFACTS, `${options.prefix ?? ''}server.log`), server.log());
    await server?.stop();
  }, 30_000);

  const session: E2eSession = {
    get baseUrl() {
      return started().server.baseUrl;
    },
    get page() {
      return started().page;
    },
    token: null,
    graphql: <T>(operationName: string, query: string, variables: object = {}) =>
      graphqlAt<T>(started().server.baseUrl, session.token, operationName, query, variables),
    apiLogin: async ({ username, password }) => {
      const { login } = await session.graphql<{ login: { token: string } }>(
        'E2eLogin',
        'mutation E2eLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        { u: username, p: password },
      );
      session.token = login.token;
      return login.token;
    },
    screenshot: async (name) => {
      await started().page.screenshot({
        path: join(ARTIFACTS, `${options.prefix ?? ''}${name}.png`),
      });
    },
    pagePoint: async (lon, lat) => {
      const { page } = started();
      const box = await page.locator('.map-container').boundingBox();
      if (!box) throw new Error('the map is not on the page');
      const at = await page.evaluate(([x, y]) => window.__gridwarden!.project(x, y), [lon, lat]);
      return { x: box.x + at.x, y: box.y + at.y };
    },
    serverLog: () => server?.log() ?? '',
    stopServer: () => started().server.stop(),
  };
  return session;
}
