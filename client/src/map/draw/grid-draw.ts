import type { Map as MapLibreMap, GeoJSONSource } from 'maplibre-gl';
import {
  TerraDraw,
  TerraDrawLineStringMode,
  TerraDrawPolygonMode,
  TerraDrawRenderMode,
  TerraDrawSelectMode,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { FeatureCollection } from 'geojson';
import type { Position } from './geometry';

/** The drawn ring (or a split's line) as it is now, and whether the planner has finished it. */
export interface DrawnShape {
  kind: 'polygon' | 'line';
  ring: Position[];
  finished: boolean;
}

export const PREVIEW_SOURCE_ID = 'edit-preview';

const MODE_POLYGON = 'polygon';
const MODE_LINE = 'linestring';
const MODE_IDLE = 'idle';
const MODE_SELECT = 'select';

/**
 * terra-draw on the MapLibre map, and the preview overlay: owned by MapController, so components
 * never touch terra-draw or maplibre. One drawing at a time.
 */
export class GridDraw {
  private readonly draw: TerraDraw;
  private listener: ((shape: DrawnShape | null) => void) | null = null;
  private finished = false;

  constructor(private readonly map: MapLibreMap) {
    this.draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map }),
      modes: [
        new TerraDrawPolygonMode({
          styles: {
            fillColor: '#f59e0b',
            fillOpacity: 0.25,
            outlineColor: '#b45309',
            outlineWidth: 2,
            closingPointColor: '#b45309',
            closingPointWidth: 6,
          },
        }),
        new TerraDrawLineStringMode({
          styles: { lineStringColor: '#b45309', lineStringWidth: 3, closingPointColor: '#b45309' },
        }),
        new TerraDrawSelectMode({
          flags: {
            polygon: {
              feature: {
                draggable: false,
                coordinates: { midpoints: true, draggable: true, deletable: true },
              },
            },
          },
        }),
        new TerraDrawRenderMode({ modeName: MODE_IDLE, styles: {} }),
      ],
    });
    this.draw.start();
    this.draw.setMode(MODE_IDLE);
    this.draw.on('change', () => this.emit());
    this.draw.on('finish', () => {
      this.finished = true;
      // stop drawing: one polygon per edit
      this.draw.setMode(MODE_IDLE);
      this.emit();
    });
    map.addSource(PREVIEW_SOURCE_ID, { type: 'geojson', data: emptyCollection() });
    map.addLayer({
      id: 'edit-preview-fill',
      type: 'fill',
      source: PREVIEW_SOURCE_ID,
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: {
        'fill-color': [
          'match',
          ['get', 'role'],
          'removed',
          '#16a34a',
          'added',
          '#dc2626',
          '#2563eb',
        ],
        'fill-opacity': ['match', ['get', 'role'], 'result', 0.15, 0.45],
      },
    });
    map.addLayer({
      id: 'edit-preview-line',
      type: 'line',
      source: PREVIEW_SOURCE_ID,
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: {
        'line-color': [
          'match',
          ['get', 'role'],
          'removed',
          '#15803d',
          'added',
          '#b91c1c',
          '#1d4ed8',
        ],
        'line-width': ['match', ['get', 'role'], 'result', 3, 2],
        'line-dasharray': [2, 1],
      },
    });
    map.addLayer({
      id: 'edit-preview-points',
      type: 'circle',
      source: PREVIEW_SOURCE_ID,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': ['match', ['get', 'role'], 'moved', 7, 5],
        'circle-color': [
          'match',
          ['get', 'role'],
          'moved',
          '#7c3aed',
          'removed',
          '#16a34a',
          '#dc2626',
        ],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    });
  }

  /** Starts drawing a new polygon (clearing any previous one); listener hears every change. */
  startPolygon(listener: (shape: DrawnShape | null) => void): void {
    this.clear();
    this.listener = listener;
    this.draw.setMode(MODE_POLYGON);
  }

  /** Starts drawing a split's line (double-click or click its last point again to finish). */
  startLine(listener: (shape: DrawnShape | null) => void): void {
    this.clear();
    this.listener = listener;
    this.draw.setMode(MODE_LINE);
  }

  /**
   * Puts an existing ring on the map for reshaping (drag vertices, drag a midpoint to add one,
   * right-click to delete one); listener hears every change. False when terra-draw refuses it.
   */
  editPolygon(ring: Position[], listener: (shape: DrawnShape | null) => void): boolean {
    this.clear();
    const [result] = this.draw.addFeatures([
      {
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates: [ring.map(([x, y]) => [x, y])] },
        properties: { mode: MODE_POLYGON },
      },
    ]);
    if (!result?.valid) return false;
    this.finished = true;
    this.listener = listener;
    this.draw.setMode(MODE_SELECT);
    this.draw.selectFeature(result.id as string);
    this.emit();
    return true;
  }

  /** Whether a drawing or a reshape is under way (its clicks are not the map's). */
  get active(): boolean {
    return this.draw.getMode() !== MODE_IDLE;
  }

  /** Removes the drawing and the preview, and stops drawing. */
  clear(): void {
    this.finished = false;
    this.draw.setMode(MODE_IDLE);
    this.draw.clear();
    this.showPreview(emptyCollection());
    const listener = this.listener;
    this.listener = null;
    listener?.(null);
  }

  showPreview(features: FeatureCollection): void {
    this.map.getSource<GeoJSONSource>(PREVIEW_SOURCE_ID)?.setData(features);
  }

  destroy(): void {
    this.listener = null;
    if (this.draw.enabled) this.draw.stop();
  }

  private emit(): void {
    if (!this.listener) return;
    for (const feature of this.draw.getSnapshot()) {
      const { geometry } = feature;
      if (geometry.type === 'Polygon') {
        const ring = geometry.coordinates[0].map(([x, y]) => [x, y] as Position);
        return this.listener({ kind: 'polygon', ring, finished: this.finished });
      }
      if (geometry.type === 'LineString') {
        const ring = geometry.coordinates.map(([x, y]) => [x, y] as Position);
        return this.listener({ kind: 'line', ring, finished: this.finished });
      }
    }
    this.listener(null);
  }
}

function emptyCollection(): FeatureCollection {
  return { type: 'FeatureCollection', features: [] };
}
