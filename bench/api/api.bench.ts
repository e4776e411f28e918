/**
 * API benchmark: autocannon at 50 connections against the built Gridwarden server on the
 * county demo, authenticated as the demo integrator,
 * run as a deployment runs it (WORKERS=auto: one worker process per core, the pool shared
 * out among them), beside, in the same run,
 *  - the same SQL issued directly through a `pg` pool of the server's size by as many
 *    concurrent callers (the statements are captured from the running server, per request,
 *    so the baseline is exactly what the repositories send, auth lookup included);
 *  - PostGraphile v4 with @graphile/postgis on the same database, for the bbox page, in as
 *    many worker processes.
 * Each measurement also reports the CPU per request of the load generator, the server and
 * the PostgreSQL backends, since on a small machine they share the cores.
 * Targets (issue 4): API p50 within 1.5× of the raw SQL; ahead of PostGraphile on the bbox
 * query. Prints numbers; never fails on them.
 *
 *   DATABASE_URL=postgres://… npm run bench -- --suite api [--duration 10] [--warmup 3]
 *     [--rounds 3] [--connections 50] [--pool 10] [--workers N|auto] [--points 100]
 *     [--cases locate,bbox,village]
 *     [--auth apikey|jwt] [--no-postgraphile] [--profile] [--reload]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { DEMO_API_KEY, DEMO_USERS, openDatabase, type Database } from '@gridwarden/db';
import type { Pool } from 'pg';
import { hashApiKey } from '../../server/src/auth/api-key';
import { hashPassword } from '../../server/src/auth/password';
import { benchBaseUrl, openBenchDatabase } from '../coverage/bench-database';
import { formatTable, ms, ratio, summarise, type Cell } from '../coverage/measure';
import {
  CASE_IDS,
  CASES,
  DEFAULT_CASES,
  makeInputs,
  type Answer,
  type Case,
  type CaseId,
  type Inputs,
} from './cases';
import { loadHttp, loadSql, toPlan, type LoadResult, type Plan } from './load';
import { startCpuProbe, type CpuProbe, type CpuSplit } from './cpu';
import { profileRows, summariseProfile, type ProfileSummary } from './profile';
import {
  ensurePostGraphileInstalled,
  startGridwarden,
  startPostGraphile,
  ROOT,
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
  /** measurements of each system on each case, interleaved; the table shows medians */
  rounds: number;
  connections: number;
  pool: number;
  /** HTTP worker processes of each server: one per core unless told */
  workers: number;
  points: number;
  cases: CaseId[];
  postgraphile: boolean;
  /** after the rounds, one more Gridwarden run per case under a CPU profile */
  profile: boolean;
  /** how the integrator authenticates: its API key, or a token from the login mutation */
  auth: 'apikey' | 'jwt';
  reload: boolean;
}

const USAGE =
  'options: --duration S, --warmup S, --rounds N, --connections N, --pool N, --workers N|auto, --points N, ' +
  `--cases ${CASE_IDS.join(',')}, --auth apikey|jwt, --no-postgraphile, --profile, --reload`;

function parseOptions(argv: string[]): Options {
  const options: Options = {
    durationS: 10,
    warmupS: 3,
    rounds: 1,
    connections: 50,
    pool: 10,
    workers: availableParallelism(),
    points: 100,
    cases: [...DEFAULT_CASES],
    postgraphile: true,
    profile: false,
    auth: 'apikey',
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
    else if (arg === '--rounds') options.rounds = whole(arg, argv[++i], 1);
    else if (arg === '--connections') options.connections = whole(arg, argv[++i], 1);
    else if (arg === '--pool') options.pool = whole(arg, argv[++i], 1);
    else if (arg === '--workers') {
      const v = argv[++i];
      options.workers = v === 'auto' ? availableParallelism() : whole(arg, v, 1);
    } else if (arg === '--points') options.points = whole(arg, argv[++i], 1);
    else if (arg === '--cases') {
      const ids = (argv[++i] ?? '').split(',');
      const unknown = ids.filter((id) => !(CASE_IDS as readonly string[]).includes(id));
      if (unknown.length) throw new Error(`unknown case ${unknown.join(', ')}; ${USAGE}`);
      options.cases = ids as CaseId[];
    } else if (arg === '--auth') {
      const auth = argv[++i];
      if (auth !== 'apikey' && auth !== 'jwt') throw new Error(`--auth is apikey or jwt; ${USAGE}`);
      options.auth = auth;
    } else if (arg === '--no-postgraphile') options.postgraphile = false;
    else if (arg === '--profile') options.profile = true;
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

type System = 'raw SQL' | 'Gridwarden' | 'PostGraphile';

/** One system on one case: a result per round, with the load average after it. */
interface Measured {
  system: System;
  results: LoadResult[];
  /** CPU per request, µs, per round */
  cpu: CpuSplit[];
  loads: string[];
}

/** Medians over the rounds. */
function medianOf(m: Measured): LoadResult {
  const median = (pick: (r: LoadResult) => number) => summarise(m.results.map(pick)).median;
  return {
    p50: median((r) => r.p50),
    p95: median((r) => r.p95),
    rps: median((r) => r.rps),
    requests: median((r) => r.requests),
    failures: m.results.reduce((sum, r) => sum + r.failures, 0),
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const baseUrl = benchBaseUrl('API');
  if (!baseUrl) return;
  const peerWanted = options.postgraphile && options.cases.some((id) => CASES[id].postgraphile);
  if (peerWanted) ensurePostGraphileInstalled(log);

  const { db, url } = await openBenchDatabase(
    baseUrl,
    { preset: 'county', seed: SEED, defects: DEFECTS },
    options.reload,
    log,
    { name: DATABASE, users: { hashPassword, hashApiKey } },
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
      workers: options.workers,
      statementTimeoutMs: STATEMENT_TIMEOUT_MS,
    };
    const gridwarden = await startGridwarden(settings);
    servers.push(gridwarden);
    const peer = peerWanted ? await startPostGraphile(settings) : null;
    if (peer) servers.push(peer);
    const headers = await authenticate(gridwarden, options.auth);

    log('');
    log(
      `=== API benchmark: county demo (seed ${SEED}), ${options.connections} connections, ` +
        `${options.warmupS} s warm-up + ${options.durationS} s per measurement, ` +
        `${options.rounds} round(s) (medians), pool ${options.pool}, ` +
        `${options.workers} worker process(es) per server ===`,
    );
    log(machineFacts(raw));
    log(facts);
    log(`requests: ${inputs.points.length} seeded points inside the county (seed ${POINT_SEED})`);
    log(
      `authenticated as the demo integrator (${options.auth === 'apikey' ? 'X-API-Key' : 'Bearer token from login'}, scope: the county)`,
    );

    const prepared: Prepared[] = [];
    for (const id of options.cases) {
      prepared.push(await prepare(CASES[id], inputs, gridwarden, headers, peer));
    }
    for (const p of prepared) describePrepared(p);

    // Rounds interleave the systems, so drift in the machine's load falls on all of them.
    const results = new Map<CaseId, Measured[]>();
    for (let round = 1; round <= options.rounds; round++) {
      for (const p of prepared) {
        log('');
        log(`--- round ${round}/${options.rounds}, ${p.case.id}: ${p.case.title}`);
        const http =
          (url: string, bodies: string[], h: Record<string, string>) => (durationS: number) =>
            loadHttp({ url, bodies, headers: h, connections: options.connections, durationS });
        const runs: {
          system: System;
          serverPid: number | null;
          run: (durationS: number) => Promise<LoadResult>;
        }[] = [
          {
            system: 'raw SQL',
            serverPid: null,
            run: (durationS) =>
              loadSql({ pool, plans: p.plans, callers: options.connections, durationS }),
          },
          {
            system: 'Gridwarden',
            serverPid: pidOf(gridwarden),
            run: http(gridwarden.url, p.gridwarden, headers),
          },
        ];
        if (peer && p.postgraphile) {
          runs.push({
            system: 'PostGraphile',
            serverPid: pidOf(peer),
            run: http(peer.url, p.postgraphile, {}),
          });
        }
        const measured = results.get(p.case.id) ?? [];
        for (const { system, serverPid, run } of runs) {
          const sample = await measure(system, options, run, () =>
            startCpuProbe(pool, DATABASE, serverPid),
          );
          const entry = measured.find((m) => m.system === system);
          if (entry) {
            entry.results.push(sample.result);
            entry.cpu.push(sample.cpu);
            entry.loads.push(sample.load);
          } else
            measured.push({
              system,
              results: [sample.result],
              cpu: [sample.cpu],
              loads: [sample.load],
            });
        }
        results.set(p.case.id, measured);
      }
    }
    report(results);
    if (options.profile) {
      for (const p of prepared) {
        const { result, profiles } = await gridwarden.profile(() =>
          loadHttp({
            url: gridwarden.url,
            bodies: p.gridwarden,
            headers,
            connections: options.connections,
            durationS: options.durationS,
          }),
        );
        reportProfile(p.case, result, summariseProfile(profiles));
        profiles.forEach((profile, i) => {
          const worker = profiles.length > 1 ? `-worker${i + 1}` : '';
          const file = join(ROOT, 'artifacts/bench', `api-${p.case.id}${worker}.cpuprofile`);
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, JSON.stringify(profile));
          log(`  the whole profile (open in Chrome DevTools, Performance): ${file}`);
        });
      }
    }
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
  system: System,
  options: Options,
  run: (durationS: number) => Promise<LoadResult>,
  probe: () => Promise<CpuProbe>,
): Promise<{ result: LoadResult; cpu: CpuSplit; load: string }> {
  if (options.warmupS > 0) await run(options.warmupS);
  const counting = await probe();
  const result = await run(options.durationS);
  const used = await counting.stop();
  const perRequest = (x: number) => (1000 * x) / result.requests;
  const cpu: CpuSplit = {
    generator: perRequest(used.generator),
    server: used.server == null ? null : perRequest(used.server),
    database: perRequest(used.database),
  };
  const load = loadavg()[0].toFixed(1);
  log(
    `  ${system.padEnd(12)} p50 ${ms(result.p50)} ms, p95 ${ms(result.p95)} ms, ` +
      `${Math.round(result.rps)} req/s, ${result.failures} failures; CPU µs/request: ` +
      `${system === 'raw SQL' ? 'replayer' : 'autocannon'} ${cpu.generator.toFixed(0)}, ` +
      `server ${cpu.server?.toFixed(0) ?? '–'}, PostgreSQL ${cpu.database.toFixed(0)} (load average ${load})`,
  );
  if (result.failures > 0)
    log(`  !! ${system}: ${result.failures} failed requests: numbers are suspect`);
  return { result, cpu, load };
}

function report(results: Map<CaseId, Measured[]>): void {
  const rows: Cell[][] = [];
  const verdicts: Cell[][] = [];
  for (const [id, measured] of results) {
    const of = (system: System) => {
      const m = measured.find((x) => x.system === system);
      return m && medianOf(m);
    };
    const raw = of('raw SQL');
    const peer = of('PostGraphile');
    const api = of('Gridwarden');
    for (const m of measured) {
      const r = medianOf(m);
      rows.push([
        id,
        m.system,
        ms(r.p50),
        ms(r.p95),
        Math.round(r.rps).toLocaleString('en-US'),
        raw ? ratio(r.p50 / raw.p50) : null,
        peer ? ratio(r.p50 / peer.p50) : null,
        r.failures,
        cpuCell(m.cpu.map((c) => c.generator)),
        m.cpu[0]?.server == null ? null : cpuCell(m.cpu.map((c) => c.server ?? 0)),
        cpuCell(m.cpu.map((c) => c.database)),
        m.loads.join(' '),
      ]);
    }
    if (api && raw) {
      const r = api.p50 / raw.p50;
      verdicts.push([
        id,
        'API p50 ÷ raw SQL p50',
        ratio(r),
        `≤ ${TARGET_RAW_RATIO}× → ${met(r <= TARGET_RAW_RATIO)}`,
      ]);
    }
    if (api && peer) {
      const r = api.p50 / peer.p50;
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
        'CPU µs/req: client',
        'server',
        'PostgreSQL',
        'load average',
      ],
      rows,
    ),
  );
  log('');
  log(formatTable(['case', 'ratio', 'value', 'target'], verdicts));
}

function reportProfile(c: Case, result: LoadResult, summary: ProfileSummary): void {
  log('');
  log(
    `CPU profile of the Gridwarden server, ${c.id} (${Math.round(result.rps)} req/s, p50 ${ms(result.p50)} ms while profiled): ` +
      `busy ${((100 * summary.busyMs) / summary.totalMs).toFixed(0)} % of ${(summary.totalMs / 1000).toFixed(1)} s, ` +
      `work (busy less socket writes and the profiler) ${((1000 * summary.workMs) / result.requests).toFixed(0)} µs per request`,
  );
  log(
    formatTable(
      ['self time in', 'ms', 'share of work', 'per request'],
      profileRows(summary, result.requests),
    ),
  );
  log('');
  log(
    formatTable(
      ['function', 'package', 'self ms'],
      summary.topFunctions.map((f) => [f.name, f.where, f.ms.toFixed(0)]),
    ),
  );
}

const cpuCell = (samples: number[]) => summarise(samples).median.toFixed(0);

const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

/** Headers that authenticate the demo integrator (read-only, scoped to the county), checked with `me`. */
async function authenticate(
  server: GridwardenServer,
  how: Options['auth'],
): Promise<Record<string, string>> {
  let headers: Record<string, string>;
  if (how === 'apikey') {
    headers = { 'x-api-key': DEMO_API_KEY };
  } else {
    const integrator = DEMO_USERS.find((u) => u.role === 'INTEGRATOR');
    if (!integrator) throw new Error('the demo has no INTEGRATOR account');
    const data = (await post(
      server.url,
      JSON.stringify({
        query:
          'mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        variables: { u: integrator.username, p: integrator.password },
      }),
      {},
    )) as { login: { token: string } };
    headers = { authorization: `Bearer ${data.login.token}` };
  }
  const { me } = (await post(
    server.url,
    JSON.stringify({ query: '{ me { username role } }' }),
    headers,
  )) as {
    me: { username: string; role: string };
  };
  if (me.role !== 'INTEGRATOR')
    throw new Error(`authenticated as ${me.username} (${me.role}), not an integrator`);
  return headers;
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

function pidOf(server: RunningServer): number {
  if (server.child.pid == null) throw new Error(`${server.name} has no process id`);
  return server.child.pid;
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
