/**
 * /tiles: Mapbox Vector Tiles of the viewer's territory and a TileJSON per tile set.
 *
 *   GET /tiles/{grids|enterprises|violations}/{z}/{x}/{y}.mvt
 *   GET /tiles/{grids|enterprises|violations}.json
 *
 * No viewer → 401; a bad address → 400 naming what is wrong; an unknown set or path → 404;
 * a method other than GET or HEAD → 405; nothing in the tile → 204; If-None-Match with the
 * current ETag → 304. Data changes with every edit, so tiles are private and revalidated
 * after a short max-age. Errors are JSON: {"error": {"code", "message"}}.
 *
 * Served straight from Node's HTTP server, as /graphql is (http/graphql-handler.ts): a map
 * asks for dozens of tiles a view, each a few ms of SQL, and Express's router, response
 * helpers and header handling were a measurable part of what a tile added to its SQL
 * (docs/performance.md, map client).
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';
import type { Authenticate } from '../auth/authenticate';
import type { Viewer } from '../auth/viewer';
import { pathOf } from '../http/url-path';
import { acceptsGzip, etagOf, GzipCache, matchesIfNoneMatch } from './http-cache';
import { parseTileAddress } from './tile-address';
import type { TileService } from './tile.service';
import { TILE_SETS, type TileSet } from './tile.types';

const gzipAsync = promisify(gzip);

export const MVT_CONTENT_TYPE = 'application/vnd.mapbox-vector-tile';
export const TILE_CACHE_CONTROL = 'private, max-age=60, must-revalidate';
/** Gzipped tiles kept for reuse (by ETag), at most this many bytes. */
const GZIP_CACHE_BYTES = 64 * 2 ** 20;
const JSON_TYPE = 'application/json; charset=utf-8';

export interface TileHandlerOptions {
  service: TileService;
  /** The same function createApp authenticates GraphQL requests with. */
  authenticate: Authenticate;
  /** Where a tile that could not be built is reported (the client gets a 500 without detail). */
  onError?(error: unknown, req: IncomingMessage): void;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'INTERNAL_SERVER_ERROR';

/** The path below /tiles/ of a request for the tile handler, or null if it is not one. */
function tilePath(url: string | undefined): string | null {
  if (!url?.startsWith('/tiles')) return null;
  const path = pathOf(url);
  if (path === '/tiles' || path === '/tiles/') return '';
  return path.startsWith('/tiles/') ? path.slice('/tiles/'.length).replace(/\/$/, '') : null;
}

/** Whether the tile handler answers this URL: /tiles and everything below it. */
export function isTilePath(url: string | undefined): boolean {
  return tilePath(url) !== null;
}

function send(res: ServerResponse, status: number, headers: OutgoingHttpHeaders, body?: Buffer) {
  if (body) headers['Content-Length'] = body.length;
  res.writeHead(status, headers).end(body);
}

function fail(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  const headers: OutgoingHttpHeaders = { 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-store' };
  if (status === 401) headers['WWW-Authenticate'] = 'Bearer';
  if (status === 405) headers.Allow = 'GET, HEAD';
  send(res, status, headers, Buffer.from(JSON.stringify({ error: { code, message } })));
}

function tileSet(name: string): TileSet | null {
  return (TILE_SETS as readonly string[]).includes(name) ? (name as TileSet) : null;
}

const UNKNOWN_SET = (name: string) =>
  `no tile set ${JSON.stringify(name)}; there are ${TILE_SETS.join(', ')}`;

const header = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value.join(', ') : value;

export function createTileHandler(options: TileHandlerOptions): Handler {
  const { service } = options;
  const onError = options.onError ?? ((error) => console.error('tile error:', error));
  const gzipped = new GzipCache(GZIP_CACHE_BYTES);

  /** The viewer, or a 401 already sent. */
  async function viewerOf(req: IncomingMessage, res: ServerResponse): Promise<Viewer | null> {
    let viewer: Viewer | null;
    try {
      viewer = await options.authenticate(req);
    } catch (error) {
      fail(res, 401, 'UNAUTHENTICATED', (error as Error).message || 'invalid credentials');
      return null;
    }
    if (!viewer) {
      fail(
        res,
        401,
        'UNAUTHENTICATED',
        'log in first: send "Authorization: Bearer <token>" from the login mutation',
      );
    }
    return viewer;
  }

  async function tileJson(req: IncomingMessage, res: ServerResponse, file: string) {
    const viewer = await viewerOf(req, res);
    if (!viewer) return;
    const match = /^(.+)\.json$/.exec(file);
    const set = match && tileSet(match[1]);
    if (!set) return fail(res, 404, 'NOT_FOUND', UNKNOWN_SET(file));
    let body: Buffer;
    try {
      const scheme = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
      const origin = `${scheme}://${req.headers.host ?? 'localhost'}`;
      const doc = await service.tileJson(set, viewer, `${origin}/tiles/${set}/{z}/{x}/{y}.mvt`);
      body = Buffer.from(JSON.stringify(doc));
    } catch (error) {
      onError(error, req);
      return fail(res, 500, 'INTERNAL_SERVER_ERROR', `the ${set} TileJSON could not be built`);
    }
    const etag = etagOf(body);
    const headers = {
      'Content-Type': JSON_TYPE,
      'Cache-Control': 'private, no-cache',
      Vary: 'Authorization',
      ETag: etag,
    };
    if (matchesIfNoneMatch(header(req.headers['if-none-match']), etag)) {
      return send(res, 304, headers);
    }
    send(res, 200, headers, body);
  }

  async function tile(req: IncomingMessage, res: ServerResponse, [name, z, x, y]: string[]) {
    const viewer = await viewerOf(req, res);
    if (!viewer) return;
    const set = tileSet(name);
    if (!set) return fail(res, 404, 'NOT_FOUND', UNKNOWN_SET(name));
    const parsed = parseTileAddress(z, x, y);
    if (!parsed.valid) return fail(res, 400, 'BAD_USER_INPUT', parsed.reason);

    let bytes: Uint8Array;
    try {
      bytes = await service.tile(set, viewer, parsed.address);
    } catch (error) {
      onError(error, req);
      const { z, x, y } = parsed.address;
      return fail(
        res,
        500,
        'INTERNAL_SERVER_ERROR',
        `tile ${set}/${z}/${x}/${y} could not be built`,
      );
    }

    const etag = etagOf(bytes);
    const headers: OutgoingHttpHeaders = {
      ETag: etag,
      'Cache-Control': TILE_CACHE_CONTROL,
      Vary: 'Authorization, Accept-Encoding',
    };
    if (matchesIfNoneMatch(header(req.headers['if-none-match']), etag)) {
      return send(res, 304, headers);
    }
    if (bytes.length === 0) return send(res, 204, headers);
    headers['Content-Type'] = MVT_CONTENT_TYPE;
    if (acceptsGzip(header(req.headers['accept-encoding']))) {
      // the fastest level: level 6 took twice as long for ~5 % fewer bytes
      const body = await gzipped.get(etag, () =>
        gzipAsync(bytes, { level: constants.Z_BEST_SPEED }),
      );
      headers['Content-Encoding'] = 'gzip';
      send(res, 200, headers, body);
    } else {
      send(res, 200, headers, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return fail(res, 405, 'METHOD_NOT_ALLOWED', `tiles are read with GET, not ${req.method}`);
    }
    const segments = (tilePath(req.url) ?? '').split('/');
    if (segments.length === 1 && segments[0]) return tileJson(req, res, segments[0]);
    if (segments.length === 4) return tile(req, res, segments);
    fail(
      res,
      404,
      'NOT_FOUND',
      'tiles are at /tiles/{set}/{z}/{x}/{y}.mvt and their TileJSON at /tiles/{set}.json',
    );
  }

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      // the handlers answer their own failures; this is one around them (a broken socket, say)
      onError(error, req);
      if (!res.headersSent) fail(res, 500, 'INTERNAL_SERVER_ERROR', 'the tile request failed');
      else res.destroy();
    });
  };
}
