// PostGraphile v4 + @graphile/postgis + connection filters (with PostGIS operators) on the
// benchmark database, with the same pool size and session settings as the Gridwarden
// server's (db/src/data-source.ts): jit off, the same statement timeout; in WORKERS
// processes behind one port (node:cluster), as Gridwarden runs with WORKERS.
const cluster = require('node:cluster');
const http = require('node:http');

const workers = Number(process.env.WORKERS || 1);
if (workers > 1 && cluster.isPrimary) {
  let listening = 0;
  cluster.on('listening', (_worker, address) => {
    if (++listening === workers) {
      console.log(
        `PostGraphile listening at http://127.0.0.1:${address.port}/graphql (${workers} workers)`,
      );
    }
  });
  cluster.on('exit', (_worker, code) => {
    if (!Object.keys(cluster.workers).length) process.exit(code ?? 0);
  });
  for (let i = 0; i < workers; i++) cluster.fork();
  const stop = () => Object.values(cluster.workers).forEach((w) => w.process.kill('SIGTERM'));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} else {
  serve();
}

function serve() {
  const { Pool } = require('pg');
  const { postgraphile } = require('postgraphile');
  const PostgisPlugin = require('@graphile/postgis').default;
  const ConnectionFilterPlugin = require('postgraphile-plugin-connection-filter');
  const PostgisFilterPlugin = require('postgraphile-plugin-connection-filter-postgis');

  const pool = new Pool({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.DB_POOL_SIZE || 10),
    statement_timeout: Number(process.env.STATEMENT_TIMEOUT_MS || 30000) || undefined,
    application_name: 'postgraphile-bench',
    options: '-c jit=off',
  });

  const middleware = postgraphile(pool, 'public', {
    appendPlugins: [PostgisPlugin, ConnectionFilterPlugin, PostgisFilterPlugin],
    // production settings: no per-query log, no GraphiQL, no schema watching
    disableQueryLog: true,
    graphiql: false,
    watchPg: false,
    retryOnInitFail: false,
    dynamicJson: true,
    setofFunctionsContainNulls: false,
    enableQueryBatching: false,
  });

  const server = http.createServer(middleware);
  server.listen(0, '127.0.0.1', () => {
    if (cluster.isPrimary) {
      console.log(`PostGraphile listening at http://127.0.0.1:${server.address().port}/graphql`);
    }
  });
  const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
