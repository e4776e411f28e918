import type { MultiPolygon, Position } from 'geojson';
import { validatePolygonGeometry } from './polygon.validation';
import { metresPerDegree, snapLineToReference, snapPolygonToReference } from './vertex.snap';

const LAT0 = 35.8;
const LON0 = 118.5;
const k = metresPerDegree(LAT0);
/** lon/lat of a point x metres east and y metres north of (118.5, 35.8). */
const at = (x: number, y: number): Position => [LON0 + x / k.lon, LAT0 + y / k.lat];
const ring = (...points: [number, number][]): Position[] => {
  const r = points.map(([x, y]) => at(x, y));
  return [...r, r[0]];
};
const polygon = (...points: [number, number][]): MultiPolygon => ({
  type: 'MultiPolygon',
  coordinates: [[ring(...points)]],
});
/** Distance in metres between two lon/lat positions (local frame). */
const metres = (a: Position, b: Position): number =>
  Math.hypot((a[0] - b[0]) * k.lon, (a[1] - b[1]) * k.lat);

describe('snapping a sketch onto neighbouring grids', () => {
  // the neighbour: a 100 m square west of x = 100, with a vertex half-way up its east edge
  const neighbour = ring([0, 0], [100, 0], [100, 50], [100, 100], [0, 100]);

  it('gives metres per degree on the WGS84 ellipsoid', () => {
    expect(k.lat).toBeGreaterThan(110_900);
    expect(k.lat).toBeLessThan(111_000);
    expect(k.lon).toBeGreaterThan(90_300);
    expect(k.lon).toBeLessThan(90_400);
  });

  it('moves a corner within the tolerance onto the neighbour’s corner, bit for bit', () => {
    const sketch = polygon([101.5, -1], [200, 0], [200, 100], [98.8, 101.2]);
    const { geometry, snapped } = snapPolygonToReference(sketch, [neighbour], 3);
    const outer = geometry.coordinates[0][0];
    expect(outer).toContainEqual(neighbour[1]);
    expect(outer).toContainEqual(neighbour[3]);
    expect(snapped).toBe(2);
  });

  it('inserts the neighbour’s vertices into the shared edge so both sides have the same vertices', () => {
    const sketch = polygon([101, 1], [200, 0], [200, 100], [99, 99]);
    const { geometry, inserted } = snapPolygonToReference(sketch, [neighbour], 3);
    const outer = geometry.coordinates[0][0];
    expect(outer).toContainEqual(neighbour[2]); // (100, 50), which the sketch never had
    expect(inserted).toBeGreaterThanOrEqual(1);
    expect(validatePolygonGeometry(geometry).valid).toBe(true);
  });

  it('moves a vertex near an edge but far from any vertex onto that edge', () => {
    const reference = [ring([0, 0], [100, 0], [100, 100], [0, 100])];
    const sketch = polygon([102, 20], [200, 0], [200, 100], [101, 80]);
    const { geometry } = snapPolygonToReference(sketch, reference, 3);
    const outer = geometry.coordinates[0][0];
    const onEdge = outer.filter((p) => Math.abs((p[0] - at(100, 0)[0]) * k.lon) < 1e-6);
    // (102, 20) and (101, 80) now lie on x = 100, plus the two corners inserted
    expect(onEdge.length).toBeGreaterThanOrEqual(2);
    expect(
      metres(
        onEdge.find((p) => Math.abs((p[1] - LAT0) * k.lat - 20) < 0.01) ?? [0, 0],
        at(100, 20),
      ),
    ).toBeLessThan(0.001);
  });

  it('leaves everything beyond the tolerance alone', () => {
    const sketch = polygon([110, 0], [200, 0], [200, 100], [110, 100]);
    const result = snapPolygonToReference(sketch, [neighbour], 3);
    expect(result.geometry).toEqual(sketch);
    expect(result.snapped + result.inserted).toBe(0);
  });

  it('changes nothing at tolerance 0', () => {
    const sketch = polygon([101, 0], [200, 0], [200, 100], [99, 100]);
    expect(snapPolygonToReference(sketch, [neighbour], 0).geometry).toEqual(sketch);
  });

  it('can collapse a ring, which validation then reports', () => {
    const sketch = polygon([100.5, 0.5], [100.8, 48], [101, 99.5]);
    const { geometry } = snapPolygonToReference(sketch, [neighbour], 3);
    expect(validatePolygonGeometry(geometry).valid).toBe(false);
  });

  it('carries a cutting line that stops short onto the edge it was meant to reach', () => {
    const line = { type: 'LineString' as const, coordinates: [at(50, -2), at(50, 98.5)] };
    const { geometry } = snapLineToReference(line, [neighbour], 3);
    expect(metres(geometry.coordinates[0], at(50, 0))).toBeLessThan(0.001);
    expect(metres(geometry.coordinates[geometry.coordinates.length - 1], at(50, 100))).toBeLessThan(
      0.001,
    );
  });
});
