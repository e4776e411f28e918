/**
 * enterprises(orderBy): keyset pages in every order return every enterprise exactly once, in
 * the order the data says (ties on name, employees and scale broken by id), inside the
 * viewer's scope; a cursor is only good for the order it was made in. On the TWO_TOWNS
 * county (support/coverage-fixture.ts), 30 enterprises, six of them in its gap.
 */
import { openTestDatabase, type TestDatabase } from '@gridwarden/db';
import type { Role, Viewer } from '../src/auth/viewer';
import type { Queryable } from '../src/coverage/rule.runner';
import { EnterpriseRepository } from '../src/enterprises/enterprise.repository';
import { EnterpriseSortField, SortDirection } from '../src/enterprises/enterprise.types';
import { encodeCursor } from '../src/graphql/pagination';
import { loadFixture, TWO_TOWNS, type Fixture } from './support/coverage-fixture';
import { startTestServer, type GraphQLResponse, type TestServer } from './support/test-server';

interface Row {
  id: string;
  name: string;
  uscc: string;
  employees: number;
  scale: string;
  baseGrid: { code: string } | null;
}
interface Page {
  enterprises: {
    totalCount: number;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
    edges: { cursor: string; node: Row }[];
  };
}

const PAGE = `query($first: Int!, $after: String, $orderBy: EnterpriseOrder, $gridId: ID) {
  enterprises(first: $first, after: $after, orderBy: $orderBy, gridId: $gridId) {
    totalCount pageInfo { endCursor hasNextPage }
    edges { cursor node { id name uscc employees scale baseGrid { code } } }
  } }`;

type Field = 'ID' | 'NAME' | 'USCC' | 'EMPLOYEES' | 'SCALE';
const FIELDS: Field[] = ['ID', 'NAME', 'USCC', 'EMPLOYEES', 'SCALE'];
const SCALE_RANK: Record<string, number> = { INDIVIDUAL: 1, MICRO: 2, BELOW: 3, ABOVE: 4 };

/** The sort key of a row as the API documents it (text by code point). */
function keyOf(row: Row, field: Field): string | bigint | number {
  switch (field) {
    case 'ID':
      return BigInt(row.id);
    case 'NAME':
      return row.name;
    case 'USCC':
      return row.uscc;
    case 'EMPLOYEES':
      return row.employees;
    case 'SCALE':
      return SCALE_RANK[row.scale];
  }
}

function compare(a: string | bigint | number, b: string | bigint | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The rows sorted by the field, ties by id, both in the direction. */
function expectedOrder(rows: Row[], field: Field, descending: boolean): string[] {
  const sign = descending ? -1 : 1;
  return [...rows]
    .sort(
      (a, b) =>
        sign * (compare(keyOf(a, field), keyOf(b, field)) || compare(BigInt(a.id), BigInt(b.id))),
    )
    .map((r) => r.id);
}

function data<T>(res: GraphQLResponse<T>): T {
  expect(res.errors).toBeUndefined();
  return res.data as T;
}

describe('enterprises(orderBy): keyset pages in every order', () => {
  let db: TestDatabase;
  let fixture: Fixture;
  const servers: Record<'county' | 'town', TestServer> = {} as never;

  /** Every page of `first` in the order, following endCursor; the ids in the order they came. */
  async function allPages(
    server: TestServer,
    orderBy: { field: Field; direction: 'ASC' | 'DESC' } | null,
    first: number,
  ): Promise<{ ids: string[]; pages: number; totalCount: number }> {
    const ids: string[] = [];
    let after: string | null = null;
    let pages = 0;
    let totalCount = 0;
    for (;;) {
      const page: Page = data(await server.graphql<Page>(PAGE, { first, after, orderBy }));
      pages++;
      totalCount = page.enterprises.totalCount;
      ids.push(...page.enterprises.edges.map((e) => e.node.id));
      if (!page.enterprises.pageInfo.hasNextPage) break;
      after = page.enterprises.pageInfo.endCursor;
      expect(pages).toBeLessThan(100);
    }
    return { ids, pages, totalCount };
  }

  /** Every enterprise the server sees, read in one page (the order is not what is tested). */
  async function everyRow(server: TestServer): Promise<Row[]> {
    const page = data(await server.graphql<Page>(PAGE, { first: 5000 }));
    return page.enterprises.edges.map((e) => e.node);
  }

  beforeAll(async () => {
    db = await openTestDatabase('enterprise_order');
    // 30 enterprises over four base grids and the gap
    const xs = [250, 750, 1250, 1650, 1900];
    fixture = await loadFixture(
      db,
      TWO_TOWNS,
      Array.from({ length: 30 }, (_, i) => ({ key: `e${i}`, x: xs[i % 5], y: 100 + 25 * i })),
    );
    // names, employees and scales with many ties; Chinese and Latin names side by side
    await db.dataSource.query(
      `UPDATE enterprise SET
         name = (ARRAY['沂水化工有限公司', 'Alpha 商贸', '沂水化工有限公司', '阿里五金店', 'alpha 商贸', 'Zeta'])[1 + (id % 6)],
         employees = (ARRAY[0, 12, 5, 12, 300, 5, 0])[1 + (id % 7)],
         scale = (ARRAY['ABOVE', 'MICRO', 'INDIVIDUAL', 'MICRO', 'BELOW'])[1 + (id % 5)]`,
    );
    const as = (role: Role, scope: string): Viewer => ({
      userId: '1',
      username: role.toLowerCase(),
      role,
      scopeGridId: fixture.gridIds.get(scope) as string,
      personId: null,
    });
    servers.county = await startTestServer(db, { viewer: as('SUPERVISOR', 'R') });
    servers.town = await startTestServer(db, { viewer: as('OFFICER', 'R01') });
  });
  afterAll(async () => {
    for (const s of Object.values(servers)) await s?.close();
    await db?.close();
  });

  it('has ties to break and enterprises in no base grid', async () => {
    const rows = await everyRow(servers.county);
    expect(rows).toHaveLength(30);
    expect(new Set(rows.map((r) => r.name)).size).toBe(5);
    expect(new Set(rows.map((r) => r.employees)).size).toBe(4);
    expect(rows.filter((r) => r.baseGrid == null)).toHaveLength(6);
  });

  for (const field of FIELDS) {
    for (const direction of ['ASC', 'DESC'] as const) {
      it(`pages through every enterprise once by ${field} ${direction}, ties by id`, async () => {
        const rows = await everyRow(servers.county);
        const { ids, pages, totalCount } = await allPages(servers.county, { field, direction }, 4);
        expect(pages).toBe(8);
        expect(totalCount).toBe(30);
        expect(new Set(ids).size).toBe(30);
        expect(ids).toEqual(expectedOrder(rows, field, direction === 'DESC'));
      });
    }
  }

  it('keeps id order and plain id cursors without orderBy', async () => {
    const rows = await everyRow(servers.county);
    const { ids } = await allPages(servers.county, null, 7);
    expect(ids).toEqual(expectedOrder(rows, 'ID', false));
    const page = data(await servers.county.graphql<Page>(PAGE, { first: 1 }));
    expect(page.enterprises.pageInfo.endCursor).toBe(encodeCursor('enterprise', ids[0]));
  });

  it('sorts only what the scope holds: a town officer pages through the town', async () => {
    const town = await everyRow(servers.town);
    expect(town.map((r) => r.baseGrid?.code).sort()).toEqual([
      ...Array(6).fill('R01-01'),
      ...Array(6).fill('R01-02'),
    ]);
    for (const field of ['NAME', 'EMPLOYEES'] as const) {
      const { ids, totalCount } = await allPages(servers.town, { field, direction: 'DESC' }, 5);
      expect(totalCount).toBe(12);
      expect(ids).toEqual(expectedOrder(town, field, true));
    }
  });

  it('refuses a cursor made under another order, saying which', async () => {
    const byName = data(
      await servers.county.graphql<Page>(PAGE, {
        first: 3,
        orderBy: { field: 'NAME', direction: 'ASC' },
      }),
    ).enterprises.pageInfo.endCursor;
    const byId = data(await servers.county.graphql<Page>(PAGE, { first: 3 })).enterprises.pageInfo
      .endCursor;
    const cases: [string | null, unknown, RegExp][] = [
      [
        byName,
        { field: 'EMPLOYEES', direction: 'DESC' },
        /^"after" is a cursor of enterprises ordered by NAME ASC, but this request orders them by EMPLOYEES DESC; leave out "after"/,
      ],
      [
        byName,
        { field: 'NAME', direction: 'DESC' },
        /ordered by NAME ASC, but this request orders them by NAME DESC/,
      ],
      [byName, null, /ordered by NAME ASC, but this request orders them by ID ASC/],
      [
        byId,
        { field: 'NAME', direction: 'ASC' },
        /ordered by ID ASC, but this request orders them by NAME ASC/,
      ],
    ];
    for (const [after, orderBy, message] of cases) {
      const res = await servers.county.graphql(PAGE, { first: 3, after, orderBy });
      expect(res.data).toBeNull();
      expect(res.errors?.[0]).toMatchObject({
        message: expect.stringMatching(message),
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
  });

  it('refuses a cursor that is not one of ours', async () => {
    const forged = [
      'not-a-cursor',
      encodeCursor('grid', '5'),
      encodeCursor('enterprise', 'NAME ASC:["a"]'),
      encodeCursor('enterprise', 'NAME ASC:["a","x1"]'),
      encodeCursor('enterprise', 'NAME ASC:[not json'),
      encodeCursor('enterprise', 'NAME ASC:[{"a":1},"5"]'),
    ];
    for (const after of forged) {
      const res = await servers.county.graphql(PAGE, {
        first: 3,
        after,
        orderBy: { field: 'NAME', direction: 'ASC' },
      });
      expect(res.errors?.[0]).toMatchObject({
        message: `"after" is not a enterprise cursor from this API: ${JSON.stringify(after)}`,
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
  });

  it('reads every order through its index (migration 900), both ways', async () => {
    const samples: Record<Exclude<Field, 'ID'>, string | number> = {
      NAME: 'M',
      USCC: '91',
      EMPLOYEES: 5,
      SCALE: 2,
    };
    for (const [field, key] of Object.entries(samples)) {
      for (const direction of [SortDirection.ASC, SortDirection.DESC]) {
        const sql: [string, unknown[]][] = [];
        const capture = new EnterpriseRepository({
          query: (async (text: string, params?: unknown[]) => {
            sql.push([text, params ?? []]);
            return [];
          }) as Queryable['query'],
        });
        const order = { field: field as EnterpriseSortField, direction };
        await capture.page({ scopeGridId: fixture.gridIds.get('R') }, order, { key, id: '7' }, 21);
        // with sorting and scans off, only an index that yields this order can answer
        const plan: { 'QUERY PLAN': string }[] = await db.dataSource.transaction(async (m) => {
          await m.query('SET LOCAL enable_seqscan = off');
          await m.query('SET LOCAL enable_sort = off');
          return m.query(`EXPLAIN ${sql[0][0]}`, sql[0][1]);
        });
        const text = plan.map((row) => row['QUERY PLAN']).join('\n');
        expect({ field, direction, text }).toEqual({
          field,
          direction,
          text: expect.stringMatching(
            new RegExp(`Index Scan(?: Backward)? using enterprise_${field.toLowerCase()}_order`),
          ),
        });
        expect(text).not.toMatch(/Sort Key/);
      }
    }
  });

  it('refuses a sort field that does not exist', async () => {
    const res = await servers.county.graphql(PAGE, {
      first: 3,
      orderBy: { field: 'PHONE', direction: 'ASC' },
    });
    expect(res.errors?.[0].message).toMatch(
      /Value "PHONE" does not exist in "EnterpriseSortField"/,
    );
  });
});
