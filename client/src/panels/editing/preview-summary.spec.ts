import { describe, expect, it } from '@jest/globals';
import type { GridChangePreview, PreviewViolation } from './editing.queries';
import { previewFeatures, summarizePreview } from './preview-summary';

const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ],
  ],
};

function violation(rule: string, geometry: PreviewViolation['geometry'] = null): PreviewViolation {
  return {
    rule,
    severity: 'ERROR',
    messageZh: rule,
    messageEn: rule,
    measure: null,
    unit: null,
    gridCodes: [],
    enterpriseIds: [],
    geometry,
  };
}

const preview: GridChangePreview = {
  operation: 'CREATE_GRID',
  violationsAdded: [violation('OVERLAP')],
  violationsRemoved: [
    violation('ENTERPRISE_UNCOVERED'),
    violation('GAP', square),
    violation('ENTERPRISE_UNCOVERED'),
  ],
  enterpriseMoves: [
    { enterpriseId: '7', name: 'A Co', fromGridCode: null, toGridCode: '371323001207' },
    { enterpriseId: '8', name: 'B Co', fromGridCode: '371323001201', toGridCode: '371323001207' },
  ],
  grids: [
    {
      id: '99',
      code: '371323001207',
      name: 'New',
      level: 3,
      kind: 'CREATED',
      enterpriseCountBefore: null,
      enterpriseCountAfter: 2,
      areaM2Before: null,
      areaM2After: 1000,
      boundaryAfter: square,
    },
    {
      id: '5',
      code: '371323001',
      name: 'Town',
      level: 2,
      kind: 'ENTERPRISES_CHANGED',
      enterpriseCountBefore: 10,
      enterpriseCountAfter: 10,
      areaM2Before: 5000,
      areaM2After: 5000,
      boundaryAfter: square,
    },
    {
      id: '6',
      code: '371323001201',
      name: 'Village',
      level: 3,
      kind: 'ENTERPRISES_CHANGED',
      enterpriseCountBefore: 4,
      enterpriseCountAfter: 3,
      areaM2Before: 800,
      areaM2After: 800,
      boundaryAfter: square,
    },
  ],
};

describe('summarizePreview', () => {
  it('counts violations added and removed per rule, GAP first', () => {
    expect(summarizePreview(preview).rules).toEqual([
      { rule: 'GAP', added: 0, removed: 1 },
      { rule: 'OVERLAP', added: 1, removed: 0 },
      { rule: 'ENTERPRISE_UNCOVERED', added: 0, removed: 2 },
    ]);
  });

  it('lists moves from → to and only the grids whose counts change (or are new)', () => {
    const summary = summarizePreview(preview);
    expect(summary.moves).toEqual([
      { enterpriseId: '7', name: 'A Co', from: null, to: '371323001207' },
      { enterpriseId: '8', name: 'B Co', from: '371323001201', to: '371323001207' },
    ]);
    expect(summary.counts.map((c) => [c.code, c.before, c.after])).toEqual([
      ['371323001207', null, 2],
      ['371323001201', 4, 3],
    ]);
  });

  it('says a gap is closed only when none is opened', () => {
    expect(summarizePreview(preview).closesGap).toBe(true);
    expect(summarizePreview({ ...preview, violationsAdded: [violation('GAP')] }).closesGap).toBe(
      false,
    );
    expect(summarizePreview({ ...preview, violationsRemoved: [] }).closesGap).toBe(false);
  });
});

describe('previewFeatures', () => {
  it('draws the result, the closed gap and the moving enterprises whose points are known', () => {
    const features = previewFeatures(preview, new Map([['8', [117.1, 35.2] as const]]));
    expect(
      features.map((f) => [f.properties.role, f.properties.rule ?? f.properties.label]),
    ).toEqual([
      ['result', '371323001207'],
      ['removed', 'GAP'],
      ['moved', 'B Co'],
    ]);
    expect(features[2].geometry).toEqual({ type: 'Point', coordinates: [117.1, 35.2] });
  });
});
