import type { Geometry } from 'geojson';
import { useCallback, useEffect, useState, type ReactNode, type RefObject } from 'react';
import './workbench.css';
import { useApolloClient } from '@apollo/client/react';
import { Button, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GridLevel } from '../../api/map-data.queries';
import { useViewer } from '../../auth/viewer';
import type { MapController } from '../../map/map-controller';
import { DashboardPanel } from './dashboard.panel';
import { EnterpriseLedger } from './enterprise-ledger';
import { GridCardView } from './grid-card';
import { GridTree } from './grid-tree';
import { LocatePanel } from './locate.panel';
import { geometryExtent } from './panel-model';
import { LOCATE_QUERY } from './queries';
import { ViolationsPanel } from './violations.panel';

/** Shows a geometry on the map: flies to it and outlines it. */
export type Focus = (geometry: Geometry) => void;

type Located = NonNullable<Awaited<ReturnType<typeof runLocate>>>;
export type LocateAnswer =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'done'; result: Located };

type TabKey = 'grids' | 'ledger' | 'violations' | 'dashboard' | 'locate';

/** Width the panel covers on the map (CSS .workbench plus its margin). */
export const WORKBENCH_INSET = 464;

async function runLocate(apollo: ReturnType<typeof useApolloClient>, lon: number, lat: number) {
  const result = await apollo.query({
    query: LOCATE_QUERY,
    variables: { lon, lat },
    fetchPolicy: 'network-only',
  });
  return result.data?.locate;
}

interface Props {
  controller: RefObject<MapController | null>;
  levels: readonly GridLevel[];
}

/** The side panel: grid tree and card, enterprise ledger, violations, coverage, who answers here. */
export function WorkbenchPanel({ controller, levels }: Props) {
  const { t } = useTranslation();
  const apollo = useApolloClient();
  const viewer = useViewer();
  const [open, setOpen] = useState(true);
  const [tab, setTab] = useState<TabKey>('grids');
  const [gridId, setGridId] = useState<string | null>(null);
  const [answer, setAnswer] = useState<LocateAnswer>({ state: 'idle' });

  const focus = useCallback<Focus>(
    (geometry) => {
      const map = controller.current;
      if (!map) return;
      void map.highlight(geometry);
      const extent = geometryExtent(geometry);
      if (extent) void map.flyTo(extent, geometry.type === 'Point' ? 16 : 15);
    },
    [controller],
  );

  const selectGrid = useCallback((id: string) => {
    setGridId(id);
    setTab('grids');
  }, []);

  useEffect(() => {
    controller.current?.setLeftInset(open ? WORKBENCH_INSET : 0);
  }, [controller, open]);

  // "who is responsible here?": every click on the map (not while drawing) asks locate
  useEffect(() => {
    const map = controller.current;
    if (!map) return;
    let latest = 0;
    return map.onMapClick((lon, lat) => {
      const asked = ++latest;
      setOpen(true);
      setTab('locate');
      setAnswer({ state: 'loading' });
      runLocate(apollo, lon, lat).then(
        (result) => {
          if (asked !== latest) return;
          if (!result) return setAnswer({ state: 'error', message: 'locate answered nothing' });
          setAnswer({ state: 'done', result });
          void map.highlight((result.baseGrid?.boundary as Geometry) ?? null);
        },
        (error: unknown) => {
          if (asked !== latest) return;
          setAnswer({
            state: 'error',
            message: error instanceof Error ? error.message : String(error),
          });
        },
      );
    });
  }, [controller, apollo]);

  const tabs: [TabKey, ReactNode][] = [
    [
      'grids',
      <>
        <GridTree levels={levels} selectedId={gridId} onSelect={setGridId} />
        {gridId && <GridCardView id={gridId} levels={levels} focus={focus} />}
      </>,
    ],
    ['ledger', <EnterpriseLedger focus={focus} />],
    ['violations', <ViolationsPanel focus={focus} />],
    ['dashboard', <DashboardPanel onSelectGrid={selectGrid} />],
    ['locate', <LocatePanel answer={answer} levels={levels} />],
  ];

  if (!open) {
    return (
      <Button className="workbench-open" data-testid="workbench-open" onClick={() => setOpen(true)}>
        {t('panels.toggle')}
      </Button>
    );
  }

  return (
    <aside className="workbench" data-testid="workbench" aria-label={t('panels.toggle')}>
      {viewer && !viewer.canEditBoundaries && !viewer.canManagePeople && (
        // officers and integrators: no edit controls anywhere, and they are told so
        <div className="wb-status">
          <Tag data-testid="read-only">{t('panels.readOnly')}</Tag>
          <span className="wb-muted">{viewer.scopeName}</span>
        </div>
      )}
      <Tabs
        size="small"
        tabBarGutter={14}
        activeKey={tab}
        onChange={(key) => setTab(key as TabKey)}
        tabBarExtraContent={
          <span className="wb-extra">
            <Button
              size="small"
              type="text"
              aria-label="close"
              data-testid="workbench-close"
              onClick={() => setOpen(false)}
            >
              ×
            </Button>
          </span>
        }
        items={tabs.map(([key, content]) => ({
          key,
          label: <span data-testid={`tab-${key}`}>{t(`panels.tabs.${key}`)}</span>,
          children: <div className="wb-scroll">{content}</div>,
        }))}
      />
    </aside>
  );
}
