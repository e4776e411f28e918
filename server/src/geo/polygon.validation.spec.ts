import type { MultiPolygon, Position } from 'geojson';
import {
  PolygonInvalidReason,
  validatePolygonGeometry,
  type PolygonValidation,
} from './polygon.validation';

type Ring = Position[];

/** A closed axis-aligned square ring, counter-clockwise unless asked otherwise. */
function square(x: number, y: number, size: number, clockwise = false): Ring {
  const ring: Ring = [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ];
  return clockwise ? ring.reverse() : ring;
}

const polygon = (...rings: Ring[]) => ({ type: 'Polygon', coordinates: rings });
const multiPolygon = (...polygons: Ring[][]) => ({ type: 'MultiPolygon', coordinates: polygons });

function expectValid(result: PolygonValidation): MultiPolygon {
  if (!result.valid) throw new Error(`expected valid, got ${result.reason}: ${result.message}`);
  return result.geometry;
}

function expectInvalid(result: PolygonValidation) {
  if (result.valid) throw new Error('expected invalid, got valid');
  return result;
}

/** Twice the signed area, > 0 for counter-clockwise. */
function orientation(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return Math.sign(sum);
}

/** A star around (118, 35) with `points` tips: 2 × points vertices, valid and non-convex. */
function star(points: number): Ring {
  const ring: Ring = [];
  for (let i = 0; i < 2 * points; i++) {
    const angle = (Math.PI * i) / points;
    const radius = i % 2 === 0 ? 0.1 : 0.09;
    ring.push([118 + radius * Math.cos(angle), 35 + radius * Math.sin(angle)]);
  }
  ring.push(ring[0]);
  return ring;
}

describe('validatePolygonGeometry accepts', () => {
  it('a square and returns it as a MultiPolygon with its vertex count', () => {
    const result = validatePolygonGeometry(polygon(square(118, 35, 1)));
    expect(result).toEqual({
      valid: true,
      vertexCount: 4,
      geometry: { type: 'MultiPolygon', coordinates: [[square(118, 35, 1)]] },
    });
  });

  it('a square with a hole, returning the hole clockwise', () => {
    const geometry = expectValid(
      validatePolygonGeometry(polygon(square(0, 0, 10), square(2, 2, 2))),
    );
    const [shell, hole] = geometry.coordinates[0];
    expect(orientation(shell)).toBe(1);
    expect(orientation(hole)).toBe(-1);
    expect(hole).toEqual(square(2, 2, 2, true));
  });

  it('a multipolygon of two disjoint squares', () => {
    const result = validatePolygonGeometry(multiPolygon([square(0, 0, 1)], [square(5, 5, 1)]));
    expect(expectValid(result).coordinates).toHaveLength(2);
  });

  it('two polygons of a multipolygon touching at one corner', () => {
    expectValid(validatePolygonGeometry(multiPolygon([square(0, 0, 1)], [square(1, 1, 1)])));
  });

  it('a polygon lying in the hole of another (an island in a lake)', () => {
    const lake = [square(0, 0, 10), square(2, 2, 6)];
    expectValid(validatePolygonGeometry(multiPolygon(lake, [square(4, 4, 1)])));
  });

  it('an island touching the rim of the lake it sits in at one point', () => {
    const lake = [square(0, 0, 10), square(2, 2, 6)];
    const island: Ring = [
      [2, 2],
      [4, 3],
      [3, 4],
      [2, 2],
    ];
    expectValid(validatePolygonGeometry(multiPolygon(lake, [island])));
  });

  it('a hole touching the shell at one shell vertex', () => {
    const hole: Ring = [
      [0, 0],
      [1, 3],
      [3, 1],
      [0, 0],
    ];
    expectValid(validatePolygonGeometry(polygon(square(0, 0, 10), hole)));
  });

  it('a hole whose vertex touches the middle of a shell edge', () => {
    const hole: Ring = [
      [5, 0],
      [4, 2],
      [6, 2],
      [5, 0],
    ];
    expectValid(validatePolygonGeometry(polygon(square(0, 0, 10), hole)));
  });

  it('two holes touching each other at one point', () => {
    const left: Ring = [
      [2, 2],
      [5, 5],
      [2, 8],
      [2, 2],
    ];
    const right: Ring = [
      [8, 2],
      [8, 8],
      [5, 5],
      [8, 2],
    ];
    expectValid(validatePolygonGeometry(polygon(square(0, 0, 10), left, right)));
  });

  it('clockwise input, normalising the exterior ring to counter-clockwise', () => {
    const geometry = expectValid(validatePolygonGeometry(polygon(square(118, 35, 1, true))));
    expect(geometry.coordinates[0][0]).toEqual(square(118, 35, 1));
  });

  it('a Feature wrapping a Polygon', () => {
    const feature = {
      type: 'Feature',
      properties: { name: 'a' },
      geometry: polygon(square(0, 0, 1)),
    };
    expectValid(validatePolygonGeometry(feature));
  });

  it('repeated consecutive positions, removing them', () => {
    const ring: Ring = [
      [0, 0],
      [0, 0],
      [1, 0],
      [1, 1],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    const result = validatePolygonGeometry(polygon(ring));
    expect(result).toMatchObject({ valid: true, vertexCount: 4 });
  });

  it('a redundant vertex in the middle of a straight edge', () => {
    const ring: Ring = [
      [0, 0],
      [1, 0],
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 0],
    ];
    expect(validatePolygonGeometry(polygon(ring))).toMatchObject({ valid: true, vertexCount: 5 });
  });

  it('positions with an altitude, dropping it', () => {
    const ring: Ring = [
      [0, 0, 5],
      [1, 0, 5],
      [1, 1, 5],
      [0, 0, 5],
    ];
    const geometry = expectValid(validatePolygonGeometry(polygon(ring)));
    expect(geometry.coordinates[0][0]).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ]);
  });

  it('a star-shaped polygon of 10,000 vertices', () => {
    const result = validatePolygonGeometry(polygon(star(5_000)));
    expect(result).toMatchObject({ valid: true, vertexCount: 10_000 });
  });
});

describe('validatePolygonGeometry refuses', () => {
  it('null, as not an object', () => {
    expect(expectInvalid(validatePolygonGeometry(null)).reason).toBe(
      PolygonInvalidReason.NOT_AN_OBJECT,
    );
  });

  it.each(['Point', 'LineString', 'FeatureCollection'])('a %s, as the wrong type', (type) => {
    const result = expectInvalid(validatePolygonGeometry({ type, coordinates: [0, 0] }));
    expect(result.reason).toBe(PolygonInvalidReason.WRONG_TYPE);
    expect(result.message).toBe(`expected a Polygon or MultiPolygon, got a ${type}`);
  });

  it('a polygon without coordinates', () => {
    expect(expectInvalid(validatePolygonGeometry({ type: 'Polygon' })).reason).toBe(
      PolygonInvalidReason.MISSING_COORDINATES,
    );
  });

  it.each([
    ['Polygon', []],
    ['MultiPolygon', []],
  ])('a %s with empty coordinates', (type, coordinates) => {
    expect(expectInvalid(validatePolygonGeometry({ type, coordinates })).reason).toBe(
      PolygonInvalidReason.EMPTY,
    );
  });

  it('a multipolygon whose second polygon has no rings, saying which', () => {
    const result = expectInvalid(validatePolygonGeometry(multiPolygon([square(0, 0, 1)], [])));
    expect(result).toMatchObject({ reason: PolygonInvalidReason.EMPTY, location: { polygon: 1 } });
  });

  it('a ring that is not an array of positions', () => {
    const result = expectInvalid(
      validatePolygonGeometry({ type: 'Polygon', coordinates: [[0, 0]] }),
    );
    expect(result.reason).toBe(PolygonInvalidReason.MALFORMED_COORDINATES);
  });

  it('a bowtie, saying which edges cross and where', () => {
    const ring: Ring = [
      [0, 0],
      [1, 1],
      [1, 0],
      [0, 1],
      [0, 0],
    ];
    const result = expectInvalid(validatePolygonGeometry(polygon(ring)));
    expect(result).toEqual({
      valid: false,
      reason: PolygonInvalidReason.SELF_INTERSECTION,
      message: 'ring 0 of polygon 0 crosses itself between edge 0 and edge 2 near (0.5, 0.5)',
      location: { polygon: 0, ring: 0, edges: [0, 2], at: [0.5, 0.5] },
    });
  });

  it('a figure-8 ring touching itself at a vertex', () => {
    const ring: Ring = [
      [0, 0],
      [2, 0],
      [1, 1],
      [2, 2],
      [0, 2],
      [1, 1],
      [0, 0],
    ];
    const result = expectInvalid(validatePolygonGeometry(polygon(ring)));
    expect(result.reason).toBe(PolygonInvalidReason.SELF_INTERSECTION);
    expect(result.location).toMatchObject({ polygon: 0, ring: 0, at: [1, 1] });
    expect(result.message).toMatch(/^ring 0 of polygon 0 touches itself at \(1, 1\)/);
  });

  it('a spike where the ring runs back along its own edge', () => {
    const ring: Ring = [
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [0, 6],
      [0, 2],
      [0, 0],
    ];
    const result = expectInvalid(validatePolygonGeometry(polygon(ring)));
    expect(result.reason).toBe(PolygonInvalidReason.SELF_INTERSECTION);
    expect(result.location).toMatchObject({ polygon: 0, ring: 0 });
  });

  it('a spike that goes out and comes back to the same corner', () => {
    const ring: Ring = [
      [0, 0],
      [4, 0],
      [6, 0],
      [4, 0],
      [4, 4],
      [0, 0],
    ];
    const result = expectInvalid(validatePolygonGeometry(polygon(ring)));
    expect(result.reason).toBe(PolygonInvalidReason.SELF_INTERSECTION);
  });

  it('an unclosed ring, quoting both ends', () => {
    const ring: Ring = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ];
    const result = expectInvalid(validatePolygonGeometry(polygon(square(-5, -5, 20), ring)));
    expect(result).toEqual({
      valid: false,
      reason: PolygonInvalidReason.RING_NOT_CLOSED,
      message: 'ring 1 of polygon 0 is not closed: first position (0, 0) differs from last (0, 1)',
      location: { polygon: 0, ring: 1, position: 3, at: [0, 1] },
    });
  });

  it('a ring of 3 positions as too short', () => {
    const result = expectInvalid(
      validatePolygonGeometry(
        polygon([
          [0, 0],
          [1, 0],
          [0, 0],
        ]),
      ),
    );
    expect(result).toMatchObject({
      reason: PolygonInvalidReason.RING_TOO_SHORT,
      location: { polygon: 0, ring: 0 },
    });
  });

  it('a ring of 4 positions with only 2 distinct ones as too short', () => {
    const result = expectInvalid(
      validatePolygonGeometry(
        polygon([
          [0, 0],
          [1, 0],
          [1, 0],
          [0, 0],
        ]),
      ),
    );
    expect(result.reason).toBe(PolygonInvalidReason.RING_TOO_SHORT);
  });

  it('a ring whose positions all lie on one line', () => {
    const result = expectInvalid(
      validatePolygonGeometry(
        polygon([
          [0, 0],
          [1, 1],
          [2, 2],
          [0, 0],
        ]),
      ),
    );
    expect(result.reason).toBe(PolygonInvalidReason.ZERO_AREA_RING);
  });

  it.each([
    ['NaN', NaN, 'longitude NaN'],
    ['Infinity', Infinity, 'longitude Infinity'],
    ['a string', '118.5', 'longitude the string "118.5"'],
  ])('a coordinate that is %s, saying which position', (_name, value, said) => {
    const ring = [
      [0, 0],
      [1, 0],
      [value, 1],
      [0, 0],
    ];
    const result = expectInvalid(validatePolygonGeometry({ type: 'Polygon', coordinates: [ring] }));
    expect(result).toEqual({
      valid: false,
      reason: PolygonInvalidReason.NON_FINITE_COORDINATE,
      message: `position 2 of ring 0 of polygon 0 has ${said}, which is not a finite number`,
      location: { polygon: 0, ring: 0, position: 2 },
    });
  });

  it('a position with one number', () => {
    const ring = [[0, 0], [1, 0], [1], [0, 0]];
    const result = expectInvalid(validatePolygonGeometry({ type: 'Polygon', coordinates: [ring] }));
    expect(result.reason).toBe(PolygonInvalidReason.POSITION_WRONG_LENGTH);
  });

  it('longitude 181', () => {
    const ring: Ring = [
      [179, 0],
      [181, 0],
      [180, 1],
      [179, 0],
    ];
    const result = expectInvalid(validatePolygonGeometry(polygon(ring)));
    expect(result).toEqual({
      valid: false,
      reason: PolygonInvalidReason.LONGITUDE_OUT_OF_RANGE,
      message: 'position 1 of ring 0 of polygon 0 has longitude 181, outside −180…180',
      location: { polygon: 0, ring: 0, position: 1, at: [181, 0] },
    });
  });

  it('latitude −91', () => {
    const ring: Ring = [
      [0, -89],
      [1, -89],
      [1, -91],
      [0, -89],
    ];
    const result = expectInvalid(validatePolygonGeometry(multiPolygon([square(5, 5, 1)], [ring])));
    expect(result).toMatchObject({
      reason: PolygonInvalidReason.LATITUDE_OUT_OF_RANGE,
      message: 'position 2 of ring 0 of polygon 1 has latitude -91, outside −90…90',
      location: { polygon: 1, ring: 0, position: 2 },
    });
  });

  it('10,001 vertices under the default limit', () => {
    const result = expectInvalid(
      validatePolygonGeometry(polygon(star(5_000), square(118, 35, 0.01))),
    );
    expect(result).toEqual({
      valid: false,
      reason: PolygonInvalidReason.TOO_MANY_VERTICES,
      message: 'polygon has 10,004 vertices; the limit is 10,000',
    });
    const exactly = [...star(5_000)];
    exactly.splice(1, 0, exactly[0]); // a repeat: counted, since the limit bounds the input
    expect(expectInvalid(validatePolygonGeometry(polygon(exactly))).message).toBe(
      'polygon has 10,001 vertices; the limit is 10,000',
    );
  });

  it('more vertices than a lower limit given in the options', () => {
    const result = validatePolygonGeometry(polygon(square(0, 0, 1)), { maxVertices: 3 });
    expect(expectInvalid(result).reason).toBe(PolygonInvalidReason.TOO_MANY_VERTICES);
  });

  it('a hole outside its shell', () => {
    const result = expectInvalid(
      validatePolygonGeometry(polygon(square(0, 0, 4), square(10, 10, 1))),
    );
    expect(result).toMatchObject({
      reason: PolygonInvalidReason.HOLE_OUTSIDE_SHELL,
      location: { polygon: 0, ring: 1, other: { polygon: 0, ring: 0 } },
    });
  });

  it('a hole touching its shell from outside', () => {
    const result = expectInvalid(
      validatePolygonGeometry(polygon(square(0, 0, 4), square(4, 4, 1))),
    );
    expect(result.reason).toBe(PolygonInvalidReason.HOLE_OUTSIDE_SHELL);
  });

  it('a hole crossing its shell', () => {
    const result = expectInvalid(
      validatePolygonGeometry(polygon(square(0, 0, 4), square(3, 1, 2))),
    );
    expect(result).toMatchObject({
      reason: PolygonInvalidReason.RING_INTERSECTION,
      location: { polygon: 0, ring: 0, other: { polygon: 0, ring: 1 } },
    });
    expect(result.message).toMatch(/^ring 0 and ring 1 of polygon 0 cross near \(4, [12]\)/);
  });

  it('a hole crossing its shell through a shared vertex', () => {
    const hole: Ring = [
      [4, 4],
      [5, 2],
      [2, 2],
      [4, 4],
    ];
    const result = expectInvalid(validatePolygonGeometry(polygon(square(0, 0, 4), hole)));
    expect(result.reason).toBe(PolygonInvalidReason.RING_INTERSECTION);
  });

  it('a hole inside another hole', () => {
    const result = expectInvalid(
      validatePolygonGeometry(polygon(square(0, 0, 10), square(1, 1, 8), square(4, 4, 1))),
    );
    expect(result).toMatchObject({
      reason: PolygonInvalidReason.NESTED_HOLES,
      location: { polygon: 0, ring: 2, other: { polygon: 0, ring: 1 } },
    });
  });

  it('a hole touching its shell at two points, cutting the interior apart', () => {
    const hole: Ring = [
      [0, 5],
      [5, 2],
      [10, 5],
      [5, 8],
      [0, 5],
    ];
    const result = expectInvalid(validatePolygonGeometry(polygon(square(0, 0, 10), hole)));
    expect(result.reason).toBe(PolygonInvalidReason.DISCONNECTED_INTERIOR);
  });

  it('two overlapping polygons of a multipolygon', () => {
    const result = expectInvalid(
      validatePolygonGeometry(multiPolygon([square(0, 0, 2)], [square(1, 1, 2)])),
    );
    expect(result).toMatchObject({
      reason: PolygonInvalidReason.POLYGONS_OVERLAP,
      location: { polygon: 0, other: { polygon: 1 } },
    });
    expect(result.message).toMatch(/^polygon 0 and polygon 1 overlap/);
  });

  it('a polygon of a multipolygon lying inside another', () => {
    const result = expectInvalid(
      validatePolygonGeometry(multiPolygon([square(0, 0, 10)], [square(2, 2, 1)])),
    );
    expect(result).toMatchObject({
      reason: PolygonInvalidReason.POLYGONS_OVERLAP,
      message: 'polygon 1 lies inside polygon 0',
    });
  });

  it('two polygons of a multipolygon sharing an edge', () => {
    const result = expectInvalid(
      validatePolygonGeometry(multiPolygon([square(0, 0, 1)], [square(1, 0, 1)])),
    );
    expect(result.reason).toBe(PolygonInvalidReason.POLYGONS_OVERLAP);
    expect(result.message).toMatch(/share a segment/);
  });

  it('a triangle whose corners sit on the edges of another polygon it lies in', () => {
    const triangle: Ring = [
      [2, 0],
      [4, 2],
      [0, 2],
      [2, 0],
    ];
    const result = expectInvalid(
      validatePolygonGeometry(multiPolygon([square(0, 0, 4)], [triangle])),
    );
    expect(result.reason).toBe(PolygonInvalidReason.POLYGONS_OVERLAP);
  });
});

describe('validatePolygonGeometry throws', () => {
  it('for a maxVertices option that is not a usable integer', () => {
    expect(() => validatePolygonGeometry(polygon(square(0, 0, 1)), { maxVertices: 0.5 })).toThrow(
      RangeError,
    );
  });
});
