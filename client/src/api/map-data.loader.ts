import type { TypedDocumentNode } from '@apollo/client';
import {
  ENTERPRISES_QUERY,
  GRID_LEVELS_QUERY,
  GRIDS_QUERY,
  type Connection,
  type GridLevel,
  type MapEnterprise,
  type MapGrid,
} from './map-data.queries';

/** Runs one GraphQL query and returns its data, or throws (network or GraphQL error). */
export type QueryRunner = <TData, TVariables>(
  query: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  signal: AbortSignal,
) => Promise<TData>;

// The API's page limits: grids(first ≤ 2000), enterprises(first ≤ 5000).
export const GRID_PAGE_SIZE = 2000;
export const ENTERPRISE_PAGE_SIZE = 5000;

export type LoadProgress =
  | { phase: 'levels' }
  | { phase: 'grids'; levelIndex: number; levelCount: number; loaded: number; total: number | null }
  | { phase: 'enterprises'; loaded: number; total: number | null };

/** Where the loader hands each part as soon as it is complete. */
export interface MapDataSink {
  progress(progress: LoadProgress): void;
  levels(levels: GridLevel[]): void;
  grids(level: number, grids: MapGrid[]): void;
  enterprises(enterprises: MapEnterprise[]): void;
}

export interface MapDataTotals {
  gridCount: number;
  enterpriseCount: number;
}

/** Thrown when the server's paging contradicts itself; only a server bug can cause it. */
export class PagingError extends Error {}

/**
 * Loads the levels, then each level's grids, then all enterprises, page by page, handing
 * each level and the enterprises to the sink once complete (one setData per layer).
 */
export async function loadMapData(
  run: QueryRunner,
  sink: MapDataSink,
  signal: AbortSignal,
): Promise<MapDataTotals> {
  sink.progress({ phase: 'levels' });
  const { gridLevels } = await run(GRID_LEVELS_QUERY, {}, signal);
  const levels = [...gridLevels].sort((a, b) => a.level - b.level);
  sink.levels(levels);

  let gridCount = 0;
  for (const [index, { level }] of levels.entries()) {
    const report = (loaded: number, total: number | null): void =>
      sink.progress({
        phase: 'grids',
        levelIndex: index + 1,
        levelCount: levels.length,
        loaded,
        total,
      });
    report(0, null);
    const grids = await fetchAllPages(
      async (after) =>
        (await run(GRIDS_QUERY, { level, first: GRID_PAGE_SIZE, after }, signal)).grids,
      report,
    );
    gridCount += grids.length;
    sink.grids(level, grids);
  }

  const reportEnterprises = (loaded: number, total: number | null): void =>
    sink.progress({ phase: 'enterprises', loaded, total });
  reportEnterprises(0, null);
  const enterprises = await fetchAllPages(
    async (after) =>
      (await run(ENTERPRISES_QUERY, { first: ENTERPRISE_PAGE_SIZE, after }, signal)).enterprises,
    reportEnterprises,
  );
  sink.enterprises(enterprises);
  return { gridCount, enterpriseCount: enterprises.length };
}

/** Follows a Relay connection's cursors to the end. */
export async function fetchAllPages<TNode>(
  fetchPage: (after: string | null) => Promise<Connection<TNode>>,
  onPage: (loaded: number, total: number) => void,
): Promise<TNode[]> {
  const nodes: TNode[] = [];
  const seen = new Set<string>();
  let after: string | null = null;
  for (;;) {
    const page: Connection<TNode> = await fetchPage(after);
    for (const edge of page.edges) nodes.push(edge.node);
    onPage(nodes.length, page.totalCount);
    if (!page.pageInfo.hasNextPage) return nodes;
    const next = page.pageInfo.endCursor;
    if (next === null || seen.has(next) || page.edges.length === 0) {
      throw new PagingError(
        `connection claims a next page but cursor ${String(next)} does not advance`,
      );
    }
    seen.add(next);
    after = next;
  }
}
