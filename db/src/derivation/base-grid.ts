/**
 * An enterprise's base grid is derived from its location, never typed in.
 *
 * Tie-break (documented, deterministic): a point covered by several base grids — on a
 * shared edge or vertex, or inside an overlap — belongs to the one with the smallest
 * code. A point covered by none has no base grid (ENTERPRISE_UNCOVERED).
 */
import type { EntityManager } from 'typeorm';

// Base-grid id for every enterprise (or those listed), by ST_Covers and the code tie-break.
export const ASSIGN_BASE_GRIDS_SQL = `
  WITH base AS (SELECT max(level) AS level FROM grid_level),
  target AS (
    SELECT e.id, e.location FROM enterprise e WHERE $1::bigint[] IS NULL OR e.id = ANY($1::bigint[])
  ),
  derived AS (
    SELECT t.id,
           (SELECT g.id FROM grid g, base
            WHERE g.level = base.level AND ST_Covers(g.boundary, t.location)
            ORDER BY g.code LIMIT 1) AS grid_id
    FROM target t
  )
  UPDATE enterprise e SET base_grid_id = d.grid_id
  FROM derived d
  WHERE e.id = d.id AND e.base_grid_id IS DISTINCT FROM d.grid_id`;

/** Re-derives base grids of the given enterprises (all when omitted); returns how many changed. */
export async function assignBaseGrids(
  manager: Pick<EntityManager, 'query'>,
  enterpriseIds?: string[],
): Promise<number> {
  const result: unknown = await manager.query(ASSIGN_BASE_GRIDS_SQL, [enterpriseIds ?? null]);
  // TypeORM's postgres driver returns [rows, affectedCount] for UPDATE.
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}
