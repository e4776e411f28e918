import { describe, expect, it } from '@jest/globals';
import type { TypedDocumentNode } from '@apollo/client';
import {
  ENTERPRISE_PAGE_SIZE,
  GRID_PAGE_SIZE,
  PagingError,
  fetchAllPages,
  loadMapData,
  type LoadProgress,
  type QueryRunner,
} from './map-data.loader';
import {
  ENTERPRISES_QUERY,
  GRID_LEVELS_QUERY,
  GRIDS_QUERY,
  type Connection,
  type MapEnterprise,
  type MapGrid,
} from './map-data.queries';

function connection<T>(all: T[], first: number, after: string | null): Connection<T> {
  const start = after === null ? 0 : Number(after);
  const slice = all.slice(start, start + first);
  return {
    edges: slice.map((node) => ({ node })),
    totalCount: all.length,
    pageInfo: { hasNextPage: start + first < all.length, endCursor: String(start + slice.length) },
  };
}

const grid = (id: number, level: number): MapGrid => ({
  id: String(id),
  code: String(id),
  name: `g${id}`,
  level,
  parentId: null,
  boundary: { type: 'Point', coordinates: [0, 0] },
  enterpriseCount: 0,
});

const enterprise = (id: number): MapEnterprise => ({
  id: String(id),
  name: `e${id}`,
  lon: 0,
  lat: 0,
  scale: 'BELOW',
  riskClasses: [],
  nineSmall: false,
});

/** A fake API: two levels (one grid, then 2500 grids), 12 000 enterprises. */
function fakeApi() {
  const grids = new Map<number, MapGrid[]>([
    [1, [grid(1, 1)]],
    [2, Array.from({ length: 2500 }, (_, i) => grid(i + 2, 2))],
  ]);
  const enterprises = Array.from({ length: 12000 }, (_, i) => enterprise(i));
  const calls: { query: string; variables: unknown }[] = [];
  const run = (async (query: TypedDocumentNode<unknown, unknown>, variables: unknown) => {
    calls.push({
      query:
        query === GRIDS_QUERY ? 'grids' : query === ENTERPRISES_QUERY ? 'enterprises' : 'levels',
      variables,
    });
    if (query === GRID_LEVELS_QUERY) {
      return {
        gridLevels: [
          { level: 2, nameZh: '乡镇', nameEn: 'Town' },
          { level: 1, nameZh: '县', nameEn: 'County' },
        ],
      };
    }
    if (query === GRIDS_QUERY) {
      const { level, first, after } = variables as {
        level: number;
        first: number;
        after: string | null;
      };
      return { grids: connection(grids.get(level) ?? [], first, after) };
    }
    const { first, after } = variables as { first: number; after: string | null };
    return { enterprises: connection(enterprises, first, after) };
  }) as QueryRunner;
  return { run, calls };
}

function recordingSink() {
  const events: string[] = [];
  const progress: LoadProgress[] = [];
  return {
    events,
    progress,
    sink: {
      progress: (p: LoadProgress) => progress.push(p),
      levels: (levels: { level: number }[]) =>
        events.push(`levels ${levels.map((l) => l.level).join(',')}`),
      grids: (level: number, grids: MapGrid[]) => events.push(`grids ${level}: ${grids.length}`),
      enterprises: (list: MapEnterprise[]) => events.push(`enterprises: ${list.length}`),
    },
  };
}

describe('loadMapData', () => {
  it('loads levels top first, then each level whole, then all enterprises', async () => {
    const { run } = fakeApi();
    const { sink, events } = recordingSink();
    const totals = await loadMapData(run, sink, new AbortController().signal);
    expect(events).toEqual(['levels 1,2', 'grids 1: 1', 'grids 2: 2500', 'enterprises: 12000']);
    expect(totals).toEqual({ gridCount: 2501, enterpriseCount: 12000 });
  });

  it('asks for the largest pages the API allows', async () => {
    const { run, calls } = fakeApi();
    await loadMapData(run, recordingSink().sink, new AbortController().signal);
    expect(calls.filter((c) => c.query === 'grids').map((c) => c.variables)).toEqual([
      { level: 1, first: GRID_PAGE_SIZE, after: null },
      { level: 2, first: GRID_PAGE_SIZE, after: null },
      { level: 2, first: GRID_PAGE_SIZE, after: '2000' },
    ]);
    expect(calls.filter((c) => c.query === 'enterprises')).toHaveLength(
      Math.ceil(12000 / ENTERPRISE_PAGE_SIZE),
    );
  });

  it('reports grid progress as level n of m, then enterprise counts', async () => {
    const { run } = fakeApi();
    const { sink, progress } = recordingSink();
    await loadMapData(run, sink, new AbortController().signal);
    expect(progress[0]).toEqual({ phase: 'levels' });
    expect(progress).toContainEqual({
      phase: 'grids',
      levelIndex: 2,
      levelCount: 2,
      loaded: 2000,
      total: 2500,
    });
    expect(progress[progress.length - 1]).toEqual({
      phase: 'enterprises',
      loaded: 12000,
      total: 12000,
    });
  });

  it('passes a failing request on to the caller', async () => {
    const run = (async () => {
      throw new Error('Failed to fetch');
    }) as QueryRunner;
    await expect(
      loadMapData(run, recordingSink().sink, new AbortController().signal),
    ).rejects.toThrow('Failed to fetch');
  });
});

describe('fetchAllPages', () => {
  it('refuses a connection whose cursor does not advance', async () => {
    const stuck: Connection<number> = {
      edges: [{ node: 1 }],
      totalCount: 10,
      pageInfo: { hasNextPage: true, endCursor: 'same' },
    };
    await expect(
      fetchAllPages(
        async () => stuck,
        () => undefined,
      ),
    ).rejects.toThrow(PagingError);
  });

  it('stops after a single page when there is no next page', async () => {
    const pages: (string | null)[] = [];
    const nodes = await fetchAllPages(
      async (after) => {
        pages.push(after);
        return connection([1, 2, 3], 10, after);
      },
      () => undefined,
    );
    expect(nodes).toEqual([1, 2, 3]);
    expect(pages).toEqual([null]);
  });
});
