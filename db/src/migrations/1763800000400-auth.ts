import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users and their territorial scope (seed 003 附件 §6: collected data is confidential, so
 * every account sees one grid subtree), and secrets the server generates for itself.
 */
export class Auth1763800000400 implements MigrationInterface {
  name = 'Auth1763800000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app_user (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        username text NOT NULL CHECK (username ~ '^[A-Za-z0-9][A-Za-z0-9._-]{1,62}$'),
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('ADMIN', 'PLANNER', 'SUPERVISOR', 'OFFICER', 'INTEGRATOR')),
        scope_grid_id bigint NOT NULL REFERENCES grid(id),
        person_id bigint REFERENCES person(id),
        api_key_hash text,
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT app_user_api_key_unique UNIQUE (api_key_hash)
      )`);
    // "Admin" and "admin" are one account.
    await q.query(`CREATE UNIQUE INDEX app_user_username_unique ON app_user (lower(username))`);

    // Secrets the server made itself (the JWT signing key when JWT_SECRET is not set), so
    // sessions survive a restart.
    await q.query(`
      CREATE TABLE app_secret (
        name text PRIMARY KEY,
        value text NOT NULL CHECK (length(value) >= 32),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS app_secret`);
    await q.query(`DROP TABLE IF EXISTS app_user`);
  }
}
