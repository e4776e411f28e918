import type { RequestTransformFunction } from 'maplibre-gl';

/**
 * MapLibre's transformRequest for Gridwarden: requests for this server's tiles carry the
 * logged-in user's token (read at each request, so a new login applies at once); requests
 * anywhere else (the Tianditu basemap) go out untouched, token-free.
 * @example tileRequestTransformer('http://localhost:4000', () => 't')('http://localhost:4000/tiles/grids/1/0/0.mvt')
 *   // { url: '…', headers: { Authorization: 'Bearer t' } }
 */
export function tileRequestTransformer(
  origin: string,
  token: () => string | null,
): RequestTransformFunction {
  const prefix = `${origin}/tiles/`;
  return (url) => {
    if (!url.startsWith(prefix)) return undefined;
    const current = token();
    return current ? { url, headers: { Authorization: `Bearer ${current}` } } : { url };
  };
}
