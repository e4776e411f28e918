/** Starts the real HTTP app on a loopback port against a test database. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import type { Database } from '@gridwarden/db';
import type { AuthOptions } from '../../src/auth/auth.service';
import { createAuthenticate } from '../../src/auth/authenticate';
import type { Viewer } from '../../src/auth/viewer';
import { createServices } from '../../src/graphql/context';
import { buildGridwardenSchema } from '../../src/graphql/schema';
import { createApp } from '../../src/http/app';

/** Sends GraphQL requests, all with the same headers (credentials). */
export interface GraphQLClient {
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
}

export interface TestServer extends GraphQLClient {
  url: string;
  /** A client whose requests carry these headers, e.g. { 'x-api-key': key }. */
  withHeaders(headers: Record<string, string>): GraphQLClient;
  /** Logs in for real through the login mutation; the client sends "Authorization: Bearer <token>". */
  login(username: string, password: string): Promise<GraphQLClient & { token: string }>;
  close(): Promise<void>;
}

export interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
  /** The HTTP status of the response (not part of the GraphQL body). */
  status: number;
}

export interface TestServerOptions {
  /**
   * The viewer every request runs as, bypassing login (for tests of features other than
   * authentication; the auth tests log in for real). Without it requests are authenticated
   * like in production: anonymous unless they carry a token or an API key.
   */
  viewer?: Viewer;
  /** JWT secret and lifetime; a stored generated secret and 12 hours when omitted. */
  auth?: AuthOptions;
}

export async function startTestServer(
  db: Database,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const services = createServices(db, { auth: options.auth });
  const app = await createApp({
    db,
    schema: await buildGridwardenSchema(),
    services,
    clientDist: tmpdir(),
    authenticate: options.viewer
      ? async () => options.viewer ?? null
      : createAuthenticate(services.auth),
  });
  const server: Server = createServer(app.listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = (headers: Record<string, string>): GraphQLClient => ({
    async graphql<T>(query: string, variables?: Record<string, unknown>) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as Omit<GraphQLResponse<T>, 'status'>;
      return Object.defineProperty(body, 'status', { value: res.status }) as GraphQLResponse<T>;
    },
  });
  const anonymous = client({});
  return {
    url,
    graphql: anonymous.graphql,
    withHeaders: client,
    async login(username, password) {
      const res = await anonymous.graphql<{ login: { token: string } }>(
        `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`,
        { u: username, p: password },
      );
      const token = res.data?.login.token;
      if (!token) throw new Error(`login as ${username} failed: ${JSON.stringify(res.errors)}`);
      return { token, ...client({ authorization: `Bearer ${token}` }) };
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.stop();
    },
  };
}
