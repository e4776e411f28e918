/**
 * SECTOR_UNASSIGNED (纵到底 / 责任空档): an enterprise no sector rule maps to a department.
 * A responsibility gap, hence ERROR like the other "nobody answers for it" rules.
 *
 * Matching agrees with `matchSectorRules(industryCode, sectorClasses(e))`: a rule matches by
 * industry-code prefix or by one of the enterprise's classes or risk classes (NINE_SMALL,
 * KEY_FIRE_UNIT, FIREWORKS …). The comprehensive supervisor's oversight of everyone is not a
 * rule and closes no gap; its own listed rules (C25, C26, hazardous chemicals …) count like
 * any other. CLOSED enterprises are out of scope. scopeGridId is the base grid, else the
 * deepest grid covering the point.
 *
 * Speed: prefixes are tested once per distinct industry code — over everything, the codes
 * are read from the industry index by skipping from one code to the next (a few hundred
 * index probes instead of a scan of millions of rows; codes only CLOSED enterprises hold
 * fall out later) — then only enterprises with an unmapped code are read, code by code
 * through the same index, and checked for a class rule.
 */
import type { CoverageRule } from '../coverage.types';
import { sectorClassesSql } from '../responsibility';

// Enterprises in focus whose industry code and classes match no sector rule.
export const SECTOR_UNASSIGNED_SQL = `
  -- declares the runner's three parameters, whichever this rule uses
  WITH RECURSIVE args AS (SELECT $1::bigint[] AS focus_ids, $2::jsonb AS thresholds, $3::timestamptz AS now),
  every_code AS (
    (SELECT e.industry_code AS code FROM enterprise e
     WHERE $1::bigint[] IS NULL ORDER BY e.industry_code LIMIT 1)
    UNION ALL
    SELECT (SELECT e.industry_code FROM enterprise e WHERE e.industry_code > c.code
            ORDER BY e.industry_code LIMIT 1)
    FROM every_code c WHERE c.code IS NOT NULL
  ),
  code AS (
    SELECT c.code FROM every_code c WHERE c.code IS NOT NULL
    UNION ALL
    SELECT DISTINCT e.industry_code FROM enterprise e
    WHERE $1::bigint[] IS NOT NULL AND e.id = ANY ($1::bigint[]) AND e.status <> 'CLOSED'
  ),
  unmapped AS MATERIALIZED (
    SELECT c.code
    FROM code c
    WHERE NOT EXISTS (
      SELECT 1 FROM sector_rule r WHERE left(c.code, length(r.industry_prefix)) = r.industry_prefix)
  ),
  class_keys AS (
    SELECT coalesce(array_agg(DISTINCT r.enterprise_class), '{}') AS keys
    FROM sector_rule r WHERE r.enterprise_class IS NOT NULL
  )
  SELECT e.id AS "focusId",
         coalesce(e.base_grid_id, (SELECT g.id FROM grid g WHERE ST_Covers(g.boundary, e.location)
                                   ORDER BY g.level DESC, g.code LIMIT 1)) AS "scopeGridId",
         CASE WHEN e.base_grid_id IS NULL THEN '{}'::bigint[] ELSE ARRAY[e.base_grid_id] END AS "gridIds",
         ARRAY[e.id] AS "enterpriseIds",
         ST_AsGeoJSON(e.location, 9) AS "geometry",
         NULL::double precision AS "measure",
         jsonb_build_object('uscc', e.uscc, 'name', e.name, 'industryCode', e.industry_code) AS "details"
  FROM unmapped u
  CROSS JOIN LATERAL (
    -- code by code through the industry index, however many rows the planner expects
    SELECT e.* FROM enterprise e
    WHERE e.industry_code = u.code AND e.status <> 'CLOSED'
      AND ($1::bigint[] IS NULL OR e.id = ANY ($1::bigint[]))
    OFFSET 0
  ) e
  CROSS JOIN class_keys k
  WHERE NOT (${sectorClassesSql('e')} && k.keys)`;

export const sectorUnassignedRule: CoverageRule = {
  id: 'SECTOR_UNASSIGNED',
  severity: 'ERROR',
  focus: 'enterprise',
  unit: null,
  sql: SECTOR_UNASSIGNED_SQL,
  message(row) {
    const { name, uscc, industryCode } = row.details;
    return {
      zh: `企业“${name}”（${uscc}）的行业 ${industryCode} 及其类别无对应的行业监管部门（责任空档）`,
      en: `No sector department supervises enterprise "${name}" (${uscc}): neither its industry ${industryCode} nor its classes map to one (a responsibility gap)`,
    };
  },
};
