/**
 * Boot only: configuration → database (migrate, demo on first start) → HTTP with
 * GraphQL, health and the map client; in WORKERS processes when asked (http/workers.ts).
 */
import 'reflect-metadata';
import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { openDatabase, redactUrl, type Database } from '@gridwarden/db';
import { createAuthenticate } from './auth/authenticate';
import { runDemo } from './cli/demo.command';
import { coverageThresholds, loadEnv, type Env } from './config/env';
import { createLogger, type Logger } from './config/logger';
import { CoverageService } from './coverage/coverage.service';
import { createServices } from './graphql/context';
import { buildGridwardenSchema } from './graphql/schema';
import { createApp } from './http/app';
import { startWorkers } from './http/workers';

async function main(): Promise<void> {
  const env = loadEnv();
  const log = createLogger(env.LOG_LEVEL);
  if (cluster.isWorker) {
    // the primary has migrated and loaded the database; a worker only serves
    return serve(env, log, await open(env), false);
  }
  log.info(
    env.DATABASE_URL
      ? `database: ${redactUrl(env.DATABASE_URL)}`
      : `database: embedded PGlite + PostGIS in ${env.DATA_DIR}`,
  );
  const db = await open(env);
  const caps = db.capabilities;
  log.info(
    `PostGIS ${caps.postgisVersion} (GEOS ${caps.geosVersion}) on ${caps.postgresVersion.split(' on ')[0]}`,
  );
  await prepare(env, log, db);
  if (env.WORKERS === 1) return serve(env, log, db, true);

  await db.close();
  const pool = startWorkers({
    count: env.WORKERS,
    log,
    onReady: (port) => log.info(`${readyLine(port)} (${env.WORKERS} worker processes)`),
    onExit: (status) => process.exit(status),
  });
  process.on('SIGINT', () => pool.stop('SIGINT'));
  process.on('SIGTERM', () => pool.stop('SIGTERM'));
}

function open(env: Env): Promise<Database> {
  return openDatabase({
    url: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    poolSize: env.DB_POOL_SIZE,
    statementTimeoutMs: env.STATEMENT_TIMEOUT_MS,
  });
}

/** Once per start, before serving: migrations, the demo on an empty database, a first audit. */
async function prepare(env: Env, log: Logger, db: Database): Promise<void> {
  const [{ statement_timeout }] = await db.dataSource.query('SHOW statement_timeout');
  if (env.STATEMENT_TIMEOUT_MS > 0 && statement_timeout === '0') {
    // PGlite ignores it: WebAssembly has no timer interrupt to cancel a running statement
    log.warn(
      `STATEMENT_TIMEOUT_MS=${env.STATEMENT_TIMEOUT_MS} is not in effect on this database: long statements are not cancelled`,
    );
  }
  const applied = await db.migrate();
  if (applied.length) log.info(`applied migrations: ${applied.join(', ')}`);

  const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM grid`);
  const demoLoaded = n === 0 && env.DEMO_ON_EMPTY;
  if (demoLoaded) {
    await runDemo(db, { preset: 'county', seed: env.DEMO_SEED, defects: env.DEMO_DEFECTS }, log);
  }

  // A first audit, so the coverage report never shows an unaudited database as perfect.
  const [{ audits }] = await db.dataSource.query(`SELECT count(*)::int AS audits FROM audit_run`);
  if (audits === 0 && (n > 0 || demoLoaded)) {
    log.info('running the first coverage audit …');
    const audit = await db.dataSource.transaction((tx) =>
      new CoverageService(coverageThresholds(env)).fullAudit(tx),
    );
    const found = Object.entries(audit.counts)
      .filter(([, count]) => count)
      .map(([rule, count]) => `${rule} ${count}`);
    log.info(`coverage audit: ${found.join(', ') || 'no violations'} (${audit.durationMs} ms)`);
  }
}

const readyLine = (port: number) =>
  `Gridwarden is ready: map at http://localhost:${port}/ , GraphQL at http://localhost:${port}/graphql`;

/** HTTP with GraphQL, tiles, health and the map client, until SIGTERM/SIGINT. */
async function serve(env: Env, log: Logger, db: Database, announce: boolean): Promise<void> {
  const services = createServices(db, {
    auth: {
      jwtSecret: env.JWT_SECRET,
      ttlHours: env.JWT_TTL_HOURS,
      accountCacheSeconds: env.AUTH_CACHE_SECONDS,
    },
    thresholds: coverageThresholds(env),
  });
  const app = await createApp({
    db,
    schema: await buildGridwardenSchema(),
    services,
    authenticate: createAuthenticate(services.auth),
    clientConfig: { tianditu: env.TIANDITU_KEY ? { key: env.TIANDITU_KEY } : null },
    clientDist: env.CLIENT_DIST ?? resolve(__dirname, '../../client/dist'),
  });
  const server = createServer(app.listener);
  server.listen(env.PORT, env.HOST, () => {
    const address = server.address();
    if (announce)
      log.info(readyLine(typeof address === 'object' && address ? address.port : env.PORT));
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (announce) log.info(`${signal}: stopping`);
    server.close();
    await app.stop();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`gridwarden: ${(error as Error).message ?? error}`);
  process.exit(1);
});
