import { describe, expect, it } from '@jest/globals';
import {
  LAND_LAYER_ID,
  gridFillLayer,
  gridLabelLayer,
  gridLabelStack,
  gridLayerStack,
  gridLevelLayerIds,
  gridLevelStyle,
  gridLineLayer,
} from './grid-layers';
import { evaluateExpression, styleErrors } from './maplibre-style.testing';
import { GRID_LABEL_LAYER, GRID_LAYER, GRID_SOURCE_ID } from './tile-sources';

const LEVELS = [
  { level: 1, minzoom: 0 },
  { level: 2, minzoom: 8 },
  { level: 3, minzoom: 10 },
  { level: 4, minzoom: 12 },
];

describe('gridLevelStyle', () => {
  it('draws coarser levels with heavier lines than finer ones', () => {
    const widths = [1, 2, 3, 4].map((level) => gridLevelStyle(level, 4).lineWidth);
    expect([...widths].sort((a, b) => b - a)).toEqual(widths);
    expect(new Set(widths).size).toBe(4);
  });

  it('gives each of four levels its own colour and coarser levels larger labels', () => {
    const styles = [1, 2, 3, 4].map((level) => gridLevelStyle(level, 4));
    expect(new Set(styles.map((s) => s.lineColor)).size).toBe(4);
    const sizes = styles.map((s) => s.labelSize);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
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
  it('read one level from the grid tiles', () => {
    for (const layer of [gridFillLayer(3, 4), gridLineLayer(3, 4)]) {
      expect(layer.source).toBe(GRID_SOURCE_ID);
      expect(layer['source-layer']).toBe(GRID_LAYER);
      expect(evaluateExpression(layer.filter, { level: 3 }, { type: 'Polygon' })).toBe(true);
      expect(evaluateExpression(layer.filter, { level: 4 }, { type: 'Polygon' })).toBe(false);
    }
  });

  it('highlight a fill only while its feature is hovered', () => {
    const opacity = gridFillLayer(2, 4).paint?.['fill-opacity'];
    expect(evaluateExpression(opacity, {}, { state: { hover: true } })).toBe(0.22);
    expect(evaluateExpression(opacity, {}, { state: {} })).toBe(0);
  });

  it('pass MapLibre style validation for a four-level deployment', () => {
    expect(
      styleErrors([...gridLayerStack([1, 2, 3, 4]), ...gridLabelStack(LEVELS)], [GRID_SOURCE_ID]),
    ).toEqual([]);
  });
});

describe('line widths', () => {
  it('stay within the tile buffer (8 px a side), so no seam shows along tile edges', () => {
    const widest = (expr: unknown) =>
      Math.max(
        ...[4, 8, 10, 12, 15, 18, 22].map(
          (zoom) => evaluateExpression(expr, {}, { zoom }) as number,
        ),
      );
    const lines = gridLayerStack([1, 2, 3, 4]).filter((l) => l.type === 'line');
    for (const layer of lines) {
      const width = layer.type === 'line' ? layer.paint?.['line-width'] : 0;
      expect([layer.id, widest(width) / 2 < 8]).toEqual([layer.id, true]);
    }
  });
});

describe('gridLabelLayer', () => {
  it('names each grid from the label points of its level', () => {
    const layer = gridLabelLayer(3, 4, 10);
    expect(layer['source-layer']).toBe(GRID_LABEL_LAYER);
    expect(evaluateExpression(layer.layout?.['text-field'], { name: '龙家圈村' })).toBe('龙家圈村');
    expect(evaluateExpression(layer.filter, { level: 3 })).toBe(true);
  });

  it('shows a level’s names a zoom after its grids, for five zooms; base grid names to the end', () => {
    expect([gridLabelLayer(2, 4, 8).minzoom, gridLabelLayer(2, 4, 8).maxzoom]).toEqual([9, 14]);
    expect([gridLabelLayer(4, 4, 12).minzoom, gridLabelLayer(4, 4, 12).maxzoom]).toEqual([
      13,
      undefined,
    ]);
    expect([gridLabelLayer(1, 4, 0).minzoom, gridLabelLayer(1, 4, 0).maxzoom]).toEqual([0, 8]);
  });

  it('stacks finer levels first, so coarser names win collisions', () => {
    expect(gridLabelStack(LEVELS).map((l) => l.id)).toEqual([
      'grid-label-4',
      'grid-label-3',
      'grid-label-2',
      'grid-label-1',
    ]);
  });
});

describe('gridLayerStack', () => {
  const ids = gridLayerStack([3, 1, 4, 2]).map((layer) => layer.id);

  it('paints the land first, from the top level', () => {
    expect(ids[0]).toBe(LAND_LAYER_ID);
    expect(evaluateExpression(gridLayerStack([1, 2])[0].filter, { level: 1 })).toBe(true);
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
  it('toggles a level’s labels with it, the halo with the top level, never the land', () => {
    expect(gridLevelLayerIds(1, 1)).toEqual([
      'grid-fill-1',
      'grid-line-1',
      'grid-label-1',
      'grid-halo-1',
    ]);
    expect(gridLevelLayerIds(3, 1)).toEqual(['grid-fill-3', 'grid-line-3', 'grid-label-3']);
  });
});
