/**
 * Registering, updating and moving enterprises (the survey's ledger, seed 003), each in one
 * transaction: role and scope, validation (credit code by GB 32100-2015, location, industry
 * code, classes, phone), the version-checked write, the re-derived base grid and the
 * incremental audit of the enterprise, and an audit_log row.
 */
import { ENTERPRISE_STATUSES, RISK_CLASSES, SCALES, validateUscc } from '@gridwarden/db';
import type { DataSource } from 'typeorm';
import { runEdit, type EditScope } from '../audit-log/edit-transaction';
import { requireRole, type Role, type Viewer } from '../auth/viewer';
import type { CoverageService } from '../coverage/coverage.service';
import { ConflictError, ForbiddenError, NotFoundError, UserInputError } from '../graphql/errors';
import { validatePhone } from '../people/phone.validation';
import {
  EnterpriseEditRepository,
  type EditableEnterprise,
  type EnterpriseFields,
} from './enterprise-edit.repository';
import type { EnterpriseInput } from './enterprise-edit.types';
import { EnterpriseRepository } from './enterprise.repository';
import type { Enterprise } from './enterprise.types';

/** DOMAIN.md workflows: officers register enterprises in the survey, supervisors review. */
export const ENTERPRISE_EDITORS: readonly Role[] = ['ADMIN', 'SUPERVISOR', 'OFFICER'];

const ID = /^\d{1,18}$/;
/** GB/T 4754-2017: section letter and 2–4 digits. */
const INDUSTRY_CODE = /^[A-T][0-9]{2,4}$/;
const MAX_TEXT = 200;

export class EnterpriseEditService {
  constructor(
    private readonly db: DataSource,
    private readonly coverage: CoverageService,
  ) {}

  /** Creates or updates (by id, else by credit code) an enterprise. */
  async upsertEnterprise(viewer: Viewer | null, input: EnterpriseInput): Promise<Enterprise> {
    const editor = requireRole(viewer, ENTERPRISE_EDITORS, 'register or edit enterprises');
    if (input.id != null && !ID.test(input.id)) {
      throw new UserInputError(`"id" must be an enterprise id; got ${JSON.stringify(input.id)}`);
    }
    const uscc = readUscc(input.uscc);
    return runEdit(this.db, editor, 'UPSERT_ENTERPRISE', async (edit) => {
      const repo = new EnterpriseEditRepository(edit.tx);
      const existing = input.id != null ? await repo.byId(input.id) : await repo.byUscc(uscc);
      if (input.id != null && !existing)
        throw new NotFoundError(`no enterprise has the id ${input.id}`);
      if (!existing) {
        const fields = readFields(input, uscc, null);
        await this.requireLocationInScope(edit, fields);
        const id = await repo.insert(fields);
        return this.finish(edit, id, null);
      }
      if (input.expectedVersion == null) {
        throw new ConflictError(
          `enterprise ${existing.name} (${existing.uscc}) exists as id ${existing.id} at version ${existing.version}; send expectedVersion to update it`,
          { enterpriseId: existing.id, currentVersion: existing.version },
        );
      }
      if (existing.uscc !== uscc) {
        const holder = await repo.byUscc(uscc);
        if (holder) {
          throw new UserInputError(
            `the credit code ${uscc} belongs to enterprise ${holder.id} (${holder.name})`,
          );
        }
      }
      await this.requireVisible(edit, existing);
      const fields = readFields(input, uscc, existing);
      await this.requireLocationInScope(edit, fields);
      await this.write(repo, existing, input.expectedVersion, fields);
      return this.finish(edit, existing.id, existing);
    });
  }

  /** Moves an enterprise to a new location; its base grid follows. */
  async moveEnterprise(
    viewer: Viewer | null,
    args: { id: string; lon: number; lat: number; expectedVersion: number },
  ): Promise<Enterprise> {
    const editor = requireRole(viewer, ENTERPRISE_EDITORS, 'move enterprises');
    if (!ID.test(args.id))
      throw new UserInputError(`"id" must be an enterprise id; got ${JSON.stringify(args.id)}`);
    readLocation(args.lon, args.lat);
    return runEdit(this.db, editor, 'MOVE_ENTERPRISE', async (edit) => {
      const repo = new EnterpriseEditRepository(edit.tx);
      const existing = await repo.byId(args.id);
      if (!existing) throw new NotFoundError(`no enterprise has the id ${args.id}`);
      await this.requireVisible(edit, existing);
      const fields: EnterpriseFields = { ...pickFields(existing), lon: args.lon, lat: args.lat };
      await this.requireLocationInScope(edit, fields);
      await this.write(repo, existing, args.expectedVersion, fields);
      return this.finish(edit, existing.id, existing);
    });
  }

  private async write(
    repo: EnterpriseEditRepository,
    existing: EditableEnterprise,
    expectedVersion: number,
    fields: EnterpriseFields,
  ): Promise<void> {
    if ((await repo.update(existing.id, expectedVersion, fields)) != null) return;
    const current = await repo.currentVersion(existing.id);
    throw new ConflictError(
      `enterprise ${existing.name} (${existing.uscc}) is at version ${current}, not ${expectedVersion}: it changed since you read it; reload it and try again`,
      { enterpriseId: existing.id, currentVersion: current },
    );
  }

  private async requireVisible(edit: EditScope, e: EditableEnterprise): Promise<void> {
    if (!(await new EnterpriseEditRepository(edit.tx).visibleTo(edit.viewer.scopeGridId, e.id))) {
      throw new ForbiddenError(`enterprise ${e.name} (${e.uscc}) is outside your scope`);
    }
  }

  private async requireLocationInScope(edit: EditScope, f: EnterpriseFields): Promise<void> {
    const inside = await new EnterpriseEditRepository(edit.tx).pointInside(
      edit.viewer.scopeGridId,
      f.lon,
      f.lat,
    );
    if (inside !== true) {
      throw new ForbiddenError(`the location (${f.lon}, ${f.lat}) lies outside your scope`);
    }
  }

  /** Re-derives the base grid, audits the enterprise, logs it and answers it. */
  private async finish(
    edit: EditScope,
    id: string,
    before: EditableEnterprise | null,
  ): Promise<Enterprise> {
    await this.coverage.incrementalAudit(edit.tx, {
      enterpriseIds: [id],
      previousBaseGridIds: before?.baseGridId ? [before.baseGridId] : [],
    });
    const after = await new EnterpriseEditRepository(edit.tx).byId(id);
    edit.log({
      entityType: 'ENTERPRISE',
      entityId: id,
      before: before?.snapshot ?? null,
      after: after?.snapshot ?? null,
    });
    const enterprise = await new EnterpriseRepository(edit.tx).byId(id, null);
    if (!enterprise) throw new Error(`enterprise ${id} vanished inside its own edit`);
    return enterprise;
  }
}

// ---------------------------------------------------------------------------------------

function readUscc(value: string): string {
  const uscc = value.trim().toUpperCase();
  const check = validateUscc(uscc);
  if (!check.valid) {
    throw new UserInputError(
      `"uscc" ${JSON.stringify(value)} is not a valid unified social credit code: ${check.message}`,
      {
        reason: check.reason,
        field: 'uscc',
      },
    );
  }
  return uscc;
}

function readLocation(lon: number, lat: number): void {
  if (!Number.isFinite(lon) || lon < -180 || lon > 180) {
    throw new UserInputError(`"lon" must be a longitude from -180 to 180; got ${lon}`);
  }
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) {
    throw new UserInputError(`"lat" must be a latitude from -90 to 90; got ${lat}`);
  }
}

function text(value: string | null | undefined, field: string, required = false): string | null {
  if (value == null) {
    if (required) throw new UserInputError(`"${field}" is required`);
    return null;
  }
  const t = value.trim();
  if (t.length > MAX_TEXT || (required && t === '')) {
    throw new UserInputError(`"${field}" must be ${required ? '1' : '0'}–${MAX_TEXT} characters`);
  }
  return t === '' ? null : t;
}

function pickFields(e: EditableEnterprise): EnterpriseFields {
  return {
    uscc: e.uscc,
    name: e.name,
    address: e.address,
    lon: e.lon,
    lat: e.lat,
    industryCode: e.industryCode,
    scale: e.scale,
    riskClasses: e.riskClasses,
    nineSmall: e.nineSmall,
    keyFireUnit: e.keyFireUnit,
    majorHazard: e.majorHazard,
    employees: e.employees,
    status: e.status,
    legalRepresentative: e.legalRepresentative,
    safetyManager: e.safetyManager,
    phone: e.phone,
  };
}

/** The fields to write: the input's, and for omitted optional ones the current value (or the default). */
function readFields(
  input: EnterpriseInput,
  uscc: string,
  existing: EditableEnterprise | null,
): EnterpriseFields {
  readLocation(input.lon, input.lat);
  const industryCode = input.industryCode.trim().toUpperCase();
  if (!INDUSTRY_CODE.test(industryCode)) {
    throw new UserInputError(
      `"industryCode" must be a GB/T 4754-2017 code: a section letter A–T and 2–4 digits, e.g. C2614; got ${JSON.stringify(input.industryCode)}`,
    );
  }
  if (!(SCALES as readonly string[]).includes(input.scale)) {
    throw new UserInputError(`"scale" must be one of ${SCALES.join(', ')}`);
  }
  const riskClasses = input.riskClasses ?? existing?.riskClasses ?? [];
  const unknown = riskClasses.filter((c) => !(RISK_CLASSES as readonly string[]).includes(c));
  if (unknown.length) {
    throw new UserInputError(
      `unknown risk class ${unknown.join(', ')}; the risk classes are ${RISK_CLASSES.join(', ')}`,
    );
  }
  const status = input.status ?? existing?.status ?? 'OPERATING';
  if (!(ENTERPRISE_STATUSES as readonly string[]).includes(status)) {
    throw new UserInputError(
      `"status" must be one of ${ENTERPRISE_STATUSES.join(', ')}; got ${JSON.stringify(status)}`,
    );
  }
  const employees = input.employees ?? existing?.employees ?? 0;
  if (!Number.isInteger(employees) || employees < 0) {
    throw new UserInputError(`"employees" must be a whole number of 0 or more; got ${employees}`);
  }
  let phone = existing?.phone ?? null;
  if (input.phone != null) {
    if (input.phone.trim() === '') phone = null;
    else {
      const checked = validatePhone(input.phone);
      if (!checked.valid)
        throw new UserInputError(`"phone": ${checked.message}`, { field: 'phone' });
      phone = checked.phone;
    }
  }
  const keep = <T>(value: T | null | undefined, current: T | undefined, fallback: T): T =>
    value ?? current ?? fallback;
  return {
    uscc,
    name: text(input.name, 'name', true) as string,
    address:
      input.address === undefined ? (existing?.address ?? null) : text(input.address, 'address'),
    lon: input.lon,
    lat: input.lat,
    industryCode,
    scale: input.scale,
    riskClasses: [...new Set(riskClasses)],
    nineSmall: keep(input.nineSmall, existing?.nineSmall, false),
    keyFireUnit: keep(input.keyFireUnit, existing?.keyFireUnit, false),
    majorHazard: keep(input.majorHazard, existing?.majorHazard, false),
    employees,
    status,
    legalRepresentative:
      input.legalRepresentative === undefined
        ? (existing?.legalRepresentative ?? null)
        : text(input.legalRepresentative, 'legalRepresentative'),
    safetyManager:
      input.safetyManager === undefined
        ? (existing?.safetyManager ?? null)
        : text(input.safetyManager, 'safetyManager'),
    phone,
  };
}
