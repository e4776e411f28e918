import type { ExpressionSpecification } from 'maplibre-gl';
import { hatchPattern, type PatternImage } from './hatch-pattern';
import type {
  CircleLayerSpecification,
  FillLayerSpecification,
  GridwardenLayerSpecification,
  LineLayerSpecification,
} from './layer-spec.types';
import { VIOLATION_LAYER, VIOLATION_SOURCE_ID } from './tile-sources';

/** The coverage rules drawn on the map ("no blind spots"), each one switch in the layer panel. */
export const MAP_VIOLATION_RULES = [
  'GAP',
  'OVERLAP',
  'OUTSIDE_PARENT',
  'ENTERPRISE_UNCOVERED',
  'ENTERPRISE_MULTI_COVERED',
] as const;
export type MapViolationRule = (typeof MAP_VIOLATION_RULES)[number];

/** Gaps red (hatched), overlaps orange, outside parts purple, enterprises in trouble red. */
export const VIOLATION_COLORS: Record<MapViolationRule, string> = {
  GAP: '#dc2626',
  OVERLAP: '#ea580c',
  OUTSIDE_PARENT: '#9333ea',
  ENTERPRISE_UNCOVERED: '#dc2626',
  ENTERPRISE_MULTI_COVERED: '#b91c1c',
};

/** Name of the hatch image the gap fill uses; MapController adds it with map.addImage. */
export const GAP_PATTERN_ID = 'gridwarden-gap-hatch';

/** Red "////" over a faint red wash, 16 px apart at 2× (crisp on high-DPI screens). */
export function gapPattern(): { id: string; image: PatternImage; pixelRatio: number } {
  return {
    id: GAP_PATTERN_ID,
    image: hatchPattern({
      size: 16,
      lineWidth: 3.2,
      color: [220, 38, 38],
      background: [254, 202, 202, 110],
    }),
    pixelRatio: 2,
  };
}

export const violationLayerId = (rule: MapViolationRule, part: string): string =>
  `violation-${rule.toLowerCase().replace(/_/g, '-')}-${part}`;

const ofRule = (rule: MapViolationRule, geometry: 'Polygon' | 'Point'): ExpressionSpecification => [
  'all',
  ['==', ['get', 'rule'], rule],
  ['==', ['geometry-type'], geometry],
];

const source = { source: VIOLATION_SOURCE_ID, 'source-layer': VIOLATION_LAYER };

function areaFill(rule: MapViolationRule): FillLayerSpecification {
  return {
    id: violationLayerId(rule, 'fill'),
    type: 'fill',
    ...source,
    filter: ofRule(rule, 'Polygon'),
    paint:
      rule === 'GAP'
        ? { 'fill-pattern': GAP_PATTERN_ID }
        : { 'fill-color': VIOLATION_COLORS[rule], 'fill-opacity': 0.42 },
  };
}

function areaOutline(rule: MapViolationRule): LineLayerSpecification {
  return {
    id: violationLayerId(rule, 'outline'),
    type: 'line',
    ...source,
    filter: ofRule(rule, 'Polygon'),
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': VIOLATION_COLORS[rule],
      'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1.2, 16, 2.5],
    },
  };
}

/**
 * An area too small to see at this zoom comes as a point: a ring in the rule's colour,
 * hollow so it never reads as an enterprise marker (those are solid).
 */
function areaMarker(rule: MapViolationRule): CircleLayerSpecification {
  return {
    id: violationLayerId(rule, 'marker'),
    type: 'circle',
    ...source,
    filter: ofRule(rule, 'Point'),
    paint: {
      'circle-color': '#ffffff',
      'circle-radius': 5,
      'circle-stroke-color': VIOLATION_COLORS[rule],
      'circle-stroke-width': 3,
    },
  };
}

/**
 * An enterprise no base grid covers: a solid red marker; one two base grids cover: the
 * same marker in a second ring (two grids, double).
 */
function enterpriseMarkers(rule: MapViolationRule): CircleLayerSpecification[] {
  const marker: CircleLayerSpecification = {
    id: violationLayerId(rule, 'marker'),
    type: 'circle',
    ...source,
    filter: ofRule(rule, 'Point'),
    paint: {
      'circle-color': VIOLATION_COLORS[rule],
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 5, 14, 7],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  };
  if (rule !== 'ENTERPRISE_MULTI_COVERED') return [marker];
  const ring: CircleLayerSpecification = {
    id: violationLayerId(rule, 'ring'),
    type: 'circle',
    ...source,
    filter: ofRule(rule, 'Point'),
    paint: {
      'circle-color': 'rgba(0, 0, 0, 0)',
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 9, 14, 12],
      'circle-stroke-color': VIOLATION_COLORS[rule],
      'circle-stroke-width': 2,
    },
  };
  return [ring, marker];
}

/** The layers of one rule, bottom first. */
export function violationRuleLayers(rule: MapViolationRule): GridwardenLayerSpecification[] {
  if (rule === 'ENTERPRISE_UNCOVERED' || rule === 'ENTERPRISE_MULTI_COVERED') {
    return enterpriseMarkers(rule);
  }
  return [areaFill(rule), areaOutline(rule), areaMarker(rule)];
}

const AREA_RULES = ['GAP', 'OVERLAP', 'OUTSIDE_PARENT'] as const;
const ENTERPRISE_RULES = ['ENTERPRISE_UNCOVERED', 'ENTERPRISE_MULTI_COVERED'] as const;

/** Gaps, overlaps and outside parts: to go above the grid boundaries. */
export function violationAreaLayers(): GridwardenLayerSpecification[] {
  return AREA_RULES.flatMap(violationRuleLayers);
}

/** Uncovered and double-covered enterprises: to go above the enterprise points. */
export function violationEnterpriseLayers(): GridwardenLayerSpecification[] {
  return ENTERPRISE_RULES.flatMap(violationRuleLayers);
}

/** Every violation layer: areas first, then enterprise markers on top. */
export function violationLayerStack(): GridwardenLayerSpecification[] {
  return [...violationAreaLayers(), ...violationEnterpriseLayers()];
}

/** The layers a rule's switch shows and hides. */
export function violationLayerIds(rule: MapViolationRule): string[] {
  return violationRuleLayers(rule).map((layer) => layer.id);
}
