/**
 * ENTERPRISE_UNCOVERED (横到边): an enterprise no base grid covers, so no officer answers for it.
 *
 * Decided spatially with ST_Covers, never from `base_grid_id`, so a stale derivation cannot
 * hide a hole: the recorded base grid is only a shortcut — an enterprise it still covers is
 * covered; every other one (no, stale or non-base grid recorded) is probed against all base
 * grids. Which enterprises their recorded grid covers comes from the `baseCover` pass: a
 * base grid that covers as many open enterprises recorded to it as `recordedCounts` says
 * are recorded there covers them all; only the others' enterprises are tested one by one.
 * A point on a grid's edge is covered. CLOSED enterprises are out of scope: no one
 * supervises a business that no longer exists. scopeGridId is the deepest grid of any
 * level that covers the point (its village or town when only the base level has a hole).
 */
import type { CoverageRule } from '../coverage.types';
import { INLINE_FOR_ENTERPRISES, passSql, type PassId } from '../shared-passes';

const UNCOVERED_PASSES: readonly PassId[] = ['baseCover', 'recordedCounts'];

// Enterprises in focus that lie in no base grid, with the deepest grid of any level around them.
const enterpriseUncoveredSql = (passCtes: string) => `
  -- declares the runner's three parameters, whichever this rule uses
  WITH args AS (SELECT $1::bigint[] AS focus_ids, $2::jsonb AS thresholds, $3::timestamptz AS now),
  ${passCtes},
  -- recorded base grids that do not cover every open enterprise recorded to them: the
  -- point-in-polygon pass placed fewer there than are recorded (usually none)
  doubtful AS MATERIALIZED (
    SELECT r.grid_id FROM recorded r LEFT JOIN base_cover c ON c.grid_id = r.grid_id
    WHERE coalesce(c.placed, 0) < r.n
  ),
  -- enterprises whose recorded base grid does not cover them: none recorded, or recorded to a
  -- doubtful grid and not covered by it; usually none but the uncovered and the stale (two
  -- branches, so each reads the base-grid index)
  unplaced AS MATERIALIZED (
    SELECT e.id, e.uscc, e.name, e.location
    FROM enterprise e
    WHERE e.base_grid_id IS NULL AND e.status <> 'CLOSED'
      AND ($1::bigint[] IS NULL OR e.id = ANY ($1::bigint[]))
    UNION ALL
    SELECT e.id, e.uscc, e.name, e.location
    FROM doubtful d
    JOIN enterprise e ON e.base_grid_id = d.grid_id
    WHERE e.status <> 'CLOSED'
      AND ($1::bigint[] IS NULL OR e.id = ANY ($1::bigint[]))
      AND NOT EXISTS (
        SELECT 1 FROM grid r
        WHERE r.id = e.base_grid_id AND r.level = (SELECT max(level) FROM grid_level)
          AND ST_Covers(r.boundary, e.location))
  ),
  -- of those, the ones no base grid covers; "level + 0" keeps the planner on the GiST
  -- index alone (AND-ing it with the level index bitmap cost minutes at province scale)
  uncovered AS MATERIALIZED (
    SELECT u.* FROM unplaced u
    WHERE NOT EXISTS (
      SELECT 1 FROM grid b
      WHERE b.level + 0 = (SELECT max(level) FROM grid_level) AND ST_Covers(b.boundary, u.location))
  )
  SELECT e.id AS "focusId",
         scope.id AS "scopeGridId",
         '{}'::bigint[] AS "gridIds",
         ARRAY[e.id] AS "enterpriseIds",
         ST_AsGeoJSON(e.location, 9) AS "geometry",
         NULL::double precision AS "measure",
         jsonb_build_object('uscc', e.uscc, 'name', e.name, 'scopeCode', scope.code) AS "details"
  FROM uncovered e
  LEFT JOIN LATERAL (
    SELECT g.id, g.code FROM grid g
    WHERE ST_Covers(g.boundary, e.location)
    ORDER BY g.level DESC, g.code
    LIMIT 1
  ) scope ON true`;

export const enterpriseUncoveredRule: CoverageRule = {
  id: 'ENTERPRISE_UNCOVERED',
  severity: 'ERROR',
  focus: 'enterprise',
  unit: null,
  ...passSql(UNCOVERED_PASSES, enterpriseUncoveredSql, INLINE_FOR_ENTERPRISES),
  message(row) {
    const { name, uscc, scopeCode } = row.details;
    return {
      zh: `企业“${name}”（${uscc}）不在任何基础网格内${scopeCode ? `（位于网格 ${scopeCode}）` : '（位于全部网格之外）'}，无网格员负责`,
      en: `Enterprise "${name}" (${uscc}) lies in no base grid${scopeCode ? ` (inside grid ${scopeCode})` : ' (outside every grid)'}, so no officer answers for it`,
    };
  },
};
