import { useTranslation } from 'react-i18next';
import type { GridLevel } from '../api/map-data.queries';
import { isChinese } from '../i18n/i18n';
import { gridLevelStyle } from '../map/layers/grid-layers';
import { ENTERPRISE_CLASS_COLORS } from '../map/layers/enterprise-layers';
import type { ToggleableLayer } from '../map/map-controller';

export interface LayerVisibility {
  grids: Record<number, boolean>;
  enterprises: boolean;
}

interface Props {
  levels: GridLevel[];
  visibility: LayerVisibility;
  gridCountByLevel: Record<number, number>;
  enterpriseCount: number | null;
  onToggle(layer: ToggleableLayer, visible: boolean): void;
}

/** One switch per grid level plus one for the enterprises. */
export function LayerSwitcherPanel({
  levels,
  visibility,
  gridCountByLevel,
  enterpriseCount,
  onToggle,
}: Props) {
  const { t, i18n } = useTranslation();
  const levelCount = levels.length;
  const count = (n: number | undefined | null) =>
    n === undefined || n === null ? '' : n.toLocaleString(i18n.language);
  return (
    <section className="panel" aria-labelledby="layers-title">
      <h2 id="layers-title" className="panel-title">
        {t('layers.title')}
      </h2>
      <ul className="layer-list">
        {levels.map(({ level, nameZh, nameEn }) => {
          const style = gridLevelStyle(level, levelCount);
          const name =
            (isChinese(i18n.language) ? nameZh : nameEn) || t('layers.levelFallback', { level });
          return (
            <li key={level}>
              <label className="layer-row" data-testid={`layer-toggle-${level}`}>
                <input
                  type="checkbox"
                  checked={visibility.grids[level] ?? true}
                  onChange={(event) => onToggle({ kind: 'grids', level }, event.target.checked)}
                />
                <svg className="layer-swatch" viewBox="0 0 24 12" aria-hidden="true">
                  <line
                    x1="1"
                    y1="6"
                    x2="23"
                    y2="6"
                    stroke={style.lineColor}
                    strokeWidth={Math.max(style.lineWidth, 1)}
                    strokeDasharray={style.lineDash?.join(' ')}
                    strokeLinecap="round"
                  />
                </svg>
                <span className="layer-name">{name}</span>
                <span className="layer-count">{count(gridCountByLevel[level])}</span>
              </label>
            </li>
          );
        })}
        <li>
          <label className="layer-row" data-testid="layer-toggle-enterprises">
            <input
              type="checkbox"
              checked={visibility.enterprises}
              onChange={(event) => onToggle({ kind: 'enterprises' }, event.target.checked)}
            />
            <svg className="layer-swatch" viewBox="0 0 24 12" aria-hidden="true">
              <circle cx="6" cy="6" r="3.5" fill={ENTERPRISE_CLASS_COLORS.HIGH_RISK} />
              <circle cx="13" cy="6" r="3.5" fill={ENTERPRISE_CLASS_COLORS.NINE_SMALL} />
              <circle cx="20" cy="6" r="3.5" fill={ENTERPRISE_CLASS_COLORS.ABOVE_SCALE} />
            </svg>
            <span className="layer-name">{t('layers.enterprises')}</span>
            <span className="layer-count">{count(enterpriseCount)}</span>
          </label>
        </li>
      </ul>
    </section>
  );
}
