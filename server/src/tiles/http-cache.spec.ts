import { acceptsGzip, etagOf, matchesIfNoneMatch } from './http-cache';

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
