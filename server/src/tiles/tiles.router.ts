/**
 * /tiles: Mapbox Vector Tiles of the viewer's territory and a TileJSON per tile set.
 *
 *   GET /tiles/{grids|enterprises|violations}/{z}/{x}/{y}.mvt
 *   GET /tiles/{grids|enterprises|violations}.json
 *
 * No viewer → 401; a bad address → 400 naming what is wrong; nothing in the tile → 204;
 * If-None-Match with the current ETag → 304. Data changes with every edit, so tiles are
 * private and revalidated after a short max-age.
 */
import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';
import { Router, type Request, type Response } from 'express';
import type { Authenticate } from '../auth/authenticate';
import type { Viewer } from '../auth/viewer';
import { acceptsGzip, etagOf, GzipCache, matchesIfNoneMatch } from './http-cache';
import { parseTileAddress } from './tile-address';
import type { TileService } from './tile.service';
import { TILE_SETS, type TileSet } from './tile.types';

const gzipAsync = promisify(gzip);

export const MVT_CONTENT_TYPE = 'application/vnd.mapbox-vector-tile';
export const TILE_CACHE_CONTROL = 'private, max-age=60, must-revalidate';
/** Gzipped tiles kept for reuse (by ETag), at most this many bytes. */
const GZIP_CACHE_BYTES = 64 * 2 ** 20;

export interface TileRouterOptions {
  service: TileService;
  /** The same function createApp authenticates GraphQL requests with. */
  authenticate: Authenticate;
  /** Where a tile that could not be built is reported (the client gets a 500 without detail). */
  onError?(error: unknown, req: Request): void;
}

type ErrorCode = 'UNAUTHENTICATED' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'INTERNAL_SERVER_ERROR';

function fail(res: Response, status: number, code: ErrorCode, message: string): void {
  if (status === 401) res.set('WWW-Authenticate', 'Bearer');
  res.status(status).set('Cache-Control', 'no-store').json({ error: { code, message } });
}

function tileSet(name: string): TileSet | null {
  return (TILE_SETS as readonly string[]).includes(name) ? (name as TileSet) : null;
}

const UNKNOWN_SET = (name: string) =>
  `no tile set ${JSON.stringify(name)}; there are ${TILE_SETS.join(', ')}`;

export function createTileRouter(options: TileRouterOptions): Router {
  const { service } = options;
  const onError = options.onError ?? ((error) => console.error('tile error:', error));
  const router = Router();
  const gzipped = new GzipCache(GZIP_CACHE_BYTES);

  /** The viewer, or a 401 already sent. */
  async function viewerOf(req: Request, res: Response): Promise<Viewer | null> {
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

  router.get('/:file', async (req, res) => {
    const viewer = await viewerOf(req, res);
    if (!viewer) return;
    const match = /^(.+)\.json$/.exec(req.params.file);
    const set = match && tileSet(match[1]);
    if (!set) return fail(res, 404, 'NOT_FOUND', UNKNOWN_SET(req.params.file));
    try {
      const origin = `${req.protocol}://${req.get('host')}`;
      const doc = await service.tileJson(set, viewer, `${origin}/tiles/${set}/{z}/{x}/{y}.mvt`);
      res.set('Cache-Control', 'private, no-cache').set('Vary', 'Authorization').json(doc);
    } catch (error) {
      onError(error, req);
      fail(res, 500, 'INTERNAL_SERVER_ERROR', `the ${set} TileJSON could not be built`);
    }
  });

  router.get('/:set/:z/:x/:y', async (req, res) => {
    const viewer = await viewerOf(req, res);
    if (!viewer) return;
    const set = tileSet(req.params.set);
    if (!set) return fail(res, 404, 'NOT_FOUND', UNKNOWN_SET(req.params.set));
    const parsed = parseTileAddress(req.params.z, req.params.x, req.params.y);
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
    res.set({
      ETag: etag,
      'Cache-Control': TILE_CACHE_CONTROL,
      Vary: 'Authorization, Accept-Encoding',
    });
    if (matchesIfNoneMatch(req.get('If-None-Match'), etag)) return void res.status(304).end();
    if (bytes.length === 0) return void res.status(204).end();
    res.type(MVT_CONTENT_TYPE);
    if (acceptsGzip(req.get('Accept-Encoding'))) {
      // the fastest level: level 6 took twice as long for ~5 % fewer bytes
      const body = await gzipped.get(etag, () =>
        gzipAsync(bytes, { level: constants.Z_BEST_SPEED }),
      );
      res.set('Content-Encoding', 'gzip').end(body);
    } else {
      res.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    }
  });

  return router;
}
