/**
 * The embedded database: PGlite (PostgreSQL compiled to WebAssembly) with PostGIS,
 * stored under a data directory and served on a loopback port through pglite-socket,
 * so the rest of Gridwarden talks to it with the same `pg` driver as to a real server.
 *
 * PGlite is a single session: every client of the socket shares one backend, so the
 * pool in front of it must hold exactly one connection (two would share a transaction).
 */
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- a declaration file, nothing to import
/// <reference path="./pglite-contrib.d.ts" />
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { postgis } from '@electric-sql/pglite-postgis';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedServer {
  host: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

export class EmbeddedInUseError extends Error {}

/**
 * Two processes on one PGlite directory would corrupt it, so the directory is locked by a
 * file holding the owner's pid; a lock left by a process that no longer runs is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lock = join(dataDir, 'gridwarden.lock');
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
  } catch {
    const owner = Number(readFileSync(lock, 'utf8'));
    if (owner !== process.pid && isRunning(owner)) {
      throw new EmbeddedInUseError(
        `the embedded database in ${dataDir} is in use by process ${owner}; stop it first (or set DATABASE_URL to share a real PostgreSQL)`,
      );
    }
    writeFileSync(lock, String(process.pid));
  }
  return () => rmSync(lock, { force: true });
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function startEmbedded(dataDir: string): Promise<EmbeddedServer> {
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockDataDir(dataDir);
  let pglite: PGlite;
  try {
    // pg_trgm: the trigram indexes behind name search (migration read-indexes)
    pglite = await PGlite.create(dataDir, { extensions: { postgis, pg_trgm } });
  } catch (error) {
    unlock();
    throw error;
  }
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
      unlock();
    },
  };
}
