/**
 * ENTERPRISE_MULTI_COVERED (不交叉): an enterprise inside two or more base grids.
 *
 * Boundary points: a point on an edge two base grids share is covered (ST_Covers) by both,
 * yet the domain gives it to exactly one by the deterministic tie-break of base-grid
 * derivation (smallest code), so it is not a violation. Reported are points in the closure
 * of an overlap *area*: covered by two or more base grids and in the interior (ST_Contains)
 * of at least one of them — if a point is inside B and on A's edge, A and B share area
 * around it. gridIds are all covering base grids by code; measure is their number;
 * scopeGridId is the first of them (the one the tie-break picks). CLOSED enterprises are
 * out of scope.
 */
import type { CoverageRule } from '../coverage.types';
import { INLINE_FOR_ENTERPRISES, passSql, type PassId } from '../shared-passes';

const MULTI_COVERED_PASSES: readonly PassId[] = ['baseCover'];

// Enterprises in focus covered by 2+ base grids and inside at least one, with those grids by code.
// Candidates (from the baseCover pass): enterprises some base grid covers other than the
// recorded one — every enterprise in 2+ grids is one, whatever base_grid_id holds; the exact
// count only for candidates.
const enterpriseMultiCoveredSql = (passCtes: string) => `
  -- declares the runner's three parameters, whichever this rule uses
  WITH args AS (SELECT $1::bigint[] AS focus_ids, $2::jsonb AS thresholds, $3::timestamptz AS now),
  ${passCtes},
  candidate AS MATERIALIZED (
    SELECT DISTINCT h.id
    FROM base_cover c
    CROSS JOIN LATERAL unnest(c.hit_ids, c.hit_other) AS h(id, other)
    WHERE h.other
  )
  SELECT e.id AS "focusId",
         c.ids[1] AS "scopeGridId",
         c.ids AS "gridIds",
         ARRAY[e.id] AS "enterpriseIds",
         ST_AsGeoJSON(e.location, 9) AS "geometry",
         cardinality(c.ids)::double precision AS "measure",
         jsonb_build_object('uscc', e.uscc, 'name', e.name, 'codes', array_to_string(c.codes, ', '),
                            'count', cardinality(c.ids)) AS "details"
  FROM candidate m
  JOIN enterprise e ON e.id = m.id
  CROSS JOIN LATERAL (
    SELECT array_agg(g.id ORDER BY g.code) AS ids, array_agg(g.code ORDER BY g.code) AS codes,
           bool_or(ST_Contains(g.boundary, e.location)) AS inside
    FROM grid g
    WHERE g.level = (SELECT max(level) FROM grid_level) AND ST_Covers(g.boundary, e.location)
  ) c
  WHERE cardinality(c.ids) > 1 AND c.inside`;

export const enterpriseMultiCoveredRule: CoverageRule = {
  id: 'ENTERPRISE_MULTI_COVERED',
  severity: 'ERROR',
  focus: 'enterprise',
  unit: 'count',
  ...passSql(MULTI_COVERED_PASSES, enterpriseMultiCoveredSql, INLINE_FOR_ENTERPRISES),
  message(row) {
    const { name, uscc, codes, count } = row.details;
    return {
      zh: `企业“${name}”（${uscc}）同时位于 ${count} 个基础网格内（${codes}），责任交叉`,
      en: `Enterprise "${name}" (${uscc}) lies in ${count} base grids at once (${codes}); responsibilities cross`,
    };
  },
};
