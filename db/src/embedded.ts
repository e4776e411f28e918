/**
 * The embedded database: PGlite (PostgreSQL compiled to WebAssembly) with PostGIS,
 * stored under a data directory and served on a loopback port through pglite-socket,
 * so the rest of Gridwarden talks to it with the same `pg` driver as to a real server.
 *
 * PGlite is a single session: every client of the socket shares one backend, so the
 * pool in front of it must hold exactly one connection (two would share a transaction).
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedServer {
  host: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startEmbedded(dataDir: string): Promise<EmbeddedServer> {
  mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, { extensions: { postgis } });
  await pglite.exec('CREATE EXTENSION IF NOT EXISTS postgis');
  const host = '127.0.0.1';
  const server = new PGLiteSocketServer({ db: pglite, host, port: 0 });
  await server.start();
  const port = Number(String(server.getServerConn()).split(':').pop());
  if (!Number.isInteger(port) || port <= 0) {
    throw new Error(`pglite-socket reported no usable port: ${server.getServerConn()}`);
  }
  let stopped = false;
  return {
    host,
    port,
    dataDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await pglite.close();
    },
  };
}
