import type { Queryable } from '../coverage/rule.runner';
import { groupRows } from '../graphql/sql-filter';
import { gridWithinSql } from '../auth/scope.sql';
import type { GridAssignment, Person } from './person.types';

/** An assignment read with its person, so GridAssignment.person costs no query. */
export type AssignmentWithPerson = GridAssignment & { person: Person };

interface AssignmentRow extends GridAssignment {
  name: string;
  phone: string | null;
  createdAt: Date;
}

const ASSIGNMENT_COLUMNS = `a.id::text AS id, a.grid_id::text AS "gridId", a.person_id::text AS "personId",
  a.role, a.since, a.until, p.name, p.phone, p.created_at AS "createdAt"`;

// Leaders first, then officers, then the named responsible people (seed 000 art. 18–19).
const ROLE_ORDER = `array_position(ARRAY['LEADER', 'OFFICER', 'RESPONSIBLE_LEADER', 'RESPONSIBLE_PERSON'], a.role)`;

// Assignments of the grids in force at $2: since <= $2 < coalesce(until, infinity); only of
// grids inside scope root $3 when it is given.
const ASSIGNMENTS_AT_SQL = `
  SELECT ${ASSIGNMENT_COLUMNS}
  FROM grid_assignment a JOIN person p ON p.id = a.person_id
  WHERE a.grid_id = ANY ($1::bigint[]) AND a.since <= $2 AND (a.until IS NULL OR a.until > $2)
    AND ($3::bigint IS NULL OR ${gridWithinSql('a.grid_id', '$3::bigint')})
  ORDER BY a.grid_id, ${ROLE_ORDER}, a.since, a.id`;

// Every assignment a grid ever had, oldest first.
const ASSIGNMENT_HISTORY_SQL = `
  SELECT ${ASSIGNMENT_COLUMNS}
  FROM grid_assignment a JOIN person p ON p.id = a.person_id
  WHERE a.grid_id = $1
  ORDER BY a.since, ${ROLE_ORDER}, a.id`;

/** Every line of SQL reading grid assignments with their people. */
export class AssignmentReadRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * The assignments in force at `at` of each grid, by grid id (grids without any are absent);
   * with a scope root, only those of grids inside it.
   */
  async assignmentsAt(
    gridIds: readonly string[],
    at: Date,
    scopeGridId: string | null = null,
  ): Promise<Map<string, AssignmentWithPerson[]>> {
    const rows: AssignmentRow[] = await this.db.query(ASSIGNMENTS_AT_SQL, [
      gridIds,
      at,
      scopeGridId,
    ]);
    return groupRows(rows, (r) => r.gridId, toAssignment);
  }

  /** People by id (for assignments read without theirs). */
  people(ids: readonly string[]): Promise<Person[]> {
    return this.db.query(
      `SELECT p.id::text AS id, p.name, p.phone, p.created_at AS "createdAt"
       FROM person p WHERE p.id = ANY ($1::bigint[])`,
      [ids],
    );
  }

  async assignmentHistory(gridId: string): Promise<AssignmentWithPerson[]> {
    const rows: AssignmentRow[] = await this.db.query(ASSIGNMENT_HISTORY_SQL, [gridId]);
    return rows.map(toAssignment);
  }
}

function toAssignment(r: AssignmentRow): AssignmentWithPerson {
  return {
    id: r.id,
    gridId: r.gridId,
    personId: r.personId,
    role: r.role,
    since: r.since,
    until: r.until,
    person: { id: r.personId, name: r.name, phone: r.phone, createdAt: r.createdAt },
  };
}
