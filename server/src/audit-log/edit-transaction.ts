/**
 * Every edit is one transaction: its checks, its writes, the incremental audit and its
 * audit_log rows commit together or not at all. A preview rehearses the same edit inside a
 * transaction that is always rolled back, so a preview and a save can never disagree.
 */
import type { DataSource } from 'typeorm';
import type { Viewer } from '../auth/viewer';
import type { Queryable } from '../coverage/rule.runner';
import { ConflictError, UserInputError } from '../graphql/errors';
import { AuditLogRepository, type AuditEntry } from './audit-log.repository';

/** What an edit's work receives: its transaction, who edits, and the audit log to append to. */
export interface EditScope {
  tx: Queryable;
  viewer: Viewer;
  /** Records changed entities; written to audit_log at the end of the work, in the transaction. */
  log(...entries: AuditEntry[]): void;
}

/** Runs `work` in one transaction and commits it with its audit_log rows. */
export async function runEdit<T>(
  db: DataSource,
  viewer: Viewer,
  action: string,
  work: (edit: EditScope) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction(async (tx) => {
      const entries: AuditEntry[] = [];
      const result = await work({ tx, viewer, log: (...e) => entries.push(...e) });
      await new AuditLogRepository(tx).record(viewer, action, entries);
      return result;
    });
  } catch (error) {
    throw translateDatabaseError(error);
  }
}

export interface Rehearsal<T, S> {
  result: T;
  /** What `inspect` saw after the edit… */
  after: S;
  /** …and before it (the edit undone to a savepoint, in the same transaction). */
  before: S;
}

/**
 * Runs `work` exactly as runEdit would, inspects the database after it, undoes it to a
 * savepoint, inspects again, and rolls everything back. Nothing is kept (identity counters
 * may advance: PostgreSQL sequences are not transactional).
 */
export async function rehearseEdit<T, S>(
  db: DataSource,
  viewer: Viewer,
  action: string,
  work: (edit: EditScope) => Promise<T>,
  inspect: (tx: Queryable, result: T) => Promise<S>,
): Promise<Rehearsal<T, S>> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    const tx = runner.manager;
    await tx.query('SAVEPOINT rehearsal');
    const entries: AuditEntry[] = [];
    const result = await work({ tx, viewer, log: (...e) => entries.push(...e) });
    await new AuditLogRepository(tx).record(viewer, action, entries);
    const after = await inspect(tx, result);
    await tx.query('ROLLBACK TO SAVEPOINT rehearsal');
    const before = await inspect(tx, result);
    return { result, after, before };
  } catch (error) {
    throw translateDatabaseError(error);
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    await runner.release();
  }
}

/**
 * Errors the database raises for a race the checks before it could not see become the
 * errors a user can act on; anything else is a bug and stays as it is.
 */
export function translateDatabaseError(error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  const detail = (error as { detail?: unknown }).detail;
  switch (code) {
    case '40P01': // deadlock_detected
    case '40001': // serialization_failure
      return new ConflictError('a concurrent edit changed the same data; reload and try again');
    case '23505': // unique_violation
      return new ConflictError(
        `a concurrent edit took the same key${typeof detail === 'string' ? ` (${detail})` : ''}; reload and try again`,
      );
    case '23503': // foreign_key_violation
      return new UserInputError(
        `still referenced elsewhere${typeof detail === 'string' ? `: ${detail}` : ''}`,
      );
    default:
      return error;
  }
}

/**
 * The rows of an `UPDATE/DELETE … RETURNING`: TypeORM's postgres driver answers those with
 * [rows, affectedCount] and everything else with the rows.
 */
export function returnedRows<T>(result: unknown): T[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
}
