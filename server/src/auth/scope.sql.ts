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
 * A stored violation `v` in the scope whose subtree's ids are `ids` (a bigint[] expression) under
 * `root`: reported under or naming a grid of the subtree; one naming no grid at all (an
 * enterprise outside every grid) is the top level's, as the audit that stored it reports it.
 */
export const violationInScopeSql = (v: string, ids: string, root: string): string =>
  `(${v}.scope_grid_id = ANY (${ids}) OR ${v}.grid_ids && ${ids}
    OR (${v}.scope_grid_id IS NULL AND cardinality(${v}.grid_ids) = 0 AND ${topLevelRootSql(root)}))`;

/**
 * True when `root` is the only top-level grid: every grid lies below it and it sees what lies
 * in no grid, so its scope is everything and the subtree need not be walked (a province's is
 * 126,000 grids). Uncorrelated, so PostgreSQL works it out once per statement.
 */
export const wholeTreeRootSql = (root: string): string =>
  `EXISTS (SELECT 1 FROM grid whole_root WHERE whole_root.id = ${root} AND whole_root.parent_id IS NULL
      AND NOT EXISTS (SELECT 1 FROM grid other_top WHERE other_top.parent_id IS NULL AND other_top.id <> whole_root.id))`;

/**
 * True when the enterprise aliased `e` lies in grid `root`'s subtree; for "this grid or below
 * it" filters on lists: the subtree's enterprises found through their base grid, so a small
 * subtree drives the query.
 */
export function enterpriseUnderSql(e: string, root: string): string {
  return `${e}.id IN (
      SELECT under_e.id FROM enterprise under_e WHERE under_e.base_grid_id IN ${subtreeIdsSql(root)}
      UNION ALL
      SELECT under_e.id FROM enterprise under_e JOIN grid under_root ON under_root.id = ${root}
      WHERE under_e.base_grid_id IS NULL
        AND ST_Covers(under_root.boundary, under_e.location))`;
}

/** {@link enterpriseInScope} for a handful of rows: walks up from the base grid instead. */
export function enterpriseWithinSql(e: string, root: string): string {
  return `CASE WHEN ${e}.base_grid_id IS NOT NULL THEN ${gridWithinSql(`${e}.base_grid_id`, root)}
    ELSE EXISTS (SELECT 1 FROM grid scope_root
                 WHERE scope_root.id = ${root}
                   AND (scope_root.parent_id IS NULL OR ST_Covers(scope_root.boundary, ${e}.location))) END`;
}

/**
 * True when the enterprise aliased `e` lies in the viewer's scope under `root`; for lists and
 * counts. The rows of {@link enterpriseUnderSql}, plus, for a top-level root, those in no
 * grid at all (ENTERPRISE_UNCOVERED is the top level's to resolve), tested per row (its base grid against
 * the subtree's ids, hashed once per statement) so that the list's other filters (a box, a
 * search, a grid) narrow the rows first; a scope is usually wide (a county, a province), and
 * listing all of its enterprises for every page cost 15 ms a statement for a county viewer's
 * map view (bench/api). The only top-level grid sees everything: no subtree walked.
 */
export function enterpriseInScope(e: string, root: string): string {
  return `(${wholeTreeRootSql(root)}
    OR ${e}.base_grid_id IN ${subtreeIdsSql(root)}
    OR (${e}.base_grid_id IS NULL AND EXISTS (
          SELECT 1 FROM grid scope_top WHERE scope_top.id = ${root}
            AND (scope_top.parent_id IS NULL OR ST_Covers(scope_top.boundary, ${e}.location)))))`;
}
