import { nextGridCodes } from './grid-code';

describe('codes of new grids', () => {
  it('continues a village numbering without a separator', () => {
    const siblings = ['371323101201', '371323101202', '371323101215'];
    expect(nextGridCodes('371323101', '371323101202', siblings, ['371323101201-01'], 2)).toEqual([
      '371323101216',
      '371323101217',
    ]);
  });

  it('continues a base-grid numbering with a dash and the siblings’ width', () => {
    const siblings = ['371323101201-01', '371323101201-02', '371323101201-09'];
    expect(nextGridCodes('371323101201', '371323101201-02', siblings, [], 1)).toEqual([
      '371323101201-10',
    ]);
  });

  it('never reissues a code a deleted grid had (history counts as taken)', () => {
    const siblings = ['P-01', 'P-02', 'P-03' /* deleted, in grid_history */];
    expect(nextGridCodes('P', 'P-01', siblings, [], 1)).toEqual(['P-04']);
  });

  it('numbers the first children of a parent <parent>-01 …', () => {
    expect(nextGridCodes('C', 'C', [], ['C'], 2)).toEqual(['C-01', 'C-02']);
  });

  it('follows the children’s style, not the grandchildren’s, and skips codes in use', () => {
    // county 371323: towns 371323101…; its villages 371323101201… are not its children
    const towns = ['371323101', '371323102'];
    const taken = ['371323101201', '371323101202', '371323101203', '371323103'];
    expect(nextGridCodes('371323', '371323101', towns, taken, 2)).toEqual([
      '371323104',
      '371323105',
    ]);
  });

  it('numbers pieces of a grid without a parent after its own code', () => {
    expect(nextGridCodes(null, '371323', [], ['371323', '371323-2'], 2)).toEqual([
      '371323-3',
      '371323-4',
    ]);
  });
});
