/**
 * 网格定人: named people and their assignments to grids. Supervisors and ADMIN manage them;
 * each change is one transaction with its audit_log row, and an assignment change re-runs
 * the grid's own rules (GRID_UNSTAFFED) through the incremental audit. Assignments are
 * never deleted: they end (`until`), so who answered for a grid on a given day stays known.
 */
import type { DataSource } from 'typeorm';
import { runEdit, type EditScope } from '../audit-log/edit-transaction';
import { requireRole, type Role, type Viewer } from '../auth/viewer';
import type { CoverageService } from '../coverage/coverage.service';
import { ForbiddenError, NotFoundError, UserInputError } from '../graphql/errors';
import { AssignmentRepository, type AssignmentRow } from './assignment.repository';
import { validatePhone } from './phone.validation';
import { PersonRepository } from './person.repository';
import {
  AssignmentRoleEnum,
  type GridAssignment,
  type Person,
  type PersonInput,
  type PersonPatch,
} from './person.types';

/** The auth contract: SUPERVISOR manages people and assignments; ADMIN anything. */
export const PEOPLE_MANAGERS: readonly Role[] = ['ADMIN', 'SUPERVISOR'];

const ID = /^\d{1,18}$/;
const MAX_NAME = 50;

export class PersonService {
  constructor(
    private readonly db: DataSource,
    private readonly coverage: CoverageService,
  ) {}

  find(id: string): Promise<Person | null> {
    return new PersonRepository(this.db).byId(id);
  }

  async createPerson(viewer: Viewer | null, input: PersonInput): Promise<Person> {
    const manager = requireRole(viewer, PEOPLE_MANAGERS, 'manage people');
    const name = readName(input.name);
    const phone = readPhone(input.phone);
    return runEdit(this.db, manager, 'CREATE_PERSON', async (edit) => {
      const person = await new PersonRepository(edit.tx).insert(name, phone);
      edit.log({ entityType: 'PERSON', entityId: person.id, before: null, after: person });
      return person;
    });
  }

  async updatePerson(viewer: Viewer | null, id: string, patch: PersonPatch): Promise<Person> {
    const manager = requireRole(viewer, PEOPLE_MANAGERS, 'manage people');
    readId(id, 'id');
    if (patch.name == null && patch.phone == null) {
      throw new UserInputError('give "name" or "phone" (an empty phone clears it)');
    }
    const name = patch.name == null ? null : readName(patch.name);
    const phone = patch.phone == null ? undefined : readPhone(patch.phone);
    return runEdit(this.db, manager, 'UPDATE_PERSON', async (edit) => {
      const repo = new PersonRepository(edit.tx);
      const before = await repo.byId(id);
      if (!before) throw new NotFoundError(`no person has the id ${id}`);
      if (!(await repo.inScope(edit.viewer.scopeGridId, id))) {
        throw new ForbiddenError(
          `person ${before.name} is assigned only to grids outside your scope`,
        );
      }
      const after = await repo.update(
        id,
        name ?? before.name,
        phone === undefined ? before.phone : phone,
      );
      edit.log({ entityType: 'PERSON', entityId: id, before, after });
      return after;
    });
  }

  async assignPerson(
    viewer: Viewer | null,
    args: { gridId: string; personId: string; role: AssignmentRoleEnum; since?: Date | null },
  ): Promise<GridAssignment> {
    const manager = requireRole(viewer, PEOPLE_MANAGERS, 'assign people to grids');
    readId(args.gridId, 'gridId');
    readId(args.personId, 'personId');
    if (!Object.values(AssignmentRoleEnum).includes(args.role)) {
      throw new UserInputError(
        `"role" must be one of ${Object.values(AssignmentRoleEnum).join(', ')}`,
      );
    }
    const since = readDate(args.since, 'since');
    return runEdit(this.db, manager, 'ASSIGN_PERSON', async (edit) => {
      await this.requireGridInScope(edit, args.gridId);
      const person = await new PersonRepository(edit.tx).byId(args.personId);
      if (!person) throw new NotFoundError(`no person has the id ${args.personId}`);
      const assignments = new AssignmentRepository(edit.tx);
      const clash = (await assignments.unended([args.gridId])).find(
        (a) =>
          a.personId === args.personId &&
          a.role === args.role &&
          (since == null || a.until == null || a.until > since),
      );
      if (clash) {
        throw new UserInputError(
          `${person.name} already holds ${args.role} on grid ${args.gridId} (assignment ${clash.id} since ${clash.since.toISOString()}); end it first`,
        );
      }
      const created = await assignments.insert({
        gridId: args.gridId,
        personId: args.personId,
        role: args.role,
        since: since ?? 'now',
      });
      return this.finish(edit, created, null);
    });
  }

  async endAssignment(
    viewer: Viewer | null,
    args: { id: string; until?: Date | null },
  ): Promise<GridAssignment> {
    const manager = requireRole(viewer, PEOPLE_MANAGERS, 'end assignments');
    readId(args.id, 'id');
    const until = readDate(args.until, 'until');
    return runEdit(this.db, manager, 'END_ASSIGNMENT', async (edit) => {
      const assignments = new AssignmentRepository(edit.tx);
      const before = await assignments.byId(args.id);
      if (!before) throw new NotFoundError(`no assignment has the id ${args.id}`);
      await this.requireGridInScope(edit, before.gridId);
      if (before.until != null) {
        throw new UserInputError(
          `assignment ${before.id} already ended at ${before.until.toISOString()}`,
        );
      }
      const end = until ?? new Date();
      if (end <= before.since) {
        throw new UserInputError(
          `"until" (${end.toISOString()}) must be after the assignment's start (${before.since.toISOString()})`,
        );
      }
      const [after] = await assignments.end([before.id], until ?? undefined);
      return this.finish(edit, after, before);
    });
  }

  private async requireGridInScope(edit: EditScope, gridId: string): Promise<void> {
    const where = await new AssignmentRepository(edit.tx).gridInScope(
      edit.viewer.scopeGridId,
      gridId,
    );
    if (!where.exists) throw new NotFoundError(`no grid has the id ${gridId}`);
    if (!where.inside) throw new ForbiddenError(`grid ${gridId} is outside your scope`);
  }

  /** GRID_UNSTAFFED and the other rules of the grid, re-run; the audit log; the answer. */
  private async finish(
    edit: EditScope,
    after: AssignmentRow,
    before: AssignmentRow | null,
  ): Promise<GridAssignment> {
    await this.coverage.incrementalAudit(edit.tx, { recheckGridIds: [after.gridId] });
    edit.log({ entityType: 'GRID_ASSIGNMENT', entityId: after.id, before, after });
    return { ...after, role: after.role as AssignmentRoleEnum };
  }
}

function readId(value: string, field: string): void {
  if (!ID.test(value))
    throw new UserInputError(`"${field}" must be an id; got ${JSON.stringify(value)}`);
}

function readName(value: string): string {
  const name = value.trim();
  if (name === '' || name.length > MAX_NAME) {
    throw new UserInputError(
      `"name" must be 1–${MAX_NAME} characters; got ${JSON.stringify(value)}`,
    );
  }
  return name;
}

/** A validated phone, null when none is given (an empty string clears it). */
function readPhone(value: string | null | undefined): string | null {
  if (value == null || value.trim() === '') return null;
  const checked = validatePhone(value);
  if (!checked.valid) throw new UserInputError(`"phone": ${checked.message}`, { field: 'phone' });
  return checked.phone;
}

function readDate(value: Date | null | undefined, field: string): Date | null {
  if (value == null) return null;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new UserInputError(`"${field}" must be a date-time`);
  }
  return value;
}
