/**
 * The WHERE clause of a filtered read, built one optional filter at a time with numbered
 * parameters, so a list query carries only the conditions it was asked for and every value
 * travels as a parameter, never as SQL text.
 */
export class SqlFilter {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  /** Adds a parameter and returns its placeholder ($1, $2 …). */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** Adds a condition (SQL built with placeholders from {@link param}). */
  where(condition: string): this {
    this.conditions.push(condition);
    return this;
  }

  /**
   * A keyset page of `from` (a table and its alias, e.g. `grid g`) matching the conditions:
   * `columns` of the rows after key `afterId`, in id order, at most `limit`.
   */
  page(columns: string, from: string, afterId: string | null, limit: number): string {
    const alias = from.trim().split(/\s+/).pop();
    if (afterId != null) this.where(`${alias}.id > ${this.param(afterId)}::bigint`);
    return `SELECT ${columns} FROM ${from} WHERE ${this.sql} ORDER BY ${alias}.id LIMIT ${this.param(limit)}`;
  }

  /** How many rows of `from` match, as column `n`. */
  count(from: string): string {
    return `SELECT count(*)::int AS n FROM ${from} WHERE ${this.sql}`;
  }

  /** The conditions AND-ed together; `true` when there are none. */
  get sql(): string {
    return this.conditions.length === 0
      ? 'true'
      : this.conditions.map((c) => `(${c})`).join(' AND ');
  }
}

/**
 * A LIKE pattern matching `text` literally (backslash is LIKE's default escape).
 *
 * @example
 * likeLiteral('50%_off'); // '50\\%\\_off'
 */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Rows of a batched query grouped by key, for DataLoader answers (keys without rows are absent).
 *
 * @example
 * groupRows([{ g: '1', v: 'a' }, { g: '1', v: 'b' }], (r) => r.g, (r) => r.v); // Map { '1' => ['a', 'b'] }
 */
export function groupRows<R, T>(
  rows: readonly R[],
  key: (row: R) => string,
  value: (row: R) => T,
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(value(row));
    else groups.set(key(row), [value(row)]);
  }
  return groups;
}
