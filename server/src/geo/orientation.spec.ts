import { orient2d } from './orientation';

describe('orient2d', () => {
  it('tells left turns, right turns and collinear points apart', () => {
    expect(orient2d(0, 0, 1, 0, 0, 1)).toBe(1);
    expect(orient2d(0, 0, 0, 1, 1, 0)).toBe(-1);
    expect(orient2d(0, 0, 1, 1, 3, 3)).toBe(0);
  });

  it('is exact near collinearity, where plain doubles get the sign wrong', () => {
    // Kettner et al., "Classroom examples of robustness problems in geometric computations":
    // with q and r on y = x, the true sign is that of py − px.
    const u = 2 ** -53;
    for (let i = 0; i < 64; i++) {
      for (let j = 0; j < 64; j++) {
        expect(orient2d(0.5 + i * u, 0.5 + j * u, 12, 12, 24, 24)).toBe(Math.sign(j - i) || 0);
      }
    }
  });

  it('is exact for lon/lat points a hair off a line', () => {
    const next = 118.51234 + 2 ** -46; // one unit in the last place at this magnitude
    expect(orient2d(118, 35, 119, 35, next, 35)).toBe(0);
    expect(orient2d(118, 35, 119, 35, next, 35 + 2 ** -47)).toBe(1);
    expect(orient2d(118, 35, 119, 35, next, 35 - 2 ** -47)).toBe(-1);
  });
});
