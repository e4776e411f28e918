import {
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type GeoJSONSource,
  type MapGeoJSONFeature,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection, Geometry, Point } from 'geojson';
import type { EnterpriseMapClass } from './enterprise-class';
import type { GridwardenMapState } from './map-state.types';
import type { Bounds, EnterpriseFeatureProperties, GridFeatureProperties } from './map-features';
import { baseStyle } from './layers/base-style';
import {
  ENTERPRISE_LAYER_ID,
  ENTERPRISE_SOURCE_ID,
  enterpriseLayer,
} from './layers/enterprise-layers';
import {
  gridFillLayerId,
  gridLayerStack,
  gridLevelLayerIds,
  gridSourceId,
} from './layers/grid-layers';

// Bundled apps must say where the worker is; maplibre's default looks beside its own module.
setWorkerUrl(workerUrl);

/** A layer the user can switch: one grid level, or the enterprises. */
export type ToggleableLayer = { kind: 'grids'; level: number } | { kind: 'enterprises' };

export interface HoveredGrid {
  level: number;
  name: string;
  code: string;
  enterpriseCount: number;
}

export interface HoverInfo {
  /** Pointer position in pixels from the map container's top-left corner. */
  x: number;
  y: number;
  /** Grids under the pointer, top level first (only levels that are shown). */
  grids: HoveredGrid[];
  enterprise: { name: string; mapClass: EnterpriseMapClass } | null;
}

export interface MapControllerEvents {
  hover(info: HoverInfo | null): void;
  /** The map itself failed (WebGL unavailable, style error); data errors do not come here. */
  error(error: Error): void;
}

type FeatureRef = { source: string; id: number };

/**
 * The one owner of the MapLibre map: every `map.*` call of the app is in this class.
 * React components hold an instance in a ref and speak to it in domain terms.
 */
export class MapController {
  private readonly map: MapLibreMap;
  private readonly loaded: Promise<void>;
  private levels: number[] = [];
  private readonly gridCountByLevel: Record<number, number> = {};
  private enterpriseCount = 0;
  private hovered: FeatureRef[] = [];
  private pendingPointer: { x: number; y: number } | null = null;
  private frame = 0;
  private destroyed = false;

  constructor(
    container: HTMLElement,
    private readonly events: MapControllerEvents,
  ) {
    this.map = new MapLibreMap({
      container,
      style: baseStyle(),
      center: [110, 35],
      zoom: 3.5,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      fadeDuration: 0,
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.addControl(new NavigationControl({ showCompass: false }), 'bottom-right');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.loaded = new Promise((resolve) => this.map.once('load', () => resolve()));
    this.map.on('error', (event) => this.events.error(new Error(event.error.message)));
    this.map.on('mousemove', (event) => this.schedulePointer(event.point));
    this.map.on('mouseout', () => this.clearHover());
    this.map.on('movestart', () => this.clearHover());
  }

  /** Adds empty sources and the layers of every level, in drawing order. */
  async showGridLevels(levels: readonly number[]): Promise<void> {
    await this.loaded;
    if (this.destroyed) return;
    this.levels = [...levels].sort((a, b) => a - b);
    const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
    for (const level of this.levels) {
      this.map.addSource(gridSourceId(level), { type: 'geojson', data: empty, tolerance: 0.3 });
      this.gridCountByLevel[level] = 0;
    }
    this.map.addSource(ENTERPRISE_SOURCE_ID, { type: 'geojson', data: empty });
    for (const layer of gridLayerStack(this.levels)) this.map.addLayer(layer);
    this.map.addLayer(enterpriseLayer());
  }

  async setGrids(
    level: number,
    grids: FeatureCollection<Geometry, GridFeatureProperties>,
  ): Promise<void> {
    await this.loaded;
    if (this.destroyed) return;
    this.source(gridSourceId(level)).setData(grids);
    this.gridCountByLevel[level] = grids.features.length;
  }

  async setEnterprises(
    enterprises: FeatureCollection<Point, EnterpriseFeatureProperties>,
  ): Promise<void> {
    await this.loaded;
    if (this.destroyed) return;
    this.source(ENTERPRISE_SOURCE_ID).setData(enterprises);
    this.enterpriseCount = enterprises.features.length;
  }

  async fitTo(bounds: Bounds): Promise<void> {
    await this.loaded;
    if (this.destroyed) return;
    // Room on the right for the layer and legend panels.
    this.map.fitBounds(bounds, {
      padding: { top: 48, bottom: 48, left: 48, right: 300 },
      duration: 0,
    });
  }

  setLayerVisible(layer: ToggleableLayer, visible: boolean): void {
    if (this.levels.length === 0) return;
    const ids =
      layer.kind === 'enterprises'
        ? [ENTERPRISE_LAYER_ID]
        : gridLevelLayerIds(layer.level, this.levels[0]);
    for (const id of ids) {
      if (this.map.getLayer(id))
        this.map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
    }
    this.clearHover();
  }

  /** Publishes `window.__gridwarden` once everything set so far has been drawn. */
  markReady(): void {
    this.map.once('idle', () => {
      if (this.destroyed) return;
      const gridCount = Object.values(this.gridCountByLevel).reduce((sum, n) => sum + n, 0);
      const state: GridwardenMapState = {
        ready: true,
        gridCount,
        enterpriseCount: this.enterpriseCount,
        gridCountByLevel: { ...this.gridCountByLevel },
        project: (lon, lat) => {
          const point = this.map.project([lon, lat]);
          return { x: point.x, y: point.y };
        },
      };
      window.__gridwarden = state;
    });
    this.map.triggerRepaint();
  }

  destroy(): void {
    this.destroyed = true;
    cancelAnimationFrame(this.frame);
    if (window.__gridwarden) delete window.__gridwarden;
    this.map.remove();
  }

  private source(id: string): GeoJSONSource {
    const source = this.map.getSource<GeoJSONSource>(id);
    if (!source) throw new Error(`map source ${id} missing: showGridLevels must run first`);
    return source;
  }

  // One hit-test per animation frame, however fast the pointer moves.
  private schedulePointer(point: { x: number; y: number }): void {
    this.pendingPointer = { x: point.x, y: point.y };
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const pointer = this.pendingPointer;
      if (pointer && !this.destroyed) this.hoverAt(pointer);
    });
  }

  private hoverAt(pointer: { x: number; y: number }): void {
    const layers = this.interactiveLayers();
    if (layers.length === 0) return this.clearHover();
    const features = this.map.queryRenderedFeatures([pointer.x, pointer.y], { layers });

    const enterpriseFeature = features.find((f) => f.layer.id === ENTERPRISE_LAYER_ID);
    const gridByLevel = new Map<number, MapGeoJSONFeature>();
    for (const feature of features) {
      const level = (feature.properties as Partial<GridFeatureProperties>).level;
      if (
        feature.layer.id !== ENTERPRISE_LAYER_ID &&
        level !== undefined &&
        !gridByLevel.has(level)
      ) {
        gridByLevel.set(level, feature);
      }
    }
    const gridLevels = [...gridByLevel.keys()].sort((a, b) => a - b);
    const finest =
      gridLevels.length > 0 ? gridByLevel.get(gridLevels[gridLevels.length - 1]) : undefined;

    const next: FeatureRef[] = [];
    if (enterpriseFeature) next.push(featureRef(enterpriseFeature));
    else if (finest) next.push(featureRef(finest));
    this.setHovered(next);

    if (!enterpriseFeature && gridLevels.length === 0) {
      this.events.hover(null);
      this.map.getCanvas().style.cursor = '';
      return;
    }
    this.map.getCanvas().style.cursor = enterpriseFeature ? 'pointer' : '';
    const enterpriseProps = enterpriseFeature?.properties as
      EnterpriseFeatureProperties | undefined;
    this.events.hover({
      x: pointer.x,
      y: pointer.y,
      grids: gridLevels.map((level) => {
        const props = gridByLevel.get(level)!.properties as GridFeatureProperties;
        return {
          level,
          name: props.name,
          code: props.code,
          enterpriseCount: props.enterpriseCount,
        };
      }),
      enterprise: enterpriseProps
        ? { name: enterpriseProps.name, mapClass: enterpriseProps.mapClass }
        : null,
    });
  }

  private interactiveLayers(): string[] {
    const candidates = [...this.levels.map(gridFillLayerId), ENTERPRISE_LAYER_ID];
    return candidates.filter(
      (id) => this.map.getLayer(id) && this.map.getLayoutProperty(id, 'visibility') !== 'none',
    );
  }

  private setHovered(next: FeatureRef[]): void {
    const same =
      next.length === this.hovered.length &&
      next.every(
        (ref, i) => ref.source === this.hovered[i].source && ref.id === this.hovered[i].id,
      );
    if (same) return;
    for (const ref of this.hovered) this.map.setFeatureState(ref, { hover: false });
    for (const ref of next) this.map.setFeatureState(ref, { hover: true });
    this.hovered = next;
  }

  private clearHover(): void {
    this.pendingPointer = null;
    if (this.destroyed) return;
    this.setHovered([]);
    this.map.getCanvas().style.cursor = '';
    this.events.hover(null);
  }
}

function featureRef(feature: MapGeoJSONFeature): FeatureRef {
  return { source: feature.source, id: Number(feature.id) };
}
