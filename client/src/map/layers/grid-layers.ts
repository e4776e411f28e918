import type {
  FillLayerSpecification,
  GridwardenLayerSpecification,
  LineLayerSpecification,
} from './layer-spec.types';

/** How one grid level is drawn. */
export interface GridLevelStyle {
  /** Boundary colour; also the legend swatch. */
  lineColor: string;
  /** Boundary width in pixels at county zoom (~10); it grows with zoom. */
  lineWidth: number;
  lineDash?: [number, number];
  /** Fill shown under the pointer. */
  hoverFill: string;
}

// Coarse levels dark and heavy, fine levels light and thin: nesting reads at a glance.
const COUNTY: GridLevelStyle = { lineColor: '#0f172a', lineWidth: 2.6, hoverFill: '#334155' };
const TOWN: GridLevelStyle = { lineColor: '#4338ca', lineWidth: 1.8, hoverFill: '#6366f1' };
const VILLAGE: GridLevelStyle = { lineColor: '#0f766e', lineWidth: 1.1, hoverFill: '#14b8a6' };
const BASE: GridLevelStyle = {
  lineColor: '#64748b',
  lineWidth: 0.7,
  lineDash: [3, 2],
  hoverFill: '#f59e0b',
};

/** Colour of the territory under the grids, against the map background. */
export const LAND_COLOR = '#ffffff';
export const BACKGROUND_COLOR = '#e6eaf0';

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

export const gridSourceId = (level: number): string => `grids-${level}`;
export const gridFillLayerId = (level: number): string => `grid-fill-${level}`;
export const gridLineLayerId = (level: number): string => `grid-line-${level}`;
export const gridHaloLayerId = (level: number): string => `grid-halo-${level}`;
export const LAND_LAYER_ID = 'grid-land';

const hovered: ['boolean', ['feature-state', string], boolean] = [
  'boolean',
  ['feature-state', 'hover'],
  false,
];

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
    source: gridSourceId(level),
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
    source: gridSourceId(level),
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: {
      'line-color': style.lineColor,
      ...zoomedWidth(style.lineWidth),
      ...(style.lineDash ? { 'line-dasharray': style.lineDash } : {}),
    },
  };
}

/** A soft wide band inside the top level's boundary, so the territory edge stands out. */
export function gridHaloLayer(level: number, levelCount: number): LineLayerSpecification {
  const style = gridLevelStyle(level, levelCount);
  return {
    id: gridHaloLayerId(level),
    type: 'line',
    source: gridSourceId(level),
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': style.lineColor,
      'line-opacity': 0.1,
      'line-width': ['interpolate', ['linear'], ['zoom'], 6, 4, 10, 10, 15, 18],
    },
  };
}

/** The territory itself, painted from the top level's polygons; never toggled off. */
export function landLayer(topLevel: number): FillLayerSpecification {
  return {
    id: LAND_LAYER_ID,
    type: 'fill',
    source: gridSourceId(topLevel),
    paint: { 'fill-color': LAND_COLOR, 'fill-opacity': 1 },
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

/** The layers that show or hide together when a level is toggled. */
export function gridLevelLayerIds(level: number, topLevel: number): string[] {
  const ids = [gridFillLayerId(level), gridLineLayerId(level)];
  return level === topLevel ? [...ids, gridHaloLayerId(level)] : ids;
}
