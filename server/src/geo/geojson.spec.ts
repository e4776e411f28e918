import type { MultiPolygon, Polygon } from 'geojson';
import { boundingBox, ringSignedArea, toMultiPolygon } from './geojson';

const triangle: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [118, 35],
      [119, 35],
      [119, 36],
      [118, 35],
    ],
  ],
};

describe('toMultiPolygon', () => {
  it('wraps a Polygon as a one-part MultiPolygon', () => {
    expect(toMultiPolygon(triangle)).toEqual({
      type: 'MultiPolygon',
      coordinates: [triangle.coordinates],
    });
  });

  it('returns a MultiPolygon unchanged', () => {
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [triangle.coordinates] };
    expect(toMultiPolygon(multi)).toBe(multi);
  });
});

describe('ringSignedArea', () => {
  it('is positive for a counter-clockwise ring and negative for a clockwise one', () => {
    const ccw = [
      [0, 0],
      [2, 0],
      [2, 1],
      [0, 1],
      [0, 0],
    ];
    expect(ringSignedArea(ccw)).toBe(2);
    expect(ringSignedArea([...ccw].reverse())).toBe(-2);
  });
});

describe('boundingBox', () => {
  it('gives west, south, east, north over every ring', () => {
    expect(boundingBox(triangle)).toEqual([118, 35, 119, 36]);
  });
});
