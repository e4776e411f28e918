import { describe, expect, it } from '@jest/globals';
import { evaluateExpression, styleErrors } from './maplibre-style.testing';
import { VIOLATION_LAYER, VIOLATION_SOURCE_ID } from './tile-sources';
import {
  GAP_PATTERN_ID,
  MAP_VIOLATION_RULES,
  VIOLATION_COLORS,
  gapPattern,
  violationLayerIds,
  violationLayerStack,
  violationRuleLayers,
} from './violation-layers';

const matches = (
  layer: ReturnType<typeof violationLayerStack>[number],
  rule: string,
  type: 'Point' | 'Polygon',
) => evaluateExpression(layer.filter, { rule }, { type });

describe('violation layers', () => {
  it('pass MapLibre style validation', () => {
    expect(styleErrors(violationLayerStack(), [VIOLATION_SOURCE_ID])).toEqual([]);
  });

  it('read the violation tiles, each layer only its own rule', () => {
    for (const rule of MAP_VIOLATION_RULES) {
      for (const layer of violationRuleLayers(rule)) {
        expect([layer.source, layer['source-layer']]).toEqual([
          VIOLATION_SOURCE_ID,
          VIOLATION_LAYER,
        ]);
        const others = MAP_VIOLATION_RULES.filter((r) => r !== rule);
        for (const other of others) {
          expect(matches(layer, other, 'Point') || matches(layer, other, 'Polygon')).toBe(false);
        }
        expect(matches(layer, rule, 'Point') || matches(layer, rule, 'Polygon')).toBe(true);
      }
    }
  });

  it('hatch gaps red with the pattern image and outline them red', () => {
    const [fill, outline] = violationRuleLayers('GAP');
    expect(fill.type === 'fill' && fill.paint?.['fill-pattern']).toBe(GAP_PATTERN_ID);
    expect(outline.type === 'line' && outline.paint?.['line-color']).toBe(VIOLATION_COLORS.GAP);
    expect(VIOLATION_COLORS.GAP).toBe('#dc2626');
    const { id, image } = gapPattern();
    expect(id).toBe(GAP_PATTERN_ID);
    expect([...image.data.slice(0, 3)]).toEqual([220, 38, 38]);
  });

  it('fill overlaps orange and outside parts purple', () => {
    const fillOf = (rule: 'OVERLAP' | 'OUTSIDE_PARENT') => {
      const [fill] = violationRuleLayers(rule);
      return fill.type === 'fill' ? fill.paint?.['fill-color'] : undefined;
    };
    expect(fillOf('OVERLAP')).toBe('#ea580c');
    expect(fillOf('OUTSIDE_PARENT')).toBe('#9333ea');
  });

  it('draw areas as polygons and, when smaller than a pixel, as markers', () => {
    const [fill, , marker] = violationRuleLayers('OVERLAP');
    expect(matches(fill, 'OVERLAP', 'Polygon')).toBe(true);
    expect(matches(fill, 'OVERLAP', 'Point')).toBe(false);
    expect(marker.type).toBe('circle');
    expect(matches(marker, 'OVERLAP', 'Point')).toBe(true);
    // hollow, unlike the solid enterprise markers
    const paint = marker.type === 'circle' ? marker.paint : undefined;
    expect([paint?.['circle-color'], paint?.['circle-stroke-color']]).toEqual([
      '#ffffff',
      VIOLATION_COLORS.OVERLAP,
    ]);
  });

  it('mark uncovered and double-covered enterprises red, the double ones with a second ring', () => {
    const uncovered = violationRuleLayers('ENTERPRISE_UNCOVERED');
    const double = violationRuleLayers('ENTERPRISE_MULTI_COVERED');
    expect(uncovered.map((l) => l.type)).toEqual(['circle']);
    expect(double.map((l) => l.type)).toEqual(['circle', 'circle']);
    for (const layer of [...uncovered, ...double]) {
      const paint = layer.type === 'circle' ? layer.paint : undefined;
      expect([paint?.['circle-color'], paint?.['circle-stroke-color']]).toContain(
        VIOLATION_COLORS[
          layer.id.includes('multi') ? 'ENTERPRISE_MULTI_COVERED' : 'ENTERPRISE_UNCOVERED'
        ],
      );
    }
  });

  it('put enterprise markers above every area and give each switch its own layers', () => {
    const ids = violationLayerStack().map((l) => l.id);
    const lastArea = Math.max(
      ...(['GAP', 'OVERLAP', 'OUTSIDE_PARENT'] as const).flatMap((r) =>
        violationLayerIds(r).map((id) => ids.indexOf(id)),
      ),
    );
    expect(ids.indexOf(violationLayerIds('ENTERPRISE_UNCOVERED')[0])).toBeGreaterThan(lastArea);
    const all = MAP_VIOLATION_RULES.flatMap(violationLayerIds);
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual([...ids].sort());
  });
});
