import type { CoverageRule, ViolationRow } from '../coverage.types';
import { formatArea } from '../measure.format';
import { OVERLAY_GRID_DEG, overlayGuardSql } from '../overlay';
import { INLINE_FOR_CHILDREN, passSql, type PassId } from '../shared-passes';

/**
 * OUTSIDE_PARENT, owned by the child: the part of a child grid outside its parent. One row
 * per child: geometry is the outside part without its pieces of at most `minSliverAreaM2`,
 * measure the sum of the pieces kept (on the spheroid); gridIds = [child, parent]; reported
 * under the parent, the grid whose border is crossed.
 *
 * Cost: the children come from the `childrenOutside` pass (shared-passes.ts): none under
 * parents whose children tile them exactly; elsewhere ST_Covers(parent, child) (a relate,
 * no overlay) settles the healthy children. Only the others get an overlay.
 *
 * Overlays snap to OVERLAY_GRID_DEG (see there). Never trusting an empty overlay: for a
 * child not covered both child − parent and child ∩ parent are built, and their planar areas
 * must add up to the child's to within the sliver limit; otherwise the SQL raises "coverage
 * engine failure: …" (the rule contract has no TypeScript post-processing hook).
 */
const OUTSIDE_PARENT_PASSES: readonly PassId[] = ['tiling', 'childrenOutside'];

const outsideParentSql = (passCtes: string) => `
WITH params AS (SELECT ($2::jsonb ->> 'minSliverAreaM2')::float8 AS min_area, $3::timestamptz AS now),
${passCtes},
cut AS MATERIALIZED (
  SELECT c.id, c.code, p.id AS parent_id, p.code AS parent_code,
         c.area_m2 / NULLIF(ST_Area(c.boundary), 0) AS m2_per_unit, ST_Area(c.boundary) AS child_area,
         ST_Difference(c.boundary, p.boundary, ${OVERLAY_GRID_DEG}) AS outside,
         ST_Intersection(c.boundary, p.boundary, ${OVERLAY_GRID_DEG}) AS inside
  FROM child_outside o JOIN grid c ON c.id = o.id JOIN grid p ON p.id = o.parent_id
  WHERE $1::bigint[] IS NULL OR c.id = ANY ($1::bigint[])
),
checked AS (
  ${overlayGuardSql('OUTSIDE_PARENT', `'the overlay of grid ' || cut.code || ' and its parent ' || cut.parent_code`, 'cut.child_area', 'cut.outside', 'cut.inside')}
),
pieces AS (
  SELECT k.id, k.code, k.parent_id, k.parent_code, d.geom, ST_Area(d.geom::geography) AS area_m2
  FROM checked k, LATERAL ST_Dump(ST_CollectionExtract(k.outside, 3)) d
  WHERE ST_Area(d.geom::geography) > k.min_area
)
SELECT id AS "focusId",
       parent_id AS "scopeGridId",
       ARRAY[id, parent_id] AS "gridIds",
       ARRAY[]::bigint[] AS "enterpriseIds",
       ST_AsGeoJSON(ST_Collect(geom ORDER BY area_m2 DESC), 9) AS geometry,
       sum(area_m2) AS measure,
       jsonb_build_object('code', code, 'parentCode', parent_code, 'pieces', count(*)) AS details
FROM pieces
GROUP BY id, code, parent_id, parent_code
ORDER BY id`;

export const outsideParentRule: CoverageRule = {
  id: 'OUTSIDE_PARENT',
  severity: 'ERROR',
  focus: 'grid',
  unit: 'm2',
  ...passSql(OUTSIDE_PARENT_PASSES, outsideParentSql, INLINE_FOR_CHILDREN),
  message(row: ViolationRow) {
    const area = formatArea(row.measure);
    const code = row.details.code ?? row.gridIds[0];
    const parent = row.details.parentCode ?? row.gridIds[1];
    return {
      zh: `网格 ${code} 有 ${area.zh}超出上级网格 ${parent} 的范围`,
      en: `${area.en} of grid ${code} lies outside its parent grid ${parent}`,
    };
  },
};
