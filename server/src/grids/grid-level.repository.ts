import { returnedRows } from '../audit-log/edit-transaction';
import type { Queryable } from '../coverage/rule.runner';
import type { GridLevel } from './grid.types';

const COLUMNS = `level::int AS "level", name_zh AS "nameZh", name_en AS "nameEn",
  enterprise_classes AS "enterpriseClasses"`;

/** Every line of SQL that changes grid levels. */
export class GridLevelRepository {
  constructor(private readonly db: Queryable) {}

  async byLevel(level: number): Promise<GridLevel | null> {
    const rows: GridLevel[] = await this.db.query(
      `SELECT ${COLUMNS} FROM grid_level WHERE level = $1`,
      [level],
    );
    return rows[0] ?? null;
  }

  async update(
    level: number,
    patch: { nameZh: string | null; nameEn: string | null; enterpriseClasses: string[] | null },
  ): Promise<GridLevel> {
    const [row] = returnedRows<GridLevel>(
      await this.db.query(
        `UPDATE grid_level SET name_zh = COALESCE($2, name_zh), name_en = COALESCE($3, name_en),
           enterprise_classes = COALESCE($4::text[], enterprise_classes)
         WHERE level = $1 RETURNING ${COLUMNS}`,
        [level, patch.nameZh, patch.nameEn, patch.enterpriseClasses],
      ),
    );
    return row;
  }
}
