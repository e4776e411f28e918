import type { MapEnterprise } from '../api/map-data.queries';

/**
 * The class an enterprise is drawn as, most urgent first: one colour per point, so an
 * enterprise that is both high-risk and above scale is drawn as high-risk.
 */
export const ENTERPRISE_MAP_CLASSES = ['HIGH_RISK', 'NINE_SMALL', 'ABOVE_SCALE', 'OTHER'] as const;
export type EnterpriseMapClass = (typeof ENTERPRISE_MAP_CLASSES)[number];

/**
 * @example enterpriseMapClass({ riskClasses: ['FIREWORKS'], nineSmall: false, scale: 'ABOVE' }) // 'HIGH_RISK'
 */
export function enterpriseMapClass(
  enterprise: Pick<MapEnterprise, 'riskClasses' | 'nineSmall' | 'scale'>,
): EnterpriseMapClass {
  if (enterprise.riskClasses.length > 0) return 'HIGH_RISK';
  if (enterprise.nineSmall) return 'NINE_SMALL';
  if (enterprise.scale === 'ABOVE') return 'ABOVE_SCALE';
  return 'OTHER';
}

/** Draw order: a higher rank is drawn above, so high-risk points are never hidden. */
export function enterpriseMapClassRank(mapClass: EnterpriseMapClass): number {
  return ENTERPRISE_MAP_CLASSES.length - ENTERPRISE_MAP_CLASSES.indexOf(mapClass);
}
