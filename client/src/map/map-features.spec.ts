import { describe, expect, it } from '@jest/globals';
import type { MultiPolygon } from 'geojson';
import type { MapEnterprise, MapGrid } from '../api/map-data.queries';
import {
  boundsOf,
  countByMapClass,
  enterpriseFeatureCollection,
  gridFeatureCollection,
} from './map-features';

const square = (x: number, y: number, size: number): MultiPolygon => ({
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [x, y],
        [x + size, y],
        [x + size, y + size],
        [x, y + size],
        [x, y],
      ],
    ],
  ],
});

const grid = (id: string, boundary: MultiPolygon): MapGrid => ({
  id,
  code: `150221${id}`,
  name: `网格${id}`,
  level: 4,
  parentId: '1',
  boundary,
  enterpriseCount: 60,
});

const enterprise = (id: string, patch: Partial<MapEnterprise> = {}): MapEnterprise => ({
  id,
  name: `企业${id}`,
  lon: 111.1,
  lat: 40.6,
  scale: 'BELOW',
  riskClasses: [],
  nineSmall: false,
  ...patch,
});

describe('gridFeatureCollection', () => {
  it('numbers features from 1 so MapLibre can keep hover state per feature', () => {
    const collection = gridFeatureCollection([
      grid('a', square(0, 0, 1)),
      grid('b', square(1, 0, 1)),
    ]);
    expect(collection.features.map((f) => f.id)).toEqual([1, 2]);
  });

  it('keeps the grid id, name, code, level and enterprise count as properties', () => {
    const [feature] = gridFeatureCollection([grid('a', square(0, 0, 1))]).features;
    expect(feature.properties).toEqual({
      gridId: 'a',
      code: '150221a',
      name: '网格a',
      level: 4,
      enterpriseCount: 60,
    });
    expect(feature.geometry).toEqual(square(0, 0, 1));
  });
});

describe('enterpriseFeatureCollection', () => {
  it('places each enterprise at its lon/lat with its map class and draw rank', () => {
    const [feature] = enterpriseFeatureCollection([
      enterprise('e1', { lon: 111.25, lat: 40.75, riskClasses: ['METALLURGY'] }),
    ]).features;
    expect(feature.id).toBe(1);
    expect(feature.geometry).toEqual({ type: 'Point', coordinates: [111.25, 40.75] });
    expect(feature.properties).toEqual({
      enterpriseId: 'e1',
      name: '企业e1',
      mapClass: 'HIGH_RISK',
      rank: 4,
    });
  });
});

describe('countByMapClass', () => {
  it('counts every class, including those with no enterprise', () => {
    expect(
      countByMapClass([
        enterprise('1', { nineSmall: true }),
        enterprise('2', { nineSmall: true }),
        enterprise('3', { scale: 'ABOVE' }),
      ]),
    ).toEqual({ HIGH_RISK: 0, NINE_SMALL: 2, ABOVE_SCALE: 1, OTHER: 0 });
  });
});

describe('boundsOf', () => {
  it('spans every polygon of every geometry', () => {
    expect(boundsOf([square(111, 40.5, 0.2), square(111.5, 40.2, 0.1)])).toEqual([
      [111, 40.2],
      [111.6, 40.7],
    ]);
  });

  it('reads points, lines and geometry collections', () => {
    expect(
      boundsOf([
        { type: 'Point', coordinates: [3, 4] },
        {
          type: 'GeometryCollection',
          geometries: [
            {
              type: 'LineString',
              coordinates: [
                [-1, 2],
                [0, 9],
              ],
            },
          ],
        },
      ]),
    ).toEqual([
      [-1, 2],
      [3, 9],
    ]);
  });

  it('is null when there are no coordinates', () => {
    expect(boundsOf([])).toBeNull();
    expect(boundsOf([{ type: 'MultiPolygon', coordinates: [] }])).toBeNull();
  });
});
