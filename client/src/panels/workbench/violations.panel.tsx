import type { Geometry } from 'geojson';
import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { Badge, Collapse, Empty, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { ruleName } from './labels';
import { groupViolations } from './panel-model';
import { VIOLATIONS_QUERY } from './queries';
import { ViolationItems } from './violation-items';
import type { Focus } from './workbench.panel';

/** Every stored violation in the viewer's scope, grouped by rule and, in a county, by town. */
export function ViolationsPanel({ focus }: { focus: Focus }) {
  const { t } = useTranslation();
  const { data, loading } = useQuery(VIOLATIONS_QUERY);
  const groups = useMemo(() => {
    if (!data) return [];
    const towns = data.coverage?.children.length ? data.coverage.children : null;
    return groupViolations(
      data.violations.edges.map((e) => e.node),
      towns,
    );
  }, [data]);

  if (loading && !data) return <Spin className="wb-spin" />;
  if (!data) return null;
  if (groups.length === 0)
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('panels.violations.empty')} />
    );

  return (
    <div className="wb-violation-groups" data-testid="violations-panel">
      <p className="wb-muted">{t('panels.violations.total', { n: data.violations.totalCount })}</p>
      <Collapse
        size="small"
        items={groups.map((group) => ({
          key: group.rule,
          label: (
            <span className="wb-rule" data-testid={`rule-group-${group.rule}`}>
              <span>{ruleName(t, group.rule)}</span>
              <Badge count={group.count} overflowCount={9999} color="#dc2626" />
            </span>
          ),
          children: group.towns.map((town) => (
            <div key={town.town?.code ?? 'none'} className="wb-town">
              {group.towns.length > 1 || town.town ? (
                <h5>
                  {town.town?.name ?? t('panels.violations.noTown')}{' '}
                  <span className="wb-muted">{town.items.length}</span>
                </h5>
              ) : null}
              <ViolationItems
                items={town.items}
                onFocus={(v) => v.geometry && focus(v.geometry as Geometry)}
              />
            </div>
          )),
        }))}
      />
    </div>
  );
}
