import { describe, expect, it } from '@jest/globals';
import type { PolygonalGeometry, Position } from './geometry';
import { distanceMetres, metresPerPixel, nearestOnSegment, snapPosition, snapRings } from './snap';

// A neighbour near 沂水 (lat 35.8): a square of about 900 × 1,100 m.
const LAT = 35.8;
const neighbour: PolygonalGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [118.6, LAT],
      [118.61, LAT],
      [118.61, LAT + 0.01],
      [118.6, LAT + 0.01],
      [118.6, LAT],
    ],
  ],
};
const rings = snapRings([neighbour]);
/** Degrees of longitude and latitude per metre here. */
const DLON = 1 / (111_320 * Math.cos((LAT * Math.PI) / 180));
const DLAT = 1 / 111_320;

describe('metresPerPixel', () => {
  it('is about 156 km at zoom 0 on the equator (512-pixel tiles) and halves per zoom', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(78_271.5, 0);
    expect(metresPerPixel(0, 1)).toBeCloseTo(78_271.5 / 2, 0);
  });

  it('shrinks with the cosine of the latitude', () => {
    expect(metresPerPixel(60, 10)).toBeCloseTo(metresPerPixel(0, 10) / 2, 6);
  });
});

describe('distanceMetres', () => {
  it('measures east-west and north-south metres alike', () => {
    expect(distanceMetres([118.6, LAT], [118.6 + 100 * DLON, LAT])).toBeCloseTo(100, 1);
    expect(distanceMetres([118.6, LAT], [118.6, LAT + 100 * DLAT])).toBeCloseTo(100, 1);
  });
});

describe('nearestOnSegment', () => {
  it('drops a perpendicular onto the segment', () => {
    const p = nearestOnSegment([118.605, LAT - 5 * DLAT], [118.6, LAT], [118.61, LAT]);
    expect(p[0]).toBeCloseTo(118.605, 9);
    expect(p[1]).toBeCloseTo(LAT, 9);
  });

  it('stops at the segment ends', () => {
    expect(nearestOnSegment([118.5, LAT], [118.6, LAT], [118.61, LAT])).toEqual([118.6, LAT]);
    expect(nearestOnSegment([118.7, LAT + 1], [118.6, LAT], [118.61, LAT])).toEqual([118.61, LAT]);
  });

  it('answers the end of a segment of no length', () => {
    expect(nearestOnSegment([1, 1], [0, 0], [0, 0])).toEqual([0, 0]);
  });
});

describe('snapPosition', () => {
  it('snaps to the nearest vertex within the tolerance', () => {
    const near: Position = [118.61 + 3 * DLON, LAT + 2 * DLAT];
    const snapped = snapPosition(near, rings, 5);
    expect(snapped?.kind).toBe('vertex');
    expect(snapped?.position).toEqual([118.61, LAT]);
    expect(snapped?.distance).toBeCloseTo(Math.hypot(3, 2), 1);
  });

  it('prefers a vertex to an edge that is nearer', () => {
    // 1 m from the bottom edge, 4 m east of the corner: the corner wins
    const snapped = snapPosition([118.6 + 4 * DLON, LAT + 1 * DLAT], rings, 5);
    expect(snapped).toMatchObject({ kind: 'vertex', position: [118.6, LAT] });
  });

  it('snaps to the nearest point of an edge when no vertex is near', () => {
    const snapped = snapPosition([118.605, LAT + 0.01 - 4 * DLAT], rings, 5);
    expect(snapped?.kind).toBe('edge');
    expect(snapped!.position[0]).toBeCloseTo(118.605, 9);
    expect(snapped!.position[1]).toBeCloseTo(LAT + 0.01, 9);
    expect(snapped!.distance).toBeCloseTo(4, 1);
  });

  it('leaves a position beyond the tolerance as it is', () => {
    expect(snapPosition([118.605, LAT + 0.005], rings, 5)).toBeNull();
    expect(snapPosition([118.6 + 6 * DLON, LAT + 6 * DLAT], rings, 5)).toBeNull();
  });

  it('snaps to nothing with no tolerance or no neighbours', () => {
    expect(snapPosition([118.6, LAT], rings, 0)).toBeNull();
    expect(snapPosition([118.6, LAT], [], 5)).toBeNull();
  });

  it('picks the nearer of two neighbours, and snaps to holes too', () => {
    const withHole: PolygonalGeometry = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [118.62, LAT],
            [118.64, LAT],
            [118.64, LAT + 0.02],
            [118.62, LAT],
          ],
          [
            [118.63, LAT + 0.005],
            [118.635, LAT + 0.005],
            [118.635, LAT + 0.006],
            [118.63, LAT + 0.005],
          ],
        ],
      ],
    };
    const both = snapRings([neighbour, withHole]);
    expect(both).toHaveLength(3);
    const inHole = snapPosition([118.635 - 2 * DLON, LAT + 0.006 + 1 * DLAT], both, 5);
    expect(inHole).toMatchObject({ kind: 'vertex', position: [118.635, LAT + 0.006] });
    // between the two neighbours, 3 m from the first's corner and 20 m from the second's edge
    const between = snapPosition([118.61 + 3 * DLON, LAT], both, 25);
    expect(between).toMatchObject({ kind: 'vertex', position: [118.61, LAT] });
  });
});
