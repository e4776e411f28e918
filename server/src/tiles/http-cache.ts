/**
 * Conditional requests and compression for tiles: an ETag from the bytes, If-None-Match,
 * Accept-Encoding. Pure functions of header values.
 */
import { createHash } from 'node:crypto';

/**
 * A weak ETag of the tile bytes: weak, because the same bytes go out gzipped or not.
 * @example etagOf(new Uint8Array()) // 'W/"2jmj7l5rSw0yVb_vlWAYkK_YBwk"'
 */
export function etagOf(bytes: Uint8Array): string {
  return `W/"${createHash('sha1').update(bytes).digest('base64url')}"`;
}

/**
 * Whether an If-None-Match header names this ETag (weak comparison, RFC 9110 §13.1.2).
 * @example matchesIfNoneMatch('"a", W/"b"', 'W/"b"') // true
 */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}

/**
 * Whether an Accept-Encoding header accepts gzip (a q of 0 refuses it).
 * @example acceptsGzip('br, gzip;q=0.8') // true
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  const quality = new Map<string, number>();
  for (const part of header.split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    quality.set(coding.trim(), q === undefined ? 1 : Number(q.slice(2)));
  }
  const q = quality.get('gzip') ?? quality.get('*') ?? 0;
  return q > 0;
}
