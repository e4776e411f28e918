/**
 * The one definition of a viewer's territorial scope in SQL, shared by every repository
 * (seed 003 附件 §6: collected data is confidential): the grids of the subtree under the
 * scope root, and the enterprises whose base grid is in it (or, with no base grid, whose
 * point lies inside the scope root's boundary). An enterprise in no grid at all is the top
 * level's to resolve (ENTERPRISE_UNCOVERED): a viewer whose scope root is a top-level grid
 * sees it. The same tests serve "this grid or below it" filters such as `enterprises(gridId)`.
 *
 * `root` is a SQL expression holding the scope root's grid id, usually a bind parameter.
 * Two forms of each test: a set for lists (the subtree, computed once per query) and a
 * walk up the parents for a handful of rows (a few index probes each, whatever the
 * subtree's size). Aliases inside the fragments have unusual names so that they never
 * shadow the caller's.
 */

/** Rows (root, id) of the grids in scope. */
export const scopeGrids = (root: string): string => `grid_subtree(ARRAY[${root}]::bigint[])`;

/** SQL set of the ids of grid `root` and all below it. */
export const subtreeIdsSql = (root: string): string =>
  `(SELECT subtree_row.id FROM ${scopeGrids(root)} subtree_row)`;

/** True when the grid id `gridId` (a SQL expression) lies in scope; for lists. */
export const gridInScope = (gridId: string, root: string): string =>
  `${gridId} IN ${subtreeIdsSql(root)}`;

/** True when grid `gridId` is grid `root` or lies below it (walks up at most 16 parents); for a few rows. */
export function gridWithinSql(gridId: string, root: string): string {
  return `EXISTS (
    WITH RECURSIVE scope_walk AS (
      SELECT walked.id, walked.parent_id, 0 AS depth FROM grid walked WHERE walked.id = ${gridId}
      UNION ALL
      SELECT walked.id, walked.parent_id, scope_walk.depth + 1
      FROM grid walked JOIN scope_walk ON walked.id = scope_walk.parent_id
      WHERE scope_walk.depth < 16
    )
    SELECT 1 FROM scope_walk WHERE scope_walk.id = ${root})`;
}

/** True when `root` is a top-level grid, whose viewers also see what lies in no grid at all. */
export const topLevelRootSql = (root: string): string =>
  `EXISTS (SELECT 1 FROM grid top_root WHERE top_root.id = ${root} AND top_root.parent_id IS NULL)`;

/**
 * True when the enterprise aliased `e` lies under grid `root`; for lists. As a scope
 * (`asScope`), a top-level root also takes the enterprises in no grid at all; as a filter
 * ("this grid or below it") it takes only what lies inside the grid.
 */
export function enterpriseUnderSql(e: string, root: string, asScope = true): string {
  const orphans = asScope ? `under_root.parent_id IS NULL OR ` : '';
  return `${e}.id IN (
      SELECT under_e.id FROM enterprise under_e WHERE under_e.base_grid_id IN ${subtreeIdsSql(root)}
      UNION ALL
      SELECT under_e.id FROM enterprise under_e JOIN grid under_root ON under_root.id = ${root}
      WHERE under_e.base_grid_id IS NULL
        AND (${orphans}ST_Covers(under_root.boundary, under_e.location)))`;
}

/** {@link enterpriseUnderSql} for a handful of rows: walks up from the base grid instead. */
export function enterpriseWithinSql(e: string, root: string): string {
  return `CASE WHEN ${e}.base_grid_id IS NOT NULL THEN ${gridWithinSql(`${e}.base_grid_id`, root)}
    ELSE EXISTS (SELECT 1 FROM grid scope_root
                 WHERE scope_root.id = ${root}
                   AND (scope_root.parent_id IS NULL OR ST_Covers(scope_root.boundary, ${e}.location))) END`;
}

/** True when the enterprise aliased `e` lies in scope (the set form, for lists and counts). */
export const enterpriseInScope = (e: string, root: string): string => enterpriseUnderSql(e, root);
