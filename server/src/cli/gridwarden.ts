/**
 * The `gridwarden` command line. Settings (DATABASE_URL, DATA_DIR …) come from the
 * environment as for the server; options from the arguments.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DemoLoadError, openDatabase, type Database } from '@gridwarden/db';
import { loadEnv } from '../config/env';
import { createLogger } from '../config/logger';
import { runDemo } from './demo.command';
import { InvalidDemoDataError } from './demo.validation';

const USAGE = `usage: gridwarden <command> [options]

commands:
  demo [--preset county|province] [--seed N] [--defects N] [--manifest FILE] [--replace]
      generate the deterministic demo and load it into the configured database
      (DATABASE_URL, or the embedded database in DATA_DIR). --defects plants N known
      faults of each kind (default 3; 0 gives a clean partition); --manifest writes
      what was planted as JSON; --replace deletes existing grids and enterprises first.
`;

export class UsageError extends Error {}

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value))
    throw new UsageError(`--${name} must be a whole number ≥ 0; got ${JSON.stringify(value)}`);
  return Number(value);
}

async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const env = loadEnv();
  const db = await openDatabase({
    url: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    poolSize: 2,
    statementTimeoutMs: 0,
  });
  try {
    await db.migrate();
    return await work(db);
  } finally {
    await db.close();
  }
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

/** Runs the command line and exits with its status: 0 done, 1 failed, 2 wrong usage or input. */
export function cliMain(argv: string[]): void {
  run(argv).then(
    (code) => process.exit(code),
    (error: unknown) => {
      const known =
        error instanceof UsageError ||
        error instanceof DemoLoadError ||
        error instanceof InvalidDemoDataError ||
        (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
      console.error(`gridwarden: ${(error as Error).message}`);
      if (error instanceof UsageError) process.stderr.write(`\n${USAGE}`);
      process.exit(known ? 2 : 1);
    },
  );
}

if (require.main === module) cliMain(process.argv.slice(2));
