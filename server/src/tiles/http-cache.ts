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

/**
 * Gzipped tiles by ETag, least recently used out first, within a byte budget. A tile is still
 * built from the database on every request (the data changes with every edit); this only
 * saves compressing the same bytes again, which costs as much as a small tile's SQL.
 */
export class GzipCache {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;

  constructor(private readonly budgetBytes: number) {}

  /** The gzipped bytes of a tile with this ETag, made by `gzip` when not cached. */
  async get(etag: string, gzip: () => Promise<Buffer>): Promise<Buffer> {
    const hit = this.entries.get(etag);
    if (hit) {
      // Map keeps insertion order: re-inserting marks the entry most recently used
      this.entries.delete(etag);
      this.entries.set(etag, hit);
      return hit;
    }
    const made = await gzip();
    if (made.length > this.budgetBytes) return made;
    this.entries.set(etag, made);
    this.bytes += made.length;
    for (const [key, value] of this.entries) {
      if (this.bytes <= this.budgetBytes) break;
      this.entries.delete(key);
      this.bytes -= value.length;
    }
    return made;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}
