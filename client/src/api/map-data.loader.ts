/**
 * What the map needs before its tiles: the grid levels with their names (GraphQL), the
 * viewer's territory with counts per level (the grid TileJSON) and the basemap key
 * (/config.json); then, without holding up the map, the enterprise and violation counts for
 * the legend and the layer switcher. The features themselves come as vector tiles.
 */
import type { TypedDocumentNode } from '@apollo/client';
import { GRID_LEVELS_QUERY, type GridLevel } from './map-data.queries';
import type {
  ClientConfig,
  EnterpriseTileSummary,
  GridTileSummary,
  TileJson,
  ViolationTileSummary,
} from './map-data.types';

/** Runs one GraphQL query and returns its data, or throws (network or GraphQL error). */
export type QueryRunner = <TData, TVariables>(
  query: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  signal: AbortSignal,
) => Promise<TData>;

/** GETs JSON from the Gridwarden server as the logged-in user; throws HttpError on a non-2xx answer. */
export type JsonFetcher = <T>(path: string, signal: AbortSignal) => Promise<T>;

/** A non-2xx answer; `status` 401 means the session is over. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface MapLevel extends GridLevel {
  /** First zoom at which the level's grids are in the tiles. */
  minzoom: number;
  /** Grids of the level in the viewer's territory. */
  count: number;
}

export interface MapSetup {
  levels: MapLevel[];
  /** West, south, east, north of the viewer's territory. */
  bounds: [number, number, number, number];
  maxzoom: number;
  tiandituKey: string | null;
}

export interface MapCounts {
  enterprises: EnterpriseTileSummary;
  violations: ViolationTileSummary;
}

/** Levels, territory and basemap key, fetched side by side. */
export async function loadMapSetup(
  runQuery: QueryRunner,
  fetchJson: JsonFetcher,
  signal: AbortSignal,
): Promise<MapSetup> {
  const [{ gridLevels }, grids, config] = await Promise.all([
    runQuery(GRID_LEVELS_QUERY, {}, signal),
    fetchJson<TileJson<GridTileSummary>>('/tiles/grids.json', signal),
    fetchJson<ClientConfig>('/config.json', signal),
  ]);
  const tiled = new Map(grids.gridwarden.levels.map((l) => [l.level, l]));
  return {
    levels: [...gridLevels]
      .sort((a, b) => a.level - b.level)
      .map((level) => ({
        ...level,
        minzoom: tiled.get(level.level)?.minzoom ?? 0,
        count: tiled.get(level.level)?.count ?? 0,
      })),
    bounds: grids.bounds,
    maxzoom: grids.maxzoom,
    tiandituKey: config.tianditu?.key ?? null,
  };
}

/** Enterprise counts by class flags and violation counts by rule in the viewer's territory. */
export async function loadMapCounts(
  fetchJson: JsonFetcher,
  signal: AbortSignal,
): Promise<MapCounts> {
  const [enterprises, violations] = await Promise.all([
    fetchJson<TileJson<EnterpriseTileSummary>>('/tiles/enterprises.json', signal),
    fetchJson<TileJson<ViolationTileSummary>>('/tiles/violations.json', signal),
  ]);
  return { enterprises: enterprises.gridwarden, violations: violations.gridwarden };
}

/**
 * A JsonFetcher for the server at `origin`, sending the session token as a Bearer header.
 * The server's JSON error message ({ error: { message } }) becomes the HttpError's message.
 */
export function createJsonFetcher(
  origin: string,
  token: () => string | null,
  fetchImpl: typeof fetch = fetch,
): JsonFetcher {
  return async <T>(path: string, signal: AbortSignal): Promise<T> => {
    const current = token();
    const response = await fetchImpl(`${origin}${path}`, {
      headers: current ? { Authorization: `Bearer ${current}` } : {},
      signal,
    });
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as {
        error?: { message?: string };
      } | null;
      throw new HttpError(
        response.status,
        `${path}: ${response.status} ${body?.error?.message ?? response.statusText}`,
      );
    }
    return (await response.json()) as T;
  };
}
