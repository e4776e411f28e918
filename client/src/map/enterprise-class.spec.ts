import { describe, expect, it } from '@jest/globals';
import {
  countByMapClass,
  enterpriseMapClass,
  enterpriseMapClassExpression,
  enterpriseMapClassRank,
  type EnterpriseClassFlags,
} from './enterprise-class';
import { evaluateExpression } from './layers/maplibre-style.testing';

const plain: EnterpriseClassFlags = { highRisk: false, nineSmall: false, scale: 'BELOW' };

describe('enterpriseMapClass', () => {
  it('calls any enterprise with a risk class high-risk, whatever else it is', () => {
    expect(enterpriseMapClass({ highRisk: true, nineSmall: true, scale: 'ABOVE' })).toBe(
      'HIGH_RISK',
    );
  });

  it('puts a nine-small venue before its scale', () => {
    expect(enterpriseMapClass({ ...plain, nineSmall: true, scale: 'ABOVE' })).toBe('NINE_SMALL');
  });

  it('marks above-designated-size enterprises', () => {
    expect(enterpriseMapClass({ ...plain, scale: 'ABOVE' })).toBe('ABOVE_SCALE');
  });

  it('leaves below-size, micro and individual businesses as other', () => {
    for (const scale of ['BELOW', 'MICRO', 'INDIVIDUAL'] as const) {
      expect(enterpriseMapClass({ ...plain, scale })).toBe('OTHER');
    }
  });
});

describe('enterpriseMapClassExpression', () => {
  const evaluate = (properties: Record<string, unknown>) =>
    evaluateExpression(enterpriseMapClassExpression(), properties);

  it('gives every combination of tile flags the class the function gives', () => {
    for (const high_risk of [true, false, undefined]) {
      for (const nine_small of [true, false]) {
        for (const scale of ['ABOVE', 'BELOW', 'MICRO', 'INDIVIDUAL']) {
          const flags = { highRisk: high_risk === true, nineSmall: nine_small, scale };
          expect([flags, evaluate({ high_risk, nine_small, scale })]).toEqual([
            flags,
            enterpriseMapClass(flags),
          ]);
        }
      }
    }
  });
});

describe('countByMapClass', () => {
  it('folds counts per flag combination into counts per class', () => {
    expect(
      countByMapClass([
        { highRisk: true, nineSmall: true, scale: 'ABOVE', count: 3 },
        { highRisk: false, nineSmall: true, scale: 'BELOW', count: 5 },
        { highRisk: false, nineSmall: false, scale: 'ABOVE', count: 7 },
        { highRisk: false, nineSmall: false, scale: 'MICRO', count: 11 },
        { highRisk: false, nineSmall: false, scale: 'BELOW', count: 13 },
      ]),
    ).toEqual({ HIGH_RISK: 3, NINE_SMALL: 5, ABOVE_SCALE: 7, OTHER: 24 });
  });
});

describe('enterpriseMapClassRank', () => {
  it('ranks high-risk above nine-small above above-scale above other', () => {
    const ranks = (['HIGH_RISK', 'NINE_SMALL', 'ABOVE_SCALE', 'OTHER'] as const).map(
      enterpriseMapClassRank,
    );
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    expect(new Set(ranks).size).toBe(4);
  });
});
