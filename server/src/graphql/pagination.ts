/**
 * Keyset pagination: opaque cursors carry the last row's key, so a page costs an index
 * range scan however deep it is (no OFFSET).
 */
import { UserInputError } from './errors';
import type { Connection } from './connection.types';

export interface PageRequest {
  first: number;
  after?: string | null;
}

export function encodeCursor(kind: string, key: string): string {
  return Buffer.from(`${kind}:${key}`, 'utf8').toString('base64url');
}

/** The key inside a cursor made by encodeCursor for the same kind; a clear error otherwise. */
export function decodeCursor(kind: string, cursor: string | null | undefined): string | null {
  if (cursor == null || cursor === '') return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const prefix = `${kind}:`;
  if (!text.startsWith(prefix) || !/^\d+$/.test(text.slice(prefix.length))) {
    throw new UserInputError(
      `"after" is not a ${kind} cursor from this API: ${JSON.stringify(cursor)}`,
    );
  }
  return text.slice(prefix.length);
}

/** Where a page of a list in a chosen order starts: the last row's sort key and id. */
export interface OrderedKey {
  key: string | number;
  id: string;
}

/**
 * A cursor for a list in `order` (e.g. "NAME DESC"), carrying the last row's sort key and id;
 * null `order` is the list's default id order, whose cursors are those of {@link encodeCursor}.
 */
export function encodeOrderedCursor(kind: string, order: string | null, row: OrderedKey): string {
  return order == null
    ? encodeCursor(kind, row.id)
    : encodeCursor(kind, `${order}:${JSON.stringify([row.key, row.id])}`);
}

/**
 * The key inside a cursor made by encodeOrderedCursor for the same kind and order; a clear
 * error for anything else, and for a cursor made under another order (its key means nothing
 * in this one).
 */
export function decodeOrderedCursor(
  kind: string,
  order: string | null,
  cursor: string | null | undefined,
): OrderedKey | null {
  if (cursor == null || cursor === '') return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const prefix = `${kind}:`;
  const rest = text.startsWith(prefix) ? text.slice(prefix.length) : '';
  const ordered = /^([A-Z_]+ (?:ASC|DESC)):(\[.*\])$/s.exec(rest);
  let made: string | null;
  let key: OrderedKey | null = null;
  if (/^\d+$/.test(rest)) {
    made = null;
    key = { key: rest, id: rest };
  } else if (ordered) {
    made = ordered[1];
    const value = parseJson(ordered[2]);
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      (typeof value[0] === 'string' || typeof value[0] === 'number') &&
      typeof value[1] === 'string' &&
      /^\d+$/.test(value[1])
    ) {
      key = { key: value[0], id: value[1] };
    }
  } else {
    made = null;
  }
  if (key == null) {
    throw new UserInputError(
      `"after" is not a ${kind} cursor from this API: ${JSON.stringify(cursor)}`,
    );
  }
  if (made !== order) {
    throw new UserInputError(
      `"after" is a cursor of ${kind}s ordered by ${made ?? 'ID ASC'}, but this request orders them by ${order ?? 'ID ASC'}; leave out "after" to start again from the first page when changing the order`,
      { cursorOrder: made ?? 'ID ASC', requestedOrder: order ?? 'ID ASC' },
    );
  }
  return key;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Checks `first` against the limit of this list. */
export function checkFirst(first: number, max: number): void {
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw new UserInputError(`"first" must be between 1 and ${max}; got ${first}`);
  }
}

/** Builds a connection from rows fetched with LIMIT first + 1. */
export function toConnection<T extends { id: string }>(
  kind: string,
  rows: T[],
  first: number,
  totalCount: number,
  cursorOf: (node: T) => string = (node) => encodeCursor(kind, node.id),
): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}
