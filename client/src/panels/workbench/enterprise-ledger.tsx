import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Button, Checkbox, Input, Select, Table, Tag } from 'antd';
import type { ColumnsType, TableProps } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { EnterpriseOrder, EnterpriseSortField, Scale } from '../../generated/graphql';
import { panelsZhCN } from '../../i18n/panels.zh-CN';
import { DetailCard } from './detail-card';
import {
  columnSortOrder,
  ledgerOrder,
  ledgerVariables,
  NO_LEDGER_FILTERS,
  type LedgerFilters,
} from './panel-model';
import { LEDGER_QUERY, type LedgerRow } from './queries';
import type { Focus } from './workbench.panel';

const PAGE_SIZE = 20;
const SCALES = Object.keys(panelsZhCN.scales) as Scale[];
const RISK_CLASSES = Object.keys(panelsZhCN.riskClasses);
const DEPARTMENTS = Object.keys(panelsZhCN.departments);

/** The enterprise ledger: filters, sortable columns, keyset pages (cursor by cursor), zoom to a row. */
export function EnterpriseLedger({ focus }: { focus: Focus }) {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<LedgerFilters>(NO_LEDGER_FILTERS);
  // cursors of the pages seen so far: [null, page 2's after, page 3's after …]
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [order, setOrder] = useState<EnterpriseOrder | null>(null);
  const [selected, setSelected] = useState<LedgerRow | null>(null);
  const after = cursors[cursors.length - 1];
  const { data, loading, previousData } = useQuery(LEDGER_QUERY, {
    variables: ledgerVariables(filters, { first: PAGE_SIZE, after }, order),
  });
  const page = (data ?? previousData)?.enterprises;

  const filter = (patch: Partial<LedgerFilters>) => {
    setFilters((current) => ({ ...current, ...patch }));
    setCursors([null]);
  };
  // a cursor holds its order (the API refuses it in another): a new order starts at page 1
  const sort: TableProps<LedgerRow>['onChange'] = (_pagination, _filters, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    setOrder(ledgerOrder((one?.columnKey as EnterpriseSortField | undefined) ?? null, one?.order));
    setCursors([null]);
  };
  const sortable = (field: EnterpriseSortField) => ({
    key: field,
    sorter: true,
    sortOrder: columnSortOrder(order, field),
  });
  const open = (row: LedgerRow) => {
    setSelected(row);
    focus({ type: 'Point', coordinates: [row.lon, row.lat] });
  };
  const options = <K extends string>(keys: K[], group: string) =>
    keys.map((key) => ({ value: key, label: t(`panels.${group}.${key}`) }));

  const columns: ColumnsType<LedgerRow> = [
    {
      ...sortable('NAME'),
      title: t('panels.ledger.name'),
      render: (_, row) => (
        <div className="wb-ledger-name">
          <span>{row.name}</span>
          <span className="wb-muted">{row.uscc}</span>
        </div>
      ),
    },
    {
      ...sortable('EMPLOYEES'),
      title: t('panels.ledger.employeesShort'),
      width: 60,
      align: 'right',
      render: (_, row) => row.employees.toLocaleString(i18n.language),
    },
    {
      ...sortable('SCALE'),
      showSorterTooltip: { title: t('panels.ledger.sortByScale') },
      title: t('panels.ledger.classes'),
      width: 96,
      render: (_, row) => (
        <div className="wb-tags">
          <Tag>{t(`panels.scales.${row.scale}`, { defaultValue: row.scale })}</Tag>
          {row.riskClasses.map((c) => (
            <Tag key={c} color="volcano">
              {t(`panels.riskClasses.${c}`, { defaultValue: c })}
            </Tag>
          ))}
          {row.nineSmall && <Tag color="gold">{t('panels.ledger.nineSmall')}</Tag>}
        </div>
      ),
    },
    {
      key: 'grid',
      title: t('panels.ledger.grid'),
      width: 88,
      render: (_, row) =>
        row.baseGrid ? (
          row.baseGrid.name
        ) : (
          <Tag color="red" data-testid="uncovered-tag">
            {t('panels.ledger.noGrid')}
          </Tag>
        ),
    },
  ];

  return (
    <div className="wb-ledger" data-testid="ledger">
      <div className="wb-filters">
        <Input.Search
          allowClear
          placeholder={t('panels.ledger.search')}
          onSearch={(search) => filter({ search })}
          data-testid="ledger-search"
        />
        <Select
          allowClear
          placeholder={t('panels.ledger.scale')}
          options={options(SCALES, 'scales')}
          value={filters.scale}
          onChange={(scale) => filter({ scale: scale ?? null })}
        />
        <Select
          allowClear
          placeholder={t('panels.ledger.riskClass')}
          options={options(RISK_CLASSES, 'riskClasses')}
          value={filters.riskClass}
          onChange={(riskClass) => filter({ riskClass: riskClass ?? null })}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('panels.ledger.department')}
          options={options(DEPARTMENTS, 'departments')}
          value={filters.departmentCode}
          onChange={(departmentCode) => filter({ departmentCode: departmentCode ?? null })}
        />
        <Checkbox
          checked={filters.uncoveredOnly}
          onChange={(e) => filter({ uncoveredOnly: e.target.checked })}
          data-testid="ledger-uncovered"
        >
          {t('panels.ledger.uncoveredOnly')}
        </Checkbox>
      </div>
      <Table<LedgerRow>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={page?.edges.map((e) => e.node) ?? []}
        loading={loading}
        pagination={false}
        rowClassName={(row) => (row.id === selected?.id ? 'wb-row-selected' : 'wb-row')}
        onRow={(row) => ({ onClick: () => open(row) })}
        onChange={sort}
        scroll={{ y: 300 }}
      />
      <div className="wb-pager">
        <span className="wb-muted" data-testid="ledger-total">
          {t('panels.ledger.total', {
            n: (page?.totalCount ?? 0).toLocaleString(i18n.language),
          })}{' '}
          · {t('panels.ledger.page', { page: cursors.length })}
        </span>
        <Button
          size="small"
          disabled={cursors.length === 1}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          {t('panels.ledger.previous')}
        </Button>
        <Button
          size="small"
          disabled={!page?.pageInfo.hasNextPage}
          onClick={() => page && setCursors((c) => [...c, page.pageInfo.endCursor])}
        >
          {t('panels.ledger.next')}
        </Button>
      </div>
      {selected && (
        <DetailCard
          testId="enterprise-card"
          title={selected.name}
          onZoom={() => open(selected)}
          facts={[
            { key: 'uscc', label: t('panels.ledger.uscc'), children: selected.uscc },
            {
              key: 'employees',
              label: t('panels.ledger.employees'),
              children: selected.employees.toLocaleString(i18n.language),
            },
            {
              key: 'grid',
              label: t('panels.ledger.grid'),
              children: selected.baseGrid ? (
                `${selected.baseGrid.name} (${selected.baseGrid.code})`
              ) : (
                <Tag color="red">{t('panels.ledger.noGrid')}</Tag>
              ),
            },
            ...(selected.address
              ? [
                  {
                    key: 'address',
                    label: t('panels.ledger.address'),
                    children: selected.address,
                  },
                ]
              : []),
            ...(selected.phone
              ? [{ key: 'phone', label: t('panels.ledger.phone'), children: selected.phone }]
              : []),
          ]}
        />
      )}
    </div>
  );
}
