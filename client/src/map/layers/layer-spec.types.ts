import type { AddLayerObject, MapOptions, SourceSpecification } from 'maplibre-gl';

// Type-only: the style builders stay free of maplibre-gl at runtime, so specs run in Node.
type LayerSpecification = Exclude<AddLayerObject, { source: object }>;
export type FillLayerSpecification = Extract<LayerSpecification, { type: 'fill' }>;
export type LineLayerSpecification = Extract<LayerSpecification, { type: 'line' }>;
export type CircleLayerSpecification = Extract<LayerSpecification, { type: 'circle' }>;
export type SymbolLayerSpecification = Extract<LayerSpecification, { type: 'symbol' }>;
export type RasterLayerSpecification = Extract<LayerSpecification, { type: 'raster' }>;
export type BackgroundLayerSpecification = Extract<LayerSpecification, { type: 'background' }>;
export type GridwardenLayerSpecification =
  | FillLayerSpecification
  | LineLayerSpecification
  | CircleLayerSpecification
  | SymbolLayerSpecification
  | RasterLayerSpecification;
export type StyleSpecification = Exclude<MapOptions['style'], string | undefined>;
export type VectorSourceSpecification = Extract<SourceSpecification, { type: 'vector' }>;
export type RasterSourceSpecification = Extract<SourceSpecification, { type: 'raster' }>;
