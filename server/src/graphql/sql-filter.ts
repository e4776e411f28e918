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
