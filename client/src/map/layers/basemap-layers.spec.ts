import { describe, expect, it } from '@jest/globals';
import { basemapLayerIds, tiandituLayers, tiandituSources, tiandituTiles } from './basemap-layers';
import { styleErrors } from './maplibre-style.testing';

describe('Tianditu basemaps', () => {
  it('use the Web Mercator (_w) WMTS layers on hosts t0 to t7 with the key', () => {
    const tiles = tiandituTiles('vec', 'k+1');
    expect(tiles).toHaveLength(8);
    expect(tiles.map((t) => new URL(t.replace(/[{}]/g, '')).host)).toEqual(
      [0, 1, 2, 3, 4, 5, 6, 7].map((i) => `t${i}.tianditu.gov.cn`),
    );
    const url = new URL(tiles[0]);
    expect(url.pathname).toBe('/vec_w/wmts');
    expect(url.searchParams.get('TILEMATRIXSET')).toBe('w');
    expect(url.searchParams.get('LAYER')).toBe('vec');
    expect(url.searchParams.get('tk')).toBe('k+1');
    expect(tiles[0]).toContain('TILEMATRIX={z}&TILEROW={y}&TILECOL={x}');
  });

  it('pair each map with its annotation: vector vec + cva, imagery img + cia', () => {
    expect(basemapLayerIds('tianditu-vector')).toEqual([
      'tianditu-vector-vec',
      'tianditu-vector-cva',
    ]);
    expect(basemapLayerIds('tianditu-imagery')).toEqual([
      'tianditu-imagery-img',
      'tianditu-imagery-cia',
    ]);
    expect(basemapLayerIds('none')).toEqual([]);
  });

  it('start hidden and pass MapLibre style validation', () => {
    const layers = tiandituLayers();
    expect(layers.every((l) => l.layout?.visibility === 'none')).toBe(true);
    expect(styleErrors(layers, [], Object.keys(tiandituSources('key')))).toEqual([]);
    expect(layers.map((l) => l.id).sort()).toEqual(
      [...basemapLayerIds('tianditu-vector'), ...basemapLayerIds('tianditu-imagery')].sort(),
    );
  });
});
