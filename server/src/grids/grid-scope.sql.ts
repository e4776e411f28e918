/**
 * Territorial scope in SQL (seed 003 附件 §6: collected data is confidential): a viewer sees
 * the grids of `grid_subtree(ARRAY[scopeGridId])` and the enterprises whose base grid lies
 * there, or — with no base grid — whose point lies inside the scope root's boundary. The
 * same test serves "this grid or below it" filters such as `enterprises(gridId)`.
 *
 * Two forms of the grid test: a set for lists (the subtree, computed once per query) and a
 * walk up the parents for a handful of rows (a few index probes each, whatever the
 * subtree's size).
 */

/** SQL set of the ids of grid `root` (a bigint placeholder or expression) and all below it. */
export function subtreeIdsSql(root: string): string {
  return `(SELECT s.id FROM grid_subtree(ARRAY[${root}]::bigint[]) s)`;
}

/** SQL boolean: grid `gridId` is grid `root` or lies below it (walks up at most 16 parents). */
export function gridWithinSql(gridId: string, root: string): string {
  return `EXISTS (
    WITH RECURSIVE up AS (
      SELECT p.id, p.parent_id, 0 AS depth FROM grid p WHERE p.id = ${gridId}
      UNION ALL
      SELECT p.id, p.parent_id, up.depth + 1 FROM grid p JOIN up ON p.id = up.parent_id
      WHERE up.depth < 16
    )
    SELECT 1 FROM up WHERE up.id = ${root})`;
}

/**
 * SQL boolean for the enterprise row aliased `e`: its base grid lies in `root`'s subtree, or it
 * has none and its point lies inside `root`'s boundary. For lists.
 */
export function enterpriseUnderSql(e: string, root: string): string {
  return `${e}.id IN (
      SELECT x.id FROM enterprise x WHERE x.base_grid_id IN ${subtreeIdsSql(root)}
      UNION ALL
      SELECT x.id FROM enterprise x JOIN grid r ON r.id = ${root}
      WHERE x.base_grid_id IS NULL AND ST_Covers(r.boundary, x.location))`;
}

/** {@link enterpriseUnderSql} for a handful of rows: walks up from the base grid instead. */
export function enterpriseWithinSql(e: string, root: string): string {
  return `CASE WHEN ${e}.base_grid_id IS NOT NULL THEN ${gridWithinSql(`${e}.base_grid_id`, root)}
    ELSE EXISTS (SELECT 1 FROM grid r WHERE r.id = ${root} AND ST_Covers(r.boundary, ${e}.location)) END`;
}
