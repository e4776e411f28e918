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
 * Speed (millions of enterprises): base grids come first (FOCUS_BASE_GRIDS_CTE); their
 * boundaries are cut into pieces of at most 64 vertices
 * (ST_Subdivide — a village line of hundreds of vertices becomes pieces with small boxes,
 * a simple one stays whole, which measured fastest) and each piece probes the enterprise
 * GiST index with ST_DWithin in degrees at a conservative radius; only those candidates get
 * the exact geography distance, and only the few under the threshold the ST_Covers check.
 */
import type { CoverageRule } from '../coverage.types';
import { FOCUS_BASE_GRIDS_CTE } from './enterprise-uncovered.rule';

// Conservative planar radius in degrees for a piece: metres over the shortest degree on the
// WGS84 spheroid at the piece's highest latitude (110 574 m·cos φ bounds both axes), +10 %,
// +1 m, + the bulge of a geodesic over a straight lon/lat segment as wide as the piece.
const PIECE_RADIUS_DEG = `
  (1.1 * t.m + 1 + power((ST_XMax(p.piece) - ST_XMin(p.piece)) * 111320, 2) * tan(radians(p.lat)) / (8 * 6371000))
  / (110574 * cos(radians(p.lat)))`;

// Enterprises in focus within nearBoundaryM of an edge of a base grid covering them, with the distance.
export const ENTERPRISE_NEAR_BOUNDARY_SQL = `
  -- declares the runner's three parameters, whichever this rule uses
  WITH args AS (SELECT $1::bigint[] AS focus_ids, $2::jsonb AS thresholds, $3::timestamptz AS now),
  t AS (SELECT ($2::jsonb ->> 'nearBoundaryM')::double precision AS m),
  ${FOCUS_BASE_GRIDS_CTE},
  piece AS (
    SELECT b.id AS grid_id, s.piece,
           least(89, greatest(abs(ST_YMin(s.piece)), abs(ST_YMax(s.piece)))) AS lat
    FROM base b
    CROSS JOIN LATERAL ST_Subdivide(ST_Boundary(b.boundary), 64) AS s(piece)
  ),
  edge AS MATERIALIZED (
    SELECT p.grid_id, p.piece, ${PIECE_RADIUS_DEG} AS radius
    FROM piece p, t
  ),
  near AS MATERIALIZED (
    SELECT e.id AS enterprise_id, d.grid_id, min(ST_Distance(d.piece::geography, e.location::geography)) AS m
    FROM edge d
    JOIN enterprise e ON ST_DWithin(d.piece, e.location, d.radius)
    WHERE e.status <> 'CLOSED'
      AND ($1::bigint[] IS NULL OR e.id = ANY ($1::bigint[]))
    GROUP BY e.id, d.grid_id
    HAVING min(ST_Distance(d.piece::geography, e.location::geography)) < (SELECT m FROM t)
  ),
  own AS (
    -- lateral: a key lookup per (few) candidate, whatever the planner guesses near's size to be
    SELECT n.enterprise_id, o.grid_id, o.code, n.m
    FROM near n
    CROSS JOIN LATERAL (
      SELECT g.id AS grid_id, g.code
      FROM grid g JOIN enterprise e ON e.id = n.enterprise_id
      WHERE g.id = n.grid_id AND ST_Covers(g.boundary, e.location)
    ) o
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
  sql: ENTERPRISE_NEAR_BOUNDARY_SQL,
  message(row, thresholds) {
    const { name, uscc, codes, distanceM } = row.details;
    return {
      zh: `企业“${name}”（${uscc}）距所属基础网格 ${codes} 的边界 ${distanceM} 米（不足 ${thresholds.nearBoundaryM} 米），请复核其归属`,
      en: `Enterprise "${name}" (${uscc}) is ${distanceM} m from the edge of its base grid ${codes} (under ${thresholds.nearBoundaryM} m); review its assignment`,
    };
  },
};
