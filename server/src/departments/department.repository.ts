import { returnedRows } from '../audit-log/edit-transaction';
import { sectorClassesSql } from '../coverage/responsibility';
import type { Queryable } from '../coverage/rule.runner';
import type { Department, SectorRule } from './department.types';

const DEPARTMENT = `d.id::text AS id, d.code, d.name_zh AS "nameZh", d.name_en AS "nameEn", d.comprehensive`;
const RULE = `r.id::text AS id, r.department_id::text AS "departmentId", r.industry_prefix AS "industryPrefix",
  r.enterprise_class AS "enterpriseClass"`;

// Enterprises (not closed) a sector rule matches: by industry-code prefix, or by one of their
// classes and risk classes, as SECTOR_UNASSIGNED matches them.
const MATCHED_ENTERPRISES_SQL = `
  SELECT e.id::text AS id FROM enterprise e
  WHERE e.status <> 'CLOSED'
    AND (($1::text IS NOT NULL AND left(e.industry_code, length($1)) = $1)
      OR ($2::text IS NOT NULL AND $2 = ANY (${sectorClassesSql('e')})))`;

/** Every line of SQL about departments and sector rules. */
export class DepartmentRepository {
  constructor(private readonly db: Queryable) {}

  async byId(id: string): Promise<Department | null> {
    const rows: Department[] = await this.db.query(
      `SELECT ${DEPARTMENT} FROM department d WHERE d.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async byCode(code: string): Promise<Department | null> {
    const rows: Department[] = await this.db.query(
      `SELECT ${DEPARTMENT} FROM department d WHERE d.code = $1`,
      [code],
    );
    return rows[0] ?? null;
  }

  async insert(d: Omit<Department, 'id'>): Promise<Department> {
    const [row] = await this.db.query(
      `INSERT INTO department AS d (code, name_zh, name_en, comprehensive) VALUES ($1, $2, $3, $4)
       RETURNING ${DEPARTMENT}`,
      [d.code, d.nameZh, d.nameEn, d.comprehensive],
    );
    return row;
  }

  async update(id: string, d: Omit<Department, 'id'>): Promise<Department> {
    const [row] = returnedRows<Department>(
      await this.db.query(
        `UPDATE department d SET code = $2, name_zh = $3, name_en = $4, comprehensive = $5
         WHERE d.id = $1 RETURNING ${DEPARTMENT}`,
        [id, d.code, d.nameZh, d.nameEn, d.comprehensive],
      ),
    );
    return row;
  }

  rules(departmentId: string): Promise<SectorRule[]> {
    return this.db.query(
      `SELECT ${RULE} FROM sector_rule r WHERE r.department_id = $1 ORDER BY r.id`,
      [departmentId],
    );
  }

  async rule(id: string): Promise<SectorRule | null> {
    const rows: SectorRule[] = await this.db.query(
      `SELECT ${RULE} FROM sector_rule r WHERE r.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async sameRule(
    departmentId: string,
    prefix: string | null,
    enterpriseClass: string | null,
  ): Promise<SectorRule | null> {
    const rows: SectorRule[] = await this.db.query(
      `SELECT ${RULE} FROM sector_rule r WHERE r.department_id = $1
         AND r.industry_prefix IS NOT DISTINCT FROM $2 AND r.enterprise_class IS NOT DISTINCT FROM $3`,
      [departmentId, prefix, enterpriseClass],
    );
    return rows[0] ?? null;
  }

  async insertRule(
    departmentId: string,
    prefix: string | null,
    enterpriseClass: string | null,
  ): Promise<SectorRule> {
    const [row] = await this.db.query(
      `INSERT INTO sector_rule AS r (department_id, industry_prefix, enterprise_class) VALUES ($1, $2, $3)
       RETURNING ${RULE}`,
      [departmentId, prefix, enterpriseClass],
    );
    return row;
  }

  async deleteRule(id: string): Promise<void> {
    await this.db.query(`DELETE FROM sector_rule WHERE id = $1`, [id]);
  }

  async matchedEnterprises(
    rule: Pick<SectorRule, 'industryPrefix' | 'enterpriseClass'>,
  ): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(MATCHED_ENTERPRISES_SQL, [
      rule.industryPrefix,
      rule.enterpriseClass,
    ]);
    return rows.map((r) => r.id);
  }
}
