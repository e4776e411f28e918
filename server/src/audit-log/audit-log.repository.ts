import type { Viewer } from '../auth/viewer';
import type { Queryable } from '../coverage/rule.runner';

/** Kinds of entity the audit log records. */
export type AuditEntityType =
  | 'GRID'
  | 'GRID_ASSIGNMENT'
  | 'GRID_LEVEL'
  | 'ENTERPRISE'
  | 'PERSON'
  | 'DEPARTMENT'
  | 'SECTOR_RULE';

/** One changed entity: `before` null when created, `after` null when deleted. */
export interface AuditEntry {
  entityType: AuditEntityType;
  entityId: string;
  before: object | null;
  after: object | null;
}

// Writes one audit_log row per entry for one actor and action, in the caller's transaction.
const INSERT_SQL = `
  INSERT INTO audit_log (actor_user_id, actor_username, action, entity_type, entity_id, before, after)
  SELECT $1, $2, $3, t, i, b::jsonb, a::jsonb
  FROM unnest($4::text[], $5::text[], $6::text[], $7::text[]) AS u(t, i, b, a)`;

/** Every line of SQL about the audit log. */
export class AuditLogRepository {
  constructor(private readonly db: Queryable) {}

  async record(actor: Viewer, action: string, entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const json = (value: object | null) => (value == null ? null : JSON.stringify(value));
    await this.db.query(INSERT_SQL, [
      actor.userId,
      actor.username,
      action,
      entries.map((e) => e.entityType),
      entries.map((e) => e.entityId),
      entries.map((e) => json(e.before)),
      entries.map((e) => json(e.after)),
    ]);
  }
}
