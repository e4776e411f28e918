/** What the page exposes on `window.__gridwarden` once the map is drawn: for E2E tests and support. */
export interface GridwardenMapState {
  ready: boolean;
  gridCount: number;
  enterpriseCount: number;
  gridCountByLevel: Record<number, number>;
  /** Pixel position of a coordinate inside the map container. */
  project(lon: number, lat: number): { x: number; y: number };
}

declare global {
  interface Window {
    __gridwarden?: GridwardenMapState;
  }
}
