import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * enterprise_cell: enterprises counted per Web Mercator zoom-15 tile (~1 km) and base grid,
 * kept current by statement triggers on `enterprise`. Zoomed-out enterprise tiles cluster
 * these cells instead of reading every enterprise (a province holds 2,000,000); the base
 * grid column lets them stay inside the viewer's territory, and gives grid tiles their
 * enterprise counts from a few rows per grid. Enterprises without a base grid are not
 * counted here (tiles read those few directly).
 *
 * mercator_tile_x / mercator_tile_y: the XYZ tile column and row of a longitude / latitude.
 */
export class EnterpriseCell1763800000800 implements MigrationInterface {
  name = 'EnterpriseCell1763800000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION mercator_tile_x(lon double precision, z integer) RETURNS integer
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT least((1 << z) - 1, greatest(0, floor((lon + 180) / 360 * (1 << z))))::integer
      $$`);
    await q.query(`
      CREATE FUNCTION mercator_tile_y(lat double precision, z integer) RETURNS integer
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT least((1 << z) - 1, greatest(0, floor(
          (1 - ln(tan(radians(lat)) + 1 / cos(radians(lat))) / pi()) / 2 * (1 << z))))::integer
      $$`);
    await q.query(`
      CREATE TABLE enterprise_cell (
        x integer NOT NULL,
        y integer NOT NULL,
        base_grid_id bigint NOT NULL,
        n integer NOT NULL CHECK (n > 0),
        high_risk integer NOT NULL CHECK (high_risk >= 0),
        sum_lon double precision NOT NULL,
        sum_lat double precision NOT NULL,
        PRIMARY KEY (x, y, base_grid_id)
      )`);
    // enterprises per base grid in a few rows each, for the grid tiles' counts
    await q.query(
      `CREATE INDEX enterprise_cell_grid_idx ON enterprise_cell (base_grid_id) INCLUDE (n)`,
    );
    // Adds the new rows' counts, subtracts the old rows'; a cell whose count reaches 0 goes.
    await q.query(`
      CREATE FUNCTION enterprise_cell_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          WITH gone AS (
            SELECT mercator_tile_x(ST_X(location), 15) AS x, mercator_tile_y(ST_Y(location), 15) AS y,
                   base_grid_id, count(*)::integer AS n,
                   (count(*) FILTER (WHERE cardinality(risk_classes) > 0))::integer AS high_risk,
                   sum(ST_X(location)) AS sum_lon, sum(ST_Y(location)) AS sum_lat
            FROM old_rows WHERE base_grid_id IS NOT NULL GROUP BY 1, 2, 3
          ),
          emptied AS (
            DELETE FROM enterprise_cell c USING gone g
            WHERE (c.x, c.y, c.base_grid_id) = (g.x, g.y, g.base_grid_id) AND c.n <= g.n
          )
          UPDATE enterprise_cell c
          SET n = c.n - g.n, high_risk = c.high_risk - g.high_risk,
              sum_lon = c.sum_lon - g.sum_lon, sum_lat = c.sum_lat - g.sum_lat
          FROM gone g
          WHERE (c.x, c.y, c.base_grid_id) = (g.x, g.y, g.base_grid_id) AND c.n > g.n;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO enterprise_cell AS c (x, y, base_grid_id, n, high_risk, sum_lon, sum_lat)
          SELECT mercator_tile_x(ST_X(location), 15), mercator_tile_y(ST_Y(location), 15),
                 base_grid_id, count(*), count(*) FILTER (WHERE cardinality(risk_classes) > 0),
                 sum(ST_X(location)), sum(ST_Y(location))
          FROM new_rows WHERE base_grid_id IS NOT NULL GROUP BY 1, 2, 3
          ON CONFLICT (x, y, base_grid_id) DO UPDATE
          SET n = c.n + EXCLUDED.n, high_risk = c.high_risk + EXCLUDED.high_risk,
              sum_lon = c.sum_lon + EXCLUDED.sum_lon, sum_lat = c.sum_lat + EXCLUDED.sum_lat;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION enterprise_cell_clear() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE enterprise_cell;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER enterprise_cell_insert AFTER INSERT ON enterprise
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enterprise_cell_sync()`);
    await q.query(`
      CREATE TRIGGER enterprise_cell_update AFTER UPDATE ON enterprise
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION enterprise_cell_sync()`);
    await q.query(`
      CREATE TRIGGER enterprise_cell_delete AFTER DELETE ON enterprise
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION enterprise_cell_sync()`);
    await q.query(`
      CREATE TRIGGER enterprise_cell_truncate AFTER TRUNCATE ON enterprise
      FOR EACH STATEMENT EXECUTE FUNCTION enterprise_cell_clear()`);
    await q.query(`
      INSERT INTO enterprise_cell (x, y, base_grid_id, n, high_risk, sum_lon, sum_lat)
      SELECT mercator_tile_x(ST_X(location), 15), mercator_tile_y(ST_Y(location), 15), base_grid_id,
             count(*), count(*) FILTER (WHERE cardinality(risk_classes) > 0),
             sum(ST_X(location)), sum(ST_Y(location))
      FROM enterprise WHERE base_grid_id IS NOT NULL GROUP BY 1, 2, 3`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['insert', 'update', 'delete', 'truncate']) {
      await q.query(`DROP TRIGGER IF EXISTS enterprise_cell_${t} ON enterprise`);
    }
    await q.query(`DROP FUNCTION IF EXISTS enterprise_cell_sync()`);
    await q.query(`DROP FUNCTION IF EXISTS enterprise_cell_clear()`);
    await q.query(`DROP TABLE IF EXISTS enterprise_cell`);
    await q.query(`DROP FUNCTION IF EXISTS mercator_tile_x(double precision, integer)`);
    await q.query(`DROP FUNCTION IF EXISTS mercator_tile_y(double precision, integer)`);
  }
}
