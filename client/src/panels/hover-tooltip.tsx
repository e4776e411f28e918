import { useTranslation } from 'react-i18next';
import type { GridLevel } from '../api/map-data.queries';
import { isChinese } from '../i18n/i18n';
import { ENTERPRISE_CLASS_COLORS } from '../map/layers/enterprise-layers';
import { gridLevelStyle } from '../map/layers/grid-layers';
import { VIOLATION_COLORS } from '../map/layers/violation-layers';
import type { HoverInfo } from '../map/map-controller';

interface Props {
  hover: HoverInfo;
  levels: GridLevel[];
}

/** Names under the pointer: the enterprise if any, then the grid chain, finest last. */
export function HoverTooltip({ hover, levels }: Props) {
  const { t, i18n } = useTranslation();
  const zh = isChinese(i18n.language);
  const levelName = (level: number) => {
    const found = levels.find((l) => l.level === level);
    return (found && (zh ? found.nameZh : found.nameEn)) || t('layers.levelFallback', { level });
  };
  const finest = hover.grids[hover.grids.length - 1];
  return (
    <div
      className="hover-tooltip"
      role="tooltip"
      data-testid="hover-tooltip"
      style={{ transform: placement(hover) }}
    >
      {hover.enterprise && (
        <div className="tooltip-enterprise">
          <span
            className="legend-dot"
            style={{ background: ENTERPRISE_CLASS_COLORS[hover.enterprise.mapClass] }}
          />
          <strong>{hover.enterprise.name}</strong>
          <span className="tooltip-muted">{t(`legend.${hover.enterprise.mapClass}`)}</span>
        </div>
      )}
      <ol className="tooltip-chain">
        {hover.grids.map((grid) => (
          <li key={grid.level} className={grid === finest ? 'tooltip-finest' : undefined}>
            <span
              className="tooltip-level"
              style={{ borderColor: gridLevelStyle(grid.level, levels.length).lineColor }}
            >
              {levelName(grid.level)}
            </span>
            <span className="tooltip-name" data-testid={`tooltip-grid-${grid.level}`}>
              {grid.name}
            </span>
          </li>
        ))}
      </ol>
      {finest && !hover.enterprise && (
        <div className="tooltip-muted">
          {t('tooltip.code', { code: finest.code })}
          {finest.enterpriseCount !== null &&
            ` · ${t('tooltip.enterprises', { count: finest.enterpriseCount })}`}
        </div>
      )}
      {hover.violation && (
        <div className="tooltip-violation" data-testid="tooltip-violation">
          <span
            className="legend-dot"
            style={{ background: VIOLATION_COLORS[hover.violation.rule] }}
          />
          <span>
            <strong>{t(`rules.${hover.violation.rule}`)}</strong>
            <span className="tooltip-muted">
              {zh ? hover.violation.messageZh : hover.violation.messageEn}
            </span>
          </span>
        </div>
      )}
    </div>
  );
}

// Keep the tooltip inside the map: flip it to the pointer's left or above near the edges.
function placement({ x, y }: HoverInfo): string {
  const flipX = x > window.innerWidth - 340;
  const flipY = y > window.innerHeight - 240;
  const dx = flipX ? `calc(${Math.round(x) - 14}px - 100%)` : `${Math.round(x) + 14}px`;
  const dy = flipY ? `calc(${Math.round(y) - 14}px - 100%)` : `${Math.round(y) + 14}px`;
  return `translate(${dx}, ${dy})`;
}
