/**
 * The three SQL forms of "this enterprise lies in grid R's scope" (auth/scope.sql.ts) must
 * select the same enterprises: the set for grid filters, the per-row test for the viewer's
 * scope on lists, the walk up the parents for single rows. A hand-built fixture in metres
 * with two top-level grids, then one:
 *
 *   A (0 … 2000 m)         A1 (0 … 1000): base A1a, all of it
 *                          A2 (1000 … 2000): base A2a (1000 … 1800), 1800 … 2000 a gap
 *   B (4000 … 5000 m)      B1 (all of B): base B1a (4000 … 4800), 4800 … 5000 a gap
 *   enterprises: a1 in A1a, a2 in A2a, g in A2's gap, b1 in B1a, gB in B1's gap, out at 3000 m
 *
 * A top-level root also sees what lies in no base grid at all (ENTERPRISE_UNCOVERED is the
 * top level's), so A sees gB and B sees g; a lower root sees what lies in no base grid inside
 * its own boundary.
 */
import { openTestDatabase, type TestDatabase } from '@gridwarden/db';
import { enterpriseInScope, enterpriseUnderSql, enterpriseWithinSql } from '../src/auth/scope.sql';
import { loadFixture, rect, type Fixture } from './support/coverage-fixture';

// the two forms of a viewer's scope; enterpriseUnderSql is the "this grid or below it" filter
const FORMS = {
  enterpriseInScope,
  enterpriseWithinSql,
  enterpriseUnderSql,
} as const;
const SCOPE_FORMS = ['enterpriseInScope', 'enterpriseWithinSql'] as const;

describe('scope SQL forms', () => {
  let db: TestDatabase;
  let fixture: Fixture;

  beforeAll(async () => {
    db = await openTestDatabase('scope-sql');
    fixture = await loadFixture(
      db,
      [
        { code: 'A', level: 1, polygons: [rect(0, 0, 2000, 1000)] },
        { code: 'A1', level: 2, parent: 'A', polygons: [rect(0, 0, 1000, 1000)] },
        { code: 'A2', level: 2, parent: 'A', polygons: [rect(1000, 0, 2000, 1000)] },
        { code: 'A1a', level: 3, parent: 'A1', polygons: [rect(0, 0, 1000, 1000)] },
        { code: 'A2a', level: 3, parent: 'A2', polygons: [rect(1000, 0, 1800, 1000)] },
        { code: 'B', level: 1, polygons: [rect(4000, 0, 5000, 1000)] },
        { code: 'B1', level: 2, parent: 'B', polygons: [rect(4000, 0, 5000, 1000)] },
        { code: 'B1a', level: 3, parent: 'B1', polygons: [rect(4000, 0, 4800, 1000)] },
      ],
      [
        { key: 'a1', x: 500, y: 500 },
        { key: 'a2', x: 1500, y: 500 },
        { key: 'g', x: 1900, y: 500 },
        { key: 'b1', x: 4500, y: 500 },
        { key: 'gB', x: 4900, y: 500 },
        { key: 'out', x: 3000, y: 500 },
      ],
    );
  });
  afterAll(async () => {
    await db?.close();
  });

  /** The enterprise keys a form selects for a root grid, sorted. */
  async function selected(form: keyof typeof FORMS, rootCode: string): Promise<string[]> {
    const rows: { name: string }[] = await db.dataSource.query(
      `SELECT e.name FROM enterprise e WHERE ${FORMS[form]('e', '$1::bigint')} ORDER BY e.name`,
      [fixture.gridIds.get(rootCode)],
    );
    return rows.map((r) => r.name);
  }

  const expected: Record<string, string[]> = {
    A: ['a1', 'a2', 'g', 'gB', 'out'],
    A1: ['a1'],
    A2: ['a2', 'g'],
    A2a: ['a2'],
    B: ['b1', 'g', 'gB', 'out'],
    B1: ['b1', 'gB'],
  };

  it.each(SCOPE_FORMS)(
    '%s selects the same enterprises for every root with two top-level grids',
    async (form) => {
      for (const [root, keys] of Object.entries(expected)) {
        expect({ root, keys: await selected(form, root) }).toEqual({
          root,
          keys: [...keys].sort(),
        });
      }
    },
  );

  it('gives the only top-level grid everything, and still only its subtree to the others', async () => {
    await db.dataSource.query(
      `DELETE FROM enterprise WHERE name = 'b1';
       DELETE FROM grid_assignment WHERE grid_id IN (SELECT id FROM grid WHERE code LIKE 'B%');
       DELETE FROM grid WHERE code = 'B1a'; DELETE FROM grid WHERE code = 'B1'; DELETE FROM grid WHERE code = 'B'`,
    );
    for (const form of SCOPE_FORMS) {
      expect({ form, keys: await selected(form, 'A') }).toEqual({
        form,
        keys: ['a1', 'a2', 'g', 'gB', 'out'],
      });
      expect({ form, keys: await selected(form, 'A2') }).toEqual({ form, keys: ['a2', 'g'] });
      expect({ form, keys: await selected(form, 'A1') }).toEqual({ form, keys: ['a1'] });
    }
  });

  it('filters "this grid or below it" by what lies inside the grid, never what lies in no grid', async () => {
    // the filter form: a top-level grid holds what lies inside it, not the enterprises outside
    // every grid (those are its viewers' by scope, not by place)
    expect(await selected('enterpriseUnderSql', 'A')).toEqual(['a1', 'a2', 'g']);
    expect(await selected('enterpriseUnderSql', 'A2')).toEqual(['a2', 'g']);
    expect(await selected('enterpriseUnderSql', 'A1')).toEqual(['a1']);
  });
});
