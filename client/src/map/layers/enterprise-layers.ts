import type { EnterpriseMapClass } from '../enterprise-class';
import type { CircleLayerSpecification } from './layer-spec.types';

export const ENTERPRISE_SOURCE_ID = 'enterprises';
export const ENTERPRISE_LAYER_ID = 'enterprise-points';

/** Point colour per class: urgent classes warm, ordinary ones recede. */
export const ENTERPRISE_CLASS_COLORS: Record<EnterpriseMapClass, string> = {
  HIGH_RISK: '#dc2626',
  NINE_SMALL: '#f97316',
  ABOVE_SCALE: '#2563eb',
  OTHER: '#94a3b8',
};

const hovered: ['boolean', ['feature-state', string], boolean] = [
  'boolean',
  ['feature-state', 'hover'],
  false,
];

/** Enterprises as circles coloured by `mapClass`, urgent classes drawn on top. */
export function enterpriseLayer(): CircleLayerSpecification {
  const { HIGH_RISK, NINE_SMALL, ABOVE_SCALE, OTHER } = ENTERPRISE_CLASS_COLORS;
  return {
    id: ENTERPRISE_LAYER_ID,
    type: 'circle',
    source: ENTERPRISE_SOURCE_ID,
    layout: { 'circle-sort-key': ['get', 'rank'] },
    paint: {
      'circle-color': [
        'match',
        ['get', 'mapClass'],
        'HIGH_RISK',
        HIGH_RISK,
        'NINE_SMALL',
        NINE_SMALL,
        'ABOVE_SCALE',
        ABOVE_SCALE,
        OTHER,
      ],
      'circle-radius': [
        'interpolate',
        ['linear'],
        ['zoom'],
        8,
        ['case', ['==', ['get', 'mapClass'], 'OTHER'], 1.2, 2],
        12,
        ['case', ['==', ['get', 'mapClass'], 'OTHER'], 2.5, 3.5],
        16,
        7,
      ],
      'circle-opacity': ['case', hovered, 1, 0.85],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': [
        'interpolate',
        ['linear'],
        ['zoom'],
        10,
        ['case', hovered, 2, 0],
        13,
        ['case', hovered, 2, 0.8],
      ],
    },
  };
}
