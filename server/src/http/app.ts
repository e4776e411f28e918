/**
 * The HTTP surface: /graphql (Apollo Server), /tiles (vector tiles), /healthz, and the built
 * map client at /.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import type { Database } from '@gridwarden/db';
import express, { type Express, type Request } from 'express';
import type { Viewer } from '../auth/viewer';
import type { GraphQLSchema } from 'graphql';
import { createRequestContext, type RequestContext, type Services } from '../graphql/context';
import { TileRepository } from '../tiles/tile.repository';
import { TileService } from '../tiles/tile.service';
import { createTileRouter } from '../tiles/tiles.router';

export interface AppOptions {
  db: Database;
  schema: GraphQLSchema;
  services: Services;
  /** Folder of the built client (index.html); the map is not served when missing. */
  clientDist: string;
  /** Resolves the viewer of a request (JWT or API key); null when anonymous. */
  authenticate?: (req: Request) => Promise<Viewer | null>;
}

export interface App {
  express: Express;
  stop(): Promise<void>;
}

export async function createApp(options: AppOptions): Promise<App> {
  const { db, schema, services, clientDist } = options;
  const authenticate = options.authenticate ?? (async () => null);
  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: true,
    csrfPrevention: true,
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', async (_req, res) => {
    try {
      await db.dataSource.query('SELECT 1');
      res.json({ status: 'ok', database: databaseReport(db) });
    } catch (error) {
      res.status(503).json({
        status: 'unavailable',
        error: (error as Error).message,
        database: databaseReport(db),
      });
    }
  });

  app.use(
    '/graphql',
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => createRequestContext(services, await authenticate(req)),
    }),
  );

  app.use(
    '/tiles',
    createTileRouter({
      service: new TileService(new TileRepository(db.dataSource), db.capabilities),
      authenticate,
    }),
  );

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

  return { express: app, stop: () => apollo.stop() };
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
