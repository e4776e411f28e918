import { returnedRows } from '../audit-log/edit-transaction';
import type { Queryable } from '../coverage/rule.runner';
import type { Person } from './person.types';

const COLUMNS = `p.id::text AS id, p.name, p.phone, p.created_at AS "createdAt"`;

/** Every line of SQL about people. */
export class PersonRepository {
  constructor(private readonly db: Queryable) {}

  async byId(id: string): Promise<Person | null> {
    const rows: Person[] = await this.db.query(`SELECT ${COLUMNS} FROM person p WHERE p.id = $1`, [
      id,
    ]);
    return rows[0] ?? null;
  }

  async insert(name: string, phone: string | null): Promise<Person> {
    const [row] = await this.db.query(
      `INSERT INTO person (name, phone) VALUES ($1, $2)
       RETURNING id::text AS id, name, phone, created_at AS "createdAt"`,
      [name, phone],
    );
    return row;
  }

  async update(id: string, name: string, phone: string | null): Promise<Person> {
    const [row] = returnedRows<Person>(
      await this.db.query(
        `UPDATE person p SET name = $2, phone = $3 WHERE p.id = $1 RETURNING ${COLUMNS}`,
        [id, name, phone],
      ),
    );
    return row;
  }

  /**
   * Whether a supervisor scoped to grid $1 answers for the person: someone never assigned,
   * or assigned (now or before) to a grid in the scope.
   */
  async inScope(scopeGridId: string, personId: string): Promise<boolean> {
    const [row] = await this.db.query(
      `SELECT NOT EXISTS (SELECT 1 FROM grid_assignment a WHERE a.person_id = $2)
           OR EXISTS (SELECT 1 FROM grid_assignment a
                      JOIN grid_subtree(ARRAY[$1]::bigint[]) s ON s.id = a.grid_id
                      WHERE a.person_id = $2) AS ok`,
      [scopeGridId, personId],
    );
    return row.ok === true;
  }
}
