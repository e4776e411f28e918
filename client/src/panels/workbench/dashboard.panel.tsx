import { useQuery } from '@apollo/client/react';
import { Progress, Spin, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatDate, ruleName } from './labels';
import { coveredPercent, rankByScore, RULE_ORDER } from './panel-model';
import { COVERAGE_QUERY, type CoverageRow } from './queries';

const scoreColor = (score: number) =>
  score >= 90 ? '#16a34a' : score >= 70 ? '#d97706' : '#dc2626';

/** The supervisor's view: the towns of the scope ranked by coverage score, worst first. */
export function DashboardPanel({ onSelectGrid }: { onSelectGrid(id: string): void }) {
  const { t, i18n } = useTranslation();
  const { data, loading } = useQuery(COVERAGE_QUERY, { variables: {} });
  if (loading && !data) return <Spin className="wb-spin" />;
  const coverage = data?.coverage;
  if (!coverage) return null;
  const ranked = rankByScore(coverage.children);

  const columns: ColumnsType<CoverageRow> = [
    { key: 'rank', title: t('panels.dashboard.rank'), width: 44, render: (_, __, i) => i + 1 },
    {
      key: 'town',
      title: t('panels.dashboard.town'),
      width: 96,
      render: (_, row) => <span className="wb-town-name">{row.name}</span>,
    },
    {
      key: 'score',
      title: t('panels.dashboard.score'),
      width: 58,
      render: (_, row) => (
        <strong style={{ color: scoreColor(row.score) }} data-testid="town-score">
          {row.score.toFixed(1)}
        </strong>
      ),
    },
    {
      key: 'rules',
      title: t('panels.dashboard.violations'),
      render: (_, row) => (
        <div className="wb-tags">
          {RULE_ORDER.filter((rule) => ruleCount(row, rule) > 0).map((rule) => (
            <Tooltip key={rule} title={ruleName(t, rule)}>
              <Tag color={rule.startsWith('ENTERPRISE') ? 'volcano' : 'red'}>
                {ruleName(t, rule)} {ruleCount(row, rule)}
              </Tag>
            </Tooltip>
          ))}
        </div>
      ),
    },
  ];

  return (
    <div className="wb-dashboard" data-testid="dashboard">
      <div className="wb-scope-score">
        <Progress
          type="circle"
          size={64}
          percent={Math.round(coverage.scope.score)}
          strokeColor={scoreColor(coverage.scope.score)}
          format={() => coverage.scope.score.toFixed(1)}
        />
        <div>
          <strong>{t('panels.dashboard.scope', { name: coverage.scope.name })}</strong>
          <div className="wb-muted">
            {coverage.auditedAt
              ? t('panels.dashboard.auditedAt', {
                  date: formatDate(coverage.auditedAt, i18n.language),
                })
              : t('panels.dashboard.neverAudited')}
          </div>
          <div className="wb-muted">
            {t('panels.dashboard.areaCovered')}{' '}
            {coveredPercent(coverage.scope.areaCoveredRatio, i18n.language)} ·{' '}
            {t('panels.dashboard.uncovered')} {coverage.scope.enterprisesUncovered} ·{' '}
            {t('panels.dashboard.unstaffed')} {coverage.scope.gridsUnstaffed}
          </div>
        </div>
      </div>
      <Table<CoverageRow>
        size="small"
        rowKey="gridId"
        columns={columns}
        dataSource={ranked}
        pagination={false}
        onRow={(row) => ({ onClick: () => onSelectGrid(row.gridId) })}
        rowClassName={() => 'wb-row'}
      />
    </div>
  );
}

/** violationsByRule is a JSON object of counts by rule id; a rule with none is left out. */
function ruleCount(row: CoverageRow, rule: string): number {
  const count = row.violationsByRule[rule];
  return typeof count === 'number' ? count : 0;
}
