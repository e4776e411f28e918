import { matchSectorRules } from './sector-match';

describe('matchSectorRules', () => {
  it('matches every rule whose industry prefix starts the code', () => {
    expect(matchSectorRules('C2614', [])).toEqual(['ECONOMIC', 'EMERGENCY']);
    expect(matchSectorRules('H6210', [])).toEqual(['FOOD_DRUG']);
  });

  it('matches by enterprise class whatever the industry', () => {
    expect(matchSectorRules('J6621', ['NINE_SMALL'])).toEqual(['POLICE']);
    expect(matchSectorRules('M7320', ['HAZARDOUS_CHEMICALS'])).toEqual(['EMERGENCY']);
  });

  it('finds no department for banking, law firms or research without a class', () => {
    expect(matchSectorRules('J6621', [])).toEqual([]);
    expect(matchSectorRules('L7221', [])).toEqual([]);
    expect(matchSectorRules('M7320', [])).toEqual([]);
  });

  it('lists a department once even when two of its rules match', () => {
    expect(matchSectorRules('C2672', ['FIREWORKS'])).toEqual([
      'ECONOMIC',
      'EMERGENCY',
      'POLICE',
      'MARKET',
    ]);
  });
});
