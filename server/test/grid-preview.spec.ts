/**
 * previewGridChange rehearses the real edit and rolls it back: it must leave every table as
 * it was, and what it reports must be exactly what saving the same input then does.
 */
import { at, ring } from './support/coverage-fixture';
import { box, editSpec, fingerprint } from './support/edit-fixture';
import type { TestServer } from './support/test-server';

const VIOLATION = `rule severity gridIds gridCodes enterpriseIds geometry measure unit messageZh messageEn`;
const PREVIEW = `query($input: GridChangeInput!) { previewGridChange(input: $input) {
  operation
  grids { id code name level parentId kind versionBefore versionAfter boundaryBefore boundaryAfter
          areaM2Before areaM2After enterpriseCountBefore enterpriseCountAfter }
  violationsAdded { ${VIOLATION} }
  violationsRemoved { ${VIOLATION} }
  enterpriseMoves { enterpriseId name uscc fromGridId fromGridCode toGridId toGridCode } } }`;

const SAVE: Record<string, string> = {
  create: `mutation($input: CreateGridInput!) { createGrid(input: $input) { id } }`,
  updateBoundary: `mutation($input: UpdateGridBoundaryInput!) { updateGridBoundary(input: $input) { id } }`,
  split: `mutation($input: SplitGridInput!) { splitGrid(input: $input) { id } }`,
  merge: `mutation($input: MergeGridsInput!) { mergeGrids(input: $input) { id } }`,
  delete: `mutation($input: DeleteGridInput!) { deleteGrid(input: $input) { id } }`,
};

interface Effect {
  id: string;
  code: string;
  kind: string;
  versionBefore: number | null;
  versionAfter: number | null;
  boundaryAfter: unknown;
  enterpriseCountBefore: number | null;
  enterpriseCountAfter: number | null;
  areaM2After: number | null;
}
interface Violation {
  rule: string;
  severity: string;
  gridCodes: string[];
  enterpriseIds: string[];
  geometry: { type: string } | null;
  measure: number | null;
  messageEn: string;
  messageZh: string;
}
interface Preview {
  operation: string;
  grids: Effect[];
  violationsAdded: Violation[];
  violationsRemoved: Violation[];
  enterpriseMoves: { name: string; fromGridCode: string | null; toGridCode: string | null }[];
}

const key = (v: {
  rule: string;
  gridCodes: string[];
  enterpriseIds: string[];
  measure: number | null;
}) =>
  `${v.rule}|${v.gridCodes.join(',')}|${v.enterpriseIds.join(',')}|${v.measure == null ? '' : Number(v.measure).toFixed(1)}`;

describe('previewGridChange', () => {
  const spec = editSpec('grid_preview');
  const { grid, query: q } = spec;
  const admin = () => spec.as('ADMIN');

  /** Stored violations keyed by grid codes (ids of new grids differ between preview and save). */
  const storedKeys = async (): Promise<string[]> => {
    const rows = await q(
      `SELECT v.rule, v.enterprise_ids::text[] AS "enterpriseIds", v.measure,
              ARRAY(SELECT coalesce(g.code, u.id::text) FROM unnest(v.grid_ids) WITH ORDINALITY u(id, n)
                    LEFT JOIN grid g ON g.id = u.id ORDER BY u.n) AS "gridCodes"
       FROM coverage_violation v`,
    );
    return rows.map(key).sort();
  };
  const baseGrids = async (): Promise<Map<string, string | null>> => {
    const rows = await q(
      `SELECT e.name, g.code FROM enterprise e LEFT JOIN grid g ON g.id = e.base_grid_id`,
    );
    return new Map(rows.map((r: { name: string; code: string | null }) => [r.name, r.code]));
  };

  async function preview(server: TestServer, input: Record<string, unknown>): Promise<Preview> {
    const before = await fingerprint(spec.db);
    const res = await server.graphql<{ previewGridChange: Preview }>(PREVIEW, { input });
    expect(res.errors).toBeUndefined();
    expect(await fingerprint(spec.db)).toEqual(before);
    return res.data!.previewGridChange;
  }

  /** Saves the same input and checks the database now is what the preview said. */
  async function saveAndCompare(
    server: TestServer,
    input: Record<string, unknown>,
    shown: Preview,
  ) {
    const [[operation, value]] = Object.entries(input);
    const storedBefore = await storedKeys();
    const basesBefore = await baseGrids();
    const saved = await server.graphql(SAVE[operation], { input: value });
    expect(saved.errors).toBeUndefined();

    const expected = [...storedBefore];
    for (const v of shown.violationsRemoved) expected.splice(expected.indexOf(key(v)), 1);
    expected.push(...shown.violationsAdded.map(key));
    expect(await storedKeys()).toEqual(expected.sort());

    for (const effect of shown.grids) {
      const rows = await q(
        `SELECT version, ST_AsGeoJSON(boundary, 7)::json AS boundary FROM grid WHERE code = $1`,
        [effect.code],
      );
      if (effect.versionAfter == null) {
        expect(rows).toEqual([]);
        continue;
      }
      expect(rows[0].version).toBe(effect.versionAfter);
      // boundaries are given for the grids the edit writes, not for ENTERPRISES_CHANGED ones
      if (effect.kind !== 'ENTERPRISES_CHANGED')
        expect(rows[0].boundary).toEqual(effect.boundaryAfter);
      const count = await server.graphql<{ grid: { enterpriseCount: number } }>(
        `query($c: String) { grid(code: $c) { enterpriseCount } }`,
        { c: effect.code },
      );
      expect(count.data?.grid.enterpriseCount).toBe(effect.enterpriseCountAfter);
    }

    const basesAfter = await baseGrids();
    const moved = [...basesAfter]
      .filter(([name, code]) => basesBefore.get(name) !== code)
      .map(([name, code]) => ({
        name,
        fromGridCode: basesBefore.get(name) ?? null,
        toGridCode: code,
      }));
    expect(
      shown.enterpriseMoves.map(({ name, fromGridCode, toGridCode }) => ({
        name,
        fromGridCode,
        toGridCode,
      })),
    ).toEqual(expect.arrayContaining(moved));
    expect(shown.enterpriseMoves).toHaveLength(moved.length);
  }

  it('previews a reshape that cuts its sibling back, writes nothing, and the save then does exactly that', async () => {
    const server = await admin();
    const input = {
      updateBoundary: {
        id: grid('C01-01'),
        expectedVersion: 1,
        boundary: box(0, 0, 130, 200),
        options: { trimSiblings: 'EXISTING' },
      },
    };
    const shown = await preview(server, input);
    expect(shown.operation).toBe('UPDATE_GRID_BOUNDARY');
    const byCode = new Map(shown.grids.map((g) => [g.code, g]));
    expect(byCode.get('C01-01')).toMatchObject({
      kind: 'RESHAPED',
      versionBefore: 1,
      versionAfter: 2,
      enterpriseCountBefore: 2,
      enterpriseCountAfter: 3,
    });
    expect(byCode.get('C01-02')).toMatchObject({
      kind: 'TRIMMED',
      versionBefore: 1,
      versionAfter: 2,
      enterpriseCountBefore: 3,
      enterpriseCountAfter: 2,
    });
    expect(shown.enterpriseMoves).toEqual([
      expect.objectContaining({ name: 'e3', fromGridCode: 'C01-02', toGridCode: 'C01-01' }),
    ]);
    // e3 now lies 5 m from its base grid's new edge
    expect(shown.violationsAdded).toEqual([
      expect.objectContaining({
        rule: 'ENTERPRISE_NEAR_BOUNDARY',
        severity: 'WARNING',
        geometry: expect.objectContaining({ type: 'Point' }),
        messageEn: expect.stringMatching(/e3/),
      }),
    ]);
    expect(shown.violationsAdded[0].measure).toBeCloseTo(5, 0);
    await saveAndCompare(server, input, shown);
  });

  it('previews a split with its provisional new grid, and the save matches it', async () => {
    const server = await admin();
    const input = {
      split: {
        id: grid('C01-01'),
        expectedVersion: 1,
        line: { type: 'LineString', coordinates: [at(40, -10), at(40, 210)] },
        names: ['东半', '西半'],
      },
    };
    const shown = await preview(server, input);
    expect(
      shown.grids.map((g) => [g.code, g.kind, g.enterpriseCountBefore, g.enterpriseCountAfter]),
    ).toEqual([
      ['C01-01', 'RESHAPED', 2, 1],
      ['C01-03', 'CREATED', null, 1],
    ]);
    expect(shown.enterpriseMoves).toEqual([
      expect.objectContaining({ name: 'e1', fromGridCode: 'C01-01', toGridCode: 'C01-03' }),
    ]);
    await saveAndCompare(server, input, shown);
    const names = await q(
      `SELECT code, name FROM grid WHERE code IN ('C01-01', 'C01-03') ORDER BY code`,
    );
    expect(names).toEqual([
      { code: 'C01-01', name: '东半' },
      { code: 'C01-03', name: '西半' },
    ]);
  });

  it('previews a merge with the grid it deletes, and the save matches it', async () => {
    const server = await admin();
    const input = {
      merge: {
        grids: [
          { id: grid('C01-02'), expectedVersion: 1 },
          { id: grid('C01-01'), expectedVersion: 1 },
        ],
      },
    };
    const shown = await preview(server, input);
    const deleted = shown.grids.find((g) => g.code === 'C01-01');
    expect(deleted).toMatchObject({
      kind: 'DELETED',
      versionAfter: null,
      boundaryAfter: null,
      enterpriseCountAfter: null,
    });
    expect(shown.grids.find((g) => g.code === 'C01-02')).toMatchObject({
      kind: 'RESHAPED',
      enterpriseCountBefore: 3,
      enterpriseCountAfter: 5,
    });
    expect(shown.enterpriseMoves.map((m) => m.name).sort()).toEqual(['e1', 'e2']);
    await saveAndCompare(server, input, shown);
  });

  it('reports the violations an edit removes and adds, with rule, severity, geometry, measure and message', async () => {
    const server = await admin();
    const fill = {
      create: { parentId: grid('C02'), name: '东片', boundary: box(300, 0, 400, 200) },
    };
    const filled = await preview(server, fill);
    // a new grid has nobody named for it yet, and one enterprise is below the 50–100 band
    expect(filled.violationsAdded.map((v) => [v.rule, v.gridCodes]).sort()).toEqual([
      ['GRID_SIZE', ['C02-02']],
      ['GRID_UNSTAFFED', ['C02-02']],
    ]);
    const removed = new Map(filled.violationsRemoved.map((v) => [v.rule, v]));
    expect([...removed.keys()].sort()).toEqual(['ENTERPRISE_UNCOVERED', 'GAP']);
    expect(removed.get('GAP')).toMatchObject({
      severity: 'ERROR',
      gridCodes: ['C02', 'C02-01'], // the parent and the child along the gap
      geometry: expect.objectContaining({ type: 'Polygon' }),
      messageZh: expect.stringMatching(/C02/),
    });
    expect(removed.get('GAP')!.measure).toBeGreaterThan(19_800);
    expect(removed.get('GAP')!.measure).toBeLessThan(20_200);
    await saveAndCompare(server, fill, filled);

    await spec.reload();
    const stray = {
      create: {
        parentId: grid('C01'),
        name: '越界',
        boundary: box(150, 0, 250, 200),
        options: { clipToParent: false },
      },
    };
    const strayed = await preview(server, stray);
    const added = new Map(strayed.violationsAdded.map((v) => [v.rule, v]));
    expect(added.get('OUTSIDE_PARENT')).toMatchObject({
      severity: 'ERROR',
      gridCodes: ['C01-03', 'C01'],
    });
    expect(added.get('OUTSIDE_PARENT')!.measure).toBeGreaterThan(9_800);
    expect(added.get('OVERLAP')).toMatchObject({
      gridCodes: expect.arrayContaining(['C01-02', 'C01-03']),
    });
    await saveAndCompare(server, stray, strayed);
  });

  it('previews a delete and every other kind of edit without writing anything', async () => {
    const server = await admin();
    await server.graphql(SAVE.create, {
      input: { parentId: grid('C02'), code: 'C02-09', name: '空', boundary: box(300, 0, 400, 50) },
    });
    const [{ id: empty }] = await q(`SELECT id::text AS id FROM grid WHERE code = 'C02-09'`);
    const before = await fingerprint(spec.db);
    const inputs = [
      { delete: { id: empty, expectedVersion: 1 } },
      {
        create: {
          parentId: grid('C02'),
          name: 'x',
          boundary: box(300, 50, 400, 200),
          options: { snapToleranceMeters: 2 },
        },
      },
      { updateBoundary: { id: grid('C02-01'), expectedVersion: 1, name: '改名' } },
      {
        split: {
          id: grid('C01-02'),
          expectedVersion: 1,
          line: { type: 'LineString', coordinates: [at(90, 100), at(210, 100)] },
        },
      },
      {
        merge: {
          grids: [
            { id: grid('C01-01'), expectedVersion: 1 },
            { id: grid('C01-02'), expectedVersion: 1 },
          ],
        },
      },
    ];
    for (const input of inputs) {
      const res = await server.graphql<{ previewGridChange: Preview }>(PREVIEW, { input });
      expect(res.errors).toBeUndefined();
    }
    const deleted = await server.graphql<{ previewGridChange: Preview }>(PREVIEW, {
      input: inputs[0],
    });
    expect(deleted.data!.previewGridChange.grids).toEqual([
      expect.objectContaining({
        code: 'C02-09',
        kind: 'DELETED',
        versionBefore: 1,
        versionAfter: null,
      }),
    ]);
    expect(await fingerprint(spec.db)).toEqual(before);
  });

  it('answers with the same errors a save would, and writes nothing', async () => {
    const server = await admin();
    const before = await fingerprint(spec.db);
    const bowtie = { type: 'Polygon', coordinates: [ring([0, 0], [100, 200], [100, 0], [0, 200])] };
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [
        { updateBoundary: { id: grid('C01-01'), expectedVersion: 1, boundary: bowtie } },
        'BAD_USER_INPUT',
        /crosses itself/,
      ],
      [
        { updateBoundary: { id: grid('C01-01'), expectedVersion: 3, name: 'x' } },
        'CONFLICT',
        /at version 1, not 3/,
      ],
      [{ delete: { id: grid('C01-02'), expectedVersion: 1 } }, 'BAD_USER_INPUT', /3 enterprises/],
      [
        { delete: { id: grid('C01-02'), expectedVersion: 1 }, merge: { grids: [] } },
        'BAD_USER_INPUT',
        /exactly one of/,
      ],
    ];
    for (const [input, code, message] of cases) {
      const res = await server.graphql(PREVIEW, { input });
      expect(res.errors?.[0].extensions?.code).toBe(code);
      expect(res.errors?.[0].message).toMatch(message);
    }
    const integrator = await spec.as('INTEGRATOR');
    const forbidden = await integrator.graphql(PREVIEW, {
      input: { updateBoundary: { id: grid('C01-01'), expectedVersion: 1, name: 'x' } },
    });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await fingerprint(spec.db)).toEqual(before);
  });
});
