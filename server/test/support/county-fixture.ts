/** A small county for auth and limit tests: 371323 with a west and an east town side by side. */
import type { Database } from '@gridwarden/db';

export async function insertCounty(
  db: Database,
): Promise<{ county: string; west: string; east: string }> {
  const q = (sql: string, params?: unknown[]) => db.dataSource.query(sql, params);
  await q(`INSERT INTO grid_level VALUES (1, '县', 'county', '{}'), (2, '乡镇', 'town', '{}')`);
  const [county] = await q(
    `INSERT INTO grid (code, name, level, boundary) VALUES ('371323', '沂水县', 1, ST_Multi(ST_MakeEnvelope(118.50, 35.80, 118.52, 35.81, 4326))) RETURNING id::text AS id`,
  );
  const [west, east]: { id: string }[] = await q(
    `INSERT INTO grid (code, name, level, parent_id, boundary)
     SELECT c, n, 2, $1, ST_Multi(ST_MakeEnvelope(x0, 35.80, x1, 35.81, 4326))
     FROM (VALUES ('371323101', '西镇', 118.50, 118.51), ('371323102', '东镇', 118.51, 118.52)) v(c, n, x0, x1)
     ORDER BY c RETURNING id::text AS id`,
    [county.id],
  );
  return { county: county.id, west: west.id, east: east.id };
}
