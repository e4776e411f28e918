/**
 * Who answers for an enterprise (seed 000 art. 17): its classes, the grid at the level
 * responsible for one of them, and its sector departments (纵到底).
 *
 * Levels are configuration: `grid_level.enterprise_classes` lists the classes a level watches
 * directly. An enterprise answers to the highest level (smallest number) on its base grid's
 * chain of parents that watches one of its classes; when none does, to its base grid.
 */
import type { EnterpriseClass, RiskClass, Scale } from '@gridwarden/db';
import type { Queryable } from './rule.runner';

/** The attributes classes are derived from (ledger fields, seed 003). */
export interface ClassifiedEnterprise {
  scale: Scale;
  industryCode: string;
  riskClasses: readonly RiskClass[];
  majorHazard: boolean;
  nineSmall: boolean;
  keyFireUnit: boolean;
}

/**
 * An enterprise's classes, in the order of ENTERPRISE_CLASSES.
 *
 * @example
 * enterpriseClasses({ scale: 'MICRO', industryCode: 'F5212', riskClasses: [],
 *   majorHazard: false, nineSmall: true, keyFireUnit: false });
 * // ['NINE_SMALL', 'TRADE_LOGISTICS', 'MICRO_INDIVIDUAL']
 */
export function enterpriseClasses(e: ClassifiedEnterprise): EnterpriseClass[] {
  const classes: EnterpriseClass[] = [];
  if (e.scale === 'ABOVE') classes.push('ABOVE_SCALE');
  if (e.riskClasses.length > 0 || e.majorHazard) classes.push('HIGH_RISK');
  if (e.scale === 'BELOW') classes.push('BELOW_SCALE');
  if (e.nineSmall) classes.push('NINE_SMALL');
  if (e.keyFireUnit) classes.push('KEY_FIRE_UNIT');
  classes.push(...industryClasses(e.industryCode));
  if (e.scale === 'MICRO' || e.scale === 'INDIVIDUAL') classes.push('MICRO_INDIVIDUAL');
  return classes;
}

/**
 * The classes an industry code alone implies, by its GB/T 4754-2017 section: E construction,
 * F wholesale & retail and G transport & post (trade/logistics), A farming.
 *
 * @example
 * industryClasses('F5212'); // ['TRADE_LOGISTICS']
 */
export function industryClasses(industryCode: string): EnterpriseClass[] {
  const section = industryCode.charAt(0);
  if (section === 'E') return ['CONSTRUCTION'];
  if (section === 'F' || section === 'G') return ['TRADE_LOGISTICS'];
  if (section === 'A') return ['AGRICULTURE'];
  return [];
}

/**
 * SQL: sector rule `r` maps to its department an enterprise of industry code `industryCode`
 * (text) carrying the class keys `keys` (text[], see {@link sectorClassesSql}) — by code
 * prefix or by class, as `matchSectorRules` does.
 */
export function sectorRuleMatchSql(r: string, industryCode: string, keys: string): string {
  return `(left(${industryCode}, length(${r}.industry_prefix)) = ${r}.industry_prefix
       OR ${r}.enterprise_class = ANY (${keys}))`;
}

/**
 * SQL: some sector rule of the department whose code is `departmentCode` (a text expression)
 * maps the enterprise row aliased `e` to it — {@link sectorRuleMatchSql} over all that
 * department's rules at once (its prefixes as LIKE patterns, its classes as one array, each
 * read once per query), so a list filter costs one array test per row instead of a rule scan.
 */
export function departmentMatchSql(e: string, departmentCode: string): string {
  const rules = `FROM sector_rule r JOIN department d ON d.id = r.department_id WHERE d.code = ${departmentCode}`;
  return `(${e}.industry_code LIKE ANY (
      (SELECT coalesce(array_agg(r.industry_prefix || '%'), '{}') ${rules} AND r.industry_prefix IS NOT NULL)::text[])
    OR ${sectorClassesSql(e)} && (
      SELECT coalesce(array_agg(r.enterprise_class), '{}') ${rules} AND r.enterprise_class IS NOT NULL)::text[])`;
}

/**
 * The keys sector rules match an enterprise by: its classes and its risk classes, as
 * `matchSectorRules(industryCode, sectorClasses(e))` expects.
 */
export function sectorClasses(e: ClassifiedEnterprise): (EnterpriseClass | RiskClass)[] {
  return [...enterpriseClasses(e), ...e.riskClasses];
}

/** SQL text[] of {@link enterpriseClasses} for the enterprise row aliased `e`; keep the two in step. */
export function enterpriseClassesSql(e: string): string {
  return `array_remove(ARRAY[
      CASE WHEN ${e}.scale = 'ABOVE' THEN 'ABOVE_SCALE' END,
      CASE WHEN cardinality(${e}.risk_classes) > 0 OR ${e}.major_hazard THEN 'HIGH_RISK' END,
      CASE WHEN ${e}.scale = 'BELOW' THEN 'BELOW_SCALE' END,
      CASE WHEN ${e}.nine_small THEN 'NINE_SMALL' END,
      CASE WHEN ${e}.key_fire_unit THEN 'KEY_FIRE_UNIT' END,
      CASE WHEN left(${e}.industry_code, 1) = 'E' THEN 'CONSTRUCTION' END,
      CASE WHEN left(${e}.industry_code, 1) IN ('F', 'G') THEN 'TRADE_LOGISTICS' END,
      CASE WHEN left(${e}.industry_code, 1) = 'A' THEN 'AGRICULTURE' END,
      CASE WHEN ${e}.scale IN ('MICRO', 'INDIVIDUAL') THEN 'MICRO_INDIVIDUAL' END
    ]::text[], NULL)`;
}

/** SQL text[] of {@link sectorClasses} for the enterprise row aliased `e`. */
export function sectorClassesSql(e: string): string {
  return `(${enterpriseClassesSql(e)} || ${e}.risk_classes)`;
}

// For each enterprise in $1 (bigint[]): its classes, base grid, responsible grid and level
// (highest level on the base grid's parent chain that watches one of its classes, else the
// base grid) and sector department codes. Chains are walked once per distinct base grid.
export const RESPONSIBLE_GRIDS_SQL = `
  WITH RECURSIVE ent AS (
    SELECT e.id, e.base_grid_id, e.industry_code, ${sectorClassesSql('e')} AS keys,
           ${enterpriseClassesSql('e')} AS classes
    FROM enterprise e
    WHERE e.id = ANY ($1::bigint[])
  ),
  chain AS (
    SELECT b.base_grid_id AS base_id, g.id, g.level, g.parent_id, 0 AS depth
    FROM (SELECT DISTINCT base_grid_id FROM ent WHERE base_grid_id IS NOT NULL) b
    JOIN grid g ON g.id = b.base_grid_id
    UNION ALL
    SELECT c.base_id, p.id, p.level, p.parent_id, c.depth + 1
    FROM chain c JOIN grid p ON p.id = c.parent_id
    WHERE c.depth < 16
  )
  SELECT ent.id::text AS "enterpriseId",
         ent.classes AS "classes",
         ent.base_grid_id::text AS "baseGridId",
         coalesce(resp.id, ent.base_grid_id)::text AS "responsibleGridId",
         coalesce(resp.level, base.level)::int AS "responsibleLevel",
         coalesce(dep.codes, '{}') AS "departments"
  FROM ent
  LEFT JOIN grid base ON base.id = ent.base_grid_id
  LEFT JOIN LATERAL (
    SELECT c.id, c.level
    FROM chain c JOIN grid_level l ON l.level = c.level
    WHERE c.base_id = ent.base_grid_id AND l.enterprise_classes && ent.classes
    ORDER BY c.level
    LIMIT 1
  ) resp ON true
  LEFT JOIN LATERAL (
    SELECT array_agg(DISTINCT d.code ORDER BY d.code) AS codes
    FROM sector_rule r JOIN department d ON d.id = r.department_id
    WHERE ${sectorRuleMatchSql('r', 'ent.industry_code', 'ent.keys')}
  ) dep ON true
  ORDER BY ent.id`;

export interface EnterpriseResponsibility {
  enterpriseId: string;
  classes: EnterpriseClass[];
  /** null when no base grid covers the enterprise (ENTERPRISE_UNCOVERED) */
  baseGridId: string | null;
  responsibleGridId: string | null;
  responsibleLevel: number | null;
  /** sector department codes, sorted; empty is the 责任空档 of SECTOR_UNASSIGNED */
  departments: string[];
}

/** The responsibility of each listed enterprise that exists, ordered by id. */
export async function responsibleGrids(
  db: Queryable,
  enterpriseIds: readonly string[],
): Promise<EnterpriseResponsibility[]> {
  if (enterpriseIds.length === 0) return [];
  const rows: EnterpriseResponsibility[] = await db.query(RESPONSIBLE_GRIDS_SQL, [enterpriseIds]);
  return rows.map((r) => ({
    ...r,
    responsibleLevel: r.responsibleLevel == null ? null : Number(r.responsibleLevel),
  }));
}
