/**
 * The built Gridwarden server (server/dist/main.js) on the benchmark database, in a process
 * of its own, started with the Node flags `npm start` uses, and a login to it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_FLAGS } from '../api/servers';

/** The repository root (this file runs from bench/dist/bench/client). */
export const ROOT = join(__dirname, '../../../..');

export interface BenchServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts the server on a free port; resolves once it says where it listens. */
export async function startServer(databaseUrl: string): Promise<BenchServer> {
  const main = join(ROOT, 'server/dist/main.js');
  const client = join(ROOT, 'client/dist/index.html');
  for (const file of [main, client]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
  }
  const child = spawn(process.execPath, [...NODE_FLAGS, main], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      DEMO_ON_EMPTY: 'false',
      // the first start on a fresh database runs the full coverage audit: a province's GAP
      // rule alone takes longer than the default 30 s statement limit on a busy machine
      STATEMENT_TIMEOUT_MS: '0',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
      const found = /GraphQL at (http:\/\/\S+)\/graphql/.exec(output);
      if (found) resolve(found[1].replace('localhost', '127.0.0.1'));
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) =>
      reject(new Error(`the server exited with code ${code}:\n${output.slice(-4000)}`)),
    );
  });
  return { url, stop: () => stop(child) };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** Logs in through the login mutation and returns the token. */
export async function login(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query:
        'mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      variables: { u: username, p: password },
    }),
  });
  const body = (await response.json()) as {
    data?: { login?: { token?: string } };
    errors?: { message: string }[];
  };
  const token = body.data?.login?.token;
  if (!token)
    throw new Error(`login as ${username} failed: ${JSON.stringify(body.errors ?? body)}`);
  return token;
}
