/**
 * Preloaded into the Gridwarden server process (`node -r …/sql-capture.js server/dist/main.js`)
 * by the API benchmark: records every statement the server sends to PostgreSQL between a
 * `capture-start` and a `capture-stop` message from the parent, with its parameters and
 * start/end times, and sends them back. The raw-SQL baseline replays exactly these
 * statements, so it cannot drift from what the server's repositories issue. Outside a
 * capture it costs one boolean test per statement.
 */
import { createRequire } from 'node:module';

export interface CapturedStatement {
  sql: string;
  values: unknown[];
  /** ms on this process's clock, relative to the capture's start */
  startMs: number;
  endMs: number;
}

export type CaptureMessage = { type: 'capture-start' } | { type: 'capture-stop' };
export type CaptureReply =
  { type: 'capture-started' } | { type: 'captured'; statements: CapturedStatement[] };

type QueryFn = (this: unknown, ...args: unknown[]) => unknown;

// The pg the server's TypeORM loads, not whichever one this file would resolve first.
const requireFromTypeorm = createRequire(require.resolve('typeorm'));
const pg = requireFromTypeorm('pg') as { Client: { prototype: { query: QueryFn } } };

let capturing = false;
let origin = 0;
let statements: CapturedStatement[] = [];

const original = pg.Client.prototype.query;
pg.Client.prototype.query = function captureQuery(this: unknown, ...args: unknown[]): unknown {
  if (!capturing) return original.apply(this, args);
  const [config, maybeValues] = args;
  const sql = typeof config === 'string' ? config : (config as { text?: string })?.text;
  if (typeof sql !== 'string') return original.apply(this, args);
  const values = (
    Array.isArray(maybeValues) ? maybeValues : ((config as { values?: unknown[] }).values ?? [])
  ) as unknown[];
  const entry: CapturedStatement = { sql, values, startMs: performance.now() - origin, endMs: NaN };
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

process.on('message', (message: CaptureMessage) => {
  if (message.type === 'capture-start') {
    statements = [];
    origin = performance.now();
    capturing = true;
    process.send?.({ type: 'capture-started' } satisfies CaptureReply);
  } else if (message.type === 'capture-stop') {
    capturing = false;
    process.send?.({ type: 'captured', statements } satisfies CaptureReply);
    statements = [];
  }
});
