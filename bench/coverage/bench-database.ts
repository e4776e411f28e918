/**
 * The benchmark's own databases, gw_bench_<preset>, next to the one DATABASE_URL names.
 * Loading the province demo takes minutes, so a database is reused when bench_meta says it
 * already holds the same preset, seed and defect count, loaded under migrations that are all
 * still applied: later migrations are applied to the loaded data as they would be to a
 * production database. `--reload` forces a fresh load.
 */
import { tmpdir } from 'node:os';
import { Client } from 'pg';
import {
  generateDemo,
  loadDemo,
  openDatabase,
  type Database,
  type DemoCredentialHasher,
  type DemoPreset,
} from '@gridwarden/db';

export interface BenchDataset {
  preset: DemoPreset;
  seed: number;
  defects: number;
}

export interface OpenedBench {
  db: Database;
  url: string;
  /** true when the demo was loaded by this run, with how long it took */
  loadedMs: number | null;
}

const META_SQL = `
  CREATE TABLE IF NOT EXISTS bench_meta (
    preset text NOT NULL,
    seed integer NOT NULL,
    defects integer NOT NULL,
    migrations text NOT NULL,
    loaded_at timestamptz NOT NULL DEFAULT now()
  )`;

/** DATABASE_URL, or null after saying the benchmark needs one. */
export function benchBaseUrl(benchmark: string): string | null {
  const url = process.env.DATABASE_URL;
  if (url) return url;
  console.error(
    `The ${benchmark} benchmark needs a real PostGIS: set DATABASE_URL (the role must be allowed to CREATE DATABASE).`,
  );
  process.exitCode = 2;
  return null;
}

export interface BenchDatabaseOptions {
  /**
   * The database, gw_bench_<preset> by default. Benchmarks on other branches have other
   * migrations, so a benchmark that may run beside another one takes a name of its own
   * rather than reload theirs.
   */
  name?: string;
  /** Create the demo accounts (one per role) with the server's hashing. */
  users?: DemoCredentialHasher;
}

/** Opens (creating if needed) the benchmark's database and makes sure it holds the dataset. */
export async function openBenchDatabase(
  baseUrl: string,
  dataset: BenchDataset,
  reload: boolean,
  log: (line: string) => void,
  options: BenchDatabaseOptions = {},
): Promise<OpenedBench> {
  const name = options.name ?? `gw_bench_${dataset.preset}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    if (reload) {
      // start from an empty database: a copy made by an older migration list may not migrate
      log(`dropping database ${name} (--reload)`);
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
    const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (!rowCount) {
      log(`creating database ${name}`);
      await admin.query(`CREATE DATABASE ${name}`);
    }
  } finally {
    await admin.end();
  }
  const parsed = new URL(baseUrl);
  parsed.pathname = `/${name}`;
  const url = parsed.toString();

  // A pool of 2: the benchmark runs one session at a time; the second is spare for loadDemo's ANALYZE.
  const db = await openDatabase({ url, dataDir: tmpdir(), poolSize: 2 });
  try {
    try {
      await db.migrate();
    } catch (error) {
      throw new Error(
        `${name} does not migrate (${(error as Error).message}); it was probably made by an older ` +
          `migration list: run the benchmark again with --reload to drop and load it afresh`,
      );
    }
    await db.dataSource.query(META_SQL);
    const migrations = await migrationList(db);
    const meta: { preset: string; seed: number; defects: number; migrations: string }[] =
      await db.dataSource.query(`SELECT preset, seed, defects, migrations FROM bench_meta`);
    const current =
      meta.length === 1 &&
      meta[0].preset === dataset.preset &&
      meta[0].seed === dataset.seed &&
      meta[0].defects === dataset.defects &&
      loadedUnder(meta[0].migrations, migrations) &&
      (!options.users || (await hasDemoUsers(db)));
    if (current && !reload) {
      log(`reusing ${name} (${dataset.preset}, seed ${dataset.seed}, defects ${dataset.defects})`);
      return { db, url, loadedMs: null };
    }

    log(`loading the ${dataset.preset} demo into ${name} (seed ${dataset.seed}, defects ${dataset.defects}) …`);
    const started = performance.now();
    let lastReport = 0;
    await loadDemo(
      db,
      generateDemo({ preset: dataset.preset, seed: dataset.seed, defects: dataset.defects }),
      {
        replace: true,
        users: options.users && { hasher: options.users },
        onProgress: (p) => {
          if (performance.now() - lastReport < 15_000 && p.phase === 'chunk') return;
          lastReport = performance.now();
          log(`  ${p.phase}: ${p.grids} grids, ${p.enterprises} enterprises`);
        },
      },
    );
    // Stored results of an earlier dataset would be replaced anyway, but start clean.
    await db.dataSource.query(`TRUNCATE coverage_violation, audit_run`);
    await db.dataSource.query(`DELETE FROM bench_meta`);
    await db.dataSource.query(
      `INSERT INTO bench_meta (preset, seed, defects, migrations) VALUES ($1, $2, $3, $4)`,
      [dataset.preset, dataset.seed, dataset.defects, migrations],
    );
    await db.dataSource.query(`VACUUM ANALYZE`);
    const loadedMs = performance.now() - started;
    log(`  loaded in ${(loadedMs / 1000).toFixed(1)} s`);
    return { db, url, loadedMs };
  } catch (error) {
    await db.close();
    throw error;
  }
}

async function hasDemoUsers(db: Database): Promise<boolean> {
  const rows: unknown[] = await db.dataSource.query(`SELECT 1 FROM app_user LIMIT 1`);
  return rows.length > 0;
}

/** Whether the migrations a dataset was loaded under are the first of those applied now. */
function loadedUnder(loaded: string, applied: string): boolean {
  return applied === loaded || applied.startsWith(`${loaded},`);
}

/** The applied migrations, so a dataset loaded under a different schema is loaded again. */
async function migrationList(db: Database): Promise<string> {
  const rows: { name: string }[] = await db.dataSource.query(
    `SELECT name FROM schema_migration ORDER BY timestamp, name`,
  );
  return rows.map((r) => r.name).join(',');
}
