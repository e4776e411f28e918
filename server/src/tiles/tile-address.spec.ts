import { parseTileAddress, tileAt, tileBounds, tilesCovering } from './tile-address';
import { gridLevelMinZoom } from './tile.policy';

describe('parseTileAddress', () => {
  it('reads z, x and {y}.mvt', () => {
    expect(parseTileAddress('8', '212', '102.mvt')).toEqual({
      valid: true,
      address: { z: 8, x: 212, y: 102 },
    });
    expect(parseTileAddress('0', '0', '0.mvt')).toEqual({
      valid: true,
      address: { z: 0, x: 0, y: 0 },
    });
  });

  it('names the zoom range when z is out of it or not a whole number', () => {
    for (const z of ['23', '-1', '1.5', 'abc', '', '08']) {
      expect(parseTileAddress(z, '0', '0.mvt')).toEqual({
        valid: false,
        reason: `zoom z must be a whole number from 0 to 22; got ${JSON.stringify(z)}`,
      });
    }
  });

  it('names the x and y range of the zoom', () => {
    expect(parseTileAddress('2', '4', '0.mvt')).toEqual({
      valid: false,
      reason: 'x must be a whole number from 0 to 3 at zoom 2; got "4"',
    });
    expect(parseTileAddress('2', '3', '1e1.mvt')).toEqual({
      valid: false,
      reason: 'y must be a whole number from 0 to 3 at zoom 2; got "1e1"',
    });
  });

  it('wants the .mvt extension', () => {
    expect(parseTileAddress('2', '1', '1.pbf')).toEqual({
      valid: false,
      reason: 'a tile address ends in {y}.mvt; got "1.pbf"',
    });
  });
});

describe('tile geometry', () => {
  it('finds the tile of a point and its bounds contain the point', () => {
    const tile = tileAt(118.5, 35.8, 8);
    expect(tile).toEqual({ z: 8, x: 212, y: 100 });
    const [w, s, e, n] = tileBounds(tile);
    expect(w).toBeLessThanOrEqual(118.5);
    expect(e).toBeGreaterThan(118.5);
    expect(s).toBeLessThanOrEqual(35.8);
    expect(n).toBeGreaterThan(35.8);
    expect(e - w).toBeCloseTo(360 / 256, 12);
  });

  it('covers a box with whole rows of tiles', () => {
    const tiles = tilesCovering([118.25, 35.55, 118.95, 36.13], 11);
    const xs = new Set(tiles.map((t) => t.x));
    const ys = new Set(tiles.map((t) => t.y));
    expect(tiles).toHaveLength(xs.size * ys.size);
    expect(tileAt(118.25, 36.13, 11)).toEqual(tiles[0]);
    expect(tileAt(118.95, 35.55, 11)).toEqual(tiles[tiles.length - 1]);
  });
});

describe('gridLevelMinZoom', () => {
  it('shows the top level always, base grids from 12 and each level up two zooms earlier', () => {
    expect([1, 2, 3, 4].map((level) => gridLevelMinZoom(level, 1, 4))).toEqual([0, 8, 10, 12]);
    expect([1, 2, 3, 4, 5].map((level) => gridLevelMinZoom(level, 1, 5))).toEqual([
      0, 6, 8, 10, 12,
    ]);
  });

  it('counts from the configured top and base, as in a three-level deployment', () => {
    expect([1, 2, 3].map((level) => gridLevelMinZoom(level, 1, 3))).toEqual([0, 10, 12]);
  });
});
