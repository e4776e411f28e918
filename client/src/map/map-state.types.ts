/** Features drawn on screen right now, per layer group (from queryRenderedFeatures). */
export interface RenderedFeatureCounts {
  gridsByLevel: Record<number, number>;
  gridLabels: number;
  enterprises: number;
  clusters: number;
  /** Enterprises the drawn clusters stand for. */
  clusteredEnterprises: number;
  violationsByRule: Record<string, number>;
}

/** What the page exposes on `window.__gridwarden` once the map is drawn: for E2E tests and support. */
export interface GridwardenMapState {
  ready: boolean;
  /** ms from navigation start until the first map with grid tiles was drawn. */
  readyAt: number;
  /** In the viewer's territory, from the TileJSON documents. */
  gridCount: number;
  enterpriseCount: number;
  gridCountByLevel: Record<number, number>;
  /** The map's centre and zoom now. */
  view(): { lon: number; lat: number; zoom: number };
  /** Pixel position of a coordinate inside the map container. */
  project(lon: number, lat: number): { x: number; y: number };
  renderedFeatures(): RenderedFeatureCounts;
  /** Violations of a rule in the tiles loaded so far, each at one of its points. */
  loadedViolations(rule: string): { id: number; lon: number; lat: number }[];
  /** Moves the map and resolves once the tiles there are drawn. */
  jumpTo(lon: number, lat: number, zoom: number): Promise<void>;
  /** The ring (or line) being drawn or reshaped now, as it would be saved; null when none. */
  drawnShape(): [number, number][] | null;
}

declare global {
  interface Window {
    __gridwarden?: GridwardenMapState;
  }
}
