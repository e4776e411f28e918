import { acceptsGzip, etagOf, GzipCache, matchesIfNoneMatch } from './http-cache';

describe('etagOf', () => {
  it('is a weak tag that changes with the bytes', () => {
    const a = etagOf(new Uint8Array([1, 2, 3]));
    expect(a).toMatch(/^W\/"[\w-]{27}"$/);
    expect(etagOf(new Uint8Array([1, 2, 3]))).toBe(a);
    expect(etagOf(new Uint8Array([1, 2, 4]))).not.toBe(a);
  });
});

describe('matchesIfNoneMatch', () => {
  const tag = 'W/"abc"';

  it('matches the tag weakly, in a list, or *', () => {
    expect(matchesIfNoneMatch('W/"abc"', tag)).toBe(true);
    expect(matchesIfNoneMatch('"abc"', tag)).toBe(true);
    expect(matchesIfNoneMatch('"x", W/"abc"', tag)).toBe(true);
    expect(matchesIfNoneMatch('*', tag)).toBe(true);
  });

  it('does not match another tag or no header', () => {
    expect(matchesIfNoneMatch('W/"abcd"', tag)).toBe(false);
    expect(matchesIfNoneMatch(undefined, tag)).toBe(false);
    expect(matchesIfNoneMatch('', tag)).toBe(false);
  });
});

describe('acceptsGzip', () => {
  it('accepts gzip listed or through *, unless its q is 0', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0, *')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

describe('GzipCache', () => {
  const bytes = (n: number) => Buffer.alloc(n, 1);

  it('compresses a tile once and serves the same bytes again', async () => {
    const cache = new GzipCache(100);
    let made = 0;
    const gzip = async () => {
      made += 1;
      return bytes(10);
    };
    const first = await cache.get('W/"a"', gzip);
    expect(await cache.get('W/"a"', gzip)).toBe(first);
    expect(made).toBe(1);
  });

  it('drops the least recently used tiles to stay within its budget', async () => {
    const cache = new GzipCache(25);
    await cache.get('a', async () => bytes(10));
    await cache.get('b', async () => bytes(10));
    await cache.get('a', async () => bytes(99)); // a used again: b is now the oldest
    await cache.get('c', async () => bytes(10));
    expect(cache.size).toEqual({ entries: 2, bytes: 20 });
    let remade = '';
    await cache.get('a', async () => ((remade += 'a'), bytes(10)));
    await cache.get('b', async () => ((remade += 'b'), bytes(10)));
    expect(remade).toBe('b');
  });

  it('never keeps a tile larger than the whole budget', async () => {
    const cache = new GzipCache(5);
    expect((await cache.get('big', async () => bytes(6))).length).toBe(6);
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });
});
