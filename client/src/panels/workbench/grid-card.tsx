import type { Geometry } from 'geojson';
import { useEffect } from 'react';
import { useQuery } from '@apollo/client/react';
import { Spin, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GridLevel } from '../../api/map-data.queries';
import { isChinese } from '../../i18n/i18n';
import { DetailCard } from './detail-card';
import { formatDate, levelName } from './labels';
import { ENTERPRISE_BAND, enterpriseBand, formatArea, type Band } from './panel-model';
import { PeopleList } from './people-list';
import { GRID_CARD_QUERY, type ViolationItem } from './queries';
import { ViolationItems } from './violation-items';
import type { Focus } from './workbench.panel';

const BAND_COLORS: Record<Band, string> = {
  under: 'orange',
  within: 'green',
  over: 'red',
  exempt: 'default',
};

interface Props {
  id: string;
  levels: readonly GridLevel[];
  focus: Focus;
}

/** One grid: code, level, people, enterprise count against the band, violations, versions. */
export function GridCardView({ id, levels, focus }: Props) {
  const { t, i18n } = useTranslation();
  const zh = isChinese(i18n.language);
  const { data, loading } = useQuery(GRID_CARD_QUERY, { variables: { id } });
  const grid = data?.grid;

  // a grid chosen in the tree or the dashboard is shown on the map at once
  useEffect(() => {
    if (grid) focus(grid.boundary as Geometry);
  }, [grid, focus]);

  if (loading && !grid) return <Spin className="wb-spin" />;
  if (!grid) return null;
  const baseLevel = levels[levels.length - 1]?.level;
  const band = enterpriseBand(grid.enterpriseCount, {
    isBase: grid.level === baseLevel,
    sizeExempt: grid.sizeExempt,
  });
  const versions = data.gridHistory?.versions ?? [];

  return (
    <DetailCard
      testId="grid-card"
      title={grid.name}
      onZoom={() => focus(grid.boundary as Geometry)}
      facts={[
        { key: 'code', label: t('panels.card.code'), children: grid.code },
        {
          key: 'level',
          label: t('panels.card.level'),
          children: levelName(levels, grid.level, t, zh),
        },
        ...(grid.parent
          ? [{ key: 'parent', label: t('panels.card.parent'), children: grid.parent.name }]
          : []),
        {
          key: 'area',
          label: t('panels.card.area'),
          children: formatArea(grid.areaM2, i18n.language),
        },
        {
          key: 'enterprises',
          label: t('panels.card.enterprises'),
          children: (
            <span data-testid="grid-enterprise-count">
              {t('panels.card.enterpriseCount', {
                count: grid.enterpriseCount.toLocaleString(i18n.language),
              })}
              {band && (
                <Tag color={BAND_COLORS[band]} className="wb-band" data-testid={`band-${band}`}>
                  {t(`panels.card.${band}`)}
                </Tag>
              )}
              {band && band !== 'exempt' && (
                <span className="wb-muted">{t('panels.card.band', ENTERPRISE_BAND)}</span>
              )}
            </span>
          ),
        },
      ]}
    >
      <h4>{t('panels.card.people')}</h4>
      <PeopleList people={grid.people} empty={t('panels.card.noPeople')} />
      <h4>{t('panels.card.violations')}</h4>
      {grid.violations.length === 0 ? (
        <span className="wb-muted">{t('panels.card.noViolations')}</span>
      ) : (
        <ViolationItems
          items={grid.violations}
          onFocus={(v: ViolationItem) => v.geometry && focus(v.geometry as Geometry)}
        />
      )}
      {versions.length > 0 && (
        <>
          <h4>{t('panels.card.history')}</h4>
          <ol className="wb-history">
            {[...versions].reverse().map((v) => (
              <li key={v.id}>
                <strong>v{v.version}</strong> {v.name} · {formatDate(v.validFrom, i18n.language)}{' '}
                {v.validTo ? (
                  t('panels.card.until', { date: formatDate(v.validTo, i18n.language) })
                ) : (
                  <Tag color="blue">{t('panels.card.current')}</Tag>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </DetailCard>
  );
}
