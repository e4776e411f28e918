/**
 * Which sector departments supervise an enterprise (纵到底), by the default SECTOR_RULES:
 * an industry-prefix rule matches when the GB/T 4754 code starts with the prefix; a class
 * rule matches when the enterprise carries that class. An empty result is the 责任空档 that
 * SECTOR_UNASSIGNED reports.
 *
 * @example
 * matchSectorRules('C2614', []); // ['ECONOMIC', 'EMERGENCY']
 * matchSectorRules('J6621', []); // []
 */
import { SECTOR_RULES, SectorRuleSeed } from './departments';
import { EnterpriseClass, RiskClass } from './enterprise-classes';

export function matchSectorRules(
  industryCode: string,
  classes: readonly (EnterpriseClass | RiskClass)[],
  rules: readonly SectorRuleSeed[] = SECTOR_RULES,
): string[] {
  const departments: string[] = [];
  for (const rule of rules) {
    const byPrefix =
      rule.industryPrefix !== undefined && industryCode.startsWith(rule.industryPrefix);
    const byClass = rule.enterpriseClass !== undefined && classes.includes(rule.enterpriseClass);
    if ((byPrefix || byClass) && !departments.includes(rule.departmentCode)) {
      departments.push(rule.departmentCode);
    }
  }
  return departments;
}
