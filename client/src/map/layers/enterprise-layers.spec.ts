import { describe, expect, it } from '@jest/globals';
import { ENTERPRISE_MAP_CLASSES } from '../enterprise-class';
import {
  CLUSTER_COLOR,
  ENTERPRISE_CLASS_COLORS,
  enterpriseClusterCountLayer,
  enterpriseClusterLayer,
  enterpriseClusterRiskLayer,
  enterpriseLayer,
  enterpriseLayerStack,
} from './enterprise-layers';
import { evaluateExpression, styleErrors } from './maplibre-style.testing';
import { ENTERPRISE_LAYER, ENTERPRISE_SOURCE_ID } from './tile-sources';

const point = { scale: 'BELOW', high_risk: false, nine_small: false, name: '甲' };
const cluster = { cluster: true, count: 37, high_risk_count: 0 };

describe('enterprise layers', () => {
  it('pass MapLibre style validation', () => {
    expect(styleErrors(enterpriseLayerStack(), [ENTERPRISE_SOURCE_ID])).toEqual([]);
  });

  it('read the enterprise tiles, points in one layer and clusters in the others', () => {
    for (const layer of enterpriseLayerStack()) {
      expect([layer.source, layer['source-layer']]).toEqual([
        ENTERPRISE_SOURCE_ID,
        ENTERPRISE_LAYER,
      ]);
    }
    expect(evaluateExpression(enterpriseLayer().filter, point)).toBe(true);
    expect(evaluateExpression(enterpriseLayer().filter, cluster)).toBe(false);
    for (const layer of [
      enterpriseClusterLayer(),
      enterpriseClusterRiskLayer(),
      enterpriseClusterCountLayer(),
    ]) {
      expect(evaluateExpression(layer.filter, { ...cluster, high_risk_count: 2 })).toBe(true);
      expect(evaluateExpression(layer.filter, point)).toBe(false);
    }
  });

  it('colour points by class from the tile flags, high-risk red and nine-small orange', () => {
    const colour = (props: object) =>
      evaluateExpression(enterpriseLayer().paint?.['circle-color'], { ...point, ...props });
    expect(colour({ high_risk: true, scale: 'ABOVE' })).toEqual(
      evaluateExpression(ENTERPRISE_CLASS_COLORS.HIGH_RISK, {}),
    );
    expect(ENTERPRISE_CLASS_COLORS.HIGH_RISK).toBe('#dc2626');
    expect(ENTERPRISE_CLASS_COLORS.NINE_SMALL).toBe('#f97316');
    expect(colour({ nine_small: true })).toEqual(
      evaluateExpression(ENTERPRISE_CLASS_COLORS.NINE_SMALL, {}),
    );
    expect(colour({ scale: 'ABOVE' })).toEqual(
      evaluateExpression(ENTERPRISE_CLASS_COLORS.ABOVE_SCALE, {}),
    );
    expect(colour({ scale: 'MICRO' })).toEqual(
      evaluateExpression(ENTERPRISE_CLASS_COLORS.OTHER, {}),
    );
  });

  it('draw higher-ranked classes on top', () => {
    const key = (props: object) =>
      evaluateExpression(enterpriseLayer().layout?.['circle-sort-key'], { ...point, ...props });
    expect(key({ high_risk: true })).toBeGreaterThan(key({ nine_small: true }) as number);
    expect(key({ nine_small: true })).toBeGreaterThan(key({ scale: 'ABOVE' }) as number);
    expect(key({ scale: 'ABOVE' })).toBeGreaterThan(key({}) as number);
  });

  it('give each class a distinct colour, none the cluster colour', () => {
    const colours = Object.values(ENTERPRISE_CLASS_COLORS);
    expect(new Set(colours).size).toBe(ENTERPRISE_MAP_CLASSES.length);
    expect(colours).not.toContain(CLUSTER_COLOR);
  });

  it('size clusters by count, show the high-risk share as a red core, and label the count', () => {
    const paint = enterpriseClusterLayer().paint;
    const radius = (count: number) =>
      evaluateExpression(paint?.['circle-radius'], { ...cluster, count }) as number;
    expect(radius(1000)).toBeGreaterThan(radius(50));
    expect(radius(50)).toBeGreaterThan(radius(1));
    const risk = enterpriseClusterRiskLayer();
    const core = (high: number) =>
      evaluateExpression(risk.paint?.['circle-radius'], {
        ...cluster,
        count: 100,
        high_risk_count: high,
      }) as number;
    // area ∝ share: a quarter of the enterprises → half the radius
    expect(core(25)).toBeCloseTo(radius(100) / 2, 6);
    expect(core(100)).toBeCloseTo(radius(100), 6);
    expect(evaluateExpression(risk.filter, { ...cluster, high_risk_count: 0 })).toBe(false);
    expect(evaluateExpression(risk.filter, { ...cluster, high_risk_count: 1 })).toBe(true);
    expect(risk.paint?.['circle-color']).toBe(ENTERPRISE_CLASS_COLORS.HIGH_RISK);
    expect(evaluateExpression(enterpriseClusterCountLayer().layout?.['text-field'], cluster)).toBe(
      '37',
    );
  });
});
