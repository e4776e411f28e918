import type {
  FillLayerSpecification,
  GridwardenLayerSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
} from './layer-spec.types';
import { GRID_LABEL_LAYER, GRID_LAYER, GRID_SOURCE_ID } from './tile-sources';

/** How one grid level is drawn. */
export interface GridLevelStyle {
  /** Boundary colour; also the legend swatch. */
  lineColor: string;
  /** Boundary width in pixels at county zoom (~10); it grows with zoom. */
  lineWidth: number;
  lineDash?: [number, number];
  /** Fill shown under the pointer. */
  hoverFill: string;
  /** Label size in pixels. */
  labelSize: number;
}

// Coarse levels dark and heavy, fine levels light and thin: nesting reads at a glance.
const COUNTY: GridLevelStyle = {
  lineColor: '#0f172a',
  lineWidth: 2.6,
  hoverFill: '#334155',
  labelSize: 17,
};
const TOWN: GridLevelStyle = {
  lineColor: '#4338ca',
  lineWidth: 1.8,
  hoverFill: '#6366f1',
  labelSize: 14,
};
const VILLAGE: GridLevelStyle = {
  lineColor: '#0f766e',
  lineWidth: 1.1,
  hoverFill: '#14b8a6',
  labelSize: 12,
};
const BASE: GridLevelStyle = {
  lineColor: '#64748b',
  lineWidth: 0.7,
  lineDash: [3, 2],
  hoverFill: '#f59e0b',
  labelSize: 11,
};

/** Colour of the territory under the grids, against the map background. */
export const LAND_COLOR = '#ffffff';
export const BACKGROUND_COLOR = '#e6eaf0';

/**
 * Fonts for labels, drawn in the browser (the style has no glyph server, so it works
 * offline): the usual Chinese UI fonts of Windows, macOS and Linux, then any sans-serif.
 */
export const LABEL_FONTS = [
  'Microsoft YaHei',
  'PingFang SC',
  'Noto Sans CJK SC',
  'WenQuanYi Micro Hei',
];

/**
 * The style of a level, given how many levels the deployment has: level 1 is drawn as
 * the top (county), the last level as the base grid, levels between as town and village.
 * Levels are configuration (seed 003 has four, seed 000 three), so this never assumes four.
 * @example gridLevelStyle(3, 3) === gridLevelStyle(4, 4) // both base grids
 */
export function gridLevelStyle(level: number, levelCount: number): GridLevelStyle {
  if (level <= 1) return COUNTY;
  if (level >= levelCount) return BASE;
  return level === 2 ? TOWN : VILLAGE;
}

export const gridFillLayerId = (level: number): string => `grid-fill-${level}`;
export const gridLineLayerId = (level: number): string => `grid-line-${level}`;
export const gridHaloLayerId = (level: number): string => `grid-halo-${level}`;
export const gridLabelLayerId = (level: number): string => `grid-label-${level}`;
export const LAND_LAYER_ID = 'grid-land';
const TOP_LABEL_MAX_ZOOM = 8;

/** Widest line a polygon layer may draw: the tiles' buffer is 64 of 4096 units = 8 px each side. */
export const HALO_MAX_WIDTH = 14;

const hovered: ['boolean', ['feature-state', string], boolean] = [
  'boolean',
  ['feature-state', 'hover'],
  false,
];

const ofLevel = (level: number): ['==', ['get', string], number] => ['==', ['get', 'level'], level];

/** Where one level's grids come from: the grid tiles' `grids` layer, filtered by level. */
function levelSource(level: number) {
  return { source: GRID_SOURCE_ID, 'source-layer': GRID_LAYER, filter: ofLevel(level) };
}

/** Width that grows with zoom: thin at province scale, comfortable when zoomed in. */
function zoomedWidth(width: number): LineLayerSpecification['paint'] {
  return {
    'line-width': ['interpolate', ['linear'], ['zoom'], 6, width * 0.5, 10, width, 15, width * 2],
  };
}

/** The pointer-highlight fill of a level; transparent until a feature is hovered. */
export function gridFillLayer(level: number, levelCount: number): FillLayerSpecification {
  const style = gridLevelStyle(level, levelCount);
  return {
    id: gridFillLayerId(level),
    type: 'fill',
    ...levelSource(level),
    paint: {
      'fill-color': style.hoverFill,
      // An invisible fill still answers queryRenderedFeatures, which drives the hover.
      'fill-opacity': ['case', hovered, 0.22, 0],
    },
  };
}

export function gridLineLayer(level: number, levelCount: number): LineLayerSpecification {
  const style = gridLevelStyle(level, levelCount);
  return {
    id: gridLineLayerId(level),
    type: 'line',
    ...levelSource(level),
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: {
      'line-color': style.lineColor,
      ...zoomedWidth(style.lineWidth),
      ...(style.lineDash ? { 'line-dasharray': style.lineDash } : {}),
    },
  };
}

/**
 * A soft wide band along the top level's boundary, so the territory edge stands out. At most
 * 14 px wide: half of it must stay inside the tiles' 8 px buffer, or the band drawn along a
 * tile's clipped edge would show as a seam.
 */
export function gridHaloLayer(level: number, levelCount: number): LineLayerSpecification {
  const style = gridLevelStyle(level, levelCount);
  return {
    id: gridHaloLayerId(level),
    type: 'line',
    ...levelSource(level),
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': style.lineColor,
      'line-opacity': 0.1,
      'line-width': ['interpolate', ['linear'], ['zoom'], 6, 4, 10, 10, 15, HALO_MAX_WIDTH],
    },
  };
}

/** The territory itself, painted from the top level's polygons; hidden under a basemap. */
export function landLayer(topLevel: number): FillLayerSpecification {
  return {
    id: LAND_LAYER_ID,
    type: 'fill',
    ...levelSource(topLevel),
    paint: { 'fill-color': LAND_COLOR, 'fill-opacity': 1 },
  };
}

/**
 * A level's names, from the zoom after its grids appear (minzoom, from the grid TileJSON)
 * for five zooms; the finest level keeps them all the way in; the top level's one name
 * only zoomed out (below 8), where it is the whole map.
 */
export function gridLabelLayer(
  level: number,
  levelCount: number,
  minzoom: number,
): SymbolLayerSpecification {
  const style = gridLevelStyle(level, levelCount);
  const from = level <= 1 ? 0 : minzoom + 1;
  return {
    id: gridLabelLayerId(level),
    type: 'symbol',
    source: GRID_SOURCE_ID,
    'source-layer': GRID_LABEL_LAYER,
    filter: ofLevel(level),
    minzoom: from,
    ...(level < levelCount ? { maxzoom: level <= 1 ? TOP_LABEL_MAX_ZOOM : from + 5 } : {}),
    layout: {
      'text-field': ['get', 'name'],
      'text-font': level <= 2 ? [`${LABEL_FONTS[0]} Bold`, ...LABEL_FONTS.slice(1)] : LABEL_FONTS,
      'text-size': style.labelSize,
      'text-max-width': 8,
      'text-padding': 4,
    },
    paint: {
      'text-color': style.lineColor,
      'text-halo-color': '#ffffff',
      'text-halo-width': 1.6,
      'text-halo-blur': 0.5,
    },
  };
}

/**
 * Every grid layer in drawing order, bottom first: land, hover fills, then boundaries
 * from the finest level up, so a county boundary is never painted over by a base grid's.
 */
export function gridLayerStack(levels: readonly number[]): GridwardenLayerSpecification[] {
  if (levels.length === 0) return [];
  const ascending = [...levels].sort((a, b) => a - b);
  const levelCount = ascending[ascending.length - 1];
  const top = ascending[0];
  return [
    landLayer(top),
    ...ascending.map((level) => gridFillLayer(level, levelCount)),
    gridHaloLayer(top, levelCount),
    ...[...ascending].reverse().map((level) => gridLineLayer(level, levelCount)),
  ];
}

/**
 * The labels of every level, to go above everything else; coarser levels last, so they
 * are placed first and win where labels collide.
 */
export function gridLabelStack(
  levels: readonly { level: number; minzoom: number }[],
): SymbolLayerSpecification[] {
  const descending = [...levels].sort((a, b) => b.level - a.level);
  const levelCount = descending[0]?.level ?? 0;
  return descending.map(({ level, minzoom }) => gridLabelLayer(level, levelCount, minzoom));
}

/** The layers that show or hide together when a level is toggled. */
export function gridLevelLayerIds(level: number, topLevel: number): string[] {
  const ids = [gridFillLayerId(level), gridLineLayerId(level), gridLabelLayerId(level)];
  return level === topLevel ? [...ids, gridHaloLayerId(level)] : ids;
}
