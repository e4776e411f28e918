/**
 * API benchmark: autocannon at 50 connections against the built Gridwarden server on the
 * county demo, beside, in the same run,
 *  - the same SQL issued directly through a `pg` pool of the server's size by as many
 *    concurrent callers (the statements are captured from the running server, per request,
 *    so the baseline is exactly what the repositories send);
 *  - PostGraphile v4 with @graphile/postgis on the same database, for the bbox page.
 * Targets (issue 4): API p50 within 1.5× of the raw SQL; ahead of PostGraphile on the bbox
 * query. Prints numbers; never fails on them.
 *
 *   DATABASE_URL=postgres://… npm run bench -- --suite api [--duration 10] [--warmup 3]
 *     [--connections 50] [--pool 10] [--points 100] [--cases a,b] [--no-postgraphile] [--reload]
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { tmpdir } from 'node:os';
import { openDatabase, type Database } from '@gridwarden/db';
import type { Pool } from 'pg';
import { openBenchDatabase } from '../coverage/bench-database';
import { formatTable, ms, ratio, type Cell } from '../coverage/measure';
import {
  CASE_IDS,
  CASES,
  makeInputs,
  type Answer,
  type Case,
  type CaseId,
  type Inputs,
} from './cases';
import { loadHttp, loadSql, toPlan, type LoadResult, type Plan } from './load';
import {
  ensurePostGraphileInstalled,
  startGridwarden,
  startPostGraphile,
  type GridwardenServer,
  type RunningServer,
} from './servers';

const SEED = 1;
const DEFECTS = 3;
/** The API benchmark's own copy of the county demo (see openBenchDatabase). */
const DATABASE = 'gw_bench_api_county';
const POINT_SEED = 20261122;
const STATEMENT_TIMEOUT_MS = 30_000;
const TARGET_RAW_RATIO = 1.5;

interface Options {
  durationS: number;
  warmupS: number;
  connections: number;
  pool: number;
  points: number;
  cases: CaseId[];
  postgraphile: boolean;
  reload: boolean;
}

const USAGE =
  'options: --duration S, --warmup S, --connections N, --pool N, --points N, ' +
  `--cases ${CASE_IDS.join(',')}, --no-postgraphile, --reload`;

function parseOptions(argv: string[]): Options {
  const options: Options = {
    durationS: 10,
    warmupS: 3,
    connections: 50,
    pool: 10,
    points: 100,
    cases: [...CASE_IDS],
    postgraphile: true,
    reload: false,
  };
  const whole = (arg: string, v: string | undefined, min: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min)
      throw new Error(`${arg} is a whole number ≥ ${min}; ${USAGE}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--duration') options.durationS = whole(arg, argv[++i], 1);
    else if (arg === '--warmup') options.warmupS = whole(arg, argv[++i], 0);
    else if (arg === '--connections') options.connections = whole(arg, argv[++i], 1);
    else if (arg === '--pool') options.pool = whole(arg, argv[++i], 1);
    else if (arg === '--points') options.points = whole(arg, argv[++i], 1);
    else if (arg === '--cases') {
      const ids = (argv[++i] ?? '').split(',');
      const unknown = ids.filter((id) => !(CASE_IDS as readonly string[]).includes(id));
      if (unknown.length) throw new Error(`unknown case ${unknown.join(', ')}; ${USAGE}`);
      options.cases = ids as CaseId[];
    } else if (arg === '--no-postgraphile') options.postgraphile = false;
    else if (arg === '--reload') options.reload = true;
    else throw new Error(`unknown option ${arg}; ${USAGE}`);
  }
  return options;
}

const log = (line: string) => console.log(line);

/** One case's request set on both systems. */
interface Prepared {
  case: Case;
  gridwarden: string[];
  plans: Plan[];
  postgraphile: string[] | null;
  /** per request: statements and stages the server ran, items on the page */
  statements: number[];
  stages: number[];
  items: number[];
  /** requests where PostGraphile's page differs from Gridwarden's */
  peerDisagreements: number | null;
}

interface Measured {
  system: 'raw SQL' | 'Gridwarden' | 'PostGraphile';
  result: LoadResult;
  load: string;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    console.error(
      'The API benchmark needs a real PostGIS: set DATABASE_URL (the role must be allowed to CREATE DATABASE).',
    );
    process.exitCode = 2;
    return;
  }
  const peerWanted = options.postgraphile && options.cases.some((id) => CASES[id].postgraphile);
  if (peerWanted) ensurePostGraphileInstalled(log);

  const { db, url } = await openBenchDatabase(
    baseUrl,
    { preset: 'county', seed: SEED, defects: DEFECTS },
    options.reload,
    log,
    DATABASE,
  );
  let facts: string;
  try {
    facts = await datasetFacts(db);
  } finally {
    await db.close();
  }

  // The baseline's pool is the server's: same options from openDatabase, same size.
  const raw = await openDatabase({
    url,
    dataDir: tmpdir(),
    poolSize: options.pool,
    statementTimeoutMs: STATEMENT_TIMEOUT_MS,
  });
  const servers: RunningServer[] = [];
  try {
    const pool = driverPool(raw);
    const inputs = await makeInputs(pool, options.points, POINT_SEED);
    const settings = {
      databaseUrl: url,
      poolSize: options.pool,
      statementTimeoutMs: STATEMENT_TIMEOUT_MS,
    };
    const gridwarden = await startGridwarden(settings);
    servers.push(gridwarden);
    const peer = peerWanted ? await startPostGraphile(settings) : null;
    if (peer) servers.push(peer);
    const headers = await authenticate(gridwarden);

    log('');
    log(
      `=== API benchmark: county demo (seed ${SEED}), ${options.connections} connections, ` +
        `${options.warmupS} s warm-up + ${options.durationS} s per measurement, pool ${options.pool} ===`,
    );
    log(machineFacts(raw));
    log(facts);
    log(`requests: ${inputs.points.length} seeded points inside the county (seed ${POINT_SEED})`);

    const prepared: Prepared[] = [];
    for (const id of options.cases) {
      prepared.push(await prepare(CASES[id], inputs, gridwarden, headers, peer));
    }
    for (const p of prepared) describePrepared(p);

    const results = new Map<CaseId, Measured[]>();
    for (const p of prepared) {
      const measured: Measured[] = [];
      log('');
      log(`--- ${p.case.id}: ${p.case.title}`);
      measured.push(
        await measure('raw SQL', options, (durationS) =>
          loadSql({ pool, plans: p.plans, callers: options.connections, durationS }),
        ),
      );
      measured.push(
        await measure('Gridwarden', options, (durationS) =>
          loadHttp({
            url: gridwarden.url,
            bodies: p.gridwarden,
            headers,
            connections: options.connections,
            durationS,
          }),
        ),
      );
      if (peer && p.postgraphile) {
        const bodies = p.postgraphile;
        measured.push(
          await measure('PostGraphile', options, (durationS) =>
            loadHttp({
              url: peer.url,
              bodies,
              headers: {},
              connections: options.connections,
              durationS,
            }),
          ),
        );
      }
      results.set(p.case.id, measured);
    }
    report(results);
  } finally {
    for (const server of servers.reverse()) await server.stop();
    await raw.close();
  }
}

/** Sends every request once, alone, with the SQL capture on; checks the answers. */
async function prepare(
  c: Case,
  inputs: Inputs,
  server: GridwardenServer,
  headers: Record<string, string>,
  peer: RunningServer | null,
): Promise<Prepared> {
  const gridwarden = c.gridwardenBodies(inputs);
  const plans: Plan[] = [];
  const answers: Answer[] = [];
  const statements: number[] = [];
  const stages: number[] = [];
  for (const body of gridwarden) {
    let data: unknown;
    const captured = await server.capture(async () => {
      data = await post(server.url, body, headers);
    });
    const plan = toPlan(captured);
    plans.push(plan);
    statements.push(captured.length);
    stages.push(plan.length);
    answers.push(c.gridwardenAnswer(data));
  }
  let postgraphile: string[] | null = null;
  let peerDisagreements: number | null = null;
  if (peer && c.postgraphile) {
    postgraphile = c.postgraphile.bodies(inputs);
    peerDisagreements = 0;
    for (let i = 0; i < postgraphile.length; i++) {
      const theirs = c.postgraphile.answer(await post(peer.url, postgraphile[i], {}));
      if (JSON.stringify(theirs) !== JSON.stringify(answers[i])) peerDisagreements++;
    }
  }
  return {
    case: c,
    gridwarden,
    plans,
    postgraphile,
    statements,
    stages,
    items: answers.map((a) => a.ids.length),
    peerDisagreements,
  };
}

function describePrepared(p: Prepared): void {
  log('');
  log(`${p.case.id}: ${p.case.title}`);
  log(
    `  items per answer: ${spread(p.items)}; SQL statements per request: ${spread(p.statements)} ` +
      `in ${spread(p.stages)} sequential stage(s)`,
  );
  if (p.peerDisagreements != null) {
    log(
      p.peerDisagreements === 0
        ? `  PostGraphile returns the same pages (ids and totalCount) for all ${p.gridwarden.length} requests`
        : `  PostGraphile's page differs from Gridwarden's for ${p.peerDisagreements} of ${p.gridwarden.length} requests`,
    );
  }
  log('  the SQL the server issued for the first request (replayed by the baseline):');
  p.plans[0].forEach((stage, i) => {
    for (const s of stage) log(`    [stage ${i + 1}] ${oneLine(s.sql)}`);
  });
}

async function measure(
  system: Measured['system'],
  options: Options,
  run: (durationS: number) => Promise<LoadResult>,
): Promise<Measured> {
  if (options.warmupS > 0) await run(options.warmupS);
  const result = await run(options.durationS);
  const load = loadavg()[0].toFixed(1);
  log(
    `  ${system.padEnd(12)} p50 ${ms(result.p50)} ms, p95 ${ms(result.p95)} ms, ` +
      `${Math.round(result.rps)} req/s, ${result.failures} failures (load average ${load})`,
  );
  if (result.failures > 0)
    log(`  !! ${system}: ${result.failures} failed requests: numbers are suspect`);
  return { system, result, load };
}

function report(results: Map<CaseId, Measured[]>): void {
  const rows: Cell[][] = [];
  const verdicts: Cell[][] = [];
  for (const [id, measured] of results) {
    const raw = measured.find((m) => m.system === 'raw SQL');
    const peer = measured.find((m) => m.system === 'PostGraphile');
    const api = measured.find((m) => m.system === 'Gridwarden');
    for (const m of measured) {
      rows.push([
        id,
        m.system,
        ms(m.result.p50),
        ms(m.result.p95),
        Math.round(m.result.rps).toLocaleString('en-US'),
        raw ? ratio(m.result.p50 / raw.result.p50) : null,
        peer ? ratio(m.result.p50 / peer.result.p50) : null,
        m.result.failures,
        m.load,
      ]);
    }
    if (api && raw) {
      const r = api.result.p50 / raw.result.p50;
      verdicts.push([
        id,
        'API p50 ÷ raw SQL p50',
        ratio(r),
        `≤ ${TARGET_RAW_RATIO}× → ${met(r <= TARGET_RAW_RATIO)}`,
      ]);
    }
    if (api && peer) {
      const r = api.result.p50 / peer.result.p50;
      verdicts.push([id, 'API p50 ÷ PostGraphile p50', ratio(r), `< 1× → ${met(r < 1)}`]);
    }
  }
  log('');
  log(
    formatTable(
      [
        'case',
        'system',
        'p50 ms',
        'p95 ms',
        'req/s',
        'p50 ÷ raw',
        'p50 ÷ PostGraphile',
        'failures',
        'load',
      ],
      rows,
    ),
  );
  log('');
  log(formatTable(['case', 'ratio', 'value', 'target'], verdicts));
}

const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

/** The integrator's credentials; the API is anonymous until login exists. */
async function authenticate(_server: GridwardenServer): Promise<Record<string, string>> {
  return {};
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const json = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  if (!response.ok || json.errors?.length || json.data == null) {
    throw new Error(
      `${url} answered ${response.status} ${JSON.stringify(json.errors ?? json).slice(0, 500)} to ${body.slice(0, 300)}`,
    );
  }
  return json.data;
}

/** The pg Pool inside a Database's TypeORM driver: the pool the server itself queries through. */
function driverPool(db: Database): Pool {
  return (db.dataSource.driver as unknown as { master: Pool }).master;
}

function machineFacts(db: Database): string {
  const c = db.capabilities;
  return [
    `machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    `database: ${c.postgresVersion.split(' on ')[0]}, PostGIS ${c.postgisVersion}, GEOS ${c.geosVersion}`,
    `load average before: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  ].join('\n');
}

async function datasetFacts(db: Database): Promise<string> {
  const levels: { level: number; n: number }[] = await db.dataSource.query(
    `SELECT level::int AS level, count(*)::int AS n FROM grid GROUP BY level ORDER BY level`,
  );
  const [{ enterprises, size }] = await db.dataSource.query(
    `SELECT (SELECT count(*)::int FROM enterprise) AS enterprises,
            pg_size_pretty(pg_total_relation_size('grid') + pg_total_relation_size('enterprise')) AS size`,
  );
  return `dataset: grids by level ${levels.map((l) => l.n.toLocaleString('en-US')).join(' / ')}, ${enterprises.toLocaleString('en-US')} enterprises, grid + enterprise tables ${size}`;
}

function spread(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  const median = sorted[Math.floor(sorted.length / 2)];
  return min === max ? String(min) : `${min}–${max} (median ${median})`;
}

const oneLine = (sql: string) => {
  const text = sql.replace(/\s+/g, ' ').trim();
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
