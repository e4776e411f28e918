/**
 * What the server's TileJSON documents (/tiles/{set}.json) and /config.json hold: the
 * server's own types (type-only imports, nothing of the server is bundled).
 */
export type {
  EnterpriseTileSummary,
  GridTileSummary,
  TileJson,
  ViolationTileSummary,
} from '../../../server/src/tiles/tile.types';
export type { ClientConfig } from '../../../server/src/http/client-config';
