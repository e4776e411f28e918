/**
 * Timing helpers: samples summarised as median/min/max, a Queryable that attributes
 * database time to the rule being run, and a plain-text table.
 */
import type { Queryable } from '../../server/src/coverage/rule.runner';

export interface Summary {
  median: number;
  min: number;
  max: number;
  samples: number[];
}

export function summarise(samples: number[]): Summary {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], samples };
}

/** Runs fn n times and returns the elapsed milliseconds of each run with the last result. */
export async function timeRuns<T>(
  n: number,
  fn: (run: number) => Promise<T>,
): Promise<{ summary: Summary; last: T }> {
  const samples: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    last = await fn(i);
    samples.push(performance.now() - started);
  }
  return { summary: summarise(samples), last: last as T };
}

export interface RuleTime {
  /** the rule's (or shared pass's) own SQL */
  queryMs: number;
  /** everything after it until the next one: replacing the stored rows, or ANALYZE */
  storeMs: number;
}

/**
 * Wraps the Queryable an audit runs on and attributes each statement's time to a rule or a
 * shared pass, whose SQL `labelOf` recognises by its text; the statements that follow it
 * (DELETE and INSERT of its stored rows, ANALYZE of a pass's table) count as its store
 * time. Statements before the first (scope lookup, audit_run) go to `otherMs`.
 */
export class RuleClock<Label extends string = string> implements Queryable {
  readonly rules = new Map<Label, RuleTime>();
  otherMs = 0;
  private current: RuleTime | null = null;

  constructor(
    private readonly inner: Queryable,
    private readonly labelOf: (sql: string) => Label | undefined,
  ) {}

  async query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T> {
    const rule = this.labelOf(sql);
    if (rule) {
      this.current = { queryMs: 0, storeMs: 0 };
      this.rules.set(rule, this.current);
    }
    const started = performance.now();
    try {
      return await this.inner.query<T>(sql, parameters);
    } finally {
      const ms = performance.now() - started;
      if (rule && this.current) this.current.queryMs += ms;
      else if (this.current) this.current.storeMs += ms;
      else this.otherMs += ms;
    }
  }
}

export type Cell = string | number | null;

/** A left-aligned first column and right-aligned others, with a rule under the header. */
export function formatTable(header: string[], rows: Cell[][]): string {
  const text = rows.map((r) => r.map((c) => (c == null ? '' : String(c))));
  const widths = header.map((h, i) => Math.max(h.length, ...text.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...text.map(line)].join(
    '\n',
  );
}

/** Milliseconds for a table: whole above 100, one decimal below. */
export function ms(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(1);
}

export function ratio(value: number): string {
  return `${value.toFixed(2)}×`;
}
