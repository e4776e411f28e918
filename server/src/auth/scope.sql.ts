/**
 * The one definition of a viewer's territorial scope in SQL, shared by every repository:
 * the grids of the subtree under the scope root, and the enterprises whose base grid is
 * in it (or, with no base grid, whose point lies inside the scope root's boundary).
 * `root` is a SQL expression holding the scope root's grid id, usually a bind parameter.
 */

/** Rows (root, id) of the grids in scope. */
export const scopeGrids = (root: string): string => `grid_subtree(ARRAY[${root}]::bigint[])`;

/** True when the grid id `gridId` (a SQL expression) lies in scope. */
export const gridInScope = (gridId: string, root: string): string =>
  `${gridId} IN (SELECT sc.id FROM ${scopeGrids(root)} sc)`;

/** True when the enterprise aliased `e` lies in scope. */
export const enterpriseInScope = (e: string, root: string): string =>
  `(${gridInScope(`${e}.base_grid_id`, root)}
    OR (${e}.base_grid_id IS NULL
        AND EXISTS (SELECT 1 FROM grid sr WHERE sr.id = ${root} AND ST_Covers(sr.boundary, ${e}.location))))`;
