import { describe, expect, it } from '@jest/globals';
import { ENTERPRISE_MAP_CLASSES } from '../enterprise-class';
import {
  ENTERPRISE_CLASS_COLORS,
  ENTERPRISE_SOURCE_ID,
  enterpriseLayer,
} from './enterprise-layers';
import { styleErrors } from './maplibre-style.testing';

describe('enterpriseLayer', () => {
  it('passes MapLibre style validation', () => {
    expect(styleErrors([enterpriseLayer()], [ENTERPRISE_SOURCE_ID])).toEqual([]);
  });

  it('colours every map class, high-risk red and nine-small orange', () => {
    const match = enterpriseLayer().paint?.['circle-color'] as unknown[];
    for (const mapClass of ENTERPRISE_MAP_CLASSES.filter((c) => c !== 'OTHER')) {
      expect(match[match.indexOf(mapClass) + 1]).toBe(ENTERPRISE_CLASS_COLORS[mapClass]);
    }
    expect(match[match.length - 1]).toBe(ENTERPRISE_CLASS_COLORS.OTHER);
    expect(ENTERPRISE_CLASS_COLORS.HIGH_RISK).toBe('#dc2626');
    expect(ENTERPRISE_CLASS_COLORS.NINE_SMALL).toBe('#f97316');
  });

  it('draws higher-ranked classes on top', () => {
    expect(enterpriseLayer().layout?.['circle-sort-key']).toEqual(['get', 'rank']);
  });

  it('gives each class a distinct colour', () => {
    expect(new Set(Object.values(ENTERPRISE_CLASS_COLORS)).size).toBe(
      ENTERPRISE_MAP_CLASSES.length,
    );
  });
});
