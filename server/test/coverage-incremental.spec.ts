/**
 * Property: after any sequence of edits, the stored results kept current by incremental
 * audits equal a fresh full audit. Random (seeded) reshapes of grids at every level and
 * moves of enterprises on a generated 4-level coverage.
 */
import { openTestDatabase, type TestDatabase } from '@gridwarden/db';
import { CoverageService } from '../src/coverage/coverage.service';
import { DEFAULT_THRESHOLDS } from '../src/coverage/coverage.types';
import {
  loadFixture,
  rect,
  resetFixture,
  type FixtureEnterprise,
  type FixtureGrid,
} from './support/coverage-fixture';

const NOW = new Date('2026-06-01T00:00:00Z');
const EDITS = 12;

/** mulberry32: a small seeded PRNG, so a failure replays. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** county 1,600 m square → 2×2 towns → 2×2 villages each → 2×2 base grids each (64). */
function coverage(): FixtureGrid[] {
  const grids: FixtureGrid[] = [{ code: 'C', level: 1, polygons: [rect(0, 0, 1600, 1600)] }];
  const split = (parent: string, level: number, x0: number, y0: number, size: number) => {
    const half = size / 2;
    for (const [i, j] of [
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
    ]) {
      const code = `${parent}${i}${j}`;
      const x = x0 + i * half;
      const y = y0 + j * half;
      grids.push({ code, level, parent, polygons: [rect(x, y, x + half, y + half)] });
      if (level < 4) split(code, level + 1, x, y, half);
    }
  };
  split('C', 2, 0, 0, 1600);
  return grids;
}

function normalise(
  rows: {
    rule: string;
    focusId: string;
    scopeGridId: string | null;
    gridIds: string[];
    enterpriseIds: string[];
    measure: number | null;
  }[],
) {
  return rows
    .map(
      (r) =>
        `${r.rule}|${r.focusId}|${r.scopeGridId ?? ''}|${r.gridIds.join(',')}|${r.enterpriseIds.join(',')}|${r.measure == null ? '' : r.measure.toFixed(1)}`,
    )
    .sort();
}

describe('incremental audit', () => {
  let db: TestDatabase;
  const service = new CoverageService(DEFAULT_THRESHOLDS);

  beforeAll(async () => {
    db = await openTestDatabase('incremental');
  });
  afterAll(async () => db?.close());

  it.each([1, 2])(
    'keeps the stored results equal to a fresh full audit through random edits (seed %i)',
    async (seed) => {
      await resetFixture(db);
      const rand = random(seed);
      const enterprises: FixtureEnterprise[] = Array.from({ length: 240 }, (_, i) => ({
        key: `e${i}`,
        x: 5 + rand() * 1590,
        y: 5 + rand() * 1590,
      }));
      const fixture = await loadFixture(db, coverage(), enterprises);
      await service.fullAudit(db.dataSource.manager, { now: NOW });
      const gridIds = [...fixture.gridIds.entries()]
        .filter(([code]) => code !== 'C')
        .map(([, id]) => id);
      const enterpriseIds = [...fixture.enterpriseIds.values()];

      for (let edit = 0; edit < EDITS; edit++) {
        await db.dataSource.transaction(async (tx) => {
          if (rand() < 0.75) {
            const id = gridIds[Math.floor(rand() * gridIds.length)];
            const [{ before }] = await tx.query(
              `SELECT ST_AsGeoJSON(boundary, 9) AS before FROM grid WHERE id = $1`,
              [id],
            );
            const dx = (rand() - 0.5) * 0.0006; // up to ±27 m east–west
            const dy = (rand() - 0.5) * 0.0006;
            const s = 0.9 + rand() * 0.2;
            await tx.query(
              `UPDATE grid SET version = version + 1, boundary = ST_Multi(ST_Translate(
               ST_Scale(ST_Translate(boundary, -ST_X(ST_Centroid(boundary)), -ST_Y(ST_Centroid(boundary))), $2::float8, $2::float8),
               ST_X(ST_Centroid(boundary)) + $3::float8, ST_Y(ST_Centroid(boundary)) + $4::float8))
             WHERE id = $1`,
              [id, s, dx, dy],
            );
            await service.incrementalAudit(
              tx,
              { gridIds: [id], previousBoundaries: [before] },
              NOW,
            );
          } else {
            const id = enterpriseIds[Math.floor(rand() * enterpriseIds.length)];
            const [{ base }] = await tx.query(
              `SELECT base_grid_id::text AS base FROM enterprise WHERE id = $1`,
              [id],
            );
            await tx.query(
              `UPDATE enterprise SET location = ST_SetSRID(ST_MakePoint(118.5 + $2 * 0.0177, 35.8 + $3 * 0.0144), 4326) WHERE id = $1`,
              [id, rand(), rand()],
            );
            await service.incrementalAudit(
              tx,
              { enterpriseIds: [id], previousBaseGridIds: base ? [base] : [] },
              NOW,
            );
          }
        });
        const stored = await service.stored(db.dataSource.manager, {});
        const fresh = await service.fullAudit(db.dataSource.manager, { now: NOW, store: false });
        expect(normalise(stored)).toEqual(normalise(fresh.violations));
      }
      // the edits must have produced violations, or the property proves little
      const final = await service.stored(db.dataSource.manager, {});
      expect(new Set(final.map((v) => v.rule)).size).toBeGreaterThanOrEqual(3);
    },
  );
});
