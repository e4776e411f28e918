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
import type { PolygonalGeometry, Position, Ring } from './geometry';
import { ShapeHistory } from './shape-history';
import { metresPerPixel, snapPosition, snapRings } from './snap';

/** The drawn ring (or a split's line) as it is now, and whether the planner has finished it. */
export interface DrawnShape {
  kind: 'polygon' | 'line';
  ring: Position[];
  finished: boolean;
  /** Whether undo has a step to take back (a corner placed, dragged, added or deleted). */
  canUndo: boolean;
}

export const PREVIEW_SOURCE_ID = 'edit-preview';
/** Points where the live checks found a problem (crossing itself, leaving the parent). */
export const PROBLEMS_SOURCE_ID = 'edit-problems';
/** How near, in screen pixels, a corner must come to a neighbour's corner or edge to snap to it. */
export const SNAP_PIXELS = 12;

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
  private readonly polygonMode: TerraDrawPolygonMode;
  private readonly lineMode: TerraDrawLineStringMode;
  private listener: ((shape: DrawnShape | null) => void) | null = null;
  private finished = false;
  /** The polygon being reshaped (after it was drawn, or an existing grid's). */
  private featureId: string | null = null;
  /** Finished steps of the polygon, to undo before saving. */
  private readonly history = new ShapeHistory();
  private snapTargets: Ring[] = [];

  constructor(private readonly map: MapLibreMap) {
    const snapping = { toCustom: (event: { lng: number; lat: number }) => this.snap(event) };
    const snappingPoint = {
      snappingPointColor: '#db2777',
      snappingPointWidth: 6,
      snappingPointOutlineColor: '#ffffff',
      snappingPointOutlineWidth: 2,
    } as const;
    this.polygonMode = new TerraDrawPolygonMode({
      snapping,
      styles: {
        fillColor: '#f59e0b',
        fillOpacity: 0.25,
        outlineColor: '#b45309',
        outlineWidth: 2,
        closingPointColor: '#b45309',
        closingPointWidth: 6,
        ...snappingPoint,
      },
    });
    this.lineMode = new TerraDrawLineStringMode({
      snapping,
      styles: {
        lineStringColor: '#b45309',
        lineStringWidth: 3,
        closingPointColor: '#b45309',
        ...snappingPoint,
      },
    });
    this.draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map }),
      modes: [
        this.polygonMode,
        this.lineMode,
        new TerraDrawSelectMode({
          flags: {
            polygon: {
              feature: {
                draggable: false,
                coordinates: {
                  midpoints: true,
                  draggable: true,
                  deletable: true,
                  snappable: snapping,
                },
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
    this.draw.on('finish', (id, context) => {
      if (context.mode === MODE_SELECT) {
        // a corner dragged, added or deleted: one step to undo
        const ring = this.currentRing();
        if (ring) this.history.push(ring);
        return this.emit();
      }
      this.finished = true;
      if (context.mode === MODE_POLYGON) {
        // the drawn polygon can be reshaped (and its steps undone) until it is saved
        this.select(String(id));
      } else {
        this.draw.setMode(MODE_IDLE);
      }
      this.emit();
    });
    map.addSource(PROBLEMS_SOURCE_ID, { type: 'geojson', data: emptyCollection() });
    map.addLayer({
      id: 'edit-problems',
      type: 'circle',
      source: PROBLEMS_SOURCE_ID,
      paint: {
        'circle-radius': 7,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': ['match', ['get', 'kind'], 'self', '#dc2626', '#7e22ce'],
        'circle-stroke-width': 3,
      },
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
    this.select(String(result.id));
    this.emit();
    return true;
  }

  /** What the drawing may snap to: the neighbours' boundaries (parent, siblings). */
  setSnapTargets(geometries: readonly PolygonalGeometry[]): void {
    this.snapTargets = snapRings(geometries);
  }

  /**
   * Takes back the last step: the last corner placed while drawing, else the last drag, added
   * or deleted corner of a reshape (back to the shape it started from). False when there is none.
   */
  undo(): boolean {
    const mode = this.draw.getMode();
    if (mode === MODE_POLYGON || mode === MODE_LINE) {
      const drawing = mode === MODE_POLYGON ? this.polygonMode : this.lineMode;
      if (drawing.undoSize() === 0) return false;
      drawing.undo();
      this.emit();
      return true;
    }
    const previous = this.history.undo();
    if (!previous || !this.featureId) return false;
    const id = this.featureId;
    // the selection's corner handles follow the geometry only when selected afresh
    if (mode === MODE_SELECT) this.draw.deselectFeature(id);
    this.draw.updateFeatureGeometry(id, {
      type: 'Polygon',
      coordinates: [previous.map(([x, y]) => [x, y])],
    });
    this.select(id);
    this.emit();
    return true;
  }

  /** Marks where the live checks found problems: `self` crossings and `outside` the parent. */
  showProblems(points: readonly { at: Position; kind: 'self' | 'outside' }[]): void {
    this.map.getSource<GeoJSONSource>(PROBLEMS_SOURCE_ID)?.setData({
      type: 'FeatureCollection',
      features: points.map(({ at, kind }) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [at[0], at[1]] },
        properties: { kind },
      })),
    });
  }

  /** Whether a drawing or a reshape is under way (its clicks are not the map's). */
  get active(): boolean {
    return this.draw.getMode() !== MODE_IDLE;
  }

  /** Removes the drawing and the preview, and stops drawing. */
  clear(): void {
    this.finished = false;
    this.featureId = null;
    this.history.reset(null);
    this.draw.setMode(MODE_IDLE);
    this.draw.clear();
    this.showPreview(emptyCollection());
    this.showProblems([]);
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

  /** Selects the polygon for reshaping; a new selection starts its undo history. */
  private select(id: string): void {
    const fresh = this.featureId !== id;
    this.featureId = id;
    this.draw.setMode(MODE_SELECT);
    this.draw.selectFeature(id);
    const ring = this.currentRing();
    if (fresh) this.history.reset(ring);
  }

  private currentRing(): Position[] | null {
    if (!this.featureId) return null;
    const geometry = this.draw.getSnapshotFeature(this.featureId)?.geometry;
    return geometry?.type === 'Polygon'
      ? geometry.coordinates[0].map(([x, y]) => [x, y] as Position)
      : null;
  }

  /** terra-draw's custom snapping: a neighbour's corner, else edge, within SNAP_PIXELS. */
  private snap(event: { lng: number; lat: number }): [number, number] | undefined {
    if (this.snapTargets.length === 0) return undefined;
    const tolerance = SNAP_PIXELS * metresPerPixel(event.lat, this.map.getZoom());
    const snapped = snapPosition([event.lng, event.lat], this.snapTargets, tolerance);
    return snapped ? [snapped.position[0], snapped.position[1]] : undefined;
  }

  private emit(): void {
    this.listener?.(this.shape());
  }

  /** The shape drawn now (the first polygon or line of the drawing), null when none. */
  shape(): DrawnShape | null {
    const mode = this.draw.getMode();
    const canUndo =
      mode === MODE_POLYGON
        ? this.polygonMode.undoSize() > 0
        : mode === MODE_LINE
          ? this.lineMode.undoSize() > 0
          : this.history.canUndo;
    for (const feature of this.draw.getSnapshot()) {
      const { geometry } = feature;
      if (geometry.type === 'Polygon') {
        const ring = geometry.coordinates[0].map(([x, y]) => [x, y] as Position);
        return { kind: 'polygon', ring, finished: this.finished, canUndo };
      }
      if (geometry.type === 'LineString') {
        const ring = geometry.coordinates.map(([x, y]) => [x, y] as Position);
        return { kind: 'line', ring, finished: this.finished, canUndo };
      }
    }
    return null;
  }
}

function emptyCollection(): FeatureCollection {
  return { type: 'FeatureCollection', features: [] };
}
