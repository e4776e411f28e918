/**
 * ENTERPRISE_UNCOVERED (横到边): an enterprise no base grid covers, so no officer answers for it.
 *
 * Decided spatially with ST_Covers, never from `base_grid_id`, so a stale derivation cannot
 * hide a hole: the recorded base grid is only a shortcut — an enterprise it still covers is
 * covered; every other one (no, stale or non-base grid recorded) is probed against all base
 * grids. A point on a grid's edge is covered. CLOSED enterprises are out of scope: no
 * one supervises a business that no longer exists. scopeGridId is the deepest grid of any
 * level that covers the point (its village or town when only the base level has a hole).
 */
import type { CoverageRule } from '../coverage.types';

// Base grids for the enterprise rules to take first, so that each boundary is prepared once and
// probes the enterprise GiST index (enterprise-first probes of the grid index ran ~15x slower);
// with focus ids, only the base grids whose box holds one of those enterprises.
export const FOCUS_BASE_GRIDS_CTE = `
  base AS MATERIALIZED (
    SELECT b.id, b.code, b.boundary
    FROM grid b
    WHERE $1::bigint[] IS NULL AND b.level = (SELECT max(level) FROM grid_level)
    UNION ALL
    -- with focus ids, start from those enterprises and find their grids through the grid
    -- index, so an incremental audit costs the size of the edit, not of the province
    SELECT DISTINCT ON (b.id) b.id, b.code, b.boundary
    FROM enterprise f
    JOIN grid b ON b.boundary && f.location
    WHERE $1::bigint[] IS NOT NULL AND f.id = ANY ($1::bigint[])
      AND b.level = (SELECT max(level) FROM grid_level)
  )`;

// Enterprises in focus that lie in no base grid, with the deepest grid of any level around them.
export const ENTERPRISE_UNCOVERED_SQL = `
  -- declares the runner's three parameters, whichever this rule uses
  WITH args AS (SELECT $1::bigint[] AS focus_ids, $2::jsonb AS thresholds, $3::timestamptz AS now),
  -- enterprises whose recorded base grid does not cover them (a merge join by grid: one
  -- prepared boundary at a time); usually none but the uncovered and the stale
  unplaced AS MATERIALIZED (
    SELECT e.id, e.uscc, e.name, e.location
    FROM enterprise e
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
  sql: ENTERPRISE_UNCOVERED_SQL,
  message(row) {
    const { name, uscc, scopeCode } = row.details;
    return {
      zh: `企业“${name}”（${uscc}）不在任何基础网格内${scopeCode ? `（位于网格 ${scopeCode}）` : '（位于全部网格之外）'}，无网格员负责`,
      en: `Enterprise "${name}" (${uscc}) lies in no base grid${scopeCode ? ` (inside grid ${scopeCode})` : ' (outside every grid)'}, so no officer answers for it`,
    };
  },
};
