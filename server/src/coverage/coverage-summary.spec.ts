import { toSummary } from './coverage-summary';

const row = {
  gridId: '1',
  code: '371323101',
  name: '沂城街道',
  level: 2,
  areaM2: 1_000_000,
  grids: 20,
  placed: 100,
  counts: {},
  gapM2: 0,
};

describe('toSummary', () => {
  it('scores a subtree with no blind spot 100', () => {
    expect(toSummary(row)).toMatchObject({ score: 100, areaCoveredRatio: 1, enterprisesInOneBaseGrid: 100 });
  });

  it('pulls the score down in proportion to each kind of blind spot', () => {
    const s = toSummary({
      ...row,
      gapM2: 100_000, // 10 % of the area uncovered
      counts: { ENTERPRISE_UNCOVERED: 25, ENTERPRISE_MULTI_COVERED: 5, GRID_UNSTAFFED: 2, SECTOR_UNASSIGNED: 0 },
    });
    // 0.9 area × 95/125 enterprises in one base grid × 18/20 grids staffed × 1
    // = 61.56, shown to 0.1 rounded down
    expect(s.score).toBe(61.5);
    expect(s).toMatchObject({ enterprisesTotal: 125, enterprisesUncovered: 25, enterprisesMultiCovered: 5, gridsUnstaffed: 2 });
  });

  it('never goes below 0 when gaps are reported larger than the grid', () => {
    expect(toSummary({ ...row, gapM2: 2_000_000 }).score).toBe(0);
  });

  it('never rounds a subtree with a blind spot up to 100', () => {
    // a 5 m² gap in a 10 km² town: 99.99995 before rounding
    expect(toSummary({ ...row, gapM2: 5, areaM2: 10_000_000 }).score).toBe(99.9);
  });
});
