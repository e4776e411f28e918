import type { ExpressionSpecification } from 'maplibre-gl';

/**
 * The class an enterprise is drawn as, most urgent first: one colour per point, so an
 * enterprise that is both high-risk and above scale is drawn as high-risk.
 */
export const ENTERPRISE_MAP_CLASSES = ['HIGH_RISK', 'NINE_SMALL', 'ABOVE_SCALE', 'OTHER'] as const;
export type EnterpriseMapClass = (typeof ENTERPRISE_MAP_CLASSES)[number];

export type Scale = 'ABOVE' | 'BELOW' | 'MICRO' | 'INDIVIDUAL';

/** What the class is decided by: as the enterprise tiles carry it (high_risk, nine_small, scale). */
export interface EnterpriseClassFlags {
  /** Any risk class (hazardous chemicals, fireworks, mines, …). */
  highRisk: boolean;
  nineSmall: boolean;
  scale: Scale | string;
}

// The one ordered definition both the function and the map style's expression follow.
const RULES: readonly {
  mapClass: Exclude<EnterpriseMapClass, 'OTHER'>;
  holds(flags: EnterpriseClassFlags): boolean;
  expression: ExpressionSpecification;
}[] = [
  {
    mapClass: 'HIGH_RISK',
    holds: (f) => f.highRisk,
    expression: ['==', ['get', 'high_risk'], true],
  },
  {
    mapClass: 'NINE_SMALL',
    holds: (f) => f.nineSmall,
    expression: ['==', ['get', 'nine_small'], true],
  },
  {
    mapClass: 'ABOVE_SCALE',
    holds: (f) => f.scale === 'ABOVE',
    expression: ['==', ['get', 'scale'], 'ABOVE'],
  },
];

/**
 * @example enterpriseMapClass({ highRisk: true, nineSmall: false, scale: 'ABOVE' }) // 'HIGH_RISK'
 */
export function enterpriseMapClass(flags: EnterpriseClassFlags): EnterpriseMapClass {
  return RULES.find((rule) => rule.holds(flags))?.mapClass ?? 'OTHER';
}

/** The class of an enterprise tile feature, as a MapLibre expression over its properties. */
export function enterpriseMapClassExpression(): ExpressionSpecification {
  return [
    'case',
    ...RULES.flatMap((rule) => [rule.expression, rule.mapClass]),
    'OTHER',
  ] as ExpressionSpecification;
}

/** Draw order: a higher rank is drawn above, so high-risk points are never hidden. */
export function enterpriseMapClassRank(mapClass: EnterpriseMapClass): number {
  return ENTERPRISE_MAP_CLASSES.length - ENTERPRISE_MAP_CLASSES.indexOf(mapClass);
}

/** Counts per class from counts per combination of flags (what the enterprise TileJSON gives). */
export function countByMapClass(
  byFlags: readonly (EnterpriseClassFlags & { count: number })[],
): Record<EnterpriseMapClass, number> {
  const counts: Record<EnterpriseMapClass, number> = {
    HIGH_RISK: 0,
    NINE_SMALL: 0,
    ABOVE_SCALE: 0,
    OTHER: 0,
  };
  for (const row of byFlags) counts[enterpriseMapClass(row)] += row.count;
  return counts;
}
