import type { ExpressionSpecification } from 'maplibre-gl';
import {
  ENTERPRISE_MAP_CLASSES,
  enterpriseMapClassExpression,
  enterpriseMapClassRank,
  type EnterpriseMapClass,
} from '../enterprise-class';
import { LABEL_FONTS } from './grid-layers';
import type { CircleLayerSpecification, SymbolLayerSpecification } from './layer-spec.types';
import { ENTERPRISE_LAYER, ENTERPRISE_SOURCE_ID } from './tile-sources';

export const ENTERPRISE_LAYER_ID = 'enterprise-points';
export const ENTERPRISE_CLUSTER_LAYER_ID = 'enterprise-clusters';
export const ENTERPRISE_CLUSTER_RISK_LAYER_ID = 'enterprise-cluster-risk';
export const ENTERPRISE_CLUSTER_COUNT_LAYER_ID = 'enterprise-cluster-counts';
/** The layers the enterprise switch shows and hides. */
export const ENTERPRISE_LAYER_IDS = [
  ENTERPRISE_LAYER_ID,
  ENTERPRISE_CLUSTER_LAYER_ID,
  ENTERPRISE_CLUSTER_RISK_LAYER_ID,
  ENTERPRISE_CLUSTER_COUNT_LAYER_ID,
];

/** Point colour per class: urgent classes warm, ordinary ones recede. */
export const ENTERPRISE_CLASS_COLORS: Record<EnterpriseMapClass, string> = {
  HIGH_RISK: '#dc2626',
  NINE_SMALL: '#f97316',
  ABOVE_SCALE: '#2563eb',
  OTHER: '#94a3b8',
};

/** Cluster circles: neutral, so they never read as a class; a red core for the high-risk share. */
export const CLUSTER_COLOR = '#1e3a8a';

const hovered: ['boolean', ['feature-state', string], boolean] = [
  'boolean',
  ['feature-state', 'hover'],
  false,
];

const isCluster: ExpressionSpecification = ['==', ['get', 'cluster'], true];

/** A value per enterprise class, as a `match` over the class expression. */
function byClass(
  value: (mapClass: EnterpriseMapClass) => string | number,
): ExpressionSpecification {
  const [last, ...rest] = [...ENTERPRISE_MAP_CLASSES].reverse();
  return [
    'match',
    enterpriseMapClassExpression(),
    ...rest.reverse().flatMap((mapClass) => [mapClass, value(mapClass)]),
    value(last),
  ] as ExpressionSpecification;
}

/** Enterprises (from zoom 12, where tiles hold single points) as circles coloured by class, urgent on top. */
export function enterpriseLayer(): CircleLayerSpecification {
  const isOther: ExpressionSpecification = ['==', enterpriseMapClassExpression(), 'OTHER'];
  return {
    id: ENTERPRISE_LAYER_ID,
    type: 'circle',
    source: ENTERPRISE_SOURCE_ID,
    'source-layer': ENTERPRISE_LAYER,
    filter: ['!', isCluster],
    layout: { 'circle-sort-key': byClass(enterpriseMapClassRank) },
    paint: {
      'circle-color': byClass((mapClass) => ENTERPRISE_CLASS_COLORS[mapClass]),
      'circle-radius': [
        'interpolate',
        ['linear'],
        ['zoom'],
        12,
        ['case', isOther, 2.5, 3.5],
        16,
        7,
      ],
      'circle-opacity': ['case', hovered, 1, 0.85],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': ['case', hovered, 2, 0.8],
    },
  };
}

// A cluster's radius in pixels: its area grows with the count.
const clusterRadius: ExpressionSpecification = [
  'interpolate',
  ['linear'],
  ['sqrt', ['get', 'count']],
  1,
  7,
  10,
  13,
  40,
  22,
];

/** Zoomed out: one circle per cluster, its area growing with the count. */
export function enterpriseClusterLayer(): CircleLayerSpecification {
  return {
    id: ENTERPRISE_CLUSTER_LAYER_ID,
    type: 'circle',
    source: ENTERPRISE_SOURCE_ID,
    'source-layer': ENTERPRISE_LAYER,
    filter: isCluster,
    layout: { 'circle-sort-key': ['get', 'count'] },
    paint: {
      'circle-color': CLUSTER_COLOR,
      'circle-opacity': 0.72,
      'circle-radius': clusterRadius,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1.2,
    },
  };
}

/**
 * Inside each cluster, a red core whose area is the high-risk share of its enterprises:
 * where hazardous firms concentrate (an industrial park) it shows at a glance.
 */
export function enterpriseClusterRiskLayer(): CircleLayerSpecification {
  return {
    id: ENTERPRISE_CLUSTER_RISK_LAYER_ID,
    type: 'circle',
    source: ENTERPRISE_SOURCE_ID,
    'source-layer': ENTERPRISE_LAYER,
    filter: ['all', isCluster, ['>', ['get', 'high_risk_count'], 0]],
    paint: {
      'circle-color': ENTERPRISE_CLASS_COLORS.HIGH_RISK,
      'circle-radius': [
        '*',
        clusterRadius,
        ['sqrt', ['/', ['get', 'high_risk_count'], ['get', 'count']]],
      ],
    },
  };
}

/** The count on each cluster circle. */
export function enterpriseClusterCountLayer(): SymbolLayerSpecification {
  return {
    id: ENTERPRISE_CLUSTER_COUNT_LAYER_ID,
    type: 'symbol',
    source: ENTERPRISE_SOURCE_ID,
    'source-layer': ENTERPRISE_LAYER,
    filter: isCluster,
    layout: {
      'text-field': ['to-string', ['get', 'count']],
      'text-font': LABEL_FONTS,
      'text-size': ['interpolate', ['linear'], ['get', 'count'], 1, 10, 1000, 12],
      'text-allow-overlap': true,
      'text-ignore-placement': true,
    },
    paint: { 'text-color': '#ffffff' },
  };
}

/** The enterprise layers in drawing order. */
export function enterpriseLayerStack(): (CircleLayerSpecification | SymbolLayerSpecification)[] {
  return [
    enterpriseClusterLayer(),
    enterpriseClusterRiskLayer(),
    enterpriseLayer(),
    enterpriseClusterCountLayer(),
  ];
}
