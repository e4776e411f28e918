import type { Geometry } from 'geojson';
import type { GridChangePreview, PreviewViolation } from './editing.queries';

export interface RuleDelta {
  rule: string;
  added: number;
  removed: number;
}

export interface CountChange {
  code: string;
  name: string;
  kind: string;
  before: number | null;
  after: number | null;
}

export interface PreviewSummary {
  /** One row per rule that changes, rules in the order of RULE_ORDER then by name. */
  rules: RuleDelta[];
  moves: { enterpriseId: string; name: string; from: string | null; to: string | null }[];
  counts: CountChange[];
  /** Whether the edit closes a GAP without opening one. */
  closesGap: boolean;
}

const RULE_ORDER = [
  'GAP',
  'OVERLAP',
  'OUTSIDE_PARENT',
  'ENTERPRISE_UNCOVERED',
  'ENTERPRISE_MULTI_COVERED',
];

function ruleRank(rule: string): number {
  const i = RULE_ORDER.indexOf(rule);
  return i === -1 ? RULE_ORDER.length : i;
}

function countByRule(violations: readonly PreviewViolation[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of violations) counts.set(v.rule, (counts.get(v.rule) ?? 0) + 1);
  return counts;
}

/** What the list shows of a preview: violations added/removed per rule, moves, counts before/after. */
export function summarizePreview(preview: GridChangePreview): PreviewSummary {
  const added = countByRule(preview.violationsAdded);
  const removed = countByRule(preview.violationsRemoved);
  const rules = [...new Set([...added.keys(), ...removed.keys()])]
    .sort((a, b) => ruleRank(a) - ruleRank(b) || a.localeCompare(b))
    .map((rule) => ({ rule, added: added.get(rule) ?? 0, removed: removed.get(rule) ?? 0 }));
  const moves = preview.enterpriseMoves.map((m) => ({
    enterpriseId: m.enterpriseId,
    name: m.name,
    from: m.fromGridCode,
    to: m.toGridCode,
  }));
  const counts = preview.grids
    .filter((g) => g.enterpriseCountBefore !== g.enterpriseCountAfter || g.kind === 'CREATED')
    .map((g) => ({
      code: g.code,
      name: g.name,
      kind: g.kind,
      before: g.enterpriseCountBefore,
      after: g.enterpriseCountAfter,
    }));
  return {
    rules,
    moves,
    counts,
    closesGap: (removed.get('GAP') ?? 0) > 0 && (added.get('GAP') ?? 0) === 0,
  };
}

/** What is drawn on the map for a preview: one GeoJSON feature per geometry, with its role. */
export type PreviewFeatureRole = 'result' | 'added' | 'removed' | 'moved';

export interface PreviewFeature {
  type: 'Feature';
  geometry: Geometry;
  properties: { role: PreviewFeatureRole; rule?: string; label?: string };
}

/**
 * The map overlay of a preview: resulting grid geometries, violation geometries added (to fix)
 * and removed (closed), and the enterprises that move at the points given for them.
 */
export function previewFeatures(
  preview: GridChangePreview,
  enterprisePoints: ReadonlyMap<string, readonly [number, number]>,
): PreviewFeature[] {
  const features: PreviewFeature[] = [];
  for (const grid of preview.grids) {
    if (grid.boundaryAfter && grid.kind !== 'ENTERPRISES_CHANGED') {
      features.push({
        type: 'Feature',
        geometry: grid.boundaryAfter,
        properties: { role: 'result', label: grid.code },
      });
    }
  }
  const violations = (role: 'added' | 'removed', list: readonly PreviewViolation[]) => {
    for (const v of list) {
      if (v.geometry) {
        features.push({
          type: 'Feature',
          geometry: v.geometry,
          properties: { role, rule: v.rule },
        });
      }
    }
  };
  violations('removed', preview.violationsRemoved);
  violations('added', preview.violationsAdded);
  for (const move of preview.enterpriseMoves) {
    const at = enterprisePoints.get(move.enterpriseId);
    if (at) {
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [at[0], at[1]] },
        properties: { role: 'moved', label: move.name },
      });
    }
  }
  return features;
}
