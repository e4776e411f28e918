/**
 * Grid edits on the generated demo county (real shapes: hundreds of villages sharing
 * edges, ~25,000 enterprises): the snapped overlays hold up, the preview matches the save,
 * and the stored coverage results stay equal to a fresh full audit after every edit.
 */
import { generateDemo, loadDemo, openTestDatabase, type TestDatabase } from '@gridwarden/db';
import { CoverageService } from '../src/coverage/coverage.service';
import { DEFAULT_THRESHOLDS } from '../src/coverage/coverage.types';
import { fingerprint, ServersByViewer, storedAndFresh, viewer } from './support/edit-fixture';
import type { TestServer } from './support/test-server';

interface Neighbours {
  a: string;
  b: string;
  version: number;
  grown: string;
}

describe('grid edits on the demo county', () => {
  let db: TestDatabase;
  let servers: ServersByViewer;
  let admin: TestServer;
  const q = (sql: string, params?: unknown[]) => db.dataSource.query(sql, params);
  const expectAuditConsistent = async () => {
    const { stored, fresh } = await storedAndFresh(db);
    expect(stored).toEqual(fresh);
  };
  /** Two touching grids of a level under one parent, and the first grown by `metres`. */
  const neighbours = async (level: number, metres: number): Promise<Neighbours> => {
    const [row] = await q(
      `SELECT a.id::text AS a, b.id::text AS b, a.version,
              ST_AsGeoJSON(ST_Buffer(a.boundary::geography, $2)::geometry, 15) AS grown
       FROM grid a JOIN grid b ON a.parent_id = b.parent_id AND a.id < b.id AND ST_Intersects(a.boundary, b.boundary)
       WHERE a.level = $1 ORDER BY a.id LIMIT 1`,
      [level, metres],
    );
    return row;
  };

  beforeAll(async () => {
    db = await openTestDatabase('grid_edits_demo');
    await loadDemo(db, generateDemo({ preset: 'county', seed: 7, defects: 2 }));
    await new CoverageService(DEFAULT_THRESHOLDS).fullAudit(db.dataSource.manager);
    servers = new ServersByViewer(db);
    const [{ id }] = await q(`SELECT id::text AS id FROM grid WHERE parent_id IS NULL`);
    admin = await servers.as(viewer('ADMIN', id));
  });
  afterAll(async () => {
    await servers?.close();
    await db?.close();
  });

  it('previews growing a base grid into its siblings without writing, then saves exactly that', async () => {
    const { a, version, grown } = await neighbours(4, 120);
    const input = {
      id: a,
      expectedVersion: version,
      boundary: JSON.parse(grown),
      options: { trimSiblings: 'EXISTING', snapToleranceMeters: 2 },
    };
    const before = await fingerprint(db);
    const preview = await admin.graphql<{
      previewGridChange: {
        grids: { code: string; kind: string; versionAfter: number; boundaryAfter: unknown }[];
        enterpriseMoves: { enterpriseId: string; toGridCode: string }[];
      };
    }>(
      `query($input: GridChangeInput!) { previewGridChange(input: $input) {
         grids { code kind versionAfter boundaryAfter } enterpriseMoves { enterpriseId toGridCode } } }`,
      { input: { updateBoundary: input } },
    );
    expect(preview.errors).toBeUndefined();
    expect(await fingerprint(db)).toEqual(before);
    const shown = preview.data!.previewGridChange;
    expect(shown.grids.filter((g) => g.kind === 'TRIMMED').length).toBeGreaterThanOrEqual(1);
    expect(shown.enterpriseMoves.length).toBeGreaterThanOrEqual(1);

    const saved = await admin.graphql(
      `mutation($input: UpdateGridBoundaryInput!) { updateGridBoundary(input: $input) { version } }`,
      { input },
    );
    expect(saved.errors).toBeUndefined();
    for (const g of shown.grids.filter((g) => g.kind !== 'ENTERPRISES_CHANGED')) {
      const [row] = await q(
        `SELECT version, ST_AsGeoJSON(boundary, 7)::json AS boundary FROM grid WHERE code = $1`,
        [g.code],
      );
      expect(row).toEqual({ version: g.versionAfter, boundary: g.boundaryAfter });
    }
    for (const move of shown.enterpriseMoves) {
      const [row] = await q(
        `SELECT g.code FROM enterprise e JOIN grid g ON g.id = e.base_grid_id WHERE e.id = $1`,
        [move.enterpriseId],
      );
      expect(row.code).toBe(move.toGridCode);
    }
    await expectAuditConsistent();
  });

  it('splits a base grid through its middle and merges it back', async () => {
    const { b } = await neighbours(4, 0);
    const [g] = await q(
      `SELECT version, area_m2, ST_X(ST_Centroid(boundary)) AS x, ST_Y(ST_Centroid(boundary)) AS y,
              ST_XMin(boundary) AS x0, ST_XMax(boundary) AS x1 FROM grid WHERE id = $1`,
      [b],
    );
    const line = {
      type: 'LineString',
      coordinates: [
        [g.x0 - 0.001, g.y],
        [g.x, g.y + 0.0003],
        [g.x1 + 0.001, g.y],
      ],
    };
    const split = await admin.graphql<{ splitGrid: { id: string; version: number }[] }>(
      `mutation($input: SplitGridInput!) { splitGrid(input: $input) { id version } }`,
      { input: { id: b, expectedVersion: g.version, line } },
    );
    expect(split.errors).toBeUndefined();
    expect(split.data!.splitGrid).toHaveLength(2);
    await expectAuditConsistent();
    const merged = await admin.graphql<{ mergeGrids: { id: string; areaM2: number } }>(
      `mutation($input: MergeGridsInput!) { mergeGrids(input: $input) { id areaM2 } }`,
      {
        input: {
          grids: split.data!.splitGrid.map((p) => ({ id: p.id, expectedVersion: p.version })),
        },
      },
    );
    expect(merged.errors).toBeUndefined();
    expect(Math.abs(merged.data!.mergeGrids.areaM2 - g.area_m2)).toBeLessThan(1);
    await expectAuditConsistent();
  });

  it('grows a village into its neighbour: the neighbour and its base grids give way or are reported', async () => {
    const { a, version, grown } = await neighbours(3, 60);
    const saved = await admin.graphql(
      `mutation($input: UpdateGridBoundaryInput!) { updateGridBoundary(input: $input) { version } }`,
      {
        input: {
          id: a,
          expectedVersion: version,
          boundary: JSON.parse(grown),
          options: { trimSiblings: 'EXISTING' },
        },
      },
    );
    expect(saved.errors).toBeUndefined();
    const rules = await q(
      `SELECT DISTINCT rule FROM coverage_violation WHERE $1 = ANY (grid_ids) OR scope_grid_id = $1 ORDER BY rule`,
      [a],
    );
    // the village now holds a strip its own base grids do not cover
    expect(rules.map((r: { rule: string }) => r.rule)).toContain('GAP');
    await expectAuditConsistent();
  });
});
