import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GridLevel } from '../../api/map-data.queries';
import { isChinese } from '../../i18n/i18n';
import { levelName } from './labels';
import { formatDistance } from './panel-model';
import { PeopleList } from './people-list';
import type { LocateAnswer } from './workbench.panel';

/** "Who is responsible here?": the grids over a clicked place, top to base, with their people. */
export function LocatePanel({
  answer,
  levels,
}: {
  answer: LocateAnswer;
  levels: readonly GridLevel[];
}) {
  const { t, i18n } = useTranslation();
  const zh = isChinese(i18n.language);
  if (answer.state === 'idle') return <p className="wb-hint">{t('panels.locate.hint')}</p>;
  if (answer.state === 'loading') return <Spin className="wb-spin" />;
  if (answer.state === 'error') return <Alert type="error" title={answer.message} />;
  const found = answer.result;
  const digits = (n: number) => n.toFixed(5);
  return (
    <div className="wb-locate" data-testid="locate-panel">
      <p className="wb-muted">
        {t('panels.locate.point', { lon: digits(found.lon), lat: digits(found.lat) })}
      </p>
      {found.outsideScope && <Alert type="warning" title={t('panels.locate.outsideScope')} />}
      {found.uncovered && !found.outsideScope && (
        <Alert type="error" title={t('panels.locate.uncovered')} data-testid="locate-uncovered" />
      )}
      {found.distanceToBaseEdgeM !== null && (
        <p data-testid="locate-distance">
          {t('panels.locate.distance', {
            distance: formatDistance(found.distanceToBaseEdgeM, i18n.language),
          })}
        </p>
      )}
      <ol className="wb-chain" data-testid="locate-chain">
        {found.chain.map((grid) => (
          <li key={grid.id}>
            <div className="wb-chain-head">
              <span className="wb-chain-level">{levelName(levels, grid.level, t, zh)}</span>
              <strong>{grid.name}</strong>
              <span className="wb-muted">{grid.code}</span>
            </div>
            <PeopleList people={grid.people} empty={t('panels.locate.noPeople')} />
          </li>
        ))}
      </ol>
    </div>
  );
}
