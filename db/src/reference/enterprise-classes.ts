/**
 * Enterprise classes: the vocabulary shared by grid levels (which classes a level is
 * directly responsible for, seed 000 art. 17), sector rules and the demo.
 */

/** 规模以上 / 规模以下 / 小微企业 / 个体工商户 */
export const SCALES = ['ABOVE', 'BELOW', 'MICRO', 'INDIVIDUAL'] as const;
export type Scale = (typeof SCALES)[number];

/** High-risk categories (高危企业) an enterprise may carry; several at once. */
export const RISK_CLASSES = [
  'HAZARDOUS_CHEMICALS',
  'FIREWORKS',
  'NON_COAL_MINE',
  'METALLURGY',
  'DUST_EXPLOSION',
  'AMMONIA_REFRIGERATION',
] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];

/**
 * Classes a grid level can be responsible for. seed 000 art. 17: level 1 watches
 * above-size and high-risk firms, level 2 below-size firms, level 3 nine-small venues,
 * fire, construction, trade/logistics and agriculture.
 */
export const ENTERPRISE_CLASSES = [
  'ABOVE_SCALE',
  'HIGH_RISK',
  'BELOW_SCALE',
  'NINE_SMALL',
  'KEY_FIRE_UNIT',
  'CONSTRUCTION',
  'TRADE_LOGISTICS',
  'AGRICULTURE',
  'MICRO_INDIVIDUAL',
] as const;
export type EnterpriseClass = (typeof ENTERPRISE_CLASSES)[number];

export const ENTERPRISE_STATUSES = ['OPERATING', 'SUSPENDED', 'CLOSED'] as const;
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number];

export const ASSIGNMENT_ROLES = [
  'LEADER',
  'OFFICER',
  'RESPONSIBLE_LEADER',
  'RESPONSIBLE_PERSON',
] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];
