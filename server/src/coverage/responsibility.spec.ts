import { matchSectorRules } from '../../../db/src/reference/sector-match';
import { enterpriseClasses, sectorClasses, type ClassifiedEnterprise } from './responsibility';

const plain: ClassifiedEnterprise = {
  scale: 'MICRO',
  industryCode: 'C3311',
  riskClasses: [],
  majorHazard: false,
  nineSmall: false,
  keyFireUnit: false,
};

describe('enterpriseClasses', () => {
  it('classes a firm by its scale', () => {
    expect(enterpriseClasses({ ...plain, scale: 'ABOVE' })).toEqual(['ABOVE_SCALE']);
    expect(enterpriseClasses({ ...plain, scale: 'BELOW' })).toEqual(['BELOW_SCALE']);
    expect(enterpriseClasses({ ...plain, scale: 'MICRO' })).toEqual(['MICRO_INDIVIDUAL']);
    expect(enterpriseClasses({ ...plain, scale: 'INDIVIDUAL' })).toEqual(['MICRO_INDIVIDUAL']);
  });

  it('classes a firm high-risk by a risk class or a major hazard installation', () => {
    expect(enterpriseClasses({ ...plain, riskClasses: ['FIREWORKS'] })).toContain('HIGH_RISK');
    expect(enterpriseClasses({ ...plain, majorHazard: true })).toContain('HIGH_RISK');
    expect(enterpriseClasses(plain)).not.toContain('HIGH_RISK');
  });

  it('classes nine-small venues and key fire-safety units by their flags', () => {
    expect(enterpriseClasses({ ...plain, nineSmall: true, keyFireUnit: true })).toEqual([
      'NINE_SMALL',
      'KEY_FIRE_UNIT',
      'MICRO_INDIVIDUAL',
    ]);
  });

  it('classes construction, trade and logistics, and agriculture by industry section', () => {
    expect(enterpriseClasses({ ...plain, industryCode: 'E4710' })).toContain('CONSTRUCTION');
    expect(enterpriseClasses({ ...plain, industryCode: 'F5212' })).toContain('TRADE_LOGISTICS');
    expect(enterpriseClasses({ ...plain, industryCode: 'G5430' })).toContain('TRADE_LOGISTICS');
    expect(enterpriseClasses({ ...plain, industryCode: 'A0111' })).toContain('AGRICULTURE');
    expect(enterpriseClasses({ ...plain, industryCode: 'L7211' })).toEqual(['MICRO_INDIVIDUAL']);
  });

  it('lists classes in the order of ENTERPRISE_CLASSES', () => {
    expect(
      enterpriseClasses({
        scale: 'ABOVE',
        industryCode: 'F5165',
        riskClasses: ['HAZARDOUS_CHEMICALS'],
        majorHazard: true,
        nineSmall: true,
        keyFireUnit: true,
      }),
    ).toEqual(['ABOVE_SCALE', 'HIGH_RISK', 'NINE_SMALL', 'KEY_FIRE_UNIT', 'TRADE_LOGISTICS']);
  });
});

describe('sectorClasses', () => {
  it('adds the risk classes so class rules on them match', () => {
    const chemicalsInRealEstate = { ...plain, industryCode: 'L7211', riskClasses: ['HAZARDOUS_CHEMICALS' as const] };
    expect(sectorClasses(chemicalsInRealEstate)).toEqual([
      'HIGH_RISK',
      'MICRO_INDIVIDUAL',
      'HAZARDOUS_CHEMICALS',
    ]);
    expect(matchSectorRules('L7211', sectorClasses(chemicalsInRealEstate))).toEqual(['EMERGENCY']);
    expect(matchSectorRules('L7211', sectorClasses({ ...plain, industryCode: 'L7211' }))).toEqual([]);
  });
});
