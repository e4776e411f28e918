import { useTranslation } from 'react-i18next';
import type { GridLevel } from '../api/map-data.queries';
import type { LoadProgress } from '../api/map-data.loader';
import { isChinese } from '../i18n/i18n';

interface Props {
  progress: LoadProgress | { phase: 'drawing' };
  levels: GridLevel[];
}

/** The loading pill over the map: which step, and how far along. */
export function LoadStatusPanel({ progress, levels }: Props) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => value.toLocaleString(i18n.language);
  let label: string;
  let detail = '';
  let fraction: number | null = null;
  switch (progress.phase) {
    case 'levels':
      label = t('loading.levels');
      break;
    case 'grids': {
      label = t('loading.grids', { index: progress.levelIndex, count: progress.levelCount });
      const level = levels[progress.levelIndex - 1];
      if (level && progress.total !== null) {
        const name = isChinese(i18n.language) ? level.nameZh : level.nameEn;
        detail = t('loading.gridsDetail', {
          level: name,
          loaded: n(progress.loaded),
          total: n(progress.total),
        });
      }
      fraction = (progress.levelIndex - 1) / progress.levelCount;
      if (progress.total) fraction += progress.loaded / progress.total / progress.levelCount;
      break;
    }
    case 'enterprises':
      label =
        progress.total === null
          ? t('loading.enterprisesStarting')
          : t('loading.enterprises', { loaded: n(progress.loaded), total: n(progress.total) });
      fraction = progress.total ? progress.loaded / progress.total : 0;
      break;
    case 'drawing':
      label = t('loading.drawing');
      fraction = 1;
      break;
  }
  return (
    <div className="load-status" role="status" aria-live="polite" data-testid="load-status">
      <span className="spinner" aria-hidden="true" />
      <div className="load-text">
        <span className="load-label">{label}</span>
        {detail && <span className="load-detail">{detail}</span>}
        {fraction !== null && (
          <span className="load-bar" aria-hidden="true">
            <span style={{ width: `${Math.round(Math.min(fraction, 1) * 100)}%` }} />
          </span>
        )}
      </div>
    </div>
  );
}
