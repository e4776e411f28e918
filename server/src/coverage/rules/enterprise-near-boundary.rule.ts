/**
 * ENTERPRISE_NEAR_BOUNDARY: an enterprise closer than `nearBoundaryM` to an edge of a base
 * grid that covers it — a located point that near a line may belong next door; review it.
 *
 * Decision: the distance is to the boundary (outer rings and holes) of the enterprise's own
 * base grid(s), i.e. those that ST_Covers it; an enterprise in no base grid is
 * ENTERPRISE_UNCOVERED instead. A point on the outer edge of the coverage is at 0 m. In a
 * seamless partition this equals the distance to the nearest edge of any base grid. The
 * measure is the geodesic distance (geography, spheroid) in metres; gridIds are the covering
 * base grids within the threshold, by code; scopeGridId the first of them. CLOSED
 * enterprises are out of scope.
 *
 * Speed (millions of enterprises): candidates come from the `baseCover` pass — pairs of an
 * enterprise and a base grid covering it within a conservative radius of the whole boundary
 * (shared-passes.ts), taken from the same point-in-polygon pass as the other enterprise
 * rules. Only for those, the boundary is cut into pieces of at most 64 vertices
 * (ST_Subdivide — a village line of hundreds of vertices becomes pieces with small boxes, a
 * simple one stays whole) and the exact geography distance taken to the pieces within
 * their own radius, which is never larger than the whole boundary's.
 */
import type { CoverageRule } from '../coverage.types';
import { INLINE_FOR_ENTERPRISES, nearRadiusDeg, passSql, type PassId } from '../shared-passes';

const NEAR_BOUNDARY_PASSES: readonly PassId[] = ['baseCover'];

// Enterprises in focus within nearBoundaryM of an edge of a base grid covering them, with the distance.
const enterpriseNearBoundarySql = (passCtes: string) => `
  -- declares the runner's three parameters, whichever this rule uses
  WITH args AS (SELECT $1::bigint[] AS focus_ids, $2::jsonb AS thresholds, $3::timestamptz AS now),
  t AS (SELECT ($2::jsonb ->> 'nearBoundaryM')::double precision AS m),
  ${passCtes},
  candidate AS MATERIALIZED (
    SELECT h.id AS enterprise_id, c.grid_id
    FROM base_cover c
    CROSS JOIN LATERAL unnest(c.hit_ids, c.hit_near) AS h(id, near)
    WHERE h.near
  ),
  piece AS (
    SELECT n.enterprise_id, n.grid_id, s.piece
    FROM candidate n
    JOIN grid g ON g.id = n.grid_id
    CROSS JOIN LATERAL ST_Subdivide(ST_Boundary(g.boundary), 64) AS s(piece)
  ),
  near AS MATERIALIZED (
    SELECT p.enterprise_id, p.grid_id, min(ST_Distance(p.piece::geography, e.location::geography)) AS m
    FROM piece p
    CROSS JOIN t
    JOIN enterprise e ON e.id = p.enterprise_id
    WHERE ST_DWithin(p.piece, e.location, ${nearRadiusDeg('p.piece', 't.m')})
    GROUP BY p.enterprise_id, p.grid_id
    HAVING min(ST_Distance(p.piece::geography, e.location::geography)) < (SELECT m FROM t)
  ),
  own AS (
    SELECT n.enterprise_id, g.id AS grid_id, g.code, n.m
    FROM near n
    JOIN grid g ON g.id = n.grid_id
  ),
  per_enterprise AS (
    SELECT enterprise_id, min(m) AS m, array_agg(grid_id ORDER BY code) AS ids,
           array_agg(code ORDER BY code) AS codes
    FROM own
    GROUP BY enterprise_id
  )
  SELECT e.id AS "focusId",
         p.ids[1] AS "scopeGridId",
         p.ids AS "gridIds",
         ARRAY[e.id] AS "enterpriseIds",
         ST_AsGeoJSON(e.location, 9) AS "geometry",
         p.m AS "measure",
         jsonb_build_object('uscc', e.uscc, 'name', e.name, 'codes', array_to_string(p.codes, ', '),
                            'distanceM', round(p.m::numeric, 1)) AS "details"
  FROM per_enterprise p
  JOIN enterprise e ON e.id = p.enterprise_id`;

export const enterpriseNearBoundaryRule: CoverageRule = {
  id: 'ENTERPRISE_NEAR_BOUNDARY',
  severity: 'WARNING',
  focus: 'enterprise',
  unit: 'm',
  ...passSql(NEAR_BOUNDARY_PASSES, enterpriseNearBoundarySql, INLINE_FOR_ENTERPRISES),
  message(row, thresholds) {
    const { name, uscc, codes, distanceM } = row.details;
    return {
      zh: `企业“${name}”（${uscc}）距所属基础网格 ${codes} 的边界 ${distanceM} 米（不足 ${thresholds.nearBoundaryM} 米），请复核其归属`,
      en: `Enterprise "${name}" (${uscc}) is ${distanceM} m from the edge of its base grid ${codes} (under ${thresholds.nearBoundaryM} m); review its assignment`,
    };
  },
};
