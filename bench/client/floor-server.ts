/**
 * The least an HTTP tile server in a process of its own can do, for the client benchmark's
 * "floor" column: node:http, one `pg` pool, the endpoint's own prepared statements
 * (`mvtStatement`) for the whole territory, a gzip of each distinct tile kept, an ETag; no
 * login, no scope check, no router.
 * Run by the benchmark as a child process:
 *
 *   DATABASE_URL=postgres://… node bench/dist/bench/client/floor-server.js
 *
 * It prints "floor tiles at http://127.0.0.1:<port>" once it listens.
 */
import { createServer } from 'node:http';
import { constants, gzipSync } from 'node:zlib';
import { Pool } from 'pg';
import { etagOf } from '../../server/src/tiles/http-cache';
import { mvtStatement } from '../../server/src/tiles/tile.repository';
import type { TileSet } from '../../server/src/tiles/tile.types';

const TILE = /^\/tiles\/(grids|enterprises|violations)\/(\d+)\/(\d+)\/(\d+)\.mvt$/;

async function main(): Promise<void> {
  // the session settings the server's pool has (db/src/data-source.ts)
  const pool = new Pool({
    connectionString: process.env.DATABASE_URL,
    max: 10,
    options: '-c jit=off',
  });
  const [{ id: root }] = (
    await pool.query<{ id: string }>(`SELECT id::text AS id FROM grid WHERE parent_id IS NULL`)
  ).rows;
  const gzipped = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    const match = TILE.exec(req.url ?? '');
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    const [, set, z, x, y] = match;
    const { name, text } = mvtStatement(set as TileSet, Number(z));
    pool
      .query<{ mvt: Buffer }>({ name, text, values: [root, Number(z), Number(x), Number(y)] })
      .then(({ rows }) => {
        const bytes = Object.values(rows[0])[0] as Buffer;
        if (bytes.length === 0) return void res.writeHead(204).end();
        const etag = etagOf(bytes);
        let body = gzipped.get(etag);
        if (!body) {
          body = gzipSync(bytes, { level: constants.Z_BEST_SPEED });
          gzipped.set(etag, body);
        }
        res
          .writeHead(200, {
            'Content-Type': 'application/vnd.mapbox-vector-tile',
            'Content-Encoding': 'gzip',
            'Content-Length': body.length,
            ETag: etag,
          })
          .end(body);
      })
      .catch((error: unknown) => {
        console.error(error);
        res.writeHead(500).end();
      });
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    console.log(`floor tiles at http://127.0.0.1:${port}`);
  });
  const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
