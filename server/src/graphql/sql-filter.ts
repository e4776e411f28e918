/**
 * The order of a keyset page: a sort key (an SQL expression over the table's alias, never
 * null; null for the id alone) and its type, ties broken by id.
 */
export interface KeysetOrder {
  key: string | null;
  keyType: 'text' | 'int';
  descending: boolean;
}

const ID_ORDER: KeysetOrder = { key: null, keyType: 'int', descending: false };

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
    const after = afterId == null ? null : { key: afterId, id: afterId };
    return this.pageInOrder(columns, from, ID_ORDER, after, limit);
  }

  /**
   * A keyset page in `order`: by its sort key, ties broken by id in the same direction, the
   * rows after `after`; the key is selected as column `sortKey` for the next cursor.
   */
  pageInOrder(
    columns: string,
    from: string,
    order: KeysetOrder,
    after: { key: string | number; id: string } | null,
    limit: number,
  ): string {
    const alias = from.trim().split(/\s+/).pop();
    const direction = order.descending ? 'DESC' : 'ASC';
    const beyond = order.descending ? '<' : '>';
    if (order.key == null) {
      if (after != null) this.where(`${alias}.id ${beyond} ${this.param(after.id)}::bigint`);
      return `SELECT ${columns} FROM ${from} WHERE ${this.sql} ORDER BY ${alias}.id ${direction} LIMIT ${this.param(limit)}`;
    }
    if (after != null) {
      const key = `${this.param(after.key)}::${order.keyType}`;
      this.where(`(${order.key}, ${alias}.id) ${beyond} (${key}, ${this.param(after.id)}::bigint)`);
    }
    return `SELECT ${columns}, ${order.key} AS "sortKey" FROM ${from} WHERE ${this.sql}
      ORDER BY ${order.key} ${direction}, ${alias}.id ${direction} LIMIT ${this.param(limit)}`;
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
