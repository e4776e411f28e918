/**
 * An enterprise's base grid is derived from its location, never typed in.
 *
 * Tie-break (documented, deterministic): a point covered by several base grids — on a
 * shared edge or vertex, or inside an overlap — belongs to the one with the smallest
 * code. A point covered by none has no base grid (ENTERPRISE_UNCOVERED).
 */
import type { EntityManager } from 'typeorm';

/**
 * The tie-break among grids covering one point, as an ORDER BY key of the grid row aliased
 * `g`: smallest code first. Every "which grid is this point in" answer uses it.
 */
export const COVERING_GRID_ORDER = 'g.code';

// Sets each (listed) enterprise's base grid to the covering base grid with the smallest code.
// Written as a join so the planner can take grids outside and probe the enterprise GiST
// index, which reuses each prepared boundary for all the points inside it. "level + 0" keeps
// a listed enterprise's probe on the GiST index alone: AND-ed with the bitmap of the level
// index (every base grid) it cost 5 ms per enterprise at province scale.
export const ASSIGN_COVERED_SQL = `
  WITH derived AS (
    SELECT DISTINCT ON (e.id) e.id, g.id AS grid_id
    FROM grid g
    JOIN enterprise e ON ST_Covers(g.boundary, e.location)
    WHERE g.level + 0 = (SELECT max(level) FROM grid_level)
      AND ($1::bigint[] IS NULL OR e.id = ANY ($1::bigint[]))
    ORDER BY e.id, ${COVERING_GRID_ORDER}
  )
  UPDATE enterprise e SET base_grid_id = d.grid_id
  FROM derived d
  WHERE e.id = d.id AND e.base_grid_id IS DISTINCT FROM d.grid_id`;

// Clears the base grid of (listed) enterprises no base grid covers any more ("level + 0": see above).
export const CLEAR_UNCOVERED_SQL = `
  UPDATE enterprise e SET base_grid_id = NULL
  WHERE e.base_grid_id IS NOT NULL
    AND ($1::bigint[] IS NULL OR e.id = ANY ($1::bigint[]))
    AND NOT EXISTS (
      SELECT 1 FROM grid g
      WHERE g.level + 0 = (SELECT max(level) FROM grid_level) AND ST_Covers(g.boundary, e.location))`;

/** Re-derives base grids of the given enterprises (all when omitted); returns how many changed. */
export async function assignBaseGrids(
  manager: Pick<EntityManager, 'query'>,
  enterpriseIds?: string[],
): Promise<number> {
  const ids = enterpriseIds ?? null;
  return (
    affected(await manager.query(CLEAR_UNCOVERED_SQL, [ids])) +
    affected(await manager.query(ASSIGN_COVERED_SQL, [ids]))
  );
}

/** TypeORM's postgres driver returns [rows, affectedCount] for UPDATE. */
function affected(result: unknown): number {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}
