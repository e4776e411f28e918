import { describe, expect, it } from '@jest/globals';
import {
  HttpError,
  createJsonFetcher,
  loadMapCounts,
  loadMapSetup,
  type JsonFetcher,
  type QueryRunner,
} from './map-data.loader';
import { GRID_LEVELS_QUERY } from './map-data.queries';

const never = new AbortController().signal;

const runQuery = (async (query: unknown) => {
  if (query !== GRID_LEVELS_QUERY) throw new Error('unexpected query');
  return {
    gridLevels: [
      { level: 2, nameZh: '乡镇', nameEn: 'Town' },
      { level: 1, nameZh: '县', nameEn: 'County' },
    ],
  };
}) as QueryRunner;

function fakeServer(documents: Record<string, unknown>) {
  const paths: string[] = [];
  const fetchJson = (async (path: string) => {
    paths.push(path);
    if (!(path in documents)) throw new HttpError(404, `${path}: 404`);
    return documents[path];
  }) as JsonFetcher;
  return { fetchJson, paths };
}

const GRIDS = {
  tilejson: '3.0.0',
  tiles: [],
  minzoom: 0,
  maxzoom: 16,
  bounds: [118.2, 35.5, 119, 36.2],
  gridwarden: {
    levels: [
      { level: 1, minzoom: 0, count: 1 },
      { level: 2, minzoom: 8, count: 15 },
    ],
  },
};

describe('loadMapSetup', () => {
  it('joins the level names with the zoom and count of each level in the territory', async () => {
    const { fetchJson } = fakeServer({
      '/tiles/grids.json': GRIDS,
      '/config.json': { tianditu: null },
    });
    expect(await loadMapSetup(runQuery, fetchJson, never)).toEqual({
      levels: [
        { level: 1, nameZh: '县', nameEn: 'County', minzoom: 0, count: 1 },
        { level: 2, nameZh: '乡镇', nameEn: 'Town', minzoom: 8, count: 15 },
      ],
      bounds: [118.2, 35.5, 119, 36.2],
      maxzoom: 16,
      tiandituKey: null,
    });
  });

  it('passes the Tianditu key on when the server has one', async () => {
    const { fetchJson } = fakeServer({
      '/tiles/grids.json': GRIDS,
      '/config.json': { tianditu: { key: 'abc' } },
    });
    expect((await loadMapSetup(runQuery, fetchJson, never)).tiandituKey).toBe('abc');
  });

  it('fails when the territory cannot be read', async () => {
    const { fetchJson } = fakeServer({ '/config.json': { tianditu: null } });
    await expect(loadMapSetup(runQuery, fetchJson, never)).rejects.toThrow(HttpError);
  });
});

describe('loadMapCounts', () => {
  it('reads enterprise and violation counts from their TileJSON', async () => {
    const enterprises = { pointMinZoom: 12, count: 3, byFlags: [] };
    const violations = { count: 2, byRule: { GAP: 2 } };
    const { fetchJson, paths } = fakeServer({
      '/tiles/enterprises.json': { ...GRIDS, gridwarden: enterprises },
      '/tiles/violations.json': { ...GRIDS, gridwarden: violations },
    });
    expect(await loadMapCounts(fetchJson, never)).toEqual({ enterprises, violations });
    expect(paths.sort()).toEqual(['/tiles/enterprises.json', '/tiles/violations.json']);
  });
});

describe('createJsonFetcher', () => {
  const respond = (status: number, body: unknown) =>
    (async (url: string, init?: RequestInit) => {
      calls.push({ url, headers: init?.headers });
      return new Response(JSON.stringify(body), { status });
    }) as typeof fetch;
  let calls: { url: string; headers: unknown }[] = [];

  it('sends the current token to the server', async () => {
    calls = [];
    const fetchJson = createJsonFetcher('http://gw:4000', () => 'tok', respond(200, { ok: 1 }));
    expect(await fetchJson('/tiles/grids.json', never)).toEqual({ ok: 1 });
    expect(calls).toEqual([
      { url: 'http://gw:4000/tiles/grids.json', headers: { Authorization: 'Bearer tok' } },
    ]);
  });

  it('turns an error answer into an HttpError with the server’s message and status', async () => {
    const fetchJson = createJsonFetcher(
      'http://gw:4000',
      () => null,
      respond(401, { error: { code: 'UNAUTHENTICATED', message: 'log in first' } }),
    );
    const error = await fetchJson('/tiles/grids.json', never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 401, message: '/tiles/grids.json: 401 log in first' });
  });
});
