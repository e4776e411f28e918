/**
 * Map client benchmark on the county and province demos (real PostGIS):
 *  - vector tiles of grids and enterprises at zooms 8–14, a fixed set of tiles over the
 *    territory, fetched through the built server's HTTP endpoint as the demo admin (whole
 *    territory, gzip as browsers ask), beside the same tiles' SQL issued through pg in the
 *    same run: the endpoint's own SQL (so the ratio is what HTTP, login, scope, ETag and gzip
 *    add; target ≤ 1.2×) and the bare ST_AsMVT of the same features (tile-set.ts); and the
 *    same SQL served by the least HTTP tile server there can be (floor-server.ts), for what
 *    any server in a process of its own adds on this machine;
 *  - time to first map in headless Chromium, logged in, cold cache (county; target < 3 s).
 * Prints numbers; never fails on them.
 *
 *   DATABASE_URL=postgres://… npm run bench -- --suite client [--preset county|province|both]
 *     [--runs N] [--tiles N] [--maps N] [--reload]
 */
import { spawn } from 'node:child_process';
import { Agent, get as httpGet } from 'node:http';
import { join } from 'node:path';
import { cpus, loadavg, totalmem } from 'node:os';
import { DEMO_USERS, type DemoPreset } from '@gridwarden/db';
import { SeededRandom } from '../../db/src/demo/random.source';
import { hashApiKey } from '../../server/src/auth/api-key';
import { hashPassword } from '../../server/src/auth/password';
import type { TileAddress } from '../../server/src/tiles/tile-address';
import { mvtStatement } from '../../server/src/tiles/tile.repository';
import { benchBaseUrl, openBenchDatabase } from '../coverage/bench-database';
import { formatTable, ms, ratio, type Cell } from '../coverage/measure';
import { timeFirstMap } from './first-map';
import { NODE_FLAGS, whenListening, type RunningServer } from '../api/servers';
import { login, startServer } from './server';
import { BARE_SQL, benchTiles, type BenchLayer } from './tile-set';

const SEED = 1;
const PATHS = ['http', 'floor', 'sql', 'prepared', 'bare'] as const;
const DEFECTS = 3;
const ZOOMS = [8, 9, 10, 11, 12, 13, 14];
const LAYERS: BenchLayer[] = ['grids', 'enterprises'];
const TARGET_HTTP_OVER_SQL = 1.2;
const TARGET_FIRST_MAP_MS = 3000;

interface Options {
  presets: DemoPreset[];
  /** Timed requests of each tile by each path. */
  runs: number;
  /** Tiles per zoom at most. */
  tiles: number;
  /** First-map runs (county only). */
  maps: number;
  reload: boolean;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { presets: ['county'], runs: 3, tiles: 40, maps: 5, reload: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    const whole = (name: string, v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${name} is a whole number ≥ 1, not ${v}`);
      return n;
    };
    if (arg === '--preset') {
      const p = value();
      if (p === 'both') options.presets = ['county', 'province'];
      else if (p === 'county' || p === 'province') options.presets = [p];
      else throw new Error(`--preset is county, province or both, not ${JSON.stringify(p)}`);
    } else if (arg === '--runs') options.runs = whole(arg, value());
    else if (arg === '--tiles') options.tiles = whole(arg, value());
    else if (arg === '--maps') options.maps = whole(arg, value());
    else if (arg === '--reload') options.reload = true;
    else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

/** The items in an order drawn from `random` (Fisher–Yates). */
function shuffled<T>(items: readonly T[], random: SeededRandom): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The p-th percentile (0–100) by nearest rank. */
function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

interface Samples {
  http: number[];
  floor: number[];
  sql: number[];
  prepared: number[];
  bare: number[];
  bytes: number[];
  empty: number;
}

const noSamples = (): Samples => ({
  http: [],
  floor: [],
  sql: [],
  prepared: [],
  bare: [],
  bytes: [],
  empty: 0,
});

const log = (line: string) => console.log(line);

async function benchPreset(preset: DemoPreset, options: Options, baseUrl: string) {
  const { db, url } = await openBenchDatabase(
    baseUrl,
    { preset, seed: SEED, defects: DEFECTS },
    options.reload,
    log,
    { name: `gw_bench_tiles_${preset}`, users: { hashPassword, hashApiKey } },
  );
  const server = await startServer(url);
  const floor = await startFloorServer(url).catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
  try {
    const admin = DEMO_USERS.find((u) => u.username === 'admin')!;
    const token = await login(server.url, admin.username, admin.password);
    const [root] = await db.dataSource.query(
      `SELECT id::text AS id, ST_XMin(boundary) w, ST_YMin(boundary) s, ST_XMax(boundary) e, ST_YMax(boundary) n
       FROM grid WHERE parent_id IS NULL`,
    );
    const extent: [number, number, number, number] = [root.w, root.s, root.e, root.n];
    const tilesByZoom = new Map<number, TileAddress[]>();
    for (const z of ZOOMS)
      tilesByZoom.set(z, await benchTiles(db.dataSource, extent, z, options.tiles));

    const { reads } = db;
    // node:http on one kept-alive connection, as a browser reuses its connection, reading the
    // gzipped bytes as they come: fetch (undici) added ~0.6 ms of its own work per tile here,
    // and inflating is the browser's work, not the endpoint's
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const http = ({ z, x, y }: TileAddress, layer: BenchLayer, base = server.url) =>
      new Promise<number>((resolve, reject) => {
        const address = `${layer}/${z}/${x}/${y}`;
        const request = httpGet(
          `${base}/tiles/${address}.mvt`,
          { agent, headers: { Authorization: `Bearer ${token}`, 'Accept-Encoding': 'gzip' } },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => {
              const body = Buffer.concat(chunks);
              if (response.statusCode === 200 || response.statusCode === 204) {
                resolve(body.length);
              } else {
                reject(new Error(`tile ${address}: HTTP ${response.statusCode} ${body}`));
              }
            });
          },
        );
        request.on('error', reject);
      });
    const paths = (layer: BenchLayer, t: TileAddress) => ({
      http: () => http(t, layer),
      floor: () => http(t, layer, floor.url),
      sql: () => reads.query(mvtStatement(layer, t.z).text, [root.id, t.z, t.x, t.y]),
      prepared: () => reads.prepared(mvtStatement(layer, t.z), [root.id, t.z, t.x, t.y]),
      bare: () => reads.query(BARE_SQL[layer], [t.z, t.x, t.y]),
    });

    // Warm-up: every tile once by every path (caches, plans, the server's JIT).
    for (const layer of LAYERS) {
      for (const tiles of tilesByZoom.values()) {
        for (const t of tiles) for (const run of Object.values(paths(layer, t))) await run();
      }
    }

    const random = new SeededRandom(SEED);
    const results = new Map<string, Samples>();
    for (const layer of LAYERS) {
      for (const [z, tiles] of tilesByZoom) {
        const s = noSamples();
        for (let run = 0; run < options.runs; run++) {
          for (const t of tiles) {
            const p = paths(layer, t);
            // a shuffled order for every tile and run: no path always goes first, and none
            // always follows the same one (rotating one fixed order put "http" right after
            // "bare" every time, whose 20–30 ms enterprise queries left it colder caches)
            const order = shuffled(PATHS, random);
            for (const name of order) {
              const started = performance.now();
              const result = await p[name]();
              s[name].push(performance.now() - started);
              if (name === 'http' && run === 0) {
                s.bytes.push(result as number);
                if (result === 0) s.empty += 1;
              }
            }
          }
        }
        results.set(`${layer} ${z}`, s);
      }
    }

    const rows: Cell[][] = [];
    for (const layer of LAYERS) {
      const all = noSamples();
      for (const z of ZOOMS) {
        const s = results.get(`${layer} ${z}`)!;
        rows.push(row(`${layer} z${z}`, tilesByZoom.get(z)!.length, s));
        for (const key of ['http', 'floor', 'sql', 'prepared', 'bare', 'bytes'] as const)
          all[key].push(...s[key]);
        all.empty += s.empty;
      }
      rows.push(row(`${layer} z8–14`, all.bytes.length, all));
    }
    log(
      `\n${preset}: tiles through HTTP (gzip, as the demo admin) beside their SQL through pg, ${options.runs} runs per tile`,
    );
    log(
      formatTable(
        [
          'tiles',
          'n',
          'empty',
          'http p50',
          'http p95',
          'floor p50',
          'sql p50',
          'sql p95',
          'prep p50',
          'bare p50',
          'bare p95',
          'http/sql p50',
          'http/prep p50',
          'floor/prep p50',
          'http/bare p50',
          'KB gz',
        ],
        rows,
      ),
    );

    let firstMap: { readyMs: number[]; gridsByLevel: Record<number, number> } | null = null;
    if (preset === 'county') {
      firstMap = await timeFirstMap(server.url, token, options.maps);
      const p50 = percentile(firstMap.readyMs, 50);
      log(
        `\ncounty: time to first map (navigation start → grid tiles drawn, logged in, cold cache), ${options.maps} runs:` +
          ` p50 ${ms(p50)} ms, runs ${firstMap.readyMs.map((v) => ms(v)).join(', ')} ms` +
          ` (target < ${TARGET_FIRST_MAP_MS} ms: ${p50 < TARGET_FIRST_MAP_MS ? 'met' : 'missed'});` +
          ` grids drawn per level ${JSON.stringify(firstMap.gridsByLevel)}`,
      );
    }
  } finally {
    await server.stop();
    await floor.stop();
    await db.close();
  }
}

/** bench/client/floor-server.ts in a child process, with the server's Node flags. */
function startFloorServer(databaseUrl: string): Promise<RunningServer> {
  const child = spawn(process.execPath, [...NODE_FLAGS, join(__dirname, 'floor-server.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return whenListening('floor-server', child, /floor tiles at (http:\/\/\S+)/);
}

function row(label: string, tiles: number, s: Samples): Cell[] {
  const p = (v: number[], q: number) => ms(percentile(v, q));
  const httpOverSql = percentile(s.http, 50) / percentile(s.sql, 50);
  return [
    label,
    tiles,
    s.empty,
    p(s.http, 50),
    p(s.http, 95),
    p(s.floor, 50),
    p(s.sql, 50),
    p(s.sql, 95),
    p(s.prepared, 50),
    p(s.bare, 50),
    p(s.bare, 95),
    `${ratio(httpOverSql)}${httpOverSql <= TARGET_HTTP_OVER_SQL ? '' : ' !'}`,
    ratio(percentile(s.http, 50) / percentile(s.prepared, 50)),
    ratio(percentile(s.floor, 50) / percentile(s.prepared, 50)),
    ratio(percentile(s.http, 50) / percentile(s.bare, 50)),
    (s.bytes.reduce((a, b) => a + b, 0) / Math.max(1, s.bytes.length) / 1024).toFixed(1),
  ];
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const baseUrl = benchBaseUrl('client');
  if (!baseUrl) return;
  log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  for (const preset of options.presets) await benchPreset(preset, options, baseUrl);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
