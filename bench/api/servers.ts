/**
 * The two GraphQL servers under test, each in a child process of its own so that neither
 * shares an event loop with the load generator: the built Gridwarden server (with the SQL
 * capture preloaded) and PostGraphile v4 with @graphile/postgis on the same database.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CapturedStatement, CpuProfile, ProbeReply } from './server-probe';

/** The repository root (this file runs from bench/dist/bench/api). */
export const ROOT = join(__dirname, '../../../..');
const POSTGRAPHILE_DIR = join(ROOT, 'bench/api/postgraphile');

/**
 * Node's flags for both servers: those `npm start` and the Dockerfile run Gridwarden with (a
 * 64 MB young generation: fewer scavenges under load; bench/api measured 5–9 % less server
 * CPU a request at 32 MB than at Node's default, and 2–4 % less latency at 64 than at 32),
 * given to PostGraphile too so the two differ only in their code.
 */
export const NODE_FLAGS = ['--max-semi-space-size=64'];

export interface ServerSettings {
  databaseUrl: string;
  /** Connections to PostgreSQL, over all of the server's worker processes. */
  poolSize: number;
  /** HTTP worker processes of each server (Gridwarden's WORKERS; PostGraphile in a cluster). */
  workers: number;
  statementTimeoutMs: number;
}

export interface RunningServer {
  name: string;
  url: string;
  child: ChildProcess;
  /** Everything the process wrote, for the error message when it fails. */
  output(): string;
  stop(): Promise<void>;
}

export interface GridwardenServer extends RunningServer {
  /** Runs fn with the SQL capture on and returns the statements the server issued meanwhile. */
  capture(fn: () => Promise<void>): Promise<CapturedStatement[]>;
  /** Runs fn with the server's CPU profiled and returns fn's result and each worker's profile. */
  profile<T>(fn: () => Promise<T>): Promise<{ result: T; profiles: CpuProfile[] }>;
}

/** Starts server/dist/main.js against the benchmark database on a free port. */
export async function startGridwarden(settings: ServerSettings): Promise<GridwardenServer> {
  const main = join(ROOT, 'server/dist/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build the server first`);
  const child = spawn(
    process.execPath,
    [...NODE_FLAGS, '--enable-source-maps', '-r', join(__dirname, 'server-probe.js'), main],
    {
      cwd: ROOT,
      env: {
        ...serverEnv(settings),
        PORT: '0',
        HOST: '127.0.0.1',
        DEMO_ON_EMPTY: 'false',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
    },
  );
  const running = await whenListening('Gridwarden', child, /GraphQL at (http:\/\/\S+\/graphql)/);
  const url = running.url.replace('localhost', '127.0.0.1');
  return {
    ...running,
    url,
    capture: async (fn) => {
      const { reply } = await around(child, 'capture', fn);
      return (reply as Extract<ProbeReply, { type: 'captured' }>).statements;
    },
    profile: async (fn) => {
      const { result, reply } = await around(child, 'profile', fn);
      return { result, profiles: (reply as Extract<ProbeReply, { type: 'profiled' }>).profiles };
    },
  };
}

/**
 * Starts PostGraphile (bench/api/postgraphile/serve.cjs, its own install: PostGraphile v4
 * needs graphql 15, the server graphql 16, and one root node_modules cannot hold both).
 */
export async function startPostGraphile(settings: ServerSettings): Promise<RunningServer> {
  const serve = join(POSTGRAPHILE_DIR, 'serve.cjs');
  const child = spawn(process.execPath, [...NODE_FLAGS, serve], {
    cwd: POSTGRAPHILE_DIR,
    env: serverEnv(settings),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return whenListening('PostGraphile', child, /PostGraphile listening at (http:\/\/\S+\/graphql)/);
}

/**
 * What both servers are started with: the same database, statement timeout and workers, and
 * the pool shared out among the workers (DB_POOL_SIZE is per process), so each server holds
 * as many connections as the raw-SQL baseline.
 */
function serverEnv(settings: ServerSettings): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    DATABASE_URL: settings.databaseUrl,
    WORKERS: String(settings.workers),
    DB_POOL_SIZE: String(Math.ceil(settings.poolSize / settings.workers)),
    STATEMENT_TIMEOUT_MS: String(settings.statementTimeoutMs),
  };
}

/** Installs bench/api/postgraphile from its lock file when its node_modules is missing. */
export function ensurePostGraphileInstalled(log: (line: string) => void): void {
  if (existsSync(join(POSTGRAPHILE_DIR, 'node_modules/postgraphile'))) return;
  log('installing PostGraphile into bench/api/postgraphile (npm ci, once) …');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: POSTGRAPHILE_DIR,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('npm ci in bench/api/postgraphile failed');
}

/**
 * A child process as a running server once its output matches `ready` (group 1: its URL);
 * rejects with the output if it exits first or takes over 120 s.
 */
export function whenListening(
  name: string,
  child: ChildProcess,
  ready: RegExp,
): Promise<RunningServer> {
  let output = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${name} did not start within 120 s:\n${output}`));
    }, 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ name, url: match[1], child, output: () => output, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${signal ?? code}) before listening:\n${output}`));
    });
  });
}

/** Sends <kind>-start, runs fn once the probe has started, sends <kind>-stop and waits for its answer. */
async function around<T>(
  child: ChildProcess,
  kind: 'capture' | 'profile',
  fn: () => Promise<T>,
): Promise<{ result: T; reply: ProbeReply }> {
  // IPC and HTTP are separate channels: the requests start only once the probe has.
  const next = () =>
    new Promise<ProbeReply>((resolve) => child.once('message', (m: ProbeReply) => resolve(m)));
  const started = next();
  child.send({ type: `${kind}-start` });
  await started;
  const stop = () => {
    const stopped = next();
    child.send({ type: `${kind}-stop` });
    return stopped;
  };
  let result: T;
  try {
    result = await fn();
  } catch (error) {
    await stop();
    throw error;
  }
  return { result, reply: await stop() };
}
