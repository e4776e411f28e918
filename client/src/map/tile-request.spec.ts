import { describe, expect, it } from '@jest/globals';
import { tileRequestTransformer } from './tile-request';

describe('tileRequestTransformer', () => {
  let token: string | null = 'abc';
  const transform = tileRequestTransformer('http://gw.local:4000', () => token);

  it('adds the current token to this server’s tile requests', () => {
    expect(transform('http://gw.local:4000/tiles/grids/8/212/100.mvt')).toEqual({
      url: 'http://gw.local:4000/tiles/grids/8/212/100.mvt',
      headers: { Authorization: 'Bearer abc' },
    });
    token = 'fresh';
    expect(transform('http://gw.local:4000/tiles/enterprises/8/1/1.mvt?r=2')).toEqual({
      url: 'http://gw.local:4000/tiles/enterprises/8/1/1.mvt?r=2',
      headers: { Authorization: 'Bearer fresh' },
    });
  });

  it('never sends the token elsewhere, not even to a look-alike host', () => {
    expect(transform('https://t3.tianditu.gov.cn/vec_w/wmts?tk=k')).toBeUndefined();
    expect(transform('http://gw.local:4000.evil.example/tiles/grids/1/0/0.mvt')).toBeUndefined();
    expect(transform('http://gw.local:4000/graphql')).toBeUndefined();
  });

  it('sends no header without a session', () => {
    token = null;
    expect(transform('http://gw.local:4000/tiles/grids/1/0/0.mvt')).toEqual({
      url: 'http://gw.local:4000/tiles/grids/1/0/0.mvt',
    });
  });
});
