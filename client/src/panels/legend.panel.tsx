import { useTranslation } from 'react-i18next';
import { ENTERPRISE_MAP_CLASSES, type EnterpriseMapClass } from '../map/enterprise-class';
import { CLUSTER_COLOR, ENTERPRISE_CLASS_COLORS } from '../map/layers/enterprise-layers';

interface Props {
  counts: Record<EnterpriseMapClass, number> | null;
}

/** What the enterprise colours mean, with how many of each are in the territory; and clusters. */
export function LegendPanel({ counts }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <section className="panel" aria-labelledby="legend-title">
      <h2 id="legend-title" className="panel-title">
        {t('legend.title')}
      </h2>
      <ul className="legend-list">
        {ENTERPRISE_MAP_CLASSES.map((mapClass) => (
          <li key={mapClass} className="legend-row" data-testid={`legend-${mapClass}`}>
            <span
              className="legend-dot"
              style={{ background: ENTERPRISE_CLASS_COLORS[mapClass] }}
            />
            <span className="legend-name">{t(`legend.${mapClass}`)}</span>
            <span className="layer-count">
              {counts ? counts[mapClass].toLocaleString(i18n.language) : ''}
            </span>
          </li>
        ))}
        <li className="legend-row legend-note">
          <span className="legend-cluster" style={{ background: CLUSTER_COLOR }}>
            12
          </span>
          <span className="legend-name">{t('legend.cluster')}</span>
        </li>
      </ul>
    </section>
  );
}
