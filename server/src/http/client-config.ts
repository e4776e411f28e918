/** What the map client is told at /config.json (public: the login page may read it too). */
export interface ClientConfig {
  /** Tianditu (天地图) browser key from TIANDITU_KEY; null: our own data alone. */
  tianditu: { key: string } | null;
}
