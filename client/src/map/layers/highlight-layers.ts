import type {
  CircleLayerSpecification,
  FillLayerSpecification,
  LineLayerSpecification,
} from './layer-spec.types';

/** GeoJSON source of the one thing the panels point at (a grid, a violation, an enterprise). */
export const HIGHLIGHT_SOURCE_ID = 'panel-highlight';
export const HIGHLIGHT_COLOR = '#0ea5e9';

/** A cyan wash and a thick outline for areas, a ringed dot for points, above all other layers. */
export function highlightLayers(): [
  FillLayerSpecification,
  LineLayerSpecification,
  CircleLayerSpecification,
] {
  return [
    {
      id: 'panel-highlight-fill',
      type: 'fill',
      source: HIGHLIGHT_SOURCE_ID,
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': HIGHLIGHT_COLOR, 'fill-opacity': 0.18 },
    },
    {
      id: 'panel-highlight-line',
      type: 'line',
      source: HIGHLIGHT_SOURCE_ID,
      filter: [
        'any',
        ['==', ['geometry-type'], 'Polygon'],
        ['==', ['geometry-type'], 'LineString'],
      ],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': HIGHLIGHT_COLOR, 'line-width': 3.5 },
    },
    {
      id: 'panel-highlight-point',
      type: 'circle',
      source: HIGHLIGHT_SOURCE_ID,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': 11,
        'circle-color': 'rgba(14, 165, 233, 0.25)',
        'circle-stroke-color': HIGHLIGHT_COLOR,
        'circle-stroke-width': 3,
      },
    },
  ];
}
