/**
 * Load at a fixed concurrency for a fixed time, two ways with one way of counting:
 * autocannon against an HTTP GraphQL endpoint, and a replay of captured SQL through a
 * `pg` pool by as many concurrent callers. Both record every response's latency and
 * report p50/p95 from the full sample, not from histogram buckets.
 */
import autocannon from 'autocannon';
import type { Pool } from 'pg';
import type { CapturedStatement } from './server-probe';

export interface LoadResult {
  /** p50 and p95 latency, ms */
  p50: number;
  p95: number;
  /** completed requests per second over the measured window */
  rps: number;
  requests: number;
  /** non-2xx responses, GraphQL errors, socket errors, timeouts */
  failures: number;
}

export interface HttpLoad {
  url: string;
  /** JSON request bodies, sent round-robin across all connections */
  bodies: string[];
  headers: Record<string, string>;
  connections: number;
  durationS: number;
}

/** autocannon at `connections` for `durationS`; a body with "errors" counts as a failure. */
export async function loadHttp(load: HttpLoad): Promise<LoadResult> {
  let next = 0;
  const latencies: number[] = [];
  let finished!: (result: autocannon.Result) => void;
  let failed!: (error: Error) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finished = resolve;
    failed = reject;
  });
  const instance = autocannon(
    {
      url: load.url,
      connections: load.connections,
      duration: load.durationS,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...load.headers },
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => ({
            ...request,
            body: load.bodies[next++ % load.bodies.length],
          }),
        },
      ],
      verifyBody: (body) => {
        const text = String(body ?? '');
        return text.startsWith('{"data"') && !text.includes('"errors"');
      },
    },
    (error, result) => (error ? failed(error) : finished(result)),
  );
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    latencies.push(responseTime);
  });
  const result = await done;
  const mismatches = (result as { mismatches?: number }).mismatches ?? 0;
  const failures = result.non2xx + result.errors + result.timeouts + mismatches;
  return summarise(latencies, result.duration, failures);
}

/** One request's statements in the order the server ran them: a stage runs after the one before. */
export type Plan = { sql: string; values: unknown[] }[][];

/**
 * Groups captured statements into stages: a statement that started before every statement
 * of the current stage had finished ran concurrently with them (Promise.all in a service,
 * one DataLoader batch beside another); one that started later waited for them.
 */
export function toPlan(statements: CapturedStatement[]): Plan {
  const plan: Plan = [];
  let stageEnd = -Infinity;
  for (const s of [...statements].sort((a, b) => a.startMs - b.startMs)) {
    if (plan.length === 0 || s.startMs >= stageEnd) {
      plan.push([]);
      stageEnd = Infinity;
    }
    plan[plan.length - 1].push({ sql: s.sql, values: s.values });
    stageEnd = Math.min(stageEnd, s.endMs);
  }
  return plan;
}

export interface SqlLoad {
  pool: Pool;
  plans: Plan[];
  callers: number;
  durationS: number;
}

/** `callers` concurrent loops replaying plans round-robin through the pool for `durationS`. */
export async function loadSql(load: SqlLoad): Promise<LoadResult> {
  let next = 0;
  let failures = 0;
  const latencies: number[] = [];
  const started = performance.now();
  const until = started + load.durationS * 1000;
  const caller = async () => {
    while (performance.now() < until) {
      const plan = load.plans[next++ % load.plans.length];
      const t0 = performance.now();
      try {
        for (const stage of plan) {
          await Promise.all(stage.map((s) => load.pool.query(s.sql, s.values)));
        }
        latencies.push(performance.now() - t0);
      } catch {
        failures++;
      }
    }
  };
  await Promise.all(Array.from({ length: load.callers }, caller));
  return summarise(latencies, (performance.now() - started) / 1000, failures);
}

function summarise(latencies: number[], durationS: number, failures: number): LoadResult {
  if (latencies.length === 0) throw new Error('no request completed');
  const sorted = Float64Array.from(latencies).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return {
    p50: at(0.5),
    p95: at(0.95),
    rps: latencies.length / durationS,
    requests: latencies.length,
    failures,
  };
}
