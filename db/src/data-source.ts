/**
 * One code path for two databases: `url` set → a real PostgreSQL + PostGIS with a pool;
 * unset → the embedded PGlite + PostGIS under `dataDir`, reached through a loopback
 * socket with a pool of exactly one connection.
 */
import 'reflect-metadata';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { readCapabilities, type Capabilities } from './capabilities';
import { startEmbedded, type EmbeddedServer } from './embedded';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export type DatabaseMode = 'postgis' | 'embedded';

export interface DatabaseOptions {
  /** postgres://… of a PostgreSQL with PostGIS available; unset for the embedded database. */
  url?: string;
  /** Where the embedded database keeps its files. */
  dataDir: string;
  /** Pool size for a real server; the embedded database always uses one. */
  poolSize?: number;
  /** Per-statement limit in ms (0 = none). */
  statementTimeoutMs?: number;
}

/** What runs a statement and answers its rows: a DataSource, an EntityManager, `reads`. */
export interface Reads {
  query<T = any>(sql: string, parameters?: unknown[]): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /**
   * A SELECT as a named prepared statement: parsed on each pooled connection the first time
   * it runs there, and from then on planned only when PostgreSQL finds a plan for the
   * parameters at hand worth the planning (plan_cache_mode auto: after five custom plans, the
   * generic plan if it costs no more). For statements run often whose planning is a large share
   * of their time (a vector tile's: 0.5–1.5 ms of 2–4). A name stands for one text for the
   * life of the pool.
   */
  prepared<T = any>(statement: PreparedStatement, parameters: unknown[]): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A statement to prepare: its name on every connection, and its text. */
export interface PreparedStatement {
  name: string;
  text: string;
}

export interface Database {
  mode: DatabaseMode;
  dataSource: DataSource;
  /**
   * SELECTs outside any transaction, sent straight to the connection pool TypeORM opened:
   * the same connections, settings and rows as `dataSource.query`, without a query runner,
   * its events and its promises per statement (bench/api: ~10 µs and a share of the garbage
   * a statement, on the path of every read). Only for SELECT: an UPDATE or DELETE answers
   * `[rows, count]` through TypeORM and only rows here.
   */
  reads: Reads;
  capabilities: Capabilities;
  /** Applies pending migrations; returns the names applied. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let embedded: EmbeddedServer | undefined;
  let dataSource: DataSource;
  const common = {
    type: 'postgres' as const,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    logging: false,
  };
  if (options.url) {
    dataSource = new DataSource({
      ...common,
      url: options.url,
      extra: {
        max: options.poolSize ?? 10,
        statement_timeout: options.statementTimeoutMs || undefined,
        application_name: 'gridwarden',
        // PostGIS's high function costs switch JIT on for spatial joins, adding 0.5–0.9 s of
        // compilation to queries that run in a fraction of that.
        options: '-c jit=off',
      },
    });
  } else {
    embedded = await startEmbedded(options.dataDir);
    dataSource = new DataSource({
      ...common,
      host: embedded.host,
      port: embedded.port,
      username: 'postgres',
      database: 'postgres',
      // PGlite is one session: a second connection would share the first one's transaction.
      extra: { max: 1, statement_timeout: options.statementTimeoutMs || undefined },
    });
  }
  try {
    await dataSource.initialize();
  } catch (error) {
    await embedded?.stop();
    throw new Error(
      `cannot connect to ${options.url ? redactUrl(options.url) : `the embedded database in ${options.dataDir}`}: ${
        (error as Error).message
      }`,
      { cause: error },
    );
  }
  let capabilities: Capabilities;
  try {
    await dataSource.query('CREATE EXTENSION IF NOT EXISTS postgis');
    capabilities = await readCapabilities(dataSource);
  } catch (error) {
    await dataSource.destroy();
    await embedded?.stop();
    throw new Error(`PostGIS is not available in the database: ${(error as Error).message}`, {
      cause: error,
    });
  }

  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  return {
    mode: embedded ? 'embedded' : 'postgis',
    dataSource,
    reads: {
      query: async (sql, parameters) => (await pool.query(sql, parameters)).rows as never,
      prepared: async ({ name, text }, values) =>
        (await pool.query({ name, text, values })).rows as never,
    },
    capabilities,
    async migrate() {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    },
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}

/** postgres://user:secret@host/db → postgres://user:***@host/db, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
