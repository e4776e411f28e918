/**
 * GRID_SIZE: seed 003 §4, a base grid holds 50–100 enterprises (gridSizeMin–gridSizeMax);
 * a small village or a large industrial or mining zone may be exempted (size_exempt).
 *
 * Decisions: only base grids (the deepest configured level) are sized; the count is the
 * enterprises assigned to the grid by derivation (base_grid_id, which gives an enterprise on
 * a shared edge or in an overlap to exactly one grid) that are not CLOSED — suspended firms
 * still need patrols. Geometry is ST_PointOnSurface of the boundary to keep rows small.
 */
import type { CoverageRule } from '../coverage.types';
import { INLINE_FOR_GRIDS, passSql, type PassId } from '../shared-passes';

// The counts come from the recordedCounts pass: of the focus grids when run alone; in a full
// audit, of the audit's enterprises, which hold every enterprise recorded to a grid of its scope.
const GRID_SIZE_PASSES: readonly PassId[] = ['recordedCounts'];

// Non-exempt base grids in focus whose count of non-CLOSED assigned enterprises is out of range.
const gridSizeSql = (passCtes: string) => `
  -- declares the runner's three parameters, whichever this rule uses
  WITH args AS (SELECT $1::bigint[] AS focus_ids, $2::jsonb AS thresholds, $3::timestamptz AS now),
  t AS (
    SELECT ($2::jsonb ->> 'gridSizeMin')::int AS lo, ($2::jsonb ->> 'gridSizeMax')::int AS hi
  ),
  ${passCtes}
  SELECT g.id AS "focusId",
         g.id AS "scopeGridId",
         ARRAY[g.id] AS "gridIds",
         '{}'::bigint[] AS "enterpriseIds",
         ST_AsGeoJSON(ST_PointOnSurface(g.boundary), 9) AS "geometry",
         coalesce(s.n, 0)::double precision AS "measure",
         jsonb_build_object('code', g.code, 'name', g.name, 'count', coalesce(s.n, 0),
                            'min', t.lo, 'max', t.hi) AS "details"
  FROM grid g
  CROSS JOIN t
  LEFT JOIN recorded s ON s.grid_id = g.id
  WHERE g.level = (SELECT max(level) FROM grid_level)
    AND NOT g.size_exempt
    AND ($1::bigint[] IS NULL OR g.id = ANY ($1::bigint[]))
    AND (coalesce(s.n, 0) < t.lo OR coalesce(s.n, 0) > t.hi)`;

export const gridSizeRule: CoverageRule = {
  id: 'GRID_SIZE',
  severity: 'WARNING',
  focus: 'grid',
  unit: 'count',
  ...passSql(GRID_SIZE_PASSES, gridSizeSql, INLINE_FOR_GRIDS),
  message(row) {
    const { code, name, count, min, max } = row.details;
    const few = Number(count) < Number(min);
    return {
      zh: `基础网格 ${code}（${name}）有 ${count} 家企业，${few ? '少于' : '多于'}规定的 ${min}–${max} 家`,
      en: `Base grid ${code} (${name}) holds ${count} enterprises, ${few ? 'fewer' : 'more'} than the ${min}–${max} required`,
    };
  },
};
