import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEPARTMENTS, SECTOR_RULES } from '../reference/departments';

/** Seeds the sector departments and sector rules of seed 002 as default configuration. */
export class DefaultDepartments1763800000100 implements MigrationInterface {
  name = 'DefaultDepartments1763800000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO department (code, name_zh, name_en, comprehensive)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[])`,
      [
        DEPARTMENTS.map((d) => d.code),
        DEPARTMENTS.map((d) => d.nameZh),
        DEPARTMENTS.map((d) => d.nameEn),
        DEPARTMENTS.map((d) => d.comprehensive),
      ],
    );
    await q.query(
      `INSERT INTO sector_rule (department_id, industry_prefix, enterprise_class)
       SELECT d.id, r.prefix, r.class
       FROM unnest($1::text[], $2::text[], $3::text[]) AS r(department, prefix, class)
       JOIN department d ON d.code = r.department`,
      [
        SECTOR_RULES.map((r) => r.departmentCode),
        SECTOR_RULES.map((r) => r.industryPrefix ?? null),
        SECTOR_RULES.map((r) => r.enterpriseClass ?? null),
      ],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM sector_rule`);
    await q.query(`DELETE FROM department`);
  }
}
