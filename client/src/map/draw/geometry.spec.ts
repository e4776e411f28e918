import { describe, expect, it } from '@jest/globals';
import {
  closeRing,
  dropRepeats,
  editableRing,
  outsideParent,
  segmentIntersection,
  selfIntersections,
  pointInPolygonal,
  ringCentroid,
  ringSelfIntersects,
  segmentsIntersect,
  verticesOutside,
  type PolygonalGeometry,
  type Position,
} from './geometry';

const square: Position[] = [
  [0, 0],
  [2, 0],
  [2, 2],
  [0, 2],
];

describe('ringSelfIntersects', () => {
  it('is false for a simple square, open or closed', () => {
    expect(ringSelfIntersects(square)).toBe(false);
    expect(ringSelfIntersects(closeRing(square))).toBe(false);
  });

  it('is true for a bow tie', () => {
    expect(
      ringSelfIntersects([
        [0, 0],
        [2, 2],
        [2, 0],
        [0, 2],
      ]),
    ).toBe(true);
  });

  it('is true when a vertex repeats (the ring touches itself)', () => {
    expect(
      ringSelfIntersects([
        [0, 0],
        [2, 0],
        [1, 1],
        [2, 2],
        [0, 2],
        [1, 1],
      ]),
    ).toBe(true);
  });

  it('is true when an edge runs back along another (collinear overlap)', () => {
    expect(
      ringSelfIntersects([
        [0, 0],
        [3, 0],
        [3, 1],
        [2, 0],
      ]),
    ).toBe(true);
  });

  it('is false for a concave but simple ring, and for fewer than 3 vertices', () => {
    expect(
      ringSelfIntersects([
        [0, 0],
        [4, 0],
        [4, 4],
        [2, 1],
        [0, 4],
      ]),
    ).toBe(false);
    expect(
      ringSelfIntersects([
        [0, 0],
        [1, 1],
      ]),
    ).toBe(false);
  });
});

describe('segmentsIntersect', () => {
  it('finds crossing and touching segments and rejects parallel ones', () => {
    expect(segmentsIntersect([0, 0], [2, 2], [0, 2], [2, 0])).toBe(true);
    expect(segmentsIntersect([0, 0], [2, 0], [2, 0], [3, 1])).toBe(true);
    expect(segmentsIntersect([0, 0], [2, 0], [0, 1], [2, 1])).toBe(false);
  });
});

describe('ringCentroid', () => {
  it('is the centre of a square whatever the orientation', () => {
    expect(ringCentroid(square)).toEqual([1, 1]);
    expect(ringCentroid([...square].reverse())).toEqual([1, 1]);
  });

  it('weights by area, not by vertex count', () => {
    // many vertices bunched on one side do not pull an area centroid
    const [x, y] = ringCentroid([
      [0, 0],
      [1, 0],
      [1.5, 0],
      [1.9, 0],
      [2, 0],
      [2, 2],
      [0, 2],
    ]);
    expect(x).toBeCloseTo(1);
    expect(y).toBeCloseTo(1);
  });
});

describe('pointInPolygonal and verticesOutside', () => {
  const withHole: PolygonalGeometry = {
    type: 'Polygon',
    coordinates: [
      closeRing([
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
      ]),
      closeRing([
        [4, 4],
        [6, 4],
        [6, 6],
        [4, 6],
      ]),
    ],
  };

  it('excludes holes and counts the edge as inside', () => {
    expect(pointInPolygonal([1, 1], withHole)).toBe(true);
    expect(pointInPolygonal([5, 5], withHole)).toBe(false);
    expect(pointInPolygonal([0, 5], withHole)).toBe(true);
    expect(pointInPolygonal([11, 5], withHole)).toBe(false);
  });

  it('handles MultiPolygons part by part', () => {
    const multi: PolygonalGeometry = {
      type: 'MultiPolygon',
      coordinates: [
        [closeRing(square)],
        [closeRing(square.map(([x, y]) => [x + 5, y] as Position))],
      ],
    };
    expect(pointInPolygonal([6, 1], multi)).toBe(true);
    expect(pointInPolygonal([3.5, 1], multi)).toBe(false);
  });

  it('lists the drawn vertices that leave the parent', () => {
    expect(
      verticesOutside(
        [
          [1, 1],
          [12, 1],
          [12, 3],
          [1, 3],
        ],
        withHole,
      ),
    ).toEqual([
      [12, 1],
      [12, 3],
    ]);
  });
});

describe('editableRing', () => {
  it('takes the outer ring of a one-part boundary without holes, closed', () => {
    const ring = closeRing(square);
    expect(editableRing({ type: 'MultiPolygon', coordinates: [[ring]] })).toEqual(ring);
    expect(editableRing({ type: 'Polygon', coordinates: [square] })).toEqual(ring);
  });

  it('refuses several parts or a hole', () => {
    const ring = closeRing(square);
    expect(editableRing({ type: 'MultiPolygon', coordinates: [[ring], [ring]] })).toBeNull();
    expect(editableRing({ type: 'Polygon', coordinates: [ring, ring] })).toBeNull();
  });
});

// A U-shaped (concave) parent: 6 wide, 4 high, with a notch 2 wide and 3 deep from the top.
const uParent: PolygonalGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [6, 0],
      [6, 4],
      [4, 4],
      [4, 1],
      [2, 1],
      [2, 4],
      [0, 4],
      [0, 0],
    ],
  ],
};

describe('segmentIntersection', () => {
  it('answers the crossing point and how far along the first segment it is', () => {
    expect(segmentIntersection([0, 0], [4, 0], [1, -1], [1, 1])).toEqual({
      point: [1, 0],
      t: 0.25,
    });
  });

  it('answers null for segments that do not meet', () => {
    expect(segmentIntersection([0, 0], [4, 0], [5, -1], [5, 1])).toBeNull();
    expect(segmentIntersection([0, 0], [4, 0], [0, 1], [4, 1])).toBeNull();
  });

  it('answers a shared point of collinear overlapping segments', () => {
    expect(segmentIntersection([0, 0], [4, 0], [2, 0], [6, 0])).toEqual({ point: [2, 0], t: 0.5 });
  });
});

describe('selfIntersections', () => {
  it('finds where a bow tie crosses itself', () => {
    expect(
      selfIntersections([
        [0, 0],
        [2, 2],
        [2, 0],
        [0, 2],
      ]),
    ).toEqual([[1, 1]]);
  });

  it('finds nothing in a simple ring', () => {
    expect(selfIntersections(square)).toEqual([]);
  });

  it('does not count a corner repeated right after itself (the pointer resting on it)', () => {
    const resting: Position[] = [
      [0, 0],
      [2, 0],
      [2, 2],
      [2, 2],
      [0, 2],
      [0, 0],
    ];
    expect(dropRepeats(resting)).toEqual(square);
    expect(selfIntersections(resting)).toEqual([]);
    // a corner that comes back later does count
    expect(
      selfIntersections([
        [0, 0],
        [2, 0],
        [2, 2],
        [0, 0],
        [0, 2],
      ]),
    ).toContainEqual([0, 0]);
  });
});

describe('outsideParent', () => {
  it('finds the edge that crosses a concave notch though every corner is inside', () => {
    // a bar across the U: corners in both arms, its top edge cuts through the notch
    const bar: Position[] = [
      [1, 0.5],
      [5, 0.5],
      [5, 3],
      [1, 3],
    ];
    expect(bar.every((p) => pointInPolygonal(p, uParent))).toBe(true);
    const outside = outsideParent(bar, uParent);
    expect(outside.vertices).toEqual([]);
    // the top edge runs from (5,3) to (1,3): out at x = 4, back in at x = 2
    expect(outside.crossings).toEqual([
      [4, 3],
      [2, 3],
    ]);
  });

  it('reports a corner outside and where its edges cross the boundary', () => {
    const poking: Position[] = [
      [0.5, 0.5],
      [1.5, 0.5],
      [1.5, 5],
      [0.5, 3],
    ];
    const outside = outsideParent(poking, uParent);
    expect(outside.vertices).toEqual([[1.5, 5]]);
    expect(outside.crossings).toHaveLength(2);
    expect(outside.crossings).toContainEqual([1.5, 4]);
    for (const [, y] of outside.crossings) expect(y).toBe(4);
  });

  it('finds nothing for a drawing inside, nor for one lying along the parent boundary', () => {
    expect(
      outsideParent(
        [
          [0.5, 0.5],
          [1.5, 0.5],
          [1.5, 3],
          [0.5, 3],
        ],
        uParent,
      ),
    ).toEqual({
      vertices: [],
      crossings: [],
    });
    // snapped to the parent: along its bottom edge and round the notch's corner at (2,1)
    const snapped: Position[] = [
      [0, 0],
      [6, 0],
      [6, 1],
      [4, 1],
      [2, 1],
      [0, 1],
    ];
    expect(outsideParent(snapped, uParent)).toEqual({ vertices: [], crossings: [] });
  });

  it('sees a drawing that bridges the notch from corner to corner', () => {
    // both ends on the parent's corners (2,4) and (4,4): the edge between runs over the notch
    const bridge: Position[] = [
      [1, 0.5],
      [1, 2],
      [2, 4],
      [4, 4],
      [5, 2],
      [5, 0.5],
    ];
    expect(outsideParent(bridge, uParent)).toEqual({
      vertices: [],
      crossings: [
        [2, 4],
        [4, 4],
      ],
    });
  });
});
