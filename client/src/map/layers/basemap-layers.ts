import type { RasterLayerSpecification, RasterSourceSpecification } from './layer-spec.types';

/** Our own data alone (works offline), or Tianditu's vector or imagery map under it. */
export const BASEMAPS = ['none', 'tianditu-vector', 'tianditu-imagery'] as const;
export type Basemap = (typeof BASEMAPS)[number];

// Web Mercator ("_w") layers: the map itself and its Chinese annotation on top.
const TIANDITU_LAYERS: Record<Exclude<Basemap, 'none'>, [string, string]> = {
  'tianditu-vector': ['vec', 'cva'],
  'tianditu-imagery': ['img', 'cia'],
};

const sourceId = (layer: string) => `tianditu-${layer}`;

/**
 * Tianditu (天地图) WMTS tile URLs of one layer over the t0–t7 hosts.
 * @example tiandituTiles('vec', 'KEY')[0] // 'https://t0.tianditu.gov.cn/vec_w/wmts?…&tk=KEY'
 */
export function tiandituTiles(layer: string, key: string): string[] {
  return Array.from(
    { length: 8 },
    (_, i) =>
      `https://t${i}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0` +
      `&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles` +
      `&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(key)}`,
  );
}

/** The raster sources of both Tianditu basemaps. */
export function tiandituSources(key: string): Record<string, RasterSourceSpecification> {
  return Object.fromEntries(
    Object.values(TIANDITU_LAYERS)
      .flat()
      .map((layer) => [
        sourceId(layer),
        {
          type: 'raster',
          tiles: tiandituTiles(layer, key),
          tileSize: 256,
          maxzoom: 18,
          attribution: '© 天地图 Tianditu',
        } satisfies RasterSourceSpecification,
      ]),
  );
}

/** Raster layers of every Tianditu basemap, hidden until chosen. */
export function tiandituLayers(): RasterLayerSpecification[] {
  return Object.entries(TIANDITU_LAYERS).flatMap(([basemap, layers]) =>
    layers.map((layer): RasterLayerSpecification => ({
      id: basemapLayerId(basemap as Basemap, layer),
      type: 'raster',
      source: sourceId(layer),
      layout: { visibility: 'none' },
    })),
  );
}

const basemapLayerId = (basemap: Basemap, layer: string) => `${basemap}-${layer}`;

/** The layers to show for a basemap (none for our own data alone). */
export function basemapLayerIds(basemap: Basemap): string[] {
  return basemap === 'none' ? [] : TIANDITU_LAYERS[basemap].map((l) => basemapLayerId(basemap, l));
}
