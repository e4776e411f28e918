import { sectorRuleMatchSql } from '../coverage/responsibility';
import type { Queryable } from '../coverage/rule.runner';
import type { Department } from '../departments/department.types';

const DEPARTMENT_COLUMNS = `d.id::text AS id, d.code, d.name_zh AS "nameZh", d.name_en AS "nameEn", d.comprehensive`;

// Departments a sector rule maps an industry code ($1, may be null) or class keys ($2) to.
const DEPARTMENTS_FOR_SECTOR_SQL = `
  SELECT ${DEPARTMENT_COLUMNS} FROM department d
  WHERE EXISTS (SELECT 1 FROM sector_rule r
                WHERE r.department_id = d.id AND ${sectorRuleMatchSql('r', '$1::text', '$2::text[]')})
  ORDER BY d.code`;

/** Reads of sector departments for locate and responsibility. */
export class DepartmentReadRepository {
  constructor(private readonly db: Queryable) {}

  /** The departments sector rules assign to this industry code and/or these class keys. */
  forSector(industryCode: string | null, keys: readonly string[]): Promise<Department[]> {
    return this.db.query(DEPARTMENTS_FOR_SECTOR_SQL, [industryCode, keys]);
  }

  byCodes(codes: readonly string[]): Promise<Department[]> {
    return this.db.query(
      `SELECT ${DEPARTMENT_COLUMNS} FROM department d WHERE d.code = ANY ($1::text[]) ORDER BY d.code`,
      [codes],
    );
  }
}
