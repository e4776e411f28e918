import { describe, expect, it } from '@jest/globals';
import { enterpriseMapClass, enterpriseMapClassRank } from './enterprise-class';

const plain = { riskClasses: [], nineSmall: false, scale: 'BELOW' as const };

describe('enterpriseMapClass', () => {
  it('calls any enterprise with a risk class high-risk, whatever else it is', () => {
    expect(
      enterpriseMapClass({ riskClasses: ['FIREWORKS'], nineSmall: true, scale: 'ABOVE' }),
    ).toBe('HIGH_RISK');
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

describe('enterpriseMapClassRank', () => {
  it('ranks high-risk above nine-small above above-scale above other', () => {
    const ranks = (['HIGH_RISK', 'NINE_SMALL', 'ABOVE_SCALE', 'OTHER'] as const).map(
      enterpriseMapClassRank,
    );
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    expect(new Set(ranks).size).toBe(4);
  });
});
