/**
 * The naive baseline: the spatial rules computed in Node with @turf/turf over grids and
 * enterprises read from the database first (reading is not timed). "Naive" means what a
 * first implementation without a spatial database would do: every sibling pair and every
 * child–parent pair gets an overlay, every enterprise is tested against every base grid
 * (with a bounding-box test first, which any implementation would have), no spatial index.
 *
 * It answers the same questions as the engine's SQL, with the same thresholds, so that the
 * violation keys can be compared; distances and areas are turf's (spherical) rather than
 * PostGIS's spheroid, which only matters for pieces within a hair of a threshold.
 */
import * as turf from '@turf/turf';
import type { BBox, Feature, MultiPolygon, Polygon } from 'geojson';
import { RULE_IDS, type CoverageThresholds, type RuleId } from '../../server/src/coverage/coverage.types';
import type { Queryable } from '../../server/src/coverage/rule.runner';

interface NaiveGrid {
  id: string;
  code: string;
  level: number;
  parentId: string | null;
  sizeExempt: boolean;
  feature: Feature<MultiPolygon>;
  bbox: BBox;
}

interface NaiveEnterprise {
  id: string;
  lon: number;
  lat: number;
  closed: boolean;
}

export interface NaiveData {
  grids: NaiveGrid[];
  enterprises: NaiveEnterprise[];
  baseLevel: number;
}

/** The rules the naive baseline implements: the spatial ones (staffing and sectors are plain SQL). */
export const NAIVE_RULES: readonly RuleId[] = RULE_IDS.filter(
  (id) => id !== 'GRID_UNSTAFFED' && id !== 'SECTOR_UNASSIGNED',
);

export interface NaiveResult {
  /** violation keys per rule, comparable with engineKeys() */
  keys: Map<RuleId, string[]>;
  /** wall time of each step; the point-in-polygon pass serves four rules */
  stepMs: { step: string; rules: RuleId[]; ms: number }[];
  totalMs: number;
  /** overlays turf threw on (counted, not fatal: a naive implementation has to live with them) */
  failures: number;
}

export async function loadNaiveData(db: Queryable): Promise<NaiveData> {
  const grids: {
    id: string;
    code: string;
    level: number;
    parentId: string | null;
    sizeExempt: boolean;
    geojson: string;
  }[] = await db.query(
    `SELECT id::text AS id, code, level, parent_id::text AS "parentId", size_exempt AS "sizeExempt",
            ST_AsGeoJSON(boundary, 9) AS geojson
     FROM grid ORDER BY id`,
  );
  const enterprises: { id: string; lon: number; lat: number; closed: boolean }[] = await db.query(
    `SELECT id::text AS id, ST_X(location) AS lon, ST_Y(location) AS lat, status = 'CLOSED' AS closed
     FROM enterprise ORDER BY id`,
  );
  const [{ base }]: { base: number }[] = await db.query(
    `SELECT max(level)::int AS base FROM grid_level`,
  );
  return {
    baseLevel: base,
    enterprises,
    grids: grids.map((g) => {
      const feature = turf.feature(JSON.parse(g.geojson) as MultiPolygon);
      return {
        id: g.id,
        code: g.code,
        level: g.level,
        parentId: g.parentId,
        sizeExempt: g.sizeExempt,
        feature,
        bbox: turf.bbox(feature),
      };
    }),
  };
}

export function runNaive(data: NaiveData, t: CoverageThresholds): NaiveResult {
  const keys = new Map<RuleId, string[]>();
  const stepMs: NaiveResult['stepMs'] = [];
  let failures = 0;
  const step = (name: string, rules: RuleId[], fn: () => void) => {
    const started = performance.now();
    fn();
    stepMs.push({ step: name, rules, ms: performance.now() - started });
  };
  /** Polygon pieces of an overlay result larger than the sliver limit. */
  const bigPieces = (f: Feature<Polygon | MultiPolygon> | null): number => {
    if (!f) return 0;
    return turf.flatten(f).features.filter((p) => turf.area(p) > t.minSliverAreaM2).length;
  };
  const overlay = (fn: () => Feature<Polygon | MultiPolygon> | null) => {
    try {
      return fn();
    } catch {
      failures++;
      return null;
    }
  };

  const byId = new Map(data.grids.map((g) => [g.id, g]));
  const children = new Map<string, NaiveGrid[]>();
  for (const g of data.grids) {
    if (g.parentId == null) continue;
    children.set(g.parentId, [...(children.get(g.parentId) ?? []), g]);
  }

  step('GAP: union children, parent − union', ['GAP'], () => {
    const found: string[] = [];
    for (const [parentId, kids] of children) {
      const parent = byId.get(parentId);
      if (!parent) continue;
      const union = overlay(() => turf.union(turf.featureCollection(kids.map((k) => k.feature))));
      if (!union) continue;
      const gap = overlay(() => turf.difference(turf.featureCollection([parent.feature, union])));
      for (let i = bigPieces(gap); i > 0; i--) found.push(parentId);
    }
    keys.set('GAP', found);
  });

  step('OVERLAP: intersect every sibling pair', ['OVERLAP'], () => {
    const found: string[] = [];
    const siblings = new Map<string, NaiveGrid[]>();
    for (const g of data.grids) {
      const key = g.parentId ?? `top:${g.level}`;
      siblings.set(key, [...(siblings.get(key) ?? []), g]);
    }
    for (const group of siblings.values()) {
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          const [a, b] = [group[i], group[j]];
          if (!boxesMeet(a.bbox, b.bbox)) continue;
          const shared = overlay(() => turf.intersect(turf.featureCollection([a.feature, b.feature])));
          if (bigPieces(shared) > 0) found.push(pairKey(a.id, b.id));
        }
      }
    }
    keys.set('OVERLAP', found);
  });

  step('OUTSIDE_PARENT: child − parent', ['OUTSIDE_PARENT'], () => {
    const found: string[] = [];
    for (const g of data.grids) {
      const parent = g.parentId == null ? undefined : byId.get(g.parentId);
      if (!parent) continue;
      const outside = overlay(() =>
        turf.difference(turf.featureCollection([g.feature, parent.feature])),
      );
      if (bigPieces(outside) > 0) found.push(g.id);
    }
    keys.set('OUTSIDE_PARENT', found);
  });

  // One pass finds each open enterprise's covering base grids; four rules read it.
  const base = data.grids.filter((g) => g.level === data.baseLevel);
  const covering = new Map<string, NaiveGrid[]>();
  step(
    'point-in-polygon: every enterprise × every base grid',
    ['ENTERPRISE_UNCOVERED', 'ENTERPRISE_MULTI_COVERED', 'GRID_SIZE'],
    () => {
      const uncovered: string[] = [];
      const multi: string[] = [];
      const sizes = new Map<string, number>();
      for (const e of data.enterprises) {
        if (e.closed) continue;
        const point: [number, number] = [e.lon, e.lat];
        const inGrids = base.filter(
          (g) => inBox(g.bbox, point) && turf.booleanPointInPolygon(point, g.feature),
        );
        covering.set(e.id, inGrids);
        if (inGrids.length === 0) {
          uncovered.push(e.id);
          continue;
        }
        // two grids sharing an edge both cover a point on it; only a shared area is a violation
        if (
          inGrids.length > 1 &&
          inGrids.some((g) => turf.booleanPointInPolygon(point, g.feature, { ignoreBoundary: true }))
        ) {
          multi.push(e.id);
        }
        // derivation's tie-break: the covering base grid with the smallest code
        const owner = inGrids.reduce((a, b) => (b.code < a.code ? b : a));
        sizes.set(owner.id, (sizes.get(owner.id) ?? 0) + 1);
      }
      keys.set('ENTERPRISE_UNCOVERED', uncovered);
      keys.set('ENTERPRISE_MULTI_COVERED', multi);
      keys.set(
        'GRID_SIZE',
        base
          .filter((g) => !g.sizeExempt)
          .filter((g) => {
            const n = sizes.get(g.id) ?? 0;
            return n < t.gridSizeMin || n > t.gridSizeMax;
          })
          .map((g) => g.id),
      );
    },
  );

  step('NEAR_BOUNDARY: distance to the covering grids’ edges', ['ENTERPRISE_NEAR_BOUNDARY'], () => {
    const found: string[] = [];
    for (const e of data.enterprises) {
      const grids = covering.get(e.id) ?? [];
      const near = grids.some(
        (g) =>
          Math.abs(turf.pointToPolygonDistance([e.lon, e.lat], g.feature, { units: 'meters' })) <
          t.nearBoundaryM,
      );
      if (near) found.push(e.id);
    }
    keys.set('ENTERPRISE_NEAR_BOUNDARY', found);
  });

  return { keys, stepMs, totalMs: stepMs.reduce((s, x) => s + x.ms, 0), failures };
}

/** The engine's violations as the same keys runNaive() produces. */
export function engineKeys(
  violations: { rule: RuleId; focusId: string; gridIds: string[] }[],
): Map<RuleId, string[]> {
  const keys = new Map<RuleId, string[]>(NAIVE_RULES.map((r) => [r, []]));
  for (const v of violations) {
    const list = keys.get(v.rule);
    if (!list) continue;
    list.push(v.rule === 'OVERLAP' ? pairKey(v.gridIds[0], v.gridIds[1]) : v.focusId);
  }
  return keys;
}

/** Multiset comparison: how many keys only one side has. */
export function compareKeys(
  engine: string[],
  naive: string[],
): { onlyEngine: number; onlyNaive: number } {
  const count = new Map<string, number>();
  for (const k of engine) count.set(k, (count.get(k) ?? 0) + 1);
  for (const k of naive) count.set(k, (count.get(k) ?? 0) - 1);
  let onlyEngine = 0;
  let onlyNaive = 0;
  for (const n of count.values()) {
    if (n > 0) onlyEngine += n;
    else onlyNaive -= n;
  }
  return { onlyEngine, onlyNaive };
}

function pairKey(a: string, b: string): string {
  return Number(a) < Number(b) ? `${a}-${b}` : `${b}-${a}`;
}

function boxesMeet(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

function inBox(b: BBox, [x, y]: [number, number]): boolean {
  return x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];
}
