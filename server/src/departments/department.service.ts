/**
 * 纵到底: sector departments and the rules mapping enterprises to them (seed 002's matrix,
 * editable by ADMIN). Adding or removing a rule re-runs the enterprise rules for every
 * enterprise it matches, so SECTOR_UNASSIGNED (责任空档) appears or clears in the same
 * transaction; a department's own attributes change no rule.
 */
import { ENTERPRISE_CLASSES, RISK_CLASSES } from '@gridwarden/db';
import type { DataSource } from 'typeorm';
import { runEdit, type EditScope } from '../audit-log/edit-transaction';
import { requireRole, type Viewer } from '../auth/viewer';
import type { CoverageService } from '../coverage/coverage.service';
import { NotFoundError, UserInputError } from '../graphql/errors';
import { DepartmentRepository } from './department.repository';
import type { Department, DepartmentInput, SectorRule, SectorRuleInput } from './department.types';

const ID = /^\d{1,18}$/;
const CODE = /^[A-Z][A-Z0-9_]{0,39}$/;
/** GB/T 4754-2017: a section letter, then up to four digits. */
const PREFIX = /^[A-T][0-9]{0,4}$/;
const CLASSES: readonly string[] = [...ENTERPRISE_CLASSES, ...RISK_CLASSES];
const MAX_NAME = 100;

export class DepartmentService {
  constructor(
    private readonly db: DataSource,
    private readonly coverage: CoverageService,
  ) {}

  rules(departmentId: string): Promise<SectorRule[]> {
    return new DepartmentRepository(this.db).rules(departmentId);
  }

  async upsertDepartment(viewer: Viewer | null, input: DepartmentInput): Promise<Department> {
    const admin = requireRole(viewer, ['ADMIN'], 'edit departments');
    if (input.id != null && !ID.test(input.id)) {
      throw new UserInputError(`"id" must be a department id; got ${JSON.stringify(input.id)}`);
    }
    const code = input.code.trim().toUpperCase();
    if (!CODE.test(code)) {
      throw new UserInputError(
        `"code" must be capital letters, digits and underscores, starting with a letter (e.g. EDUCATION); got ${JSON.stringify(input.code)}`,
      );
    }
    const fields = {
      code,
      nameZh: readName(input.nameZh, 'nameZh'),
      nameEn: readName(input.nameEn, 'nameEn'),
      comprehensive: input.comprehensive ?? false,
    };
    return runEdit(this.db, admin, 'UPSERT_DEPARTMENT', async (edit) => {
      const repo = new DepartmentRepository(edit.tx);
      const before = input.id != null ? await repo.byId(input.id) : await repo.byCode(code);
      if (input.id != null && !before)
        throw new NotFoundError(`no department has the id ${input.id}`);
      const holder = await repo.byCode(code);
      if (holder && holder.id !== before?.id) {
        throw new UserInputError(
          `the code ${code} belongs to department ${holder.id} (${holder.nameEn})`,
        );
      }
      const after = before ? await repo.update(before.id, fields) : await repo.insert(fields);
      edit.log({ entityType: 'DEPARTMENT', entityId: after.id, before, after });
      return after;
    });
  }

  async addSectorRule(viewer: Viewer | null, input: SectorRuleInput): Promise<SectorRule> {
    const admin = requireRole(viewer, ['ADMIN'], 'edit sector rules');
    if (!ID.test(input.departmentId)) {
      throw new UserInputError(
        `"departmentId" must be a department id; got ${JSON.stringify(input.departmentId)}`,
      );
    }
    const prefix = input.industryPrefix?.trim().toUpperCase() || null;
    const enterpriseClass = input.enterpriseClass?.trim().toUpperCase() || null;
    if ((prefix == null) === (enterpriseClass == null)) {
      throw new UserInputError('give exactly one of "industryPrefix" and "enterpriseClass"');
    }
    if (prefix != null && !PREFIX.test(prefix)) {
      throw new UserInputError(
        `"industryPrefix" must be a GB/T 4754-2017 section letter A–T and up to 4 digits (e.g. C26); got ${JSON.stringify(input.industryPrefix)}`,
      );
    }
    if (enterpriseClass != null && !CLASSES.includes(enterpriseClass)) {
      throw new UserInputError(
        `unknown enterprise class ${enterpriseClass}; the classes are ${CLASSES.join(', ')}`,
      );
    }
    return runEdit(this.db, admin, 'ADD_SECTOR_RULE', async (edit) => {
      const repo = new DepartmentRepository(edit.tx);
      const department = await repo.byId(input.departmentId);
      if (!department) throw new NotFoundError(`no department has the id ${input.departmentId}`);
      if (await repo.sameRule(department.id, prefix, enterpriseClass)) {
        throw new UserInputError(
          `department ${department.code} already has the rule ${prefix ?? enterpriseClass}`,
        );
      }
      const rule = await repo.insertRule(department.id, prefix, enterpriseClass);
      await this.reaudit(edit, rule);
      edit.log({ entityType: 'SECTOR_RULE', entityId: rule.id, before: null, after: rule });
      return rule;
    });
  }

  async removeSectorRule(viewer: Viewer | null, id: string): Promise<SectorRule> {
    const admin = requireRole(viewer, ['ADMIN'], 'edit sector rules');
    if (!ID.test(id))
      throw new UserInputError(`"id" must be a sector rule id; got ${JSON.stringify(id)}`);
    return runEdit(this.db, admin, 'REMOVE_SECTOR_RULE', async (edit) => {
      const repo = new DepartmentRepository(edit.tx);
      const rule = await repo.rule(id);
      if (!rule) throw new NotFoundError(`no sector rule has the id ${id}`);
      await repo.deleteRule(id);
      await this.reaudit(edit, rule);
      edit.log({ entityType: 'SECTOR_RULE', entityId: rule.id, before: rule, after: null });
      return rule;
    });
  }

  /** SECTOR_UNASSIGNED for every enterprise the rule matches. */
  private async reaudit(edit: EditScope, rule: SectorRule): Promise<void> {
    const enterpriseIds = await new DepartmentRepository(edit.tx).matchedEnterprises(rule);
    if (enterpriseIds.length) await this.coverage.incrementalAudit(edit.tx, { enterpriseIds });
  }
}

function readName(value: string, field: string): string {
  const name = value.trim();
  if (name === '' || name.length > MAX_NAME) {
    throw new UserInputError(`"${field}" must be 1–${MAX_NAME} characters`);
  }
  return name;
}
