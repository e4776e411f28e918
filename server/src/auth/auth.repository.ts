import type { DataSource } from 'typeorm';
import type { Role } from './viewer';

/** An app_user row as the auth service uses it. */
export interface UserRecord {
  id: string;
  username: string;
  passwordHash: string;
  role: Role;
  scopeGridId: string;
  personId: string | null;
  hasApiKey: boolean;
  disabled: boolean;
  createdAt: Date;
}

const USER_COLUMNS = `u.id::text AS "id", u.username, u.password_hash AS "passwordHash", u.role,
  u.scope_grid_id::text AS "scopeGridId", u.person_id::text AS "personId",
  u.api_key_hash IS NOT NULL AS "hasApiKey", u.disabled, u.created_at AS "createdAt"`;

export interface NewUser {
  username: string;
  passwordHash: string;
  role: Role;
  scopeGridId: string;
  personId: string | null;
}

/** Every line of SQL about users, their credentials and the server's own secrets. */
export class AuthRepository {
  constructor(private readonly db: DataSource) {}

  private async one(where: string, params: unknown[]): Promise<UserRecord | null> {
    const rows: UserRecord[] = await this.db.query(
      `SELECT ${USER_COLUMNS} FROM app_user u WHERE ${where}`,
      params,
    );
    return rows[0] ?? null;
  }

  byUsername(username: string): Promise<UserRecord | null> {
    return this.one(`lower(u.username) = lower($1)`, [username]);
  }

  byId(id: string): Promise<UserRecord | null> {
    return this.one(`u.id = $1`, [id]);
  }

  byApiKeyHash(hash: string): Promise<UserRecord | null> {
    return this.one(`u.api_key_hash = $1`, [hash]);
  }

  async insert(user: NewUser): Promise<UserRecord> {
    const [{ id }] = await this.db.query(
      `INSERT INTO app_user (username, password_hash, role, scope_grid_id, person_id)
       VALUES ($1, $2, $3, $4, $5) RETURNING id::text AS id`,
      [user.username, user.passwordHash, user.role, user.scopeGridId, user.personId],
    );
    return (await this.byId(id)) as UserRecord;
  }

  async setApiKeyHash(userId: string, hash: string): Promise<void> {
    await this.db.query(`UPDATE app_user SET api_key_hash = $2 WHERE id = $1`, [userId, hash]);
  }

  async usernameTaken(username: string): Promise<boolean> {
    const [{ taken }] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM app_user WHERE lower(username) = lower($1)) AS taken`,
      [username],
    );
    return taken;
  }

  async personExists(personId: string): Promise<boolean> {
    const [{ found }] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM person WHERE id = $1) AS found`,
      [personId],
    );
    return found;
  }

  /**
   * The secret stored under `name`, stored first as `generated` if there is none yet; two
   * servers starting together agree on whichever was stored first.
   */
  async secret(name: string, generated: string): Promise<string> {
    await this.db.query(
      `INSERT INTO app_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
      [name, generated],
    );
    const [{ value }] = await this.db.query(`SELECT value FROM app_secret WHERE name = $1`, [name]);
    return value;
  }
}
