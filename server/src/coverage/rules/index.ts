import type { CoverageRule } from '../coverage.types';
import { enterpriseMultiCoveredRule } from './enterprise-multi-covered.rule';
import { enterpriseNearBoundaryRule } from './enterprise-near-boundary.rule';
import { enterpriseUncoveredRule } from './enterprise-uncovered.rule';
import { gapRule } from './gap.rule';
import { gridSizeRule } from './grid-size.rule';
import { gridUnstaffedRule } from './grid-unstaffed.rule';
import { outsideParentRule } from './outside-parent.rule';
import { overlapRule } from './overlap.rule';
import { sectorUnassignedRule } from './sector-unassigned.rule';

/** Every rule of the catalogue (shared/DOMAIN.md), in the order reports list them. */
export const RULES: readonly CoverageRule[] = [
  gapRule,
  overlapRule,
  outsideParentRule,
  enterpriseUncoveredRule,
  enterpriseMultiCoveredRule,
  enterpriseNearBoundaryRule,
  gridUnstaffedRule,
  sectorUnassignedRule,
  gridSizeRule,
];
