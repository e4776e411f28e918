import { describe, expect, it } from '@jest/globals';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { evaluateExpression } from './maplibre-style.testing';
import { HIGHLIGHT_SOURCE_ID, highlightLayers } from './highlight-layers';

describe('highlight layers', () => {
  it('pass MapLibre style validation on a GeoJSON source', () => {
    const style = {
      version: 8 as const,
      sources: {
        [HIGHLIGHT_SOURCE_ID]: {
          type: 'geojson' as const,
          data: { type: 'FeatureCollection' as const, features: [] },
        },
      },
      layers: highlightLayers(),
    };
    expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
  });

  it('fill and outline areas and ring points, each geometry in its own layers', () => {
    const drawn = (type: 'Point' | 'Polygon') =>
      highlightLayers()
        .filter((layer) => evaluateExpression(layer.filter, {}, { type }) === true)
        .map((layer) => layer.type);
    expect(drawn('Polygon')).toEqual(['fill', 'line']);
    expect(drawn('Point')).toEqual(['circle']);
  });
});
