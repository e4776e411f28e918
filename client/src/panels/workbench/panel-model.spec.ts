import { describe, expect, it } from '@jest/globals';
import {
  coveredPercent,
  columnSortOrder,
  enterpriseBand,
  formatArea,
  formatDistance,
  geometryExtent,
  groupViolations,
  ledgerOrder,
  ledgerVariables,
  NO_LEDGER_FILTERS,
  rankByScore,
  townOf,
} from './panel-model';

describe('enterpriseBand', () => {
  const base = { isBase: true, sizeExempt: false };
  it('marks base grids under, within and over 50–100, edges included', () => {
    expect([49, 50, 100, 101].map((n) => enterpriseBand(n, base))).toEqual([
      'under',
      'within',
      'within',
      'over',
    ]);
  });
  it('says exempt for exempt grids and nothing above the base level', () => {
    expect(enterpriseBand(3, { isBase: true, sizeExempt: true })).toBe('exempt');
    expect(enterpriseBand(3000, { isBase: false, sizeExempt: false })).toBeNull();
  });
});

describe('groupViolations', () => {
  const towns = [
    { code: '371323001', name: '城关街道' },
    { code: '371323002', name: '东关街道' },
  ];
  const v = (id: string, rule: string, ...codes: string[]) => ({
    id,
    rule,
    grids: codes.map((code) => ({ code })),
  });

  it('finds the town from the first grid lying in one', () => {
    expect(townOf(v('1', 'GAP', '371323', '371323002001-02'), towns)?.name).toBe('东关街道');
    expect(townOf(v('1', 'GAP', '371323'), towns)).toBeNull();
  });

  it('groups by rule in rule order, then by town code, violations in no town last', () => {
    const groups = groupViolations(
      [
        v('1', 'GRID_UNSTAFFED', '371323001001-01'),
        v('2', 'GAP', '371323'),
        v('3', 'GAP', '371323002001'),
        v('4', 'OVERLAP', '371323001001-01', '371323001001-02'),
        v('5', 'GAP', '371323001003'),
        v('6', 'GAP', '371323002009'),
      ],
      towns,
    );
    expect(
      groups.map((g) => [
        g.rule,
        g.count,
        g.towns.map((t) => [t.town?.code ?? null, t.items.map((i) => i.id)]),
      ]),
    ).toEqual([
      [
        'GAP',
        4,
        [
          ['371323001', ['5']],
          ['371323002', ['3', '6']],
          [null, ['2']],
        ],
      ],
      ['OVERLAP', 1, [['371323001', ['4']]]],
      ['GRID_UNSTAFFED', 1, [['371323001', ['1']]]],
    ]);
  });

  it('keeps one group per rule without towns', () => {
    const groups = groupViolations([v('1', 'GAP'), v('2', 'ZZZ'), v('3', 'GAP')], null);
    expect(groups.map((g) => [g.rule, g.towns.length, g.towns[0].items.length])).toEqual([
      ['GAP', 1, 2],
      ['ZZZ', 1, 1],
    ]);
  });
});

describe('ledgerVariables', () => {
  it('leaves out unset filters and the first page cursor', () => {
    expect(ledgerVariables(NO_LEDGER_FILTERS, { first: 20, after: null })).toEqual({ first: 20 });
  });
  it('passes every set filter, trimmed, and the cursor', () => {
    expect(
      ledgerVariables(
        {
          search: '  化工 ',
          scale: 'ABOVE',
          riskClass: 'HAZARDOUS_CHEMICALS',
          departmentCode: 'EMERGENCY',
          uncoveredOnly: true,
        },
        { first: 50, after: 'abc' },
      ),
    ).toEqual({
      first: 50,
      after: 'abc',
      search: '化工',
      scale: 'ABOVE',
      riskClass: 'HAZARDOUS_CHEMICALS',
      departmentCode: 'EMERGENCY',
      uncoveredOnly: true,
    });
  });
  it('passes the order a column asks for, and none for the default id order', () => {
    const page = { first: 20, after: null };
    expect(ledgerVariables(NO_LEDGER_FILTERS, page, null)).toEqual({ first: 20 });
    expect(
      ledgerVariables(NO_LEDGER_FILTERS, page, { field: 'EMPLOYEES', direction: 'DESC' }),
    ).toEqual({ first: 20, orderBy: { field: 'EMPLOYEES', direction: 'DESC' } });
  });
});

describe('ledger order', () => {
  it('maps the table sorter to the API order, and a cleared sorter to none', () => {
    expect(ledgerOrder('NAME', 'ascend')).toEqual({ field: 'NAME', direction: 'ASC' });
    expect(ledgerOrder('EMPLOYEES', 'descend')).toEqual({ field: 'EMPLOYEES', direction: 'DESC' });
    expect(ledgerOrder('SCALE', null)).toBeNull();
    expect(ledgerOrder('SCALE', undefined)).toBeNull();
    expect(ledgerOrder(null, 'ascend')).toBeNull();
  });
  it('shows the order on its column only', () => {
    const order = { field: 'NAME', direction: 'DESC' } as const;
    expect(columnSortOrder(order, 'NAME')).toBe('descend');
    expect(columnSortOrder({ field: 'NAME', direction: 'ASC' }, 'NAME')).toBe('ascend');
    expect(columnSortOrder(order, 'EMPLOYEES')).toBeNull();
    expect(columnSortOrder(null, 'NAME')).toBeNull();
  });
});

describe('formatting', () => {
  it('writes metres under a kilometre and kilometres above', () => {
    expect(formatDistance(37.4, 'en')).toBe('37 m');
    expect(formatDistance(1234, 'en')).toBe('1.2 km');
  });
  it('writes areas in m², ha or km²', () => {
    expect(formatArea(512.3, 'en')).toBe('512 m²');
    expect(formatArea(25_000, 'en')).toBe('2.5 ha');
    expect(formatArea(3_456_000, 'en')).toBe('3.46 km²');
  });
});

describe('geometryExtent', () => {
  it('spans points, polygons and multipolygons', () => {
    expect(geometryExtent({ type: 'Point', coordinates: [118.5, 35.1] })).toEqual([
      118.5, 35.1, 118.5, 35.1,
    ]);
    expect(
      geometryExtent({
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [1, 2],
              [3, 2],
              [3, 5],
              [1, 2],
            ],
          ],
          [
            [
              [-1, 0],
              [0, 0],
              [0, 1],
              [-1, 0],
            ],
          ],
        ],
      }),
    ).toEqual([-1, 0, 3, 5]);
  });
  it('is null without coordinates', () => {
    expect(geometryExtent(null)).toBeNull();
    expect(geometryExtent({ type: 'Polygon', coordinates: [] })).toBeNull();
  });
});

describe('rankByScore', () => {
  it('puts the lowest score first, then by code', () => {
    expect(
      rankByScore([
        { code: 'b', score: 80 },
        { code: 'c', score: 40 },
        { code: 'a', score: 80 },
      ]).map((t) => t.code),
    ).toEqual(['c', 'a', 'b']);
  });
});

describe('coveredPercent', () => {
  it('never reads 100 % while a gap is left, and reads 100 % when there is none', () => {
    expect(coveredPercent(0.99996, 'en')).toBe('99.9%');
    expect(coveredPercent(0.9995, 'en')).toBe('99.9%');
    expect(coveredPercent(1, 'en')).toBe('100%');
    expect(coveredPercent(0.5, 'zh-CN')).toBe('50%');
    expect(coveredPercent(0.87654, 'en')).toBe('87.6%');
    expect(coveredPercent(-0.1, 'en')).toBe('0%');
  });
});
