import type { FeatureCollection, Geometry } from 'geojson';
import {
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type GeoJSONSource,
  type MapGeoJSONFeature,
  type VectorTileSource,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { PolygonalGeometry, Position } from './draw/geometry';
import { GridDraw, type DrawnShape } from './draw/grid-draw';
import { baseStyle } from './layers/base-style';
import {
  basemapLayerIds,
  BASEMAPS,
  tiandituLayers,
  tiandituSources,
  type Basemap,
} from './layers/basemap-layers';
import {
  ENTERPRISE_CLUSTER_LAYER_ID,
  ENTERPRISE_LAYER_ID,
  ENTERPRISE_LAYER_IDS,
  enterpriseLayerStack,
} from './layers/enterprise-layers';
import {
  gridFillLayerId,
  gridLabelLayerId,
  gridLabelStack,
  gridLayerStack,
  gridLevelLayerIds,
  LAND_LAYER_ID,
} from './layers/grid-layers';
import {
  TILE_SETS,
  tileSource,
  tileUrl,
  VIOLATION_LAYER,
  VIOLATION_SOURCE_ID,
} from './layers/tile-sources';
import {
  gapPattern,
  MAP_VIOLATION_RULES,
  violationAreaLayers,
  violationEnterpriseLayers,
  violationLayerIds,
  type MapViolationRule,
} from './layers/violation-layers';
import { hoverFrom, type Bounds, type HoverInfo, type PointedFeature } from './map-features';
import type { GridwardenMapState, RenderedFeatureCounts } from './map-state.types';
import { tileRequestTransformer } from './tile-request';
import { HIGHLIGHT_SOURCE_ID, highlightLayers } from './layers/highlight-layers';

// Bundled apps must say where the worker is; maplibre's default looks beside its own module.
setWorkerUrl(workerUrl);

/** A layer the user can switch: one grid level, the enterprises, or one violation rule. */
export type ToggleableLayer =
  | { kind: 'grids'; level: number }
  | { kind: 'enterprises' }
  | { kind: 'violations'; rule: MapViolationRule };

export type { HoverInfo } from './map-features';

export interface MapControllerEvents {
  hover(info: HoverInfo | null): void;
  /** The map itself failed (WebGL unavailable, style error, a tile the server could not build). */
  error(error: Error): void;
  /** The server refused the session's token for a tile (expired, revoked): log in again. */
  unauthenticated(): void;
}

export interface MapControllerOptions {
  /** Origin of the Gridwarden server, whose /tiles requests carry the token. */
  origin: string;
  /** The current session token, read for every tile request. */
  token(): string | null;
}

/** What the tiles need to be drawn: levels with the zoom they appear at, and the basemap key. */
export interface TileSetup {
  levels: readonly { level: number; minzoom: number }[];
  /** Deepest zoom the server's tiles are fetched at (then overzoomed). */
  maxzoom: number;
  /** TIANDITU_KEY from the server's /config.json; null: our own data only. */
  tiandituKey: string | null;
  /** Grids per level in the viewer's territory, published on window.__gridwarden. */
  gridCountByLevel: Record<number, number>;
}

type FeatureRef = { source: string; sourceLayer: string; id: number };

/**
 * The one owner of the MapLibre map: every `map.*` call of the app is in this class.
 * React components hold an instance in a ref and speak to it in domain terms.
 */
export class MapController {
  private readonly map: MapLibreMap;
  private readonly loaded: Promise<void>;
  private readonly origin: string;
  private levels: number[] = [];
  private setup: TileSetup | null = null;
  private revision = 0;
  private enterpriseCount = 0;
  private gridCountByLevel: Record<number, number> = {};
  private hovered: FeatureRef[] = [];
  private pendingPointer: { x: number; y: number } | null = null;
  private frame = 0;
  private destroyed = false;
  private readonly clickListeners = new Set<(lon: number, lat: number) => void>();
  private clicksPaused = false;
  private picking = false;
  /** Room the side panels take on the left, kept clear when the map flies somewhere. */
  private leftInset = 0;
  private gridDraw: GridDraw | null = null;

  constructor(
    container: HTMLElement,
    private readonly events: MapControllerEvents,
    options: MapControllerOptions,
  ) {
    this.origin = options.origin;
    this.map = new MapLibreMap({
      container,
      style: baseStyle(),
      center: [110, 35],
      zoom: 3.5,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      fadeDuration: 0,
      transformRequest: tileRequestTransformer(options.origin, options.token),
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.addControl(new NavigationControl({ showCompass: false }), 'bottom-right');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.loaded = new Promise((resolve) => this.map.once('load', () => resolve()));
    this.map.on('error', (event) => {
      const status = (event.error as { status?: number }).status;
      if (status === 401) this.events.unauthenticated();
      else this.events.error(new Error(event.error.message));
    });
    this.map.on('mousemove', (event) => this.schedulePointer(event.point));
    this.map.on('mouseout', () => this.clearHover());
    this.map.on('movestart', () => this.clearHover());
    this.map.on('click', (event) => {
      // clicks that draw, reshape or pick a grid are not questions about the place
      if (this.clicksPaused || this.picking || this.gridDraw?.active) return;
      for (const listener of this.clickListeners) listener(event.lngLat.lng, event.lngLat.lat);
    });
  }

  /** Calls `listener` with the place of every click on the map (not while paused); returns its removal. */
  onMapClick(listener: (lon: number, lat: number) => void): () => void {
    this.clickListeners.add(listener);
    return () => this.clickListeners.delete(listener);
  }

  /** Stops reporting clicks while they belong to something else (drawing). */
  setClicksPaused(paused: boolean): void {
    this.clicksPaused = paused;
  }

  /** Width in pixels the side panels cover on the left, kept clear by flyTo and fitTo. */
  setLeftInset(pixels: number): void {
    this.leftInset = pixels;
  }

  /** Flies to [west, south, east, north], no closer than `maxZoom`. */
  async flyTo(extent: [number, number, number, number], maxZoom = 16): Promise<void> {
    await this.loaded;
    if (this.destroyed) return;
    const [west, south, east, north] = extent;
    this.map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      {
        padding: { top: 60, bottom: 60, left: this.leftInset + 60, right: 300 },
        maxZoom,
        duration: 600,
      },
    );
  }

  /** Outlines one geometry (a grid, a violation, an enterprise) above everything; null clears it. */
  async highlight(geometry: Geometry | null): Promise<void> {
    await this.loaded;
    if (this.destroyed) return;
    const data: FeatureCollection = {
      type: 'FeatureCollection',
      features: geometry ? [{ type: 'Feature', properties: {}, geometry }] : [],
    };
    const source = this.map.getSource<GeoJSONSource>(HIGHLIGHT_SOURCE_ID);
    if (source) return void source.setData(data);
    this.map.addSource(HIGHLIGHT_SOURCE_ID, { type: 'geojson', data });
    for (const layer of highlightLayers()) this.map.addLayer(layer);
  }

  /** Adds the tile sources and every layer, in drawing order. */
  async showTiles(setup: TileSetup): Promise<void> {
    await this.loaded;
    if (this.destroyed) return;
    this.setup = setup;
    this.gridCountByLevel = { ...setup.gridCountByLevel };
    this.levels = setup.levels.map((l) => l.level).sort((a, b) => a - b);
    for (const set of TILE_SETS) {
      this.map.addSource(set, tileSource(this.origin, set, setup.maxzoom));
    }
    if (setup.tiandituKey) {
      for (const [id, source] of Object.entries(tiandituSources(setup.tiandituKey))) {
        this.map.addSource(id, source);
      }
      for (const layer of tiandituLayers()) this.map.addLayer(layer);
    }
    const { id, image, pixelRatio } = gapPattern();
    this.map.addImage(id, image, { pixelRatio });
    for (const layer of [
      ...gridLayerStack(this.levels),
      ...violationAreaLayers(),
      ...enterpriseLayerStack(),
      ...violationEnterpriseLayers(),
      ...gridLabelStack(setup.levels),
    ]) {
      this.map.addLayer(layer);
    }
  }

  async fitTo(bounds: Bounds): Promise<void> {
    await this.loaded;
    if (this.destroyed) return;
    // Room on the right for the layer and legend panels.
    this.map.fitBounds(bounds, {
      padding: { top: 48, bottom: 48, left: this.leftInset + 48, right: 300 },
      duration: 0,
    });
  }

  setLayerVisible(layer: ToggleableLayer, visible: boolean): void {
    if (this.levels.length === 0) return;
    const ids =
      layer.kind === 'enterprises'
        ? ENTERPRISE_LAYER_IDS
        : layer.kind === 'violations'
          ? violationLayerIds(layer.rule)
          : gridLevelLayerIds(layer.level, this.levels[0]);
    for (const id of ids) this.setVisible(id, visible);
    this.clearHover();
  }

  /** Shows one basemap under our data (or none); the white territory fill makes way for it. */
  setBasemap(basemap: Basemap): void {
    if (!this.setup?.tiandituKey) return;
    for (const other of BASEMAPS) {
      for (const id of basemapLayerIds(other)) this.setVisible(id, other === basemap);
    }
    this.setVisible(LAND_LAYER_ID, basemap === 'none');
  }

  /** Fetches every tile again (after an edit): new tile URLs, so no cached tile is reused. */
  refreshTiles(): void {
    if (!this.setup) return;
    this.revision += 1;
    for (const set of TILE_SETS) {
      this.map
        .getSource<VectorTileSource>(set)
        ?.setTiles([tileUrl(this.origin, set, this.revision)]);
    }
  }

  /** Starts drawing a new grid polygon; `listener` hears the shape on every change, null when cleared. */
  async drawPolygon(listener: (shape: DrawnShape | null) => void): Promise<void> {
    await this.loaded;
    if (this.destroyed) return;
    this.gridDraw ??= new GridDraw(this.map);
    this.gridDraw.startPolygon(listener);
  }

  /** Starts drawing a line to split a grid by; `listener` hears it on every change. */
  async drawLine(listener: (shape: DrawnShape | null) => void): Promise<void> {
    await this.loaded;
    if (this.destroyed) return;
    this.gridDraw ??= new GridDraw(this.map);
    this.gridDraw.startLine(listener);
  }

  /** Puts an existing grid's ring on the map to reshape; false when it cannot be edited. */
  async editPolygon(
    ring: Position[],
    listener: (shape: DrawnShape | null) => void,
  ): Promise<boolean> {
    await this.loaded;
    if (this.destroyed) return false;
    this.gridDraw ??= new GridDraw(this.map);
    return this.gridDraw.editPolygon(ring, listener);
  }

  /** Calls `picked` with the id of the deepest grid under the next click on the map. */
  pickGrid(picked: (gridId: string | null) => void): void {
    this.map.getCanvas().style.cursor = 'crosshair';
    this.picking = true;
    this.map.once('click', (event) => {
      this.picking = false;
      this.map.getCanvas().style.cursor = '';
      for (const level of [...this.levels].reverse()) {
        const layer = gridFillLayerId(level);
        if (!this.map.getLayer(layer)) continue;
        const [hit] = this.map.queryRenderedFeatures(event.point, { layers: [layer] });
        const id: unknown = hit?.properties.id ?? hit?.id;
        if (id !== undefined && id !== null) return picked(String(id));
      }
      picked(null);
    });
  }

  /** The neighbours' boundaries a drawing or reshape snaps to (parent, siblings); [] for none. */
  async setSnapTargets(geometries: readonly PolygonalGeometry[]): Promise<void> {
    await this.loaded;
    if (this.destroyed) return;
    this.gridDraw ??= new GridDraw(this.map);
    this.gridDraw.setSnapTargets(geometries);
  }

  /** Takes back the drawing's last step (see GridDraw.undo); false when there is none. */
  undoDrawing(): boolean {
    return this.gridDraw?.undo() ?? false;
  }

  /** Marks where a drawing crosses itself (`self`) or leaves its parent (`outside`). */
  showDrawProblems(points: readonly { at: Position; kind: 'self' | 'outside' }[]): void {
    this.gridDraw?.showProblems(points);
  }

  /** West, south, east, north of what the map shows now. */
  viewBounds(): [number, number, number, number] {
    const bounds = this.map.getBounds();
    return [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()];
  }

  /** Calls `listener` whenever the map comes to rest after a move; returns its removal. */
  onViewChange(listener: () => void): () => void {
    this.map.on('moveend', listener);
    return () => void this.map.off('moveend', listener);
  }

  /** Removes the drawing and the edit preview (cancel, or after a save). */
  clearDrawing(): void {
    this.gridDraw?.clear();
  }

  /** Shows what an edit would do (features with `properties.role`: result, added, removed, moved). */
  showEditPreview(features: FeatureCollection): void {
    this.gridDraw?.showPreview(features);
  }

  /** Enterprises in the viewer's territory, for window.__gridwarden (known after the tiles start). */
  setEnterpriseCount(count: number): void {
    this.enterpriseCount = count;
  }

  /** Grids per level in the viewer's territory, for window.__gridwarden (again after an edit). */
  setGridCounts(byLevel: Record<number, number>): void {
    this.gridCountByLevel = { ...byLevel };
  }

  /** Resolves once the tiles in view are drawn, and publishes `window.__gridwarden` then. */
  whenDrawn(): Promise<void> {
    return new Promise((resolve) =>
      this.map.once('idle', () => {
        resolve();
        if (this.destroyed || !this.setup) return;
        const state: GridwardenMapState = {
          ready: true,
          readyAt: performance.now(),
          gridCount: 0,
          enterpriseCount: 0,
          gridCountByLevel: {},
          view: () => {
            const { lng, lat } = this.map.getCenter();
            return { lon: lng, lat, zoom: this.map.getZoom() };
          },
          project: (lon, lat) => {
            const point = this.map.project([lon, lat]);
            return { x: point.x, y: point.y };
          },
          renderedFeatures: () => this.renderedFeatures(),
          loadedViolations: (rule) => this.loadedViolations(rule),
          drawnShape: () => this.gridDraw?.shape()?.ring.map(([x, y]) => [x, y]) ?? null,
          jumpTo: (lon, lat, zoom) =>
            new Promise((resolve) => {
              this.map.jumpTo({ center: [lon, lat], zoom });
              this.map.once('idle', () => resolve());
            }),
        };
        // the counts arrive after the tiles start, and change with edits: read when asked
        Object.defineProperties(state, {
          enterpriseCount: { get: () => this.enterpriseCount, enumerable: true },
          gridCountByLevel: { get: () => ({ ...this.gridCountByLevel }), enumerable: true },
          gridCount: {
            get: () => Object.values(this.gridCountByLevel).reduce((sum, n) => sum + n, 0),
            enumerable: true,
          },
        });
        window.__gridwarden = state;
      }),
    );
  }

  destroy(): void {
    this.destroyed = true;
    cancelAnimationFrame(this.frame);
    if (window.__gridwarden) delete window.__gridwarden;
    this.gridDraw?.destroy();
    this.map.remove();
  }

  private setVisible(layerId: string, visible: boolean): void {
    if (this.map.getLayer(layerId)) {
      this.map.setLayoutProperty(layerId, 'visibility', visible ? 'visible' : 'none');
    }
  }

  private renderedFeatures(): RenderedFeatureCounts {
    const count = (layers: string[]) =>
      this.map.queryRenderedFeatures({ layers: layers.filter((id) => this.map.getLayer(id)) });
    // Polygons cut by tile edges come once per tile: count distinct ids.
    const distinct = (features: MapGeoJSONFeature[]) => new Set(features.map((f) => f.id)).size;
    const gridsByLevel = Object.fromEntries(
      this.levels.map((level) => [level, distinct(count([gridFillLayerId(level)]))]),
    );
    const clusters = count([ENTERPRISE_CLUSTER_LAYER_ID]);
    const violationsByRule = Object.fromEntries(
      MAP_VIOLATION_RULES.map((rule) => [rule, distinct(count(violationLayerIds(rule)))]),
    );
    return {
      gridsByLevel,
      gridLabels: count(this.levels.map(gridLabelLayerId)).length,
      enterprises: distinct(count([ENTERPRISE_LAYER_ID])),
      clusters: clusters.length,
      clusteredEnterprises: clusters.reduce((sum, f) => sum + Number(f.properties.count), 0),
      violationsByRule,
    };
  }

  private loadedViolations(rule: string): { id: number; lon: number; lat: number }[] {
    const found = new Map<number, { id: number; lon: number; lat: number }>();
    for (const feature of this.map.querySourceFeatures(VIOLATION_SOURCE_ID, {
      sourceLayer: VIOLATION_LAYER,
      filter: ['==', ['get', 'rule'], rule],
    })) {
      const geometry = feature.geometry;
      const [lon, lat] =
        geometry.type === 'Point'
          ? geometry.coordinates
          : geometry.type === 'Polygon'
            ? geometry.coordinates[0][0]
            : geometry.type === 'MultiPolygon'
              ? geometry.coordinates[0][0][0]
              : [NaN, NaN];
      if (Number.isFinite(lon)) found.set(Number(feature.id), { id: Number(feature.id), lon, lat });
    }
    return [...found.values()].sort((a, b) => a.id - b.id);
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
    const kinds = this.interactiveLayers();
    const layers = [...kinds.keys()];
    if (layers.length === 0) return this.clearHover();
    const rendered = this.map.queryRenderedFeatures([pointer.x, pointer.y], { layers });
    const pointed = rendered.map((f): PointedFeature & { feature: MapGeoJSONFeature } => ({
      kind: kinds.get(f.layer.id)!,
      id: typeof f.id === 'number' ? f.id : undefined,
      properties: f.properties,
      feature: f,
    }));
    const hover = hoverFrom(pointer, pointed);
    const highlight = hover?.highlight as (PointedFeature & { feature: MapGeoJSONFeature }) | null;
    this.setHovered(highlight && highlight.id !== undefined ? [featureRef(highlight.feature)] : []);
    this.map.getCanvas().style.cursor = hover?.info.enterprise ? 'pointer' : '';
    this.events.hover(hover?.info ?? null);
  }

  /** Visible layers the pointer answers to, and what they show. */
  private interactiveLayers(): Map<string, PointedFeature['kind']> {
    const candidates: [string, PointedFeature['kind']][] = [
      ...this.levels.map((level): [string, 'grid'] => [gridFillLayerId(level), 'grid']),
      [ENTERPRISE_LAYER_ID, 'enterprise'],
      ...MAP_VIOLATION_RULES.flatMap((rule) =>
        violationLayerIds(rule).map((id): [string, 'violation'] => [id, 'violation']),
      ),
    ];
    return new Map(
      candidates.filter(
        ([id]) => this.map.getLayer(id) && this.map.getLayoutProperty(id, 'visibility') !== 'none',
      ),
    );
  }

  private setHovered(next: FeatureRef[]): void {
    const same =
      next.length === this.hovered.length &&
      next.every(
        (ref, i) =>
          ref.source === this.hovered[i].source &&
          ref.sourceLayer === this.hovered[i].sourceLayer &&
          ref.id === this.hovered[i].id,
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

// Features of vector tiles always name their source layer.
function featureRef(feature: MapGeoJSONFeature): FeatureRef {
  return { source: feature.source, sourceLayer: feature.sourceLayer ?? '', id: Number(feature.id) };
}
