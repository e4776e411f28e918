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
): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: encodeCursor(kind, node.id), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}
