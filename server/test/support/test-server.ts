/** Starts the real HTTP app on a loopback port against a test database. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import type { Database } from '@gridwarden/db';
import type { Viewer } from '../../src/auth/viewer';
import { createServices } from '../../src/graphql/context';
import { buildGridwardenSchema } from '../../src/graphql/schema';
import { createApp } from '../../src/http/app';

export interface TestServer {
  url: string;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
}

export interface TestServerOptions {
  /**
   * The viewer every request runs as, bypassing login (for tests of features other than
   * authentication; the auth tests log in for real).
   */
  viewer?: Viewer;
}

export async function startTestServer(
  db: Database,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const app = await createApp({
    db,
    schema: await buildGridwardenSchema(),
    services: createServices(db),
    clientDist: tmpdir(),
    ...(options.viewer ? { authenticate: async () => options.viewer ?? null } : {}),
  });
  const server: Server = createServer(app.express);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    async graphql<T>(query: string, variables?: Record<string, unknown>) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GraphQLResponse<T>;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.stop();
    },
  };
}
