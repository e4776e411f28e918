/** Decodes Mapbox Vector Tiles for tests (@mapbox/vector-tile + pbf), and fetches them raw. */
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';

export interface DecodedFeature {
  id: number | undefined;
  type: 'Point' | 'LineString' | 'Polygon' | 'Unknown';
  properties: Record<string, string | number | boolean>;
  /** Rings (or points) in tile units. */
  geometry: { x: number; y: number }[][];
}

/** Every layer of a tile with its features (an empty tile decodes to no layers). */
export function decodeTile(bytes: Uint8Array): Record<string, DecodedFeature[]> {
  const tile = new VectorTile(new Pbf(bytes));
  const layers: Record<string, DecodedFeature[]> = {};
  for (const [name, layer] of Object.entries(tile.layers)) {
    layers[name] = [];
    for (let i = 0; i < layer.length; i++) {
      const feature = layer.feature(i);
      layers[name].push({
        id: feature.id,
        type: (['Unknown', 'Point', 'LineString', 'Polygon'] as const)[feature.type],
        properties: { ...feature.properties },
        geometry: feature.loadGeometry().map((ring) => ring.map(({ x, y }) => ({ x, y }))),
      });
    }
  }
  return layers;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as sent (still gzipped when Content-Encoding says so). */
  body: Buffer;
  /** The body decompressed. */
  bytes: Buffer;
  json<T = unknown>(): T;
}

/** GET without any automatic decompression or caching, so headers are seen as sent. */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest('GET', url, headers);
}

/** A request of any method, answered as rawGet answers. */
export function rawRequest(
  method: string,
  url: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const bytes = res.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body;
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body,
          bytes,
          json: <T>() => JSON.parse(bytes.toString('utf8')) as T,
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}
