import { buildSchema, parse } from 'graphql';
import { costMeter } from './limits';

const schema = buildSchema(`
  type Item { id: ID! name: String! tags: [String!]! }
  type Query { items(first: Int = 10, last: Int): [Item!]! }
`);

const PAGE = parse(
  `query($n: Int = 30, $m: Int) { a: items(first: $n) { id name tags } b: items(last: $m) { id } }`,
);

describe('costMeter', () => {
  // two pages: (first n, 3 fields) and (last m, 1 field); a limit that 1,000 × 3 fields breaks
  const limit = 2_000;

  it('gives the verdict a fresh measurement gives, for each set of page sizes, in any order', () => {
    const kept = costMeter(limit);
    const cases: Record<string, unknown>[] = [
      { n: 1000, m: 1 },
      { n: 5, m: 1 },
      { n: 1000, m: 1 },
      {},
      { n: null },
      { m: 1000 },
      { n: 5, m: 1 },
      {},
    ];
    for (const variables of cases) {
      const fresh = costMeter(limit)(schema, PAGE, variables);
      expect(kept(schema, PAGE, variables)).toBe(fresh);
    }
    expect(kept(schema, PAGE, { n: 1000, m: 1 })).toMatch(/^Query Cost limit of 2000 exceeded/);
    expect(kept(schema, PAGE, { n: 5, m: 1 })).toBeNull();
  });

  it('keeps a left-out variable (its default) apart from one sent as null', () => {
    const meter = costMeter(20);
    // the default 30 rows of (id, name, tags) are over 20; null is no page size at all
    const left = meter(schema, PAGE, {});
    const sentNull = meter(schema, PAGE, { n: null });
    expect(left).toBe(costMeter(20)(schema, PAGE, {}));
    expect(sentNull).toBe(costMeter(20)(schema, PAGE, { n: null }));
    expect(left).not.toBe(sentNull);
  });

  it('measures again for a page size too long to keep', () => {
    const meter = costMeter(limit);
    const huge = { n: 'x'.repeat(100) };
    expect(meter(schema, PAGE, huge)).toBe(costMeter(limit)(schema, PAGE, huge));
  });
});
