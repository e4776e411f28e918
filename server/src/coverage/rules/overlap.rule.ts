import type { CoverageRule, ViolationRow } from '../coverage.types';
import { formatArea } from '../measure.format';
import { OVERLAY_GRID_DEG, overlayGuardSql } from '../overlay';
import { INLINE_FOR_PARENTS, passSql, type PassId } from '../shared-passes';

/**
 * OVERLAP: two siblings a.id < b.id that share area. One row per pair: geometry is the
 * polygonal intersection without its pieces of at most `minSliverAreaM2` (noise along a
 * shared edge), measure the sum of the pieces kept; a pair whose pieces are all slivers is
 * no violation. A pair is one decision for whoever fixes it, hence one row, not one per piece.
 *
 * Owner (focus id) and scope: the common parent. Top-level grids (no parent) are siblings
 * of the other top-level grids of the same level; their pair is owned by, and reported
 * under, the lower id.
 *
 * Cost: the pairs come from the `siblingOverlaps` pass (shared-passes.ts): under parents
 * whose children tile them exactly none can exist; elsewhere candidate pairs come from the
 * bounding boxes (&&), and ST_Relate '2********' (interiors share area) drops neighbours
 * that merely touch before any overlay is built.
 *
 * Overlays snap to OVERLAY_GRID_DEG (see there). Never trusting an empty overlay: for
 * each overlapping pair the difference a − b is built too, and planar areas must add up,
 * area(a ∩ b) + area(a − b) = area(a), to within the sliver limit; otherwise the SQL raises
 * "coverage engine failure: …" (the rule contract has no TypeScript post-processing hook).
 */
const OVERLAP_PASSES: readonly PassId[] = ['tiling', 'siblingOverlaps'];

const overlapSql = (passCtes: string) => `
WITH params AS (SELECT ($2::jsonb ->> 'minSliverAreaM2')::float8 AS min_area, $3::timestamptz AS now),
${passCtes},
pairs AS (
  SELECT o.owner, a.id AS a_id, b.id AS b_id, a.code AS a_code, b.code AS b_code,
         a.boundary AS a_geom, b.boundary AS b_geom, a.area_m2 AS a_area_m2
  FROM sibling_overlap o JOIN grid a ON a.id = o.a_id JOIN grid b ON b.id = o.b_id
  WHERE $1::bigint[] IS NULL OR o.owner = ANY ($1::bigint[])
),
cut AS MATERIALIZED (
  SELECT owner, a_id, b_id, a_code, b_code, a_area_m2 / NULLIF(ST_Area(a_geom), 0) AS m2_per_unit,
         ST_Area(a_geom) AS a_area, ST_Intersection(a_geom, b_geom, ${OVERLAY_GRID_DEG}) AS shared,
         ST_Difference(a_geom, b_geom, ${OVERLAY_GRID_DEG}) AS rest
  FROM pairs
),
checked AS (
  ${overlayGuardSql('OVERLAP', `'the overlay of grids ' || cut.a_code || ' and ' || cut.b_code`, 'cut.a_area', 'cut.shared', 'cut.rest')}
),
pieces AS (
  SELECT k.owner, k.a_id, k.b_id, k.a_code, k.b_code, d.geom, ST_Area(d.geom::geography) AS area_m2
  FROM checked k, LATERAL ST_Dump(ST_CollectionExtract(k.shared, 3)) d
  WHERE ST_Area(d.geom::geography) > k.min_area
)
SELECT owner AS "focusId",
       owner AS "scopeGridId",
       ARRAY[a_id, b_id] AS "gridIds",
       ARRAY[]::bigint[] AS "enterpriseIds",
       ST_AsGeoJSON(ST_Collect(geom ORDER BY area_m2 DESC), 9) AS geometry,
       sum(area_m2) AS measure,
       jsonb_build_object('codeA', a_code, 'codeB', b_code, 'pieces', count(*)) AS details
FROM pieces
GROUP BY owner, a_id, b_id, a_code, b_code
ORDER BY owner, a_id, b_id`;

export const overlapRule: CoverageRule = {
  id: 'OVERLAP',
  severity: 'ERROR',
  focus: 'grid',
  unit: 'm2',
  ...passSql(OVERLAP_PASSES, overlapSql, INLINE_FOR_PARENTS),
  message(row: ViolationRow) {
    const area = formatArea(row.measure);
    const [a, b] = [row.details.codeA ?? row.gridIds[0], row.details.codeB ?? row.gridIds[1]];
    return {
      zh: `网格 ${a} 与 ${b} 有 ${area.zh}相互重叠`,
      en: `grids ${a} and ${b} overlap by ${area.en}`,
    };
  },
};
