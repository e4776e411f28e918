import { checkFirst, decodeCursor, encodeCursor, toConnection } from './pagination';

describe('keyset pagination', () => {
  it('round-trips a cursor for its own kind', () => {
    expect(decodeCursor('grid', encodeCursor('grid', '42'))).toBe('42');
  });

  it('rejects a cursor of another kind or a forged one with BAD_USER_INPUT', () => {
    expect(() => decodeCursor('grid', encodeCursor('enterprise', '42'))).toThrow(
      /not a grid cursor/,
    );
    expect(() => decodeCursor('grid', 'not-a-cursor')).toThrow(/not a grid cursor/);
  });

  it('rejects a page size outside 1…max', () => {
    expect(() => checkFirst(0, 100)).toThrow(/between 1 and 100; got 0/);
    expect(() => checkFirst(101, 100)).toThrow(/between 1 and 100/);
  });

  it('reports a next page only when the extra row was fetched', () => {
    const rows = [{ id: '1' }, { id: '2' }, { id: '3' }];
    const page = toConnection('grid', rows, 2, 3);
    expect(page.edges.map((e) => e.node.id)).toEqual(['1', '2']);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor('grid', '2') });
    expect(toConnection('grid', rows, 3, 3).pageInfo.hasNextPage).toBe(false);
  });
});
