import type { CoverageRule, ViolationRow } from '../coverage.types';
import { formatArea } from '../measure.format';
import { OVERLAY_GRID_DEG } from '../overlay';
import { INLINE_FOR_PARENTS, passSql, type PassId } from '../shared-passes';

/**
 * GAP, owned by the parent: each connected piece of a parent grid that none of its
 * children covers, larger than `minSliverAreaM2` on the spheroid. One row per piece;
 * gridIds = [parent, …children within 1 cm of the piece, by id].
 *
 * Most parents have no gap, and proving that is cheaper than the overlay, so the overlay
 * (the children unioned once per parent, then subtracted from it) runs only for parents
 * two short-cuts cannot settle:
 * 1. the `tiling` pass: the children's rings cancel the parent's segment by segment, so
 *    the children cover it exactly (see shared-passes.ts) — nothing uncovered at all;
 * 2. the area balance, for the rest: every child is covered by the parent (no
 *    `childrenOutside` row), no two children share area (no `siblingOverlaps` row), and
 *    the parent's area less the children's is at most the sliver limit, both on the
 *    spheroid (area_m2, the measure the pieces are reported in) and planar, converted with
 *    the most m² a square degree holds in the parent's latitudes. Children inside the
 *    parent with disjoint interiors cover exactly their summed area of it, so what is left
 *    uncovered has at most the area missing: no piece of it can exceed the limit. A child
 *    poking out while another leaves a gap of the same area fails the first condition,
 *    an overlap balancing a gap the second.
 *
 * Never trusting an empty overlay: a build that turns a GEOS error into an EMPTY result
 * would make this read "no gap". Two checks catch that, in planar degrees² (no geodesic
 * effects) converted to m² with the parent's own ratio: the union of existing children
 * must not be empty, and since parent ⊆ gap ∪ children, area(gap) ≥ area(parent) −
 * area(children) must hold to within the sliver limit (a smaller loss could hide nothing
 * reportable). A breach makes the SQL raise "coverage engine failure: …" by casting that
 * text to int: the rule contract has no hook to check rows in TypeScript, and a broken
 * invariant must stop the audit rather than store a clean result. The short-cuts use no
 * overlay, so they have no empty result to mistrust.
 */
const GAP_PASSES: readonly PassId[] = ['tiling', 'siblingOverlaps', 'childrenOutside'];

// m² in a square degree of lon/lat, at most (at the equator): a²/(1 − e²)·(π/180)² on WGS84,
// rounded up; times cos(latitude) bounds it at a latitude.
const MAX_M2_PER_DEG2 = 1.2476e10;

const gapSql = (passCtes: string) => `
WITH params AS (SELECT ($2::jsonb ->> 'minSliverAreaM2')::float8 AS min_area, $3::timestamptz AS now),
${passCtes},
-- parents in focus with children whose tiling is not exact
untiled AS MATERIALIZED (
  SELECT p.id, p.boundary, p.area_m2
  FROM grid p
  WHERE ($1::bigint[] IS NULL OR p.id = ANY ($1::bigint[]))
    AND EXISTS (SELECT 1 FROM grid c WHERE c.parent_id = p.id)
    AND NOT EXISTS (SELECT 1 FROM tiling t WHERE t.id = p.id AND t.tiled)
),
-- of those, the ones the area balance cannot settle
overlaid AS MATERIALIZED (
  SELECT p.id
  FROM untiled p
  CROSS JOIN params
  CROSS JOIN LATERAL (
    SELECT sum(c.area_m2) AS m2, sum(ST_Area(c.boundary)) AS deg2 FROM grid c WHERE c.parent_id = p.id
  ) children
  CROSS JOIN LATERAL (
    SELECT CASE WHEN ST_YMin(p.boundary) < 0 AND ST_YMax(p.boundary) > 0 THEN 0
                ELSE least(abs(ST_YMin(p.boundary)), abs(ST_YMax(p.boundary))) END AS lat
  ) nearest_equator
  WHERE EXISTS (SELECT 1 FROM child_outside o WHERE o.parent_id = p.id)
     OR EXISTS (SELECT 1 FROM sibling_overlap o WHERE o.parent_id = p.id)
     OR abs(p.area_m2 - children.m2) > params.min_area
     OR (ST_Area(p.boundary) - children.deg2) * ${MAX_M2_PER_DEG2} * cos(radians(nearest_equator.lat)) > params.min_area
),
cover AS MATERIALIZED (
  SELECT c.parent_id AS id, ST_Union(c.boundary, ${OVERLAY_GRID_DEG}) AS children
  FROM grid c JOIN overlaid o ON o.id = c.parent_id
  GROUP BY c.parent_id
),
cut AS MATERIALIZED (
  SELECT p.id, p.code, p.boundary, p.area_m2 / NULLIF(ST_Area(p.boundary), 0) AS m2_per_unit,
         ST_Area(p.boundary) AS parent_area, ST_Area(k.children) AS children_area, k.children,
         CASE WHEN k.children IS NULL OR ST_IsEmpty(k.children) THEN NULL
              ELSE ST_Difference(p.boundary, k.children, ${OVERLAY_GRID_DEG}) END AS gap
  FROM cover k JOIN grid p ON p.id = k.id
),
checked AS (
  SELECT cut.*, params.min_area
  FROM cut, params
  WHERE CASE
    WHEN cut.children IS NULL OR ST_IsEmpty(cut.children) THEN
      ('coverage engine failure: GAP: the union of the children of grid ' || cut.code || ' came back empty')::int = 0
    WHEN cut.gap IS NULL THEN
      ('coverage engine failure: GAP: the difference of grid ' || cut.code || ' and its children came back NULL')::int = 0
    WHEN (cut.parent_area - cut.children_area - ST_Area(cut.gap)) * cut.m2_per_unit > params.min_area THEN
      ('coverage engine failure: GAP: the difference of grid ' || cut.code || ' and its children lost '
        || round(((cut.parent_area - cut.children_area - ST_Area(cut.gap)) * cut.m2_per_unit)::numeric, 1) || ' m²')::int = 0
    ELSE true END
),
pieces AS (
  SELECT k.id, k.code, d.geom, ST_Area(d.geom::geography) AS area_m2, k.min_area
  FROM checked k, LATERAL ST_Dump(ST_CollectionExtract(k.gap, 3)) d
)
SELECT g.id AS "focusId",
       g.id AS "scopeGridId",
       ARRAY[g.id] || ARRAY(SELECT c.id FROM grid c
                            WHERE c.parent_id = g.id AND ST_DWithin(c.boundary, g.geom, 1e-7)
                            ORDER BY c.id) AS "gridIds",
       ARRAY[]::bigint[] AS "enterpriseIds",
       ST_AsGeoJSON(g.geom, 9) AS geometry,
       g.area_m2 AS measure,
       jsonb_build_object('code', g.code) AS details
FROM pieces g
WHERE g.area_m2 > g.min_area
ORDER BY g.id, g.area_m2 DESC`;

export const gapRule: CoverageRule = {
  id: 'GAP',
  severity: 'ERROR',
  focus: 'grid',
  unit: 'm2',
  ...passSql(GAP_PASSES, gapSql, INLINE_FOR_PARENTS),
  message(row: ViolationRow) {
    const area = formatArea(row.measure);
    const code = String(row.details.code ?? row.scopeGridId);
    return {
      zh: `网格 ${code} 内有 ${area.zh}未被任何下级网格覆盖`,
      en: `${area.en} of grid ${code} is covered by no child grid`,
    };
  },
};
