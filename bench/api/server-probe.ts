/**
 * Preloaded into the Gridwarden server process (`node -r …/server-probe.js server/dist/main.js`)
 * by the API benchmark, driven by messages from the parent. With WORKERS > 1 the workers
 * inherit the preload; the primary passes each message on to every worker and answers with
 * all their statements, or all their profiles, together:
 *  - `capture-start`/`capture-stop`: records every statement the server sends to PostgreSQL
 *    meanwhile, with its parameters and times, and sends them back. The raw-SQL baseline
 *    replays exactly these statements, so it cannot drift from what the repositories issue.
 *    Outside a capture it costs one boolean test per statement.
 *  - `profile-start`/`profile-stop`: a V8 CPU profile of the server over one measurement.
 */
import cluster, { type Worker } from 'node:cluster';
import { createRequire } from 'node:module';
import { Session } from 'node:inspector';

export interface CapturedStatement {
  sql: string;
  values: unknown[];
  /**
   * When the statement was asked for (the pool checkout before it, if any), in ms from the
   * capture's start: two statements a service runs together are both asked for before
   * either ends, however the pool hands out their connections.
   */
  startMs: number;
  endMs: number;
}

/** A V8 CPU profile as the inspector returns it (the parts the benchmark reads). */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string };
    children?: number[];
  }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export type ProbeMessage =
  | { type: 'capture-start' }
  | { type: 'capture-stop' }
  | { type: 'profile-start' }
  | { type: 'profile-stop' };
export type ProbeReply =
  | { type: 'capture-started' }
  | { type: 'captured'; statements: CapturedStatement[] }
  | { type: 'profile-started' }
  | { type: 'profiled'; profiles: CpuProfile[] };

type QueryFn = (this: unknown, ...args: unknown[]) => unknown;

// The pg the server's TypeORM loads, not whichever one this file would resolve first.
const requireFromTypeorm = createRequire(require.resolve('typeorm'));
const pg = requireFromTypeorm('pg') as {
  Client: { prototype: { query: QueryFn } };
  Pool: { prototype: { connect: QueryFn } };
};

// captured parameters (dates, buffers) cross from the workers as they would to the benchmark
if (cluster.isPrimary) cluster.setupPrimary({ serialization: 'advanced' });

let capturing = false;
let origin = 0;
let statements: CapturedStatement[] = [];
const checkedOutAt = new WeakMap<object, number>();

const originalConnect = pg.Pool.prototype.connect;
pg.Pool.prototype.connect = function captureConnect(this: unknown, ...args: unknown[]): unknown {
  if (!capturing) return originalConnect.apply(this, args);
  const askedAt = performance.now() - origin;
  const note = (client: unknown) => {
    if (client && typeof client === 'object') checkedOutAt.set(client, askedAt);
  };
  const [callback] = args;
  if (typeof callback === 'function') {
    return originalConnect.call(this, (error: unknown, client: unknown, release: unknown) => {
      note(client);
      (callback as (...r: unknown[]) => void)(error, client, release);
    });
  }
  return (originalConnect.apply(this, args) as Promise<unknown>).then((client) => {
    note(client);
    return client;
  });
};

const original = pg.Client.prototype.query;
pg.Client.prototype.query = function captureQuery(this: unknown, ...args: unknown[]): unknown {
  if (!capturing) return original.apply(this, args);
  const [config, maybeValues] = args;
  const sql = typeof config === 'string' ? config : (config as { text?: string })?.text;
  if (typeof sql !== 'string') return original.apply(this, args);
  const values = (
    Array.isArray(maybeValues) ? maybeValues : ((config as { values?: unknown[] }).values ?? [])
  ) as unknown[];
  const askedAt = checkedOutAt.get(this as object);
  checkedOutAt.delete(this as object);
  const startMs = askedAt ?? performance.now() - origin;
  const entry: CapturedStatement = { sql, values, startMs, endMs: NaN };
  statements.push(entry);
  const done = () => {
    entry.endMs = performance.now() - origin;
  };
  const callbackAt = args.findIndex((a) => typeof a === 'function');
  if (callbackAt >= 0) {
    const callback = args[callbackAt] as (...r: unknown[]) => void;
    args[callbackAt] = (...r: unknown[]) => {
      done();
      callback(...r);
    };
    return original.apply(this, args);
  }
  const result = original.apply(this, args);
  if (result && typeof (result as Promise<unknown>).then === 'function') {
    (result as Promise<unknown>).then(done, done);
  }
  return result;
};

let inspector: Session | null = null;
const post = (method: string, params?: object) =>
  new Promise<unknown>((resolve, reject) =>
    inspector?.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
  );
const reply = (message: ProbeReply) => process.send?.(message);

/** This process's part: start or stop a capture or a profile, then answer. */
function handle(message: ProbeMessage, answer: (reply: ProbeReply) => void): void {
  if (message.type === 'capture-start') {
    statements = [];
    origin = performance.now();
    capturing = true;
    answer({ type: 'capture-started' });
  } else if (message.type === 'capture-stop') {
    capturing = false;
    answer({ type: 'captured', statements });
    statements = [];
  } else if (message.type === 'profile-start') {
    inspector = new Session();
    inspector.connect();
    void post('Profiler.enable')
      .then(() => post('Profiler.setSamplingInterval', { interval: 500 }))
      .then(() => post('Profiler.start'))
      .then(() => answer({ type: 'profile-started' }));
  } else if (message.type === 'profile-stop') {
    void post('Profiler.stop').then((result) => {
      inspector?.disconnect();
      inspector = null;
      answer({ type: 'profiled', profiles: [(result as { profile: CpuProfile }).profile] });
    });
  }
}

/** The primary of several workers: every worker's answer to the message, as one. */
function relay(workers: Worker[], message: ProbeMessage): void {
  const replies = workers.map(
    (worker) =>
      new Promise<ProbeReply>((resolve) => {
        const onMessage = (m: ProbeReply | { cmd?: string }) => {
          if (!('type' in m)) return;
          worker.off('message', onMessage);
          resolve(m);
        };
        worker.on('message', onMessage);
        worker.send(message);
      }),
  );
  void Promise.all(replies).then((all) => {
    const [first] = all;
    if (first.type === 'captured') {
      const merged = all.flatMap((r) => (r.type === 'captured' ? r.statements : []));
      reply({ type: 'captured', statements: merged.sort((a, b) => a.startMs - b.startMs) });
    } else if (first.type === 'profiled') {
      reply({
        type: 'profiled',
        profiles: all.flatMap((r) => (r.type === 'profiled' ? r.profiles : [])),
      });
    } else {
      reply(first);
    }
  });
}

process.on('message', (message: ProbeMessage) => {
  const workers = cluster.isPrimary
    ? Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w)
    : [];
  if (workers.length) relay(workers, message);
  else handle(message, reply);
});
