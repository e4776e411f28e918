/**
 * A throw-away database for one test file: on a real server (TEST `DATABASE_URL` set) a
 * fresh database with PostGIS created next to the configured one and dropped after;
 * otherwise a fresh embedded PGlite + PostGIS in a temporary directory. Migrated.
 *
 * Test support only: application code gets its settings from server/src/config/env.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { openDatabase, type Database } from '../data-source';

export interface TestDatabase extends Database {
  /** The URL tests can hand to a child process (undefined for the embedded database). */
  url?: string;
  dataDir: string;
}

export function testDatabaseUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

export async function openTestDatabase(label = 'test'): Promise<TestDatabase> {
  const baseUrl = testDatabaseUrl();
  const dataDir = mkdtempSync(join(tmpdir(), `gridwarden-${label}-`));
  let url: string | undefined;
  let dropDatabase = async (): Promise<void> => {};
  if (baseUrl) {
    const name = `gw_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${process.pid}_${Date.now().toString(36)}`;
    const admin = new Client({ connectionString: baseUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    const parsed = new URL(baseUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    dropDatabase = async () => {
      const c = new Client({ connectionString: baseUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    };
  }
  const db = await openDatabase({ url, dataDir });
  await db.migrate();
  return {
    ...db,
    url,
    dataDir,
    async close() {
      await db.close();
      await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
