import { openTestDatabase, type TestDatabase } from '../src/testing/test-database';

// What enterprise_cell must always equal: the enterprises with a base grid, grouped afresh.
const FRESH_SQL = `
  SELECT mercator_tile_x(ST_X(location), 15) AS x, mercator_tile_y(ST_Y(location), 15) AS y,
         base_grid_id::text AS grid, count(*)::int AS n,
         (count(*) FILTER (WHERE cardinality(risk_classes) > 0))::int AS high_risk,
         round(sum(ST_X(location))::numeric, 6)::float8 AS lon, round(sum(ST_Y(location))::numeric, 6)::float8 AS lat
  FROM enterprise WHERE base_grid_id IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
const STORED_SQL = `
  SELECT x, y, base_grid_id::text AS grid, n, high_risk,
         round(sum_lon::numeric, 6)::float8 AS lon, round(sum_lat::numeric, 6)::float8 AS lat
  FROM enterprise_cell ORDER BY 1, 2, 3`;

describe('enterprise_cell (enterprise counts per zoom-15 tile and base grid)', () => {
  let db: TestDatabase;
  const q = <T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> =>
    db.dataSource.query(sql, params);
  const expectCurrent = async () => expect(await q(STORED_SQL)).toEqual(await q(FRESH_SQL));

  beforeAll(async () => {
    db = await openTestDatabase('enterprise_cell');
    await q(`INSERT INTO grid_level VALUES (1, '基础网格', 'base grid', '{}')`);
    await q(`INSERT INTO grid (code, name, level, boundary)
             SELECT 'G' || i, '网格' || i, 1, ST_Multi(ST_MakeEnvelope(118 + i * 0.01, 35.8, 118.01 + i * 0.01, 35.81, 4326))
             FROM generate_series(0, 3) i`);
  });
  afterAll(async () => db?.close());

  it('knows the tile of a point: column and row at a zoom', async () => {
    const [t] = await q<{ x: number; y: number; edge: number }>(
      `SELECT mercator_tile_x(118.5, 8) x, mercator_tile_y(35.8, 8) y, mercator_tile_x(180, 8) edge`,
    );
    expect(t).toEqual({ x: 212, y: 100, edge: 255 });
  });

  it('follows inserts, moves, class changes, deletes and truncation', async () => {
    await q(`INSERT INTO enterprise (uscc, name, location, industry_code, scale, risk_classes, base_grid_id)
             SELECT '91' || lpad(i::text, 16, '0'), 'E' || i,
                    ST_SetSRID(ST_MakePoint(118 + (i % 40) * 0.001, 35.8 + (i / 40) * 0.0001), 4326), 'C2614', 'MICRO',
                    CASE WHEN i % 7 = 0 THEN '{FIREWORKS}'::text[] ELSE '{}' END,
                    CASE WHEN i % 11 = 0 THEN NULL ELSE (SELECT id FROM grid WHERE code = 'G' || ((i % 40) / 10)) END
             FROM generate_series(1, 400) i`);
    const [{ cells }] = await q<{ cells: number }>(
      `SELECT count(*)::int cells FROM enterprise_cell`,
    );
    expect(cells).toBeGreaterThan(4);
    await expectCurrent();

    await q(
      `UPDATE enterprise SET location = ST_Translate(location, 0.02, 0.003) WHERE id % 5 = 0`,
    );
    await expectCurrent();
    await q(`UPDATE enterprise SET risk_classes = '{}' WHERE id % 3 = 0`);
    await q(`UPDATE enterprise SET base_grid_id = NULL WHERE id % 13 = 0`);
    await q(
      `UPDATE enterprise SET base_grid_id = (SELECT min(id) FROM grid) WHERE base_grid_id IS NULL AND id % 2 = 0`,
    );
    await expectCurrent();
    await q(`DELETE FROM enterprise WHERE id % 4 = 1`);
    await expectCurrent();
    await q(`DELETE FROM enterprise`);
    expect(await q(STORED_SQL)).toEqual([]);
    await q(`INSERT INTO enterprise (uscc, name, location, industry_code, scale, base_grid_id)
             VALUES ('999999999999999999', 'E', ST_SetSRID(ST_MakePoint(118.005, 35.805), 4326), 'C2614', 'MICRO',
                     (SELECT min(id) FROM grid))`);
    await expectCurrent();
    await q(`TRUNCATE enterprise`);
    expect(await q(STORED_SQL)).toEqual([]);
  });
});
