import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * grid_subtree(roots): every current grid at or below each root, as (root, id) pairs. The
 * one definition of "this grid or below it" that reads, counts and summaries share.
 */
export class GridSubtree1763800000300 implements MigrationInterface {
  name = 'GridSubtree1763800000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION grid_subtree(roots bigint[])
      RETURNS TABLE (root bigint, id bigint) LANGUAGE sql STABLE AS $$
        WITH RECURSIVE subtree AS (
          SELECT g.id AS root, g.id FROM grid g WHERE g.id = ANY (roots)
          UNION ALL
          SELECT s.root, g.id FROM grid g JOIN subtree s ON g.parent_id = s.id
        )
        SELECT root, id FROM subtree
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS grid_subtree(bigint[])`);
  }
}
