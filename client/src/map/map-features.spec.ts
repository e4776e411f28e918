import { describe, expect, it } from '@jest/globals';
import { boundsFromTileJson, hoverFrom, type PointedFeature } from './map-features';

const grid = (id: number, level: number, extra: object = {}): PointedFeature => ({
  kind: 'grid',
  id,
  properties: { id, level, name: `网格${id}`, code: `C${id}`, ...extra },
});
const pointer = { x: 10, y: 20 };

describe('hoverFrom', () => {
  it('names the grid chain top level first, one grid per level', () => {
    const hover = hoverFrom(pointer, [
      grid(40, 4, { enterprise_count: 63 }),
      grid(2, 2),
      grid(30, 3, { enterprise_count: 250 }),
      grid(1, 1),
      grid(41, 4),
    ]);
    expect(hover?.info.grids).toEqual([
      { level: 1, name: '网格1', code: 'C1', enterpriseCount: null },
      { level: 2, name: '网格2', code: 'C2', enterpriseCount: null },
      { level: 3, name: '网格30', code: 'C30', enterpriseCount: 250 },
      { level: 4, name: '网格40', code: 'C40', enterpriseCount: 63 },
    ]);
    expect(hover?.highlight?.id).toBe(40);
    expect(hover?.info).toMatchObject({ x: 10, y: 20, enterprise: null, violation: null });
  });

  it('prefers the enterprise under the pointer, with its class from the tile flags', () => {
    const hover = hoverFrom(pointer, [
      grid(40, 4),
      {
        kind: 'enterprise',
        id: 7,
        properties: { id: 7, name: '甲化工', high_risk: true, nine_small: false, scale: 'ABOVE' },
      },
    ]);
    expect(hover?.info.enterprise).toEqual({ name: '甲化工', mapClass: 'HIGH_RISK' });
    expect(hover?.highlight?.id).toBe(7);
  });

  it('tells the violation under the pointer in both languages', () => {
    const hover = hoverFrom(pointer, [
      {
        kind: 'violation',
        id: 3,
        properties: { id: 3, rule: 'GAP', message_zh: '有缝隙', message_en: 'a gap' },
      },
      grid(30, 3),
    ]);
    expect(hover?.info.violation).toEqual({ rule: 'GAP', messageZh: '有缝隙', messageEn: 'a gap' });
  });

  it('is null over nothing', () => {
    expect(hoverFrom(pointer, [])).toBeNull();
  });
});

describe('boundsFromTileJson', () => {
  it('turns west, south, east, north into corners', () => {
    expect(boundsFromTileJson([118.2, 35.5, 119, 36.2])).toEqual([
      [118.2, 35.5],
      [119, 36.2],
    ]);
  });
});
