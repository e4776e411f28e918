import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * audit_log: who changed what, when, with the entity before and after (geometry as GeoJSON).
 * Every edit writes its rows in the same transaction as the change itself; rows of one edit
 * share `at` (the transaction's start) and `xact` (its transaction id).
 *
 * Assignments outlive grids: a merged-away or deleted grid lives on in grid_history, and
 * so must the record of who answered for it (seed 000 art. 25: 失职追责 asks who was
 * responsible on a given day). The foreign key from grid_assignment to grid would forbid
 * deleting such a grid, so it becomes a trigger that only asks new and re-pointed
 * assignments for a current grid.
 */
export class AuditLog1763800000500 implements MigrationInterface {
  name = 'AuditLog1763800000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        actor_user_id text NOT NULL,
        actor_username text NOT NULL,
        action text NOT NULL CHECK (action ~ '^[A-Z][A-Z_]*$'),
        entity_type text NOT NULL CHECK (entity_type ~ '^[A-Z][A-Z_]*$'),
        entity_id text NOT NULL,
        before jsonb,
        after jsonb,
        at timestamptz NOT NULL DEFAULT now(),
        xact bigint NOT NULL DEFAULT txid_current(),
        CONSTRAINT audit_log_something CHECK (before IS NOT NULL OR after IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, at)`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (at)`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, at)`);

    await q.query(
      `ALTER TABLE grid_assignment DROP CONSTRAINT IF EXISTS grid_assignment_grid_id_fkey`,
    );
    await q.query(`
      CREATE FUNCTION grid_assignment_current_grid() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM grid WHERE id = NEW.grid_id) THEN
          RAISE foreign_key_violation
            USING MESSAGE = format('grid %s does not exist (assignments can only start on a current grid)', NEW.grid_id);
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER grid_assignment_current_grid BEFORE INSERT OR UPDATE OF grid_id ON grid_assignment
      FOR EACH ROW EXECUTE FUNCTION grid_assignment_current_grid()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS grid_assignment_current_grid ON grid_assignment`);
    await q.query(`DROP FUNCTION IF EXISTS grid_assignment_current_grid()`);
    await q.query(
      `ALTER TABLE grid_assignment ADD CONSTRAINT grid_assignment_grid_id_fkey
       FOREIGN KEY (grid_id) REFERENCES grid(id) NOT VALID`,
    );
    await q.query(`DROP TABLE IF EXISTS audit_log`);
  }
}
