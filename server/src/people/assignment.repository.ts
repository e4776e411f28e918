import { returnedRows } from '../audit-log/edit-transaction';
import type { Queryable } from '../coverage/rule.runner';

/** A row of grid_assignment. */
export interface AssignmentRow {
  id: string;
  gridId: string;
  personId: string;
  role: string;
  since: Date;
  until: Date | null;
}

const COLUMNS = `a.id::text AS id, a.grid_id::text AS "gridId", a.person_id::text AS "personId", a.role,
  a.since, a.until`;

/**
 * Every line of SQL about grid_assignment. Assignments are never deleted: they end (`until`).
 * "Now" is the transaction's start, so every row one edit touches agrees on it.
 */
export class AssignmentRepository {
  constructor(private readonly db: Queryable) {}

  async byId(id: string): Promise<AssignmentRow | null> {
    const rows: AssignmentRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM grid_assignment a WHERE a.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Assignments of the grids that have not ended: running now, or starting later. */
  unended(gridIds: readonly string[]): Promise<(AssignmentRow & { started: boolean })[]> {
    return this.db.query(
      `SELECT ${COLUMNS}, a.since < now() AS started FROM grid_assignment a
       WHERE a.grid_id = ANY ($1::bigint[]) AND (a.until IS NULL OR a.until > now())
       ORDER BY a.id`,
      [gridIds],
    );
  }

  async insert(row: {
    gridId: string;
    personId: string;
    role: string;
    since: Date | 'now';
    until?: Date | null;
  }): Promise<AssignmentRow> {
    const [created] = await this.db.query(
      `INSERT INTO grid_assignment (grid_id, person_id, role, since, until)
       VALUES ($1, $2, $3, COALESCE($4::timestamptz, now()), $5)
       RETURNING id::text AS id, grid_id::text AS "gridId", person_id::text AS "personId", role, since, until`,
      [
        row.gridId,
        row.personId,
        row.role,
        row.since === 'now' ? null : row.since,
        row.until ?? null,
      ],
    );
    return created;
  }

  /** Ends assignments at `until` (now when omitted); returns them as they are afterwards. */
  async end(ids: readonly string[], until?: Date): Promise<AssignmentRow[]> {
    if (ids.length === 0) return [];
    return returnedRows(
      await this.db.query(
        `UPDATE grid_assignment a SET until = COALESCE($2::timestamptz, now())
         WHERE a.id = ANY ($1::bigint[]) RETURNING ${COLUMNS}`,
        [ids, until ?? null],
      ),
    );
  }

  /** Moves assignments that have not started yet to another grid. */
  async repoint(ids: readonly string[], gridId: string): Promise<AssignmentRow[]> {
    if (ids.length === 0) return [];
    return returnedRows(
      await this.db.query(
        `UPDATE grid_assignment a SET grid_id = $2 WHERE a.id = ANY ($1::bigint[]) RETURNING ${COLUMNS}`,
        [ids, gridId],
      ),
    );
  }

  /** Whether a grid exists now, and whether it lies in the subtree of a scope root. */
  async gridInScope(
    scopeGridId: string,
    gridId: string,
  ): Promise<{ exists: boolean; inside: boolean }> {
    const [row] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM grid WHERE id = $2) AS exists,
              EXISTS (SELECT 1 FROM grid_subtree(ARRAY[$1]::bigint[]) WHERE id = $2) AS inside`,
      [scopeGridId, gridId],
    );
    return row;
  }
}
