/**
 * The `gridwarden` command line. Settings (DATABASE_URL, DATA_DIR …) come from the
 * environment as for the server; options from the arguments.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { GraphQLError } from 'graphql';
import { DemoLoadError, openDatabase, type Database } from '@gridwarden/db';
import { coverageThresholds, loadEnv, type Env } from '../config/env';
import { runAudit } from './audit.command';
import { createLogger } from '../config/logger';
import { runDemo } from './demo.command';
import { runUserCreate } from './user.command';
import { ROLES, type Role } from '../auth/viewer';
import { InvalidDemoDataError } from './demo.validation';

const USAGE = `usage: gridwarden <command> [options]

commands:
  demo [--preset county|province] [--seed N] [--defects N] [--manifest FILE] [--replace]
      generate the deterministic demo and load it into the configured database
      (DATABASE_URL, or the embedded database in DATA_DIR). --defects plants N known
      faults of each kind (default 3; 0 gives a clean partition); --manifest writes
      what was planted as JSON; --replace deletes existing grids, enterprises and
      accounts first. Creates one account per role and prints them with their
      passwords and the integrator's API key (README "Users and roles").
  user --username NAME --role ROLE --scope CODE [--person ID] [--api-key] < password
      create an account (ADMIN, PLANNER, SUPERVISOR, OFFICER or INTEGRATOR) whose scope is
      grid CODE and below, with the password read from stdin (at least 8 characters);
      --api-key also issues and prints an API key (INTEGRATOR accounts).
  audit [--scope CODE] [--rules GAP,OVERLAP,…] [--format table|json|geojson] [--lang zh|en]
      run the "no blind spots" rules over the subtree of grid CODE (everything by default),
      store the results and print them; --format geojson opens in QGIS. Exits 1 when an
      ERROR violation exists, so scripts can gate on it. Thresholds come from the
      environment (COVERAGE_MIN_SLIVER_M2, COVERAGE_NEAR_BOUNDARY_M, GRID_SIZE_MIN/MAX).
`;

export class UsageError extends Error {}

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value))
    throw new UsageError(`--${name} must be a whole number ≥ 0; got ${JSON.stringify(value)}`);
  return Number(value);
}

async function withDatabase<T>(work: (db: Database, env: Env) => Promise<T>): Promise<T> {
  const env = loadEnv();
  const db = await openDatabase({
    url: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    poolSize: 2,
    statementTimeoutMs: 0,
  });
  try {
    await db.migrate();
    return await work(db, env);
  } finally {
    await db.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const log = createLogger('info');
  switch (command) {
    case 'demo': {
      const { values } = parseArgs({
        args: rest,
        options: {
          preset: { type: 'string', default: 'county' },
          seed: { type: 'string' },
          defects: { type: 'string' },
          manifest: { type: 'string' },
          replace: { type: 'boolean', default: false },
        },
        strict: true,
      });
      if (values.preset !== 'county' && values.preset !== 'province') {
        throw new UsageError(
          `--preset must be county or province; got ${JSON.stringify(values.preset)}`,
        );
      }
      const options = {
        preset: values.preset,
        seed: integer('seed', values.seed, 20261122),
        defects: integer('defects', values.defects, 3),
        manifest: values.manifest,
        replace: values.replace,
      } as const;
      await withDatabase((db) => runDemo(db, options, log));
      return 0;
    }
    case 'user': {
      const { values } = parseArgs({
        args: rest,
        options: {
          username: { type: 'string' },
          role: { type: 'string' },
          scope: { type: 'string' },
          person: { type: 'string' },
          'api-key': { type: 'boolean', default: false },
        },
        strict: true,
      });
      const { username, role, scope } = values;
      if (!username || !role || !scope) {
        throw new UsageError('user needs --username, --role and --scope');
      }
      if (!ROLES.includes(role as Role)) {
        throw new UsageError(
          `--role must be one of ${ROLES.join(', ')}; got ${JSON.stringify(role)}`,
        );
      }
      if (process.stdin.isTTY) {
        throw new UsageError('pipe the password on stdin, e.g. gridwarden user … < password.txt');
      }
      const password = (await readStdin()).replace(/\r?\n$/, '');
      const options = {
        username,
        role: role as Role,
        scope,
        person: values.person,
        apiKey: values['api-key'],
      };
      await withDatabase((db) => runUserCreate(db, options, password, log));
      return 0;
    }
    case 'audit': {
      const { values } = parseArgs({
        args: rest,
        options: {
          scope: { type: 'string' },
          rules: { type: 'string' },
          format: { type: 'string', default: 'table' },
          lang: { type: 'string', default: 'zh' },
        },
        strict: true,
      });
      if (values.format !== 'table' && values.format !== 'json' && values.format !== 'geojson') {
        throw new UsageError(
          `--format must be table, json or geojson; got ${JSON.stringify(values.format)}`,
        );
      }
      if (values.lang !== 'zh' && values.lang !== 'en') {
        throw new UsageError(`--lang must be zh or en; got ${JSON.stringify(values.lang)}`);
      }
      const options = {
        scope: values.scope,
        rules: values.rules,
        format: values.format,
        lang: values.lang,
      } as const;
      return withDatabase((db, env) =>
        runAudit(db, coverageThresholds(env), options, (text) => process.stdout.write(text)),
      );
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  }
}

/**
 * Runs the command line and exits with its status: 0 done (audit: no ERROR violation), 1 an
 * ERROR violation or a failure, 2 wrong usage or input.
 */
export function cliMain(argv: string[]): void {
  run(argv).then(
    (code) => process.exit(code),
    (error: unknown) => {
      const known =
        error instanceof UsageError ||
        error instanceof DemoLoadError ||
        error instanceof InvalidDemoDataError ||
        error instanceof GraphQLError ||
        (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
      console.error(`gridwarden: ${(error as Error).message}`);
      if (error instanceof UsageError) process.stderr.write(`\n${USAGE}`);
      process.exit(known ? 2 : 1);
    },
  );
}

if (require.main === module) cliMain(process.argv.slice(2));
