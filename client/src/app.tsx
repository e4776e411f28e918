import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApolloClient } from '@apollo/client';
import { UserMenu } from './auth/user-menu';
import { config } from './config';
import type { GridLevel } from './api/map-data.queries';
import { loadMapData, type LoadProgress, type QueryRunner } from './api/map-data.loader';
import { setLocale, isChinese } from './i18n/i18n';
import type { EnterpriseMapClass } from './map/enterprise-class';
import { MapController, type HoverInfo, type ToggleableLayer } from './map/map-controller';
import {
  boundsOf,
  countByMapClass,
  enterpriseFeatureCollection,
  gridFeatureCollection,
} from './map/map-features';
import { ErrorPanel } from './panels/error.panel';
import { HoverTooltip } from './panels/hover-tooltip';
import { LayerSwitcherPanel, type LayerVisibility } from './panels/layer-switcher.panel';
import { LegendPanel } from './panels/legend.panel';
import { LoadStatusPanel } from './panels/load-status.panel';

type Status =
  | { state: 'loading'; progress: LoadProgress | { phase: 'drawing' } }
  | { state: 'ready' }
  | { state: 'error'; kind: 'unreachable' | 'map'; detail: string };

interface Props {
  apollo: ApolloClient;
  onLogout(): void;
}

export function App({ apollo, onLogout }: Props) {
  const { t, i18n } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const controllerRef = useRef<MapController | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState<Status>({ state: 'loading', progress: { phase: 'levels' } });
  const [levels, setLevels] = useState<GridLevel[]>([]);
  const [gridCountByLevel, setGridCountByLevel] = useState<Record<number, number>>({});
  const [enterpriseCount, setEnterpriseCount] = useState<number | null>(null);
  const [classCounts, setClassCounts] = useState<Record<EnterpriseMapClass, number> | null>(null);
  const [visibility, setVisibility] = useState<LayerVisibility>({ grids: {}, enterprises: true });
  const [hover, setHover] = useState<HoverInfo | null>(null);

  const runQuery = useCallback<QueryRunner>(
    async (query, variables, signal) => {
      // Bulk map data skips the normalised cache: tens of thousands of rows, read once.
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
    setStatus({ state: 'loading', progress: { phase: 'levels' } });
    setVisibility({ grids: {}, enterprises: true });
    setLevels([]);
    setGridCountByLevel({});
    setEnterpriseCount(null);
    setClassCounts(null);
    setHover(null);

    let controller: MapController;
    try {
      controller = new MapController(container, {
        hover: setHover,
        // Style or rendering errors are bugs, not user errors: log loudly, keep the page.
        error: (error) => console.error('map error:', error),
      });
    } catch (error) {
      setStatus({ state: 'error', kind: 'map', detail: describe(error) });
      return;
    }
    controllerRef.current = controller;

    let fitted = false;
    const work = loadMapData(
      runQuery,
      {
        progress: (progress) => setStatus({ state: 'loading', progress }),
        levels: (loadedLevels) => {
          setLevels(loadedLevels);
          void controller.showGridLevels(loadedLevels.map((l) => l.level));
        },
        grids: (level, grids) => {
          setGridCountByLevel((counts) => ({ ...counts, [level]: grids.length }));
          void controller.setGrids(level, gridFeatureCollection(grids));
          if (!fitted) {
            const bounds = boundsOf(grids.map((g) => g.boundary));
            if (bounds) {
              fitted = true;
              void controller.fitTo(bounds);
            }
          }
        },
        enterprises: (enterprises) => {
          setEnterpriseCount(enterprises.length);
          setClassCounts(countByMapClass(enterprises));
          setStatus({ state: 'loading', progress: { phase: 'drawing' } });
          void controller.setEnterprises(enterpriseFeatureCollection(enterprises));
        },
      },
      abort.signal,
    );
    work.then(
      () => {
        if (abort.signal.aborted) return;
        controller.markReady();
        setStatus({ state: 'ready' });
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        if (config.dev) console.error(error);
        setStatus({ state: 'error', kind: 'unreachable', detail: describe(error) });
      },
    );

    return () => {
      abort.abort();
      controllerRef.current = null;
      controller.destroy();
    };
  }, [runQuery, attempt]);

  const onToggle = useCallback((layer: ToggleableLayer, visible: boolean) => {
    controllerRef.current?.setLayerVisible(layer, visible);
    setVisibility((current) =>
      layer.kind === 'enterprises'
        ? { ...current, enterprises: visible }
        : { ...current, grids: { ...current.grids, [layer.level]: visible } },
    );
  }, []);

  const totalGrids = useMemo(
    () => Object.values(gridCountByLevel).reduce((sum, n) => sum + n, 0),
    [gridCountByLevel],
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
          {status.state === 'ready' && (
            <span className="header-summary" data-testid="header-summary">
              {t('header.summary', {
                grids: totalGrids.toLocaleString(i18n.language),
                enterprises: (enterpriseCount ?? 0).toLocaleString(i18n.language),
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
            <LayerSwitcherPanel
              levels={levels}
              visibility={visibility}
              gridCountByLevel={gridCountByLevel}
              enterpriseCount={enterpriseCount}
              onToggle={onToggle}
            />
            <LegendPanel counts={classCounts} />
          </aside>
        )}
        {status.state === 'loading' && (
          <LoadStatusPanel progress={status.progress} levels={levels} />
        )}
        {status.state === 'error' && (
          <ErrorPanel
            kind={status.kind}
            url={new URL(config.graphqlUrl, window.location.href).href}
            detail={status.detail}
            onRetry={() => setAttempt((n) => n + 1)}
          />
        )}
        {hover && status.state !== 'error' && <HoverTooltip hover={hover} levels={levels} />}
      </main>
    </div>
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
