import { HexLattice } from './lattice.geometry';
import { geometryPlanarArea, ringPlanarArea } from './polygon.measure';
// The one polygon validator every write path uses (server/src/geo), applied to the generator's output.
import { validatePolygonGeometry } from '../../../server/src/geo/polygon.validation';

const lattice = new HexLattice({
  west: 118.25,
  south: 35.55,
  east: 118.45,
  north: 35.7,
  cellAreaM2: 2.4e6,
  seed: 42,
});
const centre = lattice.cellId(5, 5);

describe('HexLattice', () => {
  it('gives neighbouring cells bit-identical coordinates along their shared edge', () => {
    const nb = lattice.neighbours(centre);
    const mine = lattice.cellRing(centre);
    nb.forEach((n, i) => {
      const theirs = lattice.cellRing(n);
      // edge i of this cell is edge (i + 3) mod 6 of the neighbour, run backwards
      const j = (i + 3) % 6;
      const myEdge = mine.slice(3 * i, 3 * i + 4);
      const theirEdge = theirs.slice(3 * j, 3 * j + 4).reverse();
      expect(theirEdge).toEqual(myEdge);
    });
  });

  it('builds valid counter-clockwise cells', () => {
    for (let r = 1; r < lattice.rows - 1; r += 1) {
      for (let c = 1; c < lattice.cols - 1; c += 1) {
        const ring = lattice.cellRing(lattice.cellId(r, c));
        expect(ringPlanarArea(ring)).toBeGreaterThan(0);
        expect(validatePolygonGeometry({ type: 'Polygon', coordinates: [ring] })).toMatchObject({
          valid: true,
        });
      }
    }
  });

  it('unions a ring of six cells into one polygon with a hole where the middle cell is missing', () => {
    const ring = lattice.neighbours(centre);
    const set = new Set(ring);
    const union = lattice.union(ring, (c) => set.has(c));
    expect(union).toHaveLength(1);
    expect(union[0]).toHaveLength(2);
    const g = { type: 'MultiPolygon' as const, coordinates: union };
    expect(validatePolygonGeometry(g)).toMatchObject({ valid: true });
    const sum = ring.reduce((a, c) => a + ringPlanarArea(lattice.cellRing(c)), 0);
    expect(Math.abs(geometryPlanarArea(g) - sum) / sum).toBeLessThan(1e-9);
  });

  it('unions two cells that do not touch into two polygons', () => {
    const a = lattice.cellId(3, 3);
    const b = lattice.cellId(3, 7);
    const union = lattice.union([a, b], (c) => c === a || c === b);
    expect(union).toHaveLength(2);
    expect(validatePolygonGeometry({ type: 'MultiPolygon', coordinates: union })).toMatchObject({
      valid: true,
    });
  });
});
