import { describe, expect, it } from '@jest/globals';
import {
  LAND_LAYER_ID,
  gridFillLayer,
  gridLayerStack,
  gridLevelLayerIds,
  gridLevelStyle,
  gridLineLayer,
  gridSourceId,
} from './grid-layers';
import { styleErrors } from './maplibre-style.testing';

describe('gridLevelStyle', () => {
  it('draws coarser levels with heavier lines than finer ones', () => {
    const widths = [1, 2, 3, 4].map((level) => gridLevelStyle(level, 4).lineWidth);
    expect([...widths].sort((a, b) => b - a)).toEqual(widths);
    expect(new Set(widths).size).toBe(4);
  });

  it('gives each of four levels its own colour', () => {
    const colours = [1, 2, 3, 4].map((level) => gridLevelStyle(level, 4).lineColor);
    expect(new Set(colours).size).toBe(4);
  });

  it('dashes only the base grid', () => {
    expect([1, 2, 3, 4].map((level) => gridLevelStyle(level, 4).lineDash !== undefined)).toEqual([
      false,
      false,
      false,
      true,
    ]);
  });

  it('draws the last level of a three-level deployment as base grids', () => {
    expect(gridLevelStyle(3, 3)).toEqual(gridLevelStyle(4, 4));
    expect(gridLevelStyle(2, 3)).toEqual(gridLevelStyle(2, 4));
  });
});

describe('grid layer specs', () => {
  it('read each level from its own source', () => {
    expect(gridFillLayer(3, 4).source).toBe(gridSourceId(3));
    expect(gridLineLayer(3, 4).source).toBe(gridSourceId(3));
  });

  it('highlight a fill only while its feature is hovered', () => {
    expect(gridFillLayer(2, 4).paint?.['fill-opacity']).toEqual([
      'case',
      ['boolean', ['feature-state', 'hover'], false],
      0.22,
      0,
    ]);
  });

  it('pass MapLibre style validation for a four-level deployment', () => {
    expect(styleErrors(gridLayerStack([1, 2, 3, 4]), [1, 2, 3, 4].map(gridSourceId))).toEqual([]);
  });
});

describe('gridLayerStack', () => {
  const ids = gridLayerStack([3, 1, 4, 2]).map((layer) => layer.id);

  it('paints the land first, from the top level', () => {
    expect(ids[0]).toBe(LAND_LAYER_ID);
    expect(gridLayerStack([1, 2])[0].source).toBe(gridSourceId(1));
  });

  it('puts coarser boundaries above finer ones', () => {
    const position = (level: number) => ids.indexOf(`grid-line-${level}`);
    expect(position(1)).toBeGreaterThan(position(2));
    expect(position(2)).toBeGreaterThan(position(3));
    expect(position(3)).toBeGreaterThan(position(4));
  });

  it('puts every hover fill below every boundary', () => {
    const lastFill = Math.max(...[1, 2, 3, 4].map((level) => ids.indexOf(`grid-fill-${level}`)));
    const firstLine = Math.min(...[1, 2, 3, 4].map((level) => ids.indexOf(`grid-line-${level}`)));
    expect(lastFill).toBeLessThan(firstLine);
  });

  it('has no layers without levels', () => {
    expect(gridLayerStack([])).toEqual([]);
  });
});

describe('gridLevelLayerIds', () => {
  it('toggles the halo with the top level but never the land', () => {
    expect(gridLevelLayerIds(1, 1)).toEqual(['grid-fill-1', 'grid-line-1', 'grid-halo-1']);
    expect(gridLevelLayerIds(3, 1)).toEqual(['grid-fill-3', 'grid-line-3']);
  });
});
