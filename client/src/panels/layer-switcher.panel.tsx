import { useTranslation } from 'react-i18next';
import type { MapLevel } from '../api/map-data.loader';
import { isChinese } from '../i18n/i18n';
import { BASEMAPS, type Basemap } from '../map/layers/basemap-layers';
import { ENTERPRISE_CLASS_COLORS } from '../map/layers/enterprise-layers';
import { gridLevelStyle } from '../map/layers/grid-layers';
import {
  MAP_VIOLATION_RULES,
  VIOLATION_COLORS,
  type MapViolationRule,
} from '../map/layers/violation-layers';
import type { ToggleableLayer } from '../map/map-controller';

export interface LayerVisibility {
  grids: Record<number, boolean>;
  enterprises: boolean;
  violations: Partial<Record<MapViolationRule, boolean>>;
}

interface Props {
  levels: MapLevel[];
  visibility: LayerVisibility;
  enterpriseCount: number | null;
  violationCounts: Record<string, number> | null;
  /** The chosen basemap, or null when no Tianditu key is configured (no choice to offer). */
  basemap: Basemap | null;
  onToggle(layer: ToggleableLayer, visible: boolean): void;
  onBasemap(basemap: Basemap): void;
}

/** One switch per grid level, the enterprises and each violation rule; the basemap choice. */
export function LayerSwitcherPanel({
  levels,
  visibility,
  enterpriseCount,
  violationCounts,
  basemap,
  onToggle,
  onBasemap,
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
        {levels.map(({ level, nameZh, nameEn, count: grids }) => {
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
                <span className="layer-count">{count(grids)}</span>
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
      <h3 className="panel-subtitle">{t('layers.violations')}</h3>
      <ul className="layer-list">
        {MAP_VIOLATION_RULES.map((rule) => (
          <li key={rule}>
            <label className="layer-row" data-testid={`layer-toggle-${rule}`}>
              <input
                type="checkbox"
                checked={visibility.violations[rule] ?? true}
                onChange={(event) => onToggle({ kind: 'violations', rule }, event.target.checked)}
              />
              <ViolationSwatch rule={rule} />
              <span className="layer-name">{t(`rules.${rule}`)}</span>
              <span className="layer-count">
                {count(violationCounts ? (violationCounts[rule] ?? 0) : null)}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {basemap !== null && (
        <>
          <h3 className="panel-subtitle">{t('basemap.title')}</h3>
          <div className="basemap-choice" role="radiogroup" aria-label={t('basemap.title')}>
            {BASEMAPS.map((option) => (
              <label key={option} className="basemap-option" data-testid={`basemap-${option}`}>
                <input
                  type="radio"
                  name="basemap"
                  checked={basemap === option}
                  onChange={() => onBasemap(option)}
                />
                {t(`basemap.${option}`)}
              </label>
            ))}
          </div>
        </>
      )}
    </section>
  );
}

/** The swatch of a rule as the map draws it: hatched, filled or a marker. */
function ViolationSwatch({ rule }: { rule: MapViolationRule }) {
  const color = VIOLATION_COLORS[rule];
  if (rule === 'ENTERPRISE_UNCOVERED' || rule === 'ENTERPRISE_MULTI_COVERED') {
    return (
      <svg className="layer-swatch" viewBox="0 0 24 12" aria-hidden="true">
        {rule === 'ENTERPRISE_MULTI_COVERED' && (
          <circle cx="12" cy="6" r="5.2" fill="none" stroke={color} strokeWidth="1.2" />
        )}
        <circle cx="12" cy="6" r="3.2" fill={color} stroke="#fff" strokeWidth="1" />
      </svg>
    );
  }
  return (
    <svg className="layer-swatch" viewBox="0 0 24 12" aria-hidden="true">
      {rule === 'GAP' && (
        <defs>
          <pattern id="swatch-hatch" width="4" height="4" patternUnits="userSpaceOnUse">
            <path d="M-1,1 l2,-2 M0,4 l4,-4 M3,5 l2,-2" stroke={color} strokeWidth="1.2" />
          </pattern>
        </defs>
      )}
      <rect
        x="2"
        y="1"
        width="20"
        height="10"
        fill={rule === 'GAP' ? 'url(#swatch-hatch)' : color}
        fillOpacity={rule === 'GAP' ? 1 : 0.42}
        stroke={color}
        strokeWidth="1.2"
      />
    </svg>
  );
}
