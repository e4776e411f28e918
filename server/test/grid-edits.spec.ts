/**
 * Grid mutations over HTTP on the real database (PostGIS with DATABASE_URL, else embedded):
 * geometry, versions, history, audit_log, enterprise reassignment, stored coverage results
 * equal to a fresh full audit, concurrency, authorisation and refusals that change nothing.
 */
import { testDatabaseUrl } from '@gridwarden/db';
import { at, ring } from './support/coverage-fixture';
import { box, editSpec, fingerprint, storedAndFresh, storedRules } from './support/edit-fixture';
import { startTestServer, type GraphQLResponse } from './support/test-server';

const GRID = `id code name level parentId version areaM2 boundary`;
const CREATE = `mutation($input: CreateGridInput!) { createGrid(input: $input) { ${GRID} } }`;
const UPDATE = `mutation($input: UpdateGridBoundaryInput!) { updateGridBoundary(input: $input) { ${GRID} } }`;
const SPLIT = `mutation($input: SplitGridInput!) { splitGrid(input: $input) { ${GRID} } }`;
const MERGE = `mutation($input: MergeGridsInput!) { mergeGrids(input: $input) { ${GRID} } }`;
const DELETE = `mutation($input: DeleteGridInput!) { deleteGrid(input: $input) { ${GRID} } }`;

interface GridOut {
  id: string;
  code: string;
  name: string;
  level: number;
  parentId: string | null;
  version: number;
  areaM2: number;
  boundary: { type: string; coordinates: number[][][][] };
}

type Errors = GraphQLResponse<unknown>['errors'];
const codeOf = (errors: Errors) => errors?.[0]?.extensions?.code;

describe('grid edits', () => {
  const spec = editSpec('grid_edits');
  const { grid, query: q } = spec;
  const ent = spec.enterprise;
  const admin = () => spec.as('ADMIN');
  const planner = (scope = 'C') => spec.as('PLANNER', scope);
  const baseGrid = async (key: string) =>
    (await q(`SELECT base_grid_id::text AS g FROM enterprise WHERE id = $1`, [ent(key)]))[0].g;

  it('creates a base grid in a gap: derived code, version 1, enterprises move in, the gap closes, audit_log', async () => {
    expect(await storedRules(spec.db, grid('C02'))).toContain('GAP');
    const res = await (
      await admin()
    ).graphql<{ createGrid: GridOut }>(CREATE, {
      input: { parentId: grid('C02'), name: '东片', boundary: box(300, 0, 400, 200) },
    });
    expect(res.errors).toBeUndefined();
    const created = res.data!.createGrid;
    expect(created).toMatchObject({
      code: 'C02-02',
      name: '东片',
      level: 3,
      parentId: grid('C02'),
      version: 1,
    });
    expect(created.areaM2).toBeGreaterThan(19_800);
    expect(created.areaM2).toBeLessThan(20_200);
    expect(await baseGrid('e7')).toBe(created.id);
    expect(await storedRules(spec.db, grid('C02'))).not.toContain('GAP');
    const log = await q(
      `SELECT actor_user_id, actor_username, action, entity_type, entity_id, before, after FROM audit_log`,
    );
    expect(log).toEqual([
      expect.objectContaining({
        actor_user_id: 'admin-C',
        action: 'CREATE_GRID',
        entity_type: 'GRID',
        entity_id: created.id,
        before: null,
        after: expect.objectContaining({
          code: 'C02-02',
          version: 1,
          boundary: expect.objectContaining({ type: 'MultiPolygon' }),
        }),
      }),
    ]);
    const { stored, fresh } = await storedAndFresh(spec.db);
    expect(stored).toEqual(fresh);
  });

  it('reshapes a grid and cuts its sibling back (trimSiblings EXISTING): versions, history, reassignment, no overlap', async () => {
    expect(await baseGrid('e3')).toBe(grid('C01-02'));
    const res = await (
      await planner()
    ).graphql<{ updateGridBoundary: GridOut }>(UPDATE, {
      input: {
        id: grid('C01-01'),
        expectedVersion: 1,
        boundary: box(0, 0, 130, 200),
        options: { trimSiblings: 'EXISTING' },
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateGridBoundary).toMatchObject({ id: grid('C01-01'), version: 2 });
    expect(res.data!.updateGridBoundary.areaM2).toBeGreaterThan(25_800);
    expect(await baseGrid('e3')).toBe(grid('C01-01'));
    expect(await baseGrid('e4')).toBe(grid('C01-02'));
    const rows = await q(
      `SELECT code, version, round(area_m2) AS area FROM grid WHERE code IN ('C01-01', 'C01-02') ORDER BY code`,
    );
    expect(rows.map((r: { code: string; version: number }) => [r.code, r.version])).toEqual([
      ['C01-01', 2],
      ['C01-02', 2],
    ]);
    expect(Number(rows[1].area)).toBeGreaterThan(13_800);
    expect(Number(rows[1].area)).toBeLessThan(14_200);
    const history = await q(`SELECT id::text AS id, version FROM grid_history ORDER BY id`);
    expect(history).toEqual([
      { id: grid('C01-01'), version: 1 },
      { id: grid('C01-02'), version: 1 },
    ]);
    const log = await q(`SELECT action, entity_id FROM audit_log ORDER BY entity_id`);
    expect(log).toEqual([
      { action: 'UPDATE_GRID_BOUNDARY', entity_id: grid('C01-01') },
      { action: 'UPDATE_GRID_BOUNDARY', entity_id: grid('C01-02') },
    ]);
    expect(await storedRules(spec.db, grid('C01'))).toEqual([]);
    const { stored, fresh } = await storedAndFresh(spec.db);
    expect(stored).toEqual(fresh);
  });

  it('renames and un-exempts a grid without touching its boundary; GRID_SIZE follows', async () => {
    const [{ b: before }] = await q(`SELECT ST_AsText(boundary) AS b FROM grid WHERE id = $1`, [
      grid('C01-02'),
    ]);
    const res = await (
      await admin()
    ).graphql<{ updateGridBoundary: GridOut }>(UPDATE, {
      input: { id: grid('C01-02'), expectedVersion: 1, name: '新名', sizeExempt: false },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateGridBoundary).toMatchObject({ name: '新名', version: 2 });
    const [{ b: after }] = await q(`SELECT ST_AsText(boundary) AS b FROM grid WHERE id = $1`, [
      grid('C01-02'),
    ]);
    expect(after).toBe(before);
    expect(await storedRules(spec.db, grid('C01-02'))).toContain('GRID_SIZE');
    const { stored, fresh } = await storedAndFresh(spec.db);
    expect(stored).toEqual(fresh);
  });

  it('splits a grid along a line: the larger piece keeps the grid, the other gets the next code, staff and its enterprises', async () => {
    const line = { type: 'LineString', coordinates: [at(40, -10), at(40, 210)] };
    const res = await (
      await admin()
    ).graphql<{ splitGrid: GridOut[] }>(SPLIT, {
      input: { id: grid('C01-01'), expectedVersion: 1, line },
    });
    expect(res.errors).toBeUndefined();
    const [kept, piece] = res.data!.splitGrid;
    expect(kept).toMatchObject({ id: grid('C01-01'), code: 'C01-01', version: 2 });
    expect(piece).toMatchObject({
      code: 'C01-03',
      name: 'C01-01（2）',
      version: 1,
      parentId: grid('C01'),
      level: 3,
    });
    expect(kept.areaM2).toBeGreaterThan(11_800);
    expect(kept.areaM2).toBeLessThan(12_200);
    expect(piece.areaM2).toBeGreaterThan(7_800);
    expect(piece.areaM2).toBeLessThan(8_200);
    expect(await baseGrid('e1')).toBe(piece.id);
    expect(await baseGrid('e2')).toBe(kept.id);
    const staff = await q(
      `SELECT a.grid_id::text AS g, p.name, a.role, a.until FROM grid_assignment a JOIN person p ON p.id = a.person_id
       WHERE a.grid_id = ANY ($1::bigint[]) ORDER BY a.id`,
      [[kept.id, piece.id]],
    );
    expect(staff).toEqual([
      { g: kept.id, name: '网格员C01-01', role: 'OFFICER', until: null },
      { g: piece.id, name: '网格员C01-01', role: 'OFFICER', until: null },
    ]);
    expect(await q(`SELECT id::text AS id, version FROM grid_history`)).toEqual([
      { id: kept.id, version: 1 },
    ]);
    const log = await q(`SELECT action, entity_type, entity_id FROM audit_log ORDER BY id`);
    expect(log).toEqual(
      expect.arrayContaining([
        { action: 'SPLIT_GRID', entity_type: 'GRID', entity_id: kept.id },
        { action: 'SPLIT_GRID', entity_type: 'GRID', entity_id: piece.id },
        expect.objectContaining({ action: 'SPLIT_GRID', entity_type: 'GRID_ASSIGNMENT' }),
      ]),
    );
    expect(await storedRules(spec.db, grid('C01'))).toEqual([]);
    const { stored, fresh } = await storedAndFresh(spec.db);
    expect(stored).toEqual(fresh);
  });

  it('merges two siblings into the first: the other is deleted into history, its enterprises and staff move', async () => {
    const res = await (
      await admin()
    ).graphql<{ mergeGrids: GridOut }>(MERGE, {
      input: {
        grids: [
          { id: grid('C01-01'), expectedVersion: 1 },
          { id: grid('C01-02'), expectedVersion: 1 },
        ],
        name: '合并网格',
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.mergeGrids).toMatchObject({
      id: grid('C01-01'),
      code: 'C01-01',
      name: '合并网格',
      version: 2,
    });
    expect(res.data!.mergeGrids.areaM2).toBeGreaterThan(39_600);
    expect(res.data!.mergeGrids.areaM2).toBeLessThan(40_400);
    expect(await q(`SELECT id FROM grid WHERE id = $1`, [grid('C01-02')])).toEqual([]);
    expect(
      await q(`SELECT code, version FROM grid_history WHERE id = $1`, [grid('C01-02')]),
    ).toEqual([{ code: 'C01-02', version: 1 }]);
    for (const key of ['e1', 'e2', 'e3', 'e4', 'e5'])
      expect(await baseGrid(key)).toBe(grid('C01-01'));
    const staff = await q(
      `SELECT a.grid_id::text AS g, p.name, a.until IS NULL AS running FROM grid_assignment a
       JOIN person p ON p.id = a.person_id WHERE p.name = '网格员C01-02' ORDER BY a.id`,
    );
    expect(staff).toEqual([
      { g: grid('C01-02'), name: '网格员C01-02', running: false },
      { g: grid('C01-01'), name: '网格员C01-02', running: true },
    ]);
    const log = await q(
      `SELECT entity_type, entity_id, after IS NULL AS gone FROM audit_log WHERE entity_type = 'GRID' ORDER BY entity_id`,
    );
    expect(log).toEqual([
      { entity_type: 'GRID', entity_id: grid('C01-01'), gone: false },
      { entity_type: 'GRID', entity_id: grid('C01-02'), gone: true },
    ]);
    const referencing = await q(
      `SELECT rule FROM coverage_violation WHERE $1 = ANY (grid_ids) OR (focus_id = $1 AND rule LIKE 'GRID%')`,
      [grid('C01-02')],
    );
    expect(referencing).toEqual([]);
    const { stored, fresh } = await storedAndFresh(spec.db);
    expect(stored).toEqual(fresh);
  });

  it('round-trips a split and a merge back to the original shape and enterprises', async () => {
    const [{ original }] = await q(
      `SELECT ST_AsGeoJSON(boundary) AS original FROM grid WHERE id = $1`,
      [grid('C01-01')],
    );
    const server = await admin();
    const split = await server.graphql<{ splitGrid: GridOut[] }>(SPLIT, {
      input: {
        id: grid('C01-01'),
        expectedVersion: 1,
        line: { type: 'LineString', coordinates: [at(-10, 90), at(55, 120), at(110, 60)] },
      },
    });
    expect(split.errors).toBeUndefined();
    const [kept, piece] = split.data!.splitGrid;
    const merge = await server.graphql<{ mergeGrids: GridOut }>(MERGE, {
      input: {
        grids: [
          { id: kept.id, expectedVersion: kept.version },
          { id: piece.id, expectedVersion: piece.version },
        ],
      },
    });
    expect(merge.errors).toBeUndefined();
    expect(merge.data!.mergeGrids).toMatchObject({
      id: grid('C01-01'),
      version: 3,
      name: 'C01-01',
    });
    const [{ diff }] = await q(
      `SELECT ST_Area(ST_SymDifference(boundary, ST_SetSRID(ST_GeomFromGeoJSON($2), 4326), 1e-10)::geography) AS diff
       FROM grid WHERE id = $1`,
      [grid('C01-01'), original],
    );
    expect(diff).toBeLessThan(0.1); // snap-rounding to 1e-10° moves vertices by ~0.01 mm
    expect(await baseGrid('e1')).toBe(grid('C01-01'));
    expect(await baseGrid('e2')).toBe(grid('C01-01'));
    expect(await storedRules(spec.db, grid('C01'))).toEqual([]);
    const { stored, fresh } = await storedAndFresh(spec.db);
    expect(stored).toEqual(fresh);
  });

  it('refuses to delete a grid with children or enterprises, naming how many and which, and changes nothing', async () => {
    const before = await fingerprint(spec.db);
    const server = await admin();
    const withChildren = await server.graphql(DELETE, {
      input: { id: grid('C01'), expectedVersion: 1 },
    });
    expect(codeOf(withChildren.errors)).toBe('BAD_USER_INPUT');
    expect(withChildren.errors?.[0].message).toMatch(
      /C01 \(C01\) cannot be deleted while it has 2 child grids \(C01-01 C01-01, C01-02 C01-02\)/,
    );
    const withEnterprises = await server.graphql(DELETE, {
      input: { id: grid('C01-02'), expectedVersion: 1 },
    });
    expect(withEnterprises.errors?.[0].message).toMatch(/3 enterprises \(e3, e4, e5\)/);
    expect(await fingerprint(spec.db)).toEqual(before);
  });

  it('deletes an empty grid: kept in history, its staff ended but kept, the gap returns', async () => {
    const server = await admin();
    const created = await server.graphql<{ createGrid: GridOut }>(CREATE, {
      input: { parentId: grid('C02'), name: '空网格', boundary: box(300, 0, 400, 50) },
    });
    const id = created.data!.createGrid.id;
    await q(
      `INSERT INTO grid_assignment (grid_id, person_id, role, since) SELECT $1, id, 'OFFICER', '2026-01-01' FROM person LIMIT 1`,
      [id],
    );
    const res = await server.graphql<{ deleteGrid: GridOut }>(DELETE, {
      input: { id, expectedVersion: 1 },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.deleteGrid).toMatchObject({ id, code: 'C02-02', version: 1 });
    expect(await q(`SELECT id FROM grid WHERE id = $1`, [id])).toEqual([]);
    expect(await q(`SELECT version FROM grid_history WHERE id = $1`, [id])).toEqual([
      { version: 1 },
    ]);
    const staff = await q(
      `SELECT until IS NOT NULL AS ended FROM grid_assignment WHERE grid_id = $1`,
      [id],
    );
    expect(staff).toEqual([{ ended: true }]);
    const log = await q(
      `SELECT action, before IS NOT NULL AS had, after FROM audit_log WHERE entity_type = 'GRID' AND entity_id = $1 ORDER BY id`,
      [id],
    );
    expect(log).toEqual([
      { action: 'CREATE_GRID', had: false, after: expect.objectContaining({ code: 'C02-02' }) },
      { action: 'DELETE_GRID', had: true, after: null },
    ]);
    expect(await storedRules(spec.db, grid('C02'))).toContain('GAP');
    const { stored, fresh } = await storedAndFresh(spec.db);
    expect(stored).toEqual(fresh);
  });

  it('clips a new shape to its parent by default; with clipToParent false keeps it and the audit reports OUTSIDE_PARENT', async () => {
    const server = await admin();
    const clipped = await server.graphql<{ createGrid: GridOut }>(CREATE, {
      input: { parentId: grid('C02'), name: '裁剪', boundary: box(300, 20, 430, 230) },
    });
    expect(clipped.errors).toBeUndefined();
    expect(clipped.data!.createGrid.areaM2).toBeGreaterThan(17_800);
    expect(clipped.data!.createGrid.areaM2).toBeLessThan(18_200);

    const outside = await server.graphql<{ createGrid: GridOut }>(CREATE, {
      input: {
        parentId: grid('C01'),
        name: '越界',
        boundary: box(150, 0, 250, 200),
        options: { clipToParent: false },
      },
    });
    expect(outside.errors).toBeUndefined();
    const id = outside.data!.createGrid.id;
    const [row] = await q(
      `SELECT measure FROM coverage_violation WHERE rule = 'OUTSIDE_PARENT' AND focus_id = $1`,
      [id],
    );
    expect(row.measure).toBeGreaterThan(9_800);
    expect(row.measure).toBeLessThan(10_200);
    expect(await storedRules(spec.db, id)).toEqual(
      expect.arrayContaining(['OUTSIDE_PARENT', 'OVERLAP']),
    );
    const { stored, fresh } = await storedAndFresh(spec.db);
    expect(stored).toEqual(fresh);
  });

  it('gives way to existing siblings with trimSiblings NEW', async () => {
    const res = await (
      await admin()
    ).graphql<{ createGrid: GridOut }>(CREATE, {
      input: {
        parentId: grid('C02'),
        name: '让位',
        boundary: box(250, 0, 400, 200),
        options: { trimSiblings: 'NEW' },
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createGrid.areaM2).toBeGreaterThan(19_800);
    expect(res.data!.createGrid.areaM2).toBeLessThan(20_200);
    expect(await baseGrid('e6')).toBe(grid('C02-01'));
    expect(await baseGrid('e7')).toBe(res.data!.createGrid.id);
    expect(await storedRules(spec.db, grid('C02'))).toEqual([]);
  });

  it('snaps a sloppy sketch onto its neighbours so the parent is partitioned exactly', async () => {
    const sketch = {
      type: 'Polygon',
      coordinates: [ring([301.5, -1.2], [401, 1.5], [398.8, 201], [300.8, 199], [298.5, 100])],
    };
    const server = await admin();
    const sloppy = await server.graphql<{ createGrid: GridOut }>(CREATE, {
      input: { parentId: grid('C02'), name: '草图', boundary: sketch },
    });
    expect(sloppy.errors).toBeUndefined();
    expect(await storedRules(spec.db, grid('C02'))).toEqual(
      expect.arrayContaining(['GAP', 'OVERLAP']),
    );

    await spec.reload();
    const snapped = await server.graphql<{ createGrid: GridOut }>(CREATE, {
      input: {
        parentId: grid('C02'),
        name: '草图',
        boundary: sketch,
        options: { snapToleranceMeters: 3 },
      },
    });
    expect(snapped.errors).toBeUndefined();
    expect(await storedRules(spec.db, grid('C02'))).toEqual([]);
    const [{ gap, overlap }] = await q(
      `SELECT ST_Area(ST_Difference(p.boundary, ST_Union(c.boundary))::geography) AS gap,
              ST_Area(ST_Intersection(a.boundary, b.boundary)::geography) AS overlap
       FROM grid p, grid c, grid a, grid b
       WHERE p.code = 'C02' AND c.parent_id = p.id AND a.code = 'C02-01' AND b.id = $1
       GROUP BY p.boundary, a.boundary, b.boundary`,
      [snapped.data!.createGrid.id],
    );
    expect(gap).toBeLessThan(1e-3);
    expect(overlap).toBeLessThan(1e-3);
    expect(await baseGrid('e7')).toBe(snapped.data!.createGrid.id);
  });

  it('refuses a bowtie, saying which ring crosses itself where, and writes nothing', async () => {
    const before = await fingerprint(spec.db);
    const bowtie = { type: 'Polygon', coordinates: [ring([0, 0], [100, 200], [100, 0], [0, 200])] };
    const res = await (
      await admin()
    ).graphql(UPDATE, {
      input: { id: grid('C01-01'), expectedVersion: 1, boundary: bowtie },
    });
    expect(codeOf(res.errors)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(
      /"boundary" is not a valid polygon: ring 0 of polygon 0 crosses itself between edge \d and edge \d near \(118\.\d+, 35\.\d+\)/,
    );
    expect(res.errors?.[0].extensions?.reason).toBe('SELF_INTERSECTION');
    expect(await fingerprint(spec.db)).toEqual(before);
  });

  it('refuses a shape that clipping to the parent empties, and writes nothing', async () => {
    const before = await fingerprint(spec.db);
    const res = await (
      await admin()
    ).graphql(CREATE, {
      input: { parentId: grid('C01'), name: '空', boundary: box(250, 0, 300, 100) },
    });
    expect(codeOf(res.errors)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/nothing of it is left after clipping to the parent/);
    expect(await fingerprint(spec.db)).toEqual(before);
  });

  it('answers a stale version with CONFLICT and the current version, and writes nothing', async () => {
    const before = await fingerprint(spec.db);
    const res = await (
      await admin()
    ).graphql(UPDATE, {
      input: { id: grid('C01-01'), expectedVersion: 2, boundary: box(0, 0, 90, 200) },
    });
    expect(codeOf(res.errors)).toBe('CONFLICT');
    expect((res.errors?.[0].extensions as { currentVersion?: number }).currentVersion).toBe(1);
    expect(await fingerprint(spec.db)).toEqual(before);
  });

  it('lets exactly one of two concurrent updates of the same version win', async () => {
    const server = await admin();
    const send = (x: number) =>
      server.graphql<{ updateGridBoundary: GridOut }>(UPDATE, {
        input: {
          id: grid('C01-01'),
          expectedVersion: 1,
          boundary: box(0, 0, x, 200),
          options: { trimSiblings: 'EXISTING' },
        },
      });
    const results = await Promise.all([send(90), send(120)]);
    const winners = results.filter((r) => !r.errors);
    const losers = results.filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(codeOf(losers[0].errors)).toBe('CONFLICT');
    expect((losers[0].errors?.[0].extensions as { currentVersion?: number }).currentVersion).toBe(
      2,
    );
    const won = winners[0].data!.updateGridBoundary;
    const [stored] = await q(
      `SELECT version, ST_AsGeoJSON(boundary, 7)::json AS boundary FROM grid WHERE id = $1`,
      [grid('C01-01')],
    );
    expect(stored).toEqual({ version: 2, boundary: won.boundary });
    expect(await q(`SELECT version FROM grid_history WHERE id = $1`, [grid('C01-01')])).toEqual([
      { version: 1 },
    ]);
    const [{ n }] = await q(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1`, [
      grid('C01-01'),
    ]);
    expect(n).toBe(1);
    const { stored: rows, fresh } = await storedAndFresh(spec.db);
    expect(rows).toEqual(fresh);
  });

  // A pool of one (embedded) cannot hold a transaction open while a request runs.
  (testDatabaseUrl() ? it : it.skip)(
    'refuses with CONFLICT when a competing write commits between the version check and the write',
    async () => {
      const server = await admin();
      const runner = spec.db.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction();
        await runner.query(`UPDATE grid SET name = '抢先', version = version + 1 WHERE id = $1`, [
          grid('C01-01'),
        ]);
        const pending = server.graphql(UPDATE, {
          input: { id: grid('C01-01'), expectedVersion: 1, boundary: box(0, 0, 90, 200) },
        });
        // wait until the edit has passed its check and blocks on the row lock
        for (let waited = 0; ; waited += 50) {
          const [{ n }] = await q(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          if (n > 0) break;
          if (waited > 20_000) throw new Error('the edit never waited for the row lock');
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await runner.commitTransaction();
        const res = await pending;
        expect(codeOf(res.errors)).toBe('CONFLICT');
        expect((res.errors?.[0].extensions as { currentVersion?: number }).currentVersion).toBe(2);
      } finally {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
      const [row] = await q(
        `SELECT name, version, round(area_m2) AS area FROM grid WHERE id = $1`,
        [grid('C01-01')],
      );
      expect(row).toMatchObject({ name: '抢先', version: 2 });
      expect(Number(row.area)).toBeGreaterThan(19_800);
      expect(await q(`SELECT count(*)::int AS n FROM audit_log`)).toEqual([{ n: 0 }]);
    },
  );

  it('refuses strangers (UNAUTHENTICATED), INTEGRATOR and OFFICER (FORBIDDEN), and planners outside their scope', async () => {
    const before = await fingerprint(spec.db);
    const update = {
      input: { id: grid('C01-01'), expectedVersion: 1, boundary: box(0, 0, 90, 200) },
    };
    for (const role of ['INTEGRATOR', 'OFFICER'] as const) {
      const server = await spec.as(role);
      const res = await server.graphql(UPDATE, update);
      expect(codeOf(res.errors)).toBe('FORBIDDEN');
      expect(res.errors?.[0].message).toMatch(
        new RegExp(`${role} may not edit grids; allowed: ADMIN, PLANNER`),
      );
      const create = await server.graphql(CREATE, {
        input: { parentId: grid('C02'), name: 'x', boundary: box(300, 0, 400, 200) },
      });
      expect(codeOf(create.errors)).toBe('FORBIDDEN');
    }
    const anonymous = await startTestServer(spec.db);
    try {
      // checked before the input: a stranger learns nothing about what would be refused
      const bowtie = {
        type: 'Polygon',
        coordinates: [ring([0, 0], [100, 200], [100, 0], [0, 200])],
      };
      const res = await anonymous.graphql(UPDATE, { input: { ...update.input, boundary: bowtie } });
      expect(codeOf(res.errors)).toBe('UNAUTHENTICATED');
    } finally {
      await anonymous.close();
    }
    const elsewhere = await (await planner('C02')).graphql(UPDATE, update);
    expect(codeOf(elsewhere.errors)).toBe('FORBIDDEN');
    expect(elsewhere.errors?.[0].message).toMatch(
      /grid C01-01 \(C01-01\) is outside your scope, grid C02 \(C02\)/,
    );
    const beyond = await (
      await planner('C01')
    ).graphql(UPDATE, {
      input: {
        id: grid('C01-02'),
        expectedVersion: 1,
        boundary: box(100, 0, 260, 200),
        options: { clipToParent: false },
      },
    });
    expect(codeOf(beyond.errors)).toBe('FORBIDDEN');
    expect(beyond.errors?.[0].message).toMatch(/m² outside your scope, grid C01 \(C01\)/);
    expect(await fingerprint(spec.db)).toEqual(before);

    const own = await (await planner('C01')).graphql(UPDATE, update);
    expect(own.errors).toBeUndefined();
  });

  it('merges only touching siblings', async () => {
    const server = await admin();
    const far = await server.graphql<{ createGrid: GridOut }>(CREATE, {
      input: { parentId: grid('C02'), name: '远', boundary: box(350, 0, 400, 200) },
    });
    const before = await fingerprint(spec.db);
    const apart = await server.graphql(MERGE, {
      input: {
        grids: [
          { id: grid('C02-01'), expectedVersion: 1 },
          { id: far.data!.createGrid.id, expectedVersion: 1 },
        ],
      },
    });
    expect(apart.errors?.[0].message).toMatch(
      /only grids that touch or overlap can be merged: C02-02 \(远\) does not touch C02-01/,
    );
    const cousins = await server.graphql(MERGE, {
      input: {
        grids: [
          { id: grid('C01-02'), expectedVersion: 1 },
          { id: grid('C02-01'), expectedVersion: 1 },
        ],
      },
    });
    expect(cousins.errors?.[0].message).toMatch(/only siblings can be merged/);
    expect(await fingerprint(spec.db)).toEqual(before);
  });
});
