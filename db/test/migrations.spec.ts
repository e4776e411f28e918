import { openTestDatabase, type TestDatabase } from '../src/testing/test-database';

describe('migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase('migrations');
  });
  afterAll(async () => db?.close());

  it('create every core table with PostGIS geometry columns', async () => {
    const rows: { f_table_name: string; type: string; srid: number }[] = await db.dataSource.query(
      `SELECT f_table_name, type, srid FROM geometry_columns ORDER BY f_table_name`,
    );
    expect(rows).toEqual([
      { f_table_name: 'coverage_violation', type: 'GEOMETRY', srid: 4326 },
      { f_table_name: 'enterprise', type: 'POINT', srid: 4326 },
      { f_table_name: 'grid', type: 'MULTIPOLYGON', srid: 4326 },
      { f_table_name: 'grid_history', type: 'MULTIPOLYGON', srid: 4326 },
    ]);
    const tables: { table_name: string }[] = await db.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining([
        'department',
        'enterprise',
        'grid',
        'grid_assignment',
        'grid_history',
        'grid_level',
        'person',
        'sector_rule',
        'app_user',
        'app_secret',
      ]),
    );
  });

  it('are recorded so a second run applies nothing', async () => {
    expect(await db.migrate()).toEqual([]);
  });

  it('seed the departments and sector rules of seed 002', async () => {
    const [{ departments, rules }] = await db.dataSource.query(
      `SELECT (SELECT count(*)::int FROM department) AS departments, (SELECT count(*)::int FROM sector_rule) AS rules`,
    );
    expect(departments).toBe(20);
    expect(rules).toBeGreaterThan(40);
    const [school] = await db.dataSource.query(
      `SELECT d.code FROM sector_rule r JOIN department d ON d.id = r.department_id WHERE r.industry_prefix = 'P83'`,
    );
    expect(school.code).toBe('EDUCATION');
  });

  it('refuses an invalid boundary in the database itself and keeps nothing', async () => {
    await db.dataSource.query(
      `INSERT INTO grid_level (level, name_zh, name_en) VALUES (1, '县', 'county')`,
    );
    await expect(
      db.dataSource.query(
        `INSERT INTO grid (code, name, level, boundary)
         VALUES ('X1', 'bowtie', 1, ST_Multi(ST_GeomFromText('POLYGON((0 0,1 1,1 0,0 1,0 0))', 4326)))`,
      ),
    ).rejects.toThrow(/grid_boundary_valid/);
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM grid`);
    expect(n).toBe(0);
  });

  it('computes the area and keeps the previous version as history on update', async () => {
    const [{ id, area_m2 }] = await db.dataSource.query(
      `INSERT INTO grid (code, name, level, boundary)
       VALUES ('371323', '沂水县', 1, ST_Multi(ST_MakeEnvelope(118.5, 35.8, 118.51, 35.81, 4326)))
       RETURNING id, area_m2`,
    );
    // 0.01° × 0.01° at 35.8°N is about 1,001 m × 1,112 m
    expect(area_m2).toBeGreaterThan(1.0e6);
    expect(area_m2).toBeLessThan(1.2e6);
    await db.dataSource.query(
      `UPDATE grid SET boundary = ST_Multi(ST_MakeEnvelope(118.5, 35.8, 118.52, 35.81, 4326)), version = version + 1 WHERE id = $1`,
      [id],
    );
    const history = await db.dataSource.query(
      `SELECT version, valid_to >= valid_from AS closed, round(area_m2) = round($2::float8) AS same_area
       FROM grid_history WHERE id = $1`,
      [id, area_m2],
    );
    expect(history).toEqual([{ version: 1, closed: true, same_area: true }]);
    const [current] = await db.dataSource.query(
      `SELECT version, area_m2 > $2 AS grew FROM grid WHERE id = $1`,
      [id, area_m2 * 1.5],
    );
    expect(current).toEqual({ version: 2, grew: true });
  });

  it('keep usernames unique ignoring case, roles to the five, and every user scoped', async () => {
    const [grid] = await db.dataSource.query(`SELECT id FROM grid WHERE code = '371323'`);
    const add = (username: string, role: string, scope: unknown) =>
      db.dataSource.query(
        `INSERT INTO app_user (username, password_hash, role, scope_grid_id) VALUES ($1, 'scrypt$x', $2, $3)`,
        [username, role, scope],
      );
    await add('Admin', 'ADMIN', grid.id);
    await expect(add('admin', 'PLANNER', grid.id)).rejects.toThrow(/app_user_username_unique/);
    await expect(add('boss', 'ROOT', grid.id)).rejects.toThrow(/app_user_role_check/);
    await expect(add('nobody', 'OFFICER', null)).rejects.toThrow(/scope_grid_id/);
    await expect(add('ghost', 'OFFICER', 999999)).rejects.toThrow(/app_user_scope_grid_id_fkey/);
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM app_user`);
    expect(n).toBe(1);
  });
});
