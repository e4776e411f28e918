/**
 * The only reader of process.env. Every setting is parsed and checked here once; a bad
 * value stops start-up with a message that names the variable and what is wrong.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { CoverageThresholds } from '../coverage/coverage.types';

/** A whole number in [min, max], read from a string, with a message people understand. */
const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .int({ error: `must be a whole number from ${min} to ${max}` })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });

const schema = z.object({
  /** postgres://user:password@host:5432/db of a PostgreSQL with PostGIS; unset → embedded PGlite + PostGIS. */
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Folder of the embedded database (ignored with DATABASE_URL). */
  DATA_DIR: z.string().trim().min(1).default('.data'),
  /** HTTP port of the map and the API. */
  PORT: wholeNumber(0, 65535).default(4000),
  /** Address to listen on. */
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  /** Connections in the pool to a real PostgreSQL (the embedded database always uses one). */
  DB_POOL_SIZE: wholeNumber(1, 200).default(10),
  /**
   * HTTP worker processes (node:cluster), each with its own event loop and DB_POOL_SIZE
   * connections: a whole number, or `auto` for one per CPU core. More than one needs
   * DATABASE_URL: the embedded database lives inside a single process.
   */
  WORKERS: z
    .union([z.literal('auto'), wholeNumber(1, 64)], {
      error: 'must be auto or a whole number from 1 to 64',
    })
    .default(1)
    .transform((v) => (v === 'auto' ? availableParallelism() : v)),
  /** Longest a single SQL statement may run, in ms (0 = no limit). */
  STATEMENT_TIMEOUT_MS: wholeNumber(0).default(30000),
  /** On an empty database, load the demo county at start-up. */
  DEMO_ON_EMPTY: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /** Seed of the demo loaded on an empty database. */
  DEMO_SEED: wholeNumber(0).default(20261122),
  /** Planted defects of each kind in the start-up demo, so the map has something to show. */
  DEMO_DEFECTS: wholeNumber(0, 25).default(3),
  /** Folder of the built map client served at /. */
  CLIENT_DIST: z.string().trim().min(1).optional(),
  /** Coverage: gaps, overlaps and outside parts of at most this many m² are ignored (DOMAIN.md: 1). */
  COVERAGE_MIN_SLIVER_M2: z.coerce
    .number({ error: 'must be a number of m² ≥ 0' })
    .min(0, { error: 'must be a number of m² ≥ 0' })
    .default(1),
  /** Coverage: an enterprise closer than this many metres to a grid edge is flagged for review (DOMAIN.md: 10). */
  COVERAGE_NEAR_BOUNDARY_M: z.coerce
    .number({ error: 'must be a number of metres ≥ 0' })
    .min(0, { error: 'must be a number of metres ≥ 0' })
    .default(10),
  /** Coverage: seed 003 §4, a base grid holds at least this many enterprises… */
  GRID_SIZE_MIN: wholeNumber(0).default(50),
  /** …and at most this many. */
  GRID_SIZE_MAX: wholeNumber(1).default(100),
  /**
   * Key that signs login tokens (HS256), at least 32 characters. Unset: the server generates
   * one on first start and keeps it in the database (table app_secret), so sessions survive
   * restarts; set it to share tokens between several servers or to rotate it.
   */
  JWT_SECRET: z
    .string()
    .min(32, { error: 'must be at least 32 characters (e.g. openssl rand -base64 48)' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Hours a login token stays valid. */
  JWT_TTL_HOURS: wholeNumber(1, 24 * 30).default(12),
  /**
   * Seconds the account behind a token or API key is remembered between requests, sparing a
   * lookup per request (per map tile). An account disabled or re-scoped outside this server
   * process keeps its old access for at most this long; 0 looks it up on every request.
   */
  AUTH_CACHE_SECONDS: wholeNumber(0, 300).default(5),
  /**
   * Tianditu (天地图, tianditu.gov.cn) browser key: the map offers Tianditu's vector and imagery
   * basemaps under our data. Unset: our own data alone (works offline).
   */
  TIANDITU_KEY: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]+$/, 'must be letters and digits only, as Tianditu issues them')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Log level. */
  LOG_LEVEL: z.enum(['error', 'warn', 'info', 'debug']).default('info'),
});

/** Variables whose values never appear in messages. */
const SECRETS = new Set(['JWT_SECRET']);

export type Env = z.output<typeof schema> & { DATA_DIR: string };

export class EnvError extends Error {}

/** Parses an environment (process.env by default); throws EnvError naming every bad variable. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      const value = source[name];
      // a secret is never echoed, not even a wrong one
      const got = SECRETS.has(name) ? `${value?.length ?? 0} characters` : JSON.stringify(value);
      return `  ${issue.path.join('.')}: ${issue.message} (got ${got})`;
    });
    throw new EnvError(`invalid configuration:\n${lines.join('\n')}`);
  }
  if (result.data.GRID_SIZE_MIN > result.data.GRID_SIZE_MAX) {
    throw new EnvError(
      `invalid configuration:\n  GRID_SIZE_MIN (${result.data.GRID_SIZE_MIN}) must not exceed GRID_SIZE_MAX (${result.data.GRID_SIZE_MAX})`,
    );
  }
  if (result.data.WORKERS > 1 && !result.data.DATABASE_URL) {
    throw new EnvError(
      `invalid configuration:\n  WORKERS: ${result.data.WORKERS} worker processes need DATABASE_URL; the embedded database lives inside a single process (set WORKERS=1 or point DATABASE_URL at PostgreSQL + PostGIS)`,
    );
  }
  return { ...result.data, DATA_DIR: resolve(result.data.DATA_DIR) };
}

/** The coverage engine's thresholds from the configuration. */
export function coverageThresholds(env: Env): CoverageThresholds {
  return {
    minSliverAreaM2: env.COVERAGE_MIN_SLIVER_M2,
    nearBoundaryM: env.COVERAGE_NEAR_BOUNDARY_M,
    gridSizeMin: env.GRID_SIZE_MIN,
    gridSizeMax: env.GRID_SIZE_MAX,
  };
}

/** parseEnv for entry points: prints the message and exits with status 2 on bad values. */
export function loadEnv(): Env {
  try {
    return parseEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`gridwarden: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}
