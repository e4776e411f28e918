import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApolloClient } from '@apollo/client';
import { UserMenu } from './auth/user-menu';
import { storedToken } from './auth/session';
import { config } from './config';
import {
  createJsonFetcher,
  HttpError,
  loadMapCounts,
  loadMapSetup,
  type MapCounts,
  type MapLevel,
  type QueryRunner,
} from './api/map-data.loader';
import { setLocale, isChinese } from './i18n/i18n';
import { countByMapClass } from './map/enterprise-class';
import type { Basemap } from './map/layers/basemap-layers';
import { MAP_VIOLATION_RULES } from './map/layers/violation-layers';
import { MapController, type HoverInfo, type ToggleableLayer } from './map/map-controller';
import { boundsFromTileJson } from './map/map-features';
import { EditingPanel } from './panels/editing/editing.panel';
import { ErrorPanel } from './panels/error.panel';
import { HoverTooltip } from './panels/hover-tooltip';
import { LayerSwitcherPanel, type LayerVisibility } from './panels/layer-switcher.panel';
import { LegendPanel } from './panels/legend.panel';
import { LoadStatusPanel, type LoadPhase } from './panels/load-status.panel';
import { WORKBENCH_INSET, WorkbenchPanel } from './panels/workbench/workbench.panel';

type Status =
  | { state: 'loading'; phase: LoadPhase }
  | { state: 'ready' }
  | { state: 'error'; kind: 'unreachable' | 'map'; detail: string };

interface Props {
  apollo: ApolloClient;
  onLogout(): void;
}

const ALL_VISIBLE: LayerVisibility = {
  grids: {},
  enterprises: true,
  violations: Object.fromEntries(MAP_VIOLATION_RULES.map((rule) => [rule, true])),
};

export function App({ apollo, onLogout }: Props) {
  const { t, i18n } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const controllerRef = useRef<MapController | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState<Status>({ state: 'loading', phase: 'setup' });
  const [levels, setLevels] = useState<MapLevel[]>([]);
  const [counts, setCounts] = useState<MapCounts | null>(null);
  const [tiandituKey, setTiandituKey] = useState<string | null>(null);
  const [basemap, setBasemap] = useState<Basemap>('none');
  const [visibility, setVisibility] = useState<LayerVisibility>(ALL_VISIBLE);
  const [hover, setHover] = useState<HoverInfo | null>(null);

  const runQuery = useCallback<QueryRunner>(
    async (query, variables, signal) => {
      // The casts bridge QueryRunner's free type parameters to Apollo's conditional types.
      const result = await apollo.query({
        query,
        variables: variables as never,
        fetchPolicy: 'no-cache',
        context: { fetchOptions: { signal } },
      });
      if (result.data === undefined) throw new Error('GraphQL response without data');
      return result.data as never;
    },
    [apollo],
  );

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const abort = new AbortController();
    const origin = window.location.origin;
    const token = () => storedToken(window.localStorage);
    const fetchJson = createJsonFetcher(origin, token);
    setStatus({ state: 'loading', phase: 'setup' });
    setVisibility(ALL_VISIBLE);
    setLevels([]);
    setCounts(null);
    setTiandituKey(null);
    setBasemap('none');
    setHover(null);
    // asked for first, so the requests travel while the map sets up WebGL
    const setupLoaded = loadMapSetup(runQuery, fetchJson, abort.signal);

    let controller: MapController;
    try {
      controller = new MapController(
        container,
        {
          hover: setHover,
          // Style or rendering errors are bugs, not user errors: log loudly, keep the page.
          error: (error) => console.error('map error:', error),
          unauthenticated: onLogout,
        },
        { origin, token },
      );
    } catch (error) {
      abort.abort();
      setupLoaded.catch(() => undefined);
      setStatus({ state: 'error', kind: 'map', detail: describe(error) });
      return;
    }
    controllerRef.current = controller;
    // the side panel opens on the left: the first view of the territory keeps clear of it
    controller.setLeftInset(WORKBENCH_INSET);

    const failed = (error: unknown) => {
      if (abort.signal.aborted) return;
      if (error instanceof HttpError && error.status === 401) return onLogout();
      if (config.dev) console.error(error);
      setStatus({ state: 'error', kind: 'unreachable', detail: describe(error) });
    };

    setupLoaded.then(async (setup) => {
      if (abort.signal.aborted) return;
      setLevels(setup.levels);
      setTiandituKey(setup.tiandituKey);
      setStatus({ state: 'loading', phase: 'drawing' });
      // the camera first, so no tile is fetched for the default view of all China
      await controller.fitTo(boundsFromTileJson(setup.bounds));
      await controller.showTiles({
        levels: setup.levels,
        maxzoom: setup.maxzoom,
        tiandituKey: setup.tiandituKey,
        gridCountByLevel: gridCountsOf(setup.levels),
      });
      await controller.whenDrawn();
      if (abort.signal.aborted) return;
      setStatus({ state: 'ready' });
      // Counts for the legend and switches come after the first map, never competing with it.
      const counts = await loadMapCounts(fetchJson, abort.signal);
      if (abort.signal.aborted) return;
      setCounts(counts);
      controller.setEnterpriseCount(counts.enterprises.count);
    }, failed);

    return () => {
      abort.abort();
      controllerRef.current = null;
      controller.destroy();
    };
  }, [runQuery, attempt, onLogout]);

  const onToggle = useCallback((layer: ToggleableLayer, visible: boolean) => {
    controllerRef.current?.setLayerVisible(layer, visible);
    setVisibility((current) => {
      switch (layer.kind) {
        case 'enterprises':
          return { ...current, enterprises: visible };
        case 'violations':
          return { ...current, violations: { ...current.violations, [layer.rule]: visible } };
        case 'grids':
          return { ...current, grids: { ...current.grids, [layer.level]: visible } };
      }
    });
  }, []);

  const controllerOf = useCallback(() => controllerRef.current, []);

  /**
   * After an edit is saved: the grid, enterprise and violation counts of the header, the layer
   * switcher and the legend, and every list the workbench shows, fetched again from the server.
   */
  const refreshCounts = useCallback(() => {
    const fetchJson = createJsonFetcher(window.location.origin, () =>
      storedToken(window.localStorage),
    );
    const signal = new AbortController().signal;
    Promise.all([loadMapSetup(runQuery, fetchJson, signal), loadMapCounts(fetchJson, signal)])
      .then(([setup, fresh]) => {
        setLevels(setup.levels);
        setCounts(fresh);
        controllerRef.current?.setEnterpriseCount(fresh.enterprises.count);
        controllerRef.current?.setGridCounts(gridCountsOf(setup.levels));
      })
      .catch((error: unknown) => console.error('refreshing counts:', error));
    // the workbench's lists and cards (violations, coverage, grid tree) are Apollo queries
    apollo
      .refetchQueries({ include: 'active' })
      .catch((error: unknown) => console.error('refetching after a save:', error));
  }, [apollo, runQuery]);

  const onBasemap = useCallback((next: Basemap) => {
    controllerRef.current?.setBasemap(next);
    setBasemap(next);
  }, []);

  const totalGrids = useMemo(() => levels.reduce((sum, l) => sum + l.count, 0), [levels]);
  const classCounts = useMemo(
    () => (counts ? countByMapClass(counts.enterprises.byFlags) : null),
    [counts],
  );
  const zh = isChinese(i18n.language);

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <svg className="brand-mark" viewBox="0 0 24 24" aria-hidden="true">
            <path d="M12 1.5 21 5v6.5c0 5.2-3.8 9.6-9 11-5.2-1.4-9-5.8-9-11V5z" fill="#1d4ed8" />
            <path d="M7.5 8h4v4h-4zM12.5 8h4v4h-4zM7.5 13h4v4h-4zM12.5 13h4v4h-4z" fill="#dbeafe" />
          </svg>
          <h1 className="brand-name">
            {t('app.name')}
            <span className="brand-latin">{t('app.latinName')}</span>
          </h1>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <div className="header-tools">
          {status.state === 'ready' && counts && (
            <span className="header-summary" data-testid="header-summary">
              {t('header.summary', {
                grids: totalGrids.toLocaleString(i18n.language),
                enterprises: counts.enterprises.count.toLocaleString(i18n.language),
              })}
            </span>
          )}
          <button
            type="button"
            className="button-quiet"
            data-testid="language-switch"
            title={t('header.switchLanguageTitle')}
            onClick={() => setLocale(zh ? 'en' : 'zh-CN')}
          >
            {t('header.switchLanguage')}
          </button>
          <UserMenu onLogout={onLogout} />
        </div>
      </header>
      <main className="map-area">
        <div
          ref={containerRef}
          className="map-container"
          aria-label={t('map.label')}
          role="region"
        />
        {levels.length > 0 && (
          <aside className="side-panels">
            {status.state === 'ready' && (
              <EditingPanel
                apollo={apollo}
                controller={controllerOf}
                deepestLevel={Math.max(...levels.map((l) => l.level))}
                onSaved={refreshCounts}
              />
            )}
            <LayerSwitcherPanel
              levels={levels}
              visibility={visibility}
              enterpriseCount={counts?.enterprises.count ?? null}
              violationCounts={counts?.violations.byRule ?? null}
              basemap={tiandituKey ? basemap : null}
              onToggle={onToggle}
              onBasemap={onBasemap}
            />
            <LegendPanel counts={classCounts} />
          </aside>
        )}
        {levels.length > 0 && <WorkbenchPanel controller={controllerRef} levels={levels} />}
        {status.state === 'loading' && <LoadStatusPanel phase={status.phase} />}
        {status.state === 'error' && (
          <ErrorPanel
            kind={status.kind}
            url={new URL('/tiles/grids.json', window.location.href).href}
            detail={status.detail}
            onRetry={() => setAttempt((n) => n + 1)}
          />
        )}
        {hover && status.state !== 'error' && <HoverTooltip hover={hover} levels={levels} />}
      </main>
    </div>
  );
}

/** Grids per level, as the map controller publishes them. */
function gridCountsOf(levels: readonly MapLevel[]): Record<number, number> {
  return Object.fromEntries(levels.map((l) => [l.level, l.count]));
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
