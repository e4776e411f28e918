/**
 * GRID_UNSTAFFED (网格定人): a grid, of any level, with no active named LEADER or OFFICER
 * at the audit's "now" — an assignment is active when since <= now and (until is open or
 * later than now), so a term that has ended leaves the grid unstaffed while one that ends in
 * the future still counts.
 *
 * Geometry: ST_PointOnSurface of the boundary, not the boundary itself — boundaries can be
 * large and stored rows should stay small; the grid is drawn from gridIds. details.lastUntil
 * is the day (China time) the last leader/officer left, if any.
 */
import type { CoverageRule } from '../coverage.types';

// Grids in focus without an active LEADER/OFFICER at $3, with the day the last one left.
export const GRID_UNSTAFFED_SQL = `
  -- declares the runner's three parameters, whichever this rule uses
  WITH args AS (SELECT $1::bigint[] AS focus_ids, $2::jsonb AS thresholds, $3::timestamptz AS now)
  SELECT g.id AS "focusId",
         g.id AS "scopeGridId",
         ARRAY[g.id] AS "gridIds",
         '{}'::bigint[] AS "enterpriseIds",
         ST_AsGeoJSON(ST_PointOnSurface(g.boundary), 9) AS "geometry",
         NULL::double precision AS "measure",
         jsonb_build_object('code', g.code, 'name', g.name, 'level', g.level,
           'lastUntil', (SELECT to_char(max(a.until) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')
                         FROM grid_assignment a
                         WHERE a.grid_id = g.id AND a.role IN ('LEADER', 'OFFICER')
                           AND a.until <= $3::timestamptz)) AS "details"
  FROM grid g
  WHERE ($1::bigint[] IS NULL OR g.id = ANY ($1::bigint[]))
    AND NOT EXISTS (
      SELECT 1 FROM grid_assignment a
      WHERE a.grid_id = g.id AND a.role IN ('LEADER', 'OFFICER')
        AND a.since <= $3::timestamptz AND (a.until IS NULL OR a.until > $3::timestamptz))`;

export const gridUnstaffedRule: CoverageRule = {
  id: 'GRID_UNSTAFFED',
  severity: 'ERROR',
  focus: 'grid',
  unit: null,
  sql: GRID_UNSTAFFED_SQL,
  message(row) {
    const { code, name, lastUntil } = row.details;
    return {
      zh: `网格 ${code}（${name}）无在岗的网格长或网格员${lastUntil ? `（最后一位于 ${lastUntil} 离任）` : ''}`,
      en: `Grid ${code} (${name}) has no active grid leader or officer${lastUntil ? ` (the last one left on ${lastUntil})` : ''}`,
    };
  },
};
