/**
 * The HTTP surface: /graphql (Apollo Server, executed by graphql-jit: graphql-handler.ts) and
 * /tiles (vector tiles: tiles/tiles.handler.ts) straight from Node's HTTP server, and through
 * Express /healthz, /config.json and the built map client at /.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { Database } from '@gridwarden/db';
import type { RequestListener } from 'node:http';
import express from 'express';
import type { Authenticate } from '../auth/authenticate';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { introspectionForViewersOnly } from '../auth/introspection.plugin';
import { jitGateway } from '../graphql/jit-executor';
import { createRequestContext, type RequestContext, type Services } from '../graphql/context';
import { TileRepository } from '../tiles/tile.repository';
import { TileService } from '../tiles/tile.service';
import { createTileHandler, isTilePath } from '../tiles/tiles.handler';
import type { ClientConfig } from './client-config';
import { createGraphQLHandler, isGraphQLPath } from './graphql-handler';
import { graphqlLimits, MAX_BODY_BYTES } from './limits';

export interface AppOptions {
  db: Database;
  schema: GraphQLSchema;
  services: Services;
  /** Folder of the built client (index.html); the map is not served when missing. */
  clientDist: string;
  /** Resolves the viewer of a request (JWT or API key); null when anonymous. */
  authenticate?: Authenticate;
  /** What the browser is told at /config.json (the Tianditu basemap key); none by default. */
  clientConfig?: ClientConfig;
}

export interface App {
  /** What Node's HTTP server calls: /graphql straight into Apollo, the rest through Express. */
  listener: RequestListener;
  stop(): Promise<void>;
}

export async function createApp(options: AppOptions): Promise<App> {
  const { db, schema, services, clientDist } = options;
  const authenticate = options.authenticate ?? (async () => null);
  const limits = graphqlLimits();
  const apollo = new ApolloServer<RequestContext>({
    // the schema, executed by graphql-jit (graphql/jit-executor.ts)
    gateway: jitGateway(schema),
    // allowed, but only for authenticated callers (introspectionForViewersOnly)
    introspection: true,
    csrfPrevention: true,
    // main.ts stops the server on SIGINT/SIGTERM (HTTP, Apollo, then the database). Apollo's
    // own handlers (on outside NODE_ENV=test) raced it and left the process hanging after
    // SIGTERM until killed, the embedded database unclosed.
    stopOnTerminationSignals: false,
    // server file paths are nobody else's business
    includeStacktraceInErrorResponses: false,
    plugins: [
      ...(limits.plugins as ApolloServerPlugin<RequestContext>[]),
      introspectionForViewersOnly(),
      // Apollo's default cache-control plugin wraps every field resolver to collect cache hints;
      // with none in this schema it only ever answers "no-store", for ~30 % of the CPU of a
      // page of 100 enterprises (bench/api). The GraphQL handler sets the header instead.
      ApolloServerPluginCacheControlDisabled(),
    ],
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    formatError: explainStatementTimeout,
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', async (_req, res) => {
    try {
      await db.dataSource.query('SELECT 1');
      // pid: which process answered, when WORKERS runs several
      res.json({ status: 'ok', pid: process.pid, database: databaseReport(db) });
    } catch (error) {
      res.status(503).json({
        status: 'unavailable',
        error: (error as Error).message,
        database: databaseReport(db),
      });
    }
  });

  const clientConfig: ClientConfig = options.clientConfig ?? { tianditu: null };
  app.get('/config.json', (_req, res) => {
    res.set('Cache-Control', 'no-cache').json(clientConfig);
  });

  const index = join(clientDist, 'index.html');
  if (existsSync(index)) {
    app.use(express.static(clientDist, { index: 'index.html', maxAge: '1h' }));
    app.get(/^\/(?!graphql|healthz|tiles).*/, (_req, res) => res.sendFile(index));
  } else {
    app.get('/', (_req, res) =>
      res
        .status(503)
        .type('text/plain')
        .send(`The map client is not built (${index} is missing). Run: npm run build\n`),
    );
  }

  const graphql = createGraphQLHandler(apollo, {
    context: async (req) => createRequestContext(services, await authenticate(req)),
    maxBodyBytes: MAX_BODY_BYTES,
  });
  const tiles = createTileHandler({
    service: new TileService(new TileRepository(db.reads), db.capabilities),
    authenticate,
  });
  return {
    listener: (req, res) => {
      if (isGraphQLPath(req.url)) graphql(req, res);
      else if (isTilePath(req.url)) tiles(req, res);
      else void app(req, res);
    },
    stop: () => apollo.stop(),
  };
}

/** PostgreSQL's "canceling statement due to statement timeout" (57014), said so a caller can act on it. */
export function explainStatementTimeout(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const cause = unwrapResolverError(error) as { code?: unknown } | null;
  if (cause && typeof cause === 'object' && cause.code === '57014') {
    return {
      ...formatted,
      message:
        'the database cancelled this request because it ran longer than STATEMENT_TIMEOUT_MS; ask for less (a smaller scope or page)',
      extensions: { code: 'STATEMENT_TIMEOUT' },
    };
  }
  return formatted;
}

function databaseReport(db: Database) {
  const c = db.capabilities;
  return {
    mode: db.mode,
    postgres: c.postgresVersion,
    postgis: c.postgisVersion,
    geos: c.geosVersion,
    capabilities: {
      asMvt: c.asMvt,
      coverageFunctions: c.coverageFunctions,
      copyFromStdin: c.copyFromStdin,
    },
  };
}
