import type { CoverageRule, ViolationRow } from '../coverage.types';
import { formatArea } from '../measure.format';
import { OVERLAY_GRID_DEG } from '../overlay';


/**
 * GAP, owned by the parent: each connected piece of a parent grid that none of its
 * children covers, larger than `minSliverAreaM2` on the spheroid. One row per piece;
 * gridIds = [parent, …children within 1 cm of the piece, by id].
 *
 * The children are unioned once per parent (one GROUP BY), then subtracted from the parent.
 *
 * Never trusting an empty overlay: a build that turns a GEOS error into an EMPTY result
 * would make this read "no gap". Two checks catch that, in planar degrees² (no geodesic
 * effects) converted to m² with the parent's own ratio: the union of existing children
 * must not be empty, and since parent ⊆ gap ∪ children, area(gap) ≥ area(parent) −
 * area(children) must hold to within the sliver limit (a smaller loss could hide nothing
 * reportable). A breach makes the SQL raise "coverage engine failure: …" by casting that
 * text to int: the rule contract has no hook to check rows in TypeScript, and a broken
 * invariant must stop the audit rather than store a clean result.
 */
export const GAP_SQL = `
WITH params AS (SELECT ($2::jsonb ->> 'minSliverAreaM2')::float8 AS min_area, $3::timestamptz AS now),
cover AS MATERIALIZED (
  SELECT c.parent_id AS id, ST_Union(c.boundary, ${OVERLAY_GRID_DEG}) AS children
  FROM grid c
  WHERE c.parent_id IS NOT NULL AND ($1::bigint[] IS NULL OR c.parent_id = ANY ($1::bigint[]))
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
  sql: GAP_SQL,
  message(row: ViolationRow) {
    const area = formatArea(row.measure);
    const code = String(row.details.code ?? row.scopeGridId);
    return {
      zh: `网格 ${code} 内有 ${area.zh}未被任何下级网格覆盖`,
      en: `${area.en} of grid ${code} is covered by no child grid`,
    };
  },
};
