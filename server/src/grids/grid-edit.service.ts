/**
 * Grid edits: create, reshape (and rename / exempt), split, merge, delete, each in ONE
 * transaction: authorisation (PLANNER or ADMIN, every grid involved in the viewer's scope,
 * the new shape inside the scope root's boundary), validation, the version-checked writes
 * (`UPDATE … WHERE id = $1 AND version = $expected`; no row → CONFLICT with the current
 * version, nothing changed), history (the grid_history trigger), enterprise reassignment and
 * the incremental coverage audit, and an audit_log row per changed entity.
 *
 * Decisions (docs/api.md):
 * - split: the largest piece keeps the grid's id, code, name, staff and history; the others
 *   are new grids under the same parent with codes that continue the parent's numbering
 *   (grid-code.ts), named "<name>（2）" … unless `names` are given; children go to the piece
 *   holding most of their area; the grid's running assignments are copied to every new
 *   piece (since the edit), so nobody's ground loses its named person by the split itself.
 * - merge: the first grid keeps its id and code and takes the union; the others are deleted
 *   (kept in grid_history); their children move under it; their running assignments end at
 *   the edit and continue on the kept grid (unless that person already holds the role
 *   there); assignments that have not started move to it; enterprises follow their points.
 * - delete: refused while the grid has children or enterprises; its running assignments end.
 * - every grid row written gets version + 1, so history rows never collide.
 */
import type { LineString, MultiPolygon } from 'geojson';
import type { DataSource } from 'typeorm';
import { rehearseEdit, runEdit, type EditScope } from '../audit-log/edit-transaction';
import { requireRole, type Role, type Viewer } from '../auth/viewer';
import type { AuditChange, AuditResult, CoverageService } from '../coverage/coverage.service';
import type { CoverageThresholds } from '../coverage/coverage.types';
import { validateLineString } from '../geo/line.validation';
import { validatePolygonGeometry } from '../geo/polygon.validation';
import { snapLineToReference } from '../geo/vertex.snap';
import { ConflictError, ForbiddenError, NotFoundError, UserInputError } from '../graphql/errors';
import { AssignmentRepository } from '../people/assignment.repository';
import { nextGridCodes } from './grid-code';
import { GridEditRepository, type EditableGrid, type GridSnapshot } from './grid-edit.repository';
import {
  GridChangeKind,
  TrimSiblings,
  type CreateGridInput,
  type DeleteGridInput,
  type GridChangeInput,
  type GridChangePreview,
  type GridEditOptionsInput,
  type MergeGridsInput,
  type SplitGridInput,
  type UpdateGridBoundaryInput,
} from './grid-edit.types';
import { buildPreview, inspectEdit } from './grid-preview';
import { GridRepository } from './grid.repository';
import type { Grid } from './grid.types';
import {
  DEFAULT_EDIT_OPTIONS,
  GridShaper,
  MAX_SNAP_TOLERANCE_M,
  gridLabel,
  ringsOf,
  type CutBack,
  type EditOptions,
} from './grid-shaping';

/** The auth contract: PLANNER edits boundaries in scope; ADMIN anything. */
export const GRID_EDITORS: readonly Role[] = ['ADMIN', 'PLANNER'];

/** Who may edit grids, checked before anything else (so no input is judged for a stranger). */
function requireGridEditor(viewer: Viewer | null): Viewer {
  return requireRole(viewer, GRID_EDITORS, 'edit grids');
}

export type GridOperation =
  'CREATE_GRID' | 'UPDATE_GRID_BOUNDARY' | 'SPLIT_GRID' | 'MERGE_GRIDS' | 'DELETE_GRID';

/** A validated edit, ready to apply. */
export type GridEditPlan =
  | {
      operation: 'CREATE_GRID';
      parentId: string | null;
      level: number | null;
      code: string | null;
      name: string;
      boundary: MultiPolygon;
      sizeExempt: boolean;
      options: EditOptions;
    }
  | {
      operation: 'UPDATE_GRID_BOUNDARY';
      id: string;
      expectedVersion: number;
      boundary: MultiPolygon | null;
      name: string | null;
      sizeExempt: boolean | null;
      options: EditOptions;
    }
  | {
      operation: 'SPLIT_GRID';
      id: string;
      expectedVersion: number;
      line: LineString;
      names: string[] | null;
      options: EditOptions;
    }
  | {
      operation: 'MERGE_GRIDS';
      grids: { id: string; expectedVersion: number }[];
      name: string | null;
      options: EditOptions;
    }
  | { operation: 'DELETE_GRID'; id: string; expectedVersion: number };

/** What an applied edit did. */
export interface GridEditOutcome {
  operation: GridOperation;
  /** The grids the mutation answers with, as they are after the edit (kept first). */
  grids: Grid[];
  /** Deleted grids as they were. */
  deleted: Grid[];
  /** Every grid row the edit wrote, and how. */
  changes: Map<string, GridChangeKind>;
  audit: AuditResult;
}

const ID = /^\d{1,18}$/;
const CODE = /^[0-9A-Za-z][0-9A-Za-z-]{0,63}$/;
const MAX_NAME = 100;
/** How many codes or names an error message lists before "and N more". */
const LISTED = 3;

export class GridEditService {
  constructor(
    private readonly db: DataSource,
    private readonly coverage: CoverageService,
    private readonly thresholds: CoverageThresholds,
  ) {}

  async createGrid(viewer: Viewer | null, input: CreateGridInput): Promise<Grid> {
    const editor = requireGridEditor(viewer);
    return (await this.save(editor, planCreate(input))).grids[0];
  }

  async updateGridBoundary(viewer: Viewer | null, input: UpdateGridBoundaryInput): Promise<Grid> {
    const editor = requireGridEditor(viewer);
    return (await this.save(editor, planUpdate(input))).grids[0];
  }

  async splitGrid(viewer: Viewer | null, input: SplitGridInput): Promise<Grid[]> {
    const editor = requireGridEditor(viewer);
    return (await this.save(editor, planSplit(input))).grids;
  }

  async mergeGrids(viewer: Viewer | null, input: MergeGridsInput): Promise<Grid> {
    const editor = requireGridEditor(viewer);
    return (await this.save(editor, planMerge(input))).grids[0];
  }

  async deleteGrid(viewer: Viewer | null, input: DeleteGridInput): Promise<Grid> {
    const editor = requireGridEditor(viewer);
    return (await this.save(editor, planDelete(input))).deleted[0];
  }

  /** Runs the edit exactly as its mutation would, reports what it did, and keeps nothing. */
  async preview(viewer: Viewer | null, input: GridChangeInput): Promise<GridChangePreview> {
    const editor = requireGridEditor(viewer);
    const plan = planChange(input);
    const rehearsal = await rehearseEdit(
      this.db,
      editor,
      plan.operation,
      (edit) => this.apply(edit, plan),
      inspectEdit,
    );
    return buildPreview(plan.operation, rehearsal);
  }

  /** Applies a validated edit in one transaction and commits it. */
  save(editor: Viewer, plan: GridEditPlan): Promise<GridEditOutcome> {
    return runEdit(this.db, editor, plan.operation, (edit) => this.apply(edit, plan));
  }

  private apply(edit: EditScope, plan: GridEditPlan): Promise<GridEditOutcome> {
    const run = new GridEditRun(
      edit,
      plan.operation,
      this.coverage,
      this.thresholds.minSliverAreaM2,
    );
    switch (plan.operation) {
      case 'CREATE_GRID':
        return run.create(plan);
      case 'UPDATE_GRID_BOUNDARY':
        return run.update(plan);
      case 'SPLIT_GRID':
        return run.split(plan);
      case 'MERGE_GRIDS':
        return run.merge(plan);
      case 'DELETE_GRID':
        return run.delete(plan);
    }
  }
}

/** One edit inside its transaction. */
class GridEditRun {
  private readonly repo: GridEditRepository;
  private readonly assignments: AssignmentRepository;
  private readonly shaper: GridShaper;
  private readonly changes = new Map<string, GridChangeKind>();

  constructor(
    private readonly edit: EditScope,
    private readonly operation: GridOperation,
    private readonly coverage: CoverageService,
    /** Parts of results of at most this area (m²) are dropped: the audit's sliver limit. */
    private readonly minPartM2: number,
  ) {
    this.repo = new GridEditRepository(edit.tx);
    this.assignments = new AssignmentRepository(edit.tx);
    this.shaper = new GridShaper(this.repo, minPartM2);
  }

  async create(
    plan: Extract<GridEditPlan, { operation: 'CREATE_GRID' }>,
  ): Promise<GridEditOutcome> {
    const { viewer } = this.edit;
    let parent: EditableGrid | null = null;
    if (plan.parentId == null) {
      if (viewer.role !== 'ADMIN') {
        throw new ForbiddenError(`only ADMIN may create a top-level grid; give a "parentId"`);
      }
    } else {
      parent = (await this.load([plan.parentId]))[0];
      await this.requireInScope([parent]);
    }
    const level = parent ? parent.level + 1 : (plan.level ?? 1);
    if (plan.level != null && plan.level !== level) {
      throw new UserInputError(
        `a child of ${gridLabel(parent as EditableGrid)} (level ${level - 1}) has level ${level}, not ${plan.level}`,
      );
    }
    if (!(await this.repo.levelExists(level))) {
      throw new UserInputError(`level ${level} is not configured; see gridLevels`);
    }
    if (!parent && !plan.code) throw new UserInputError('a top-level grid needs a "code"');
    if (plan.code) await this.requireCodeFree(plan.code);
    const code = plan.code ?? (await this.newCodes(parent, '', 1))[0];

    const label = `the new grid ${code}`;
    const sketch = await this.shaper.snap(
      plan.boundary,
      parent,
      [],
      plan.options.snapToleranceMeters,
    );
    const { shapes, cutBack } = await this.shaper.fit([sketch], parent, [], plan.options, [label]);
    await this.requireInScope(cutBack.map((c) => c.grid));
    if (parent) await this.shaper.requireInsideScope(viewer, await this.scopeRoot(), shapes, []);

    const before = await this.repo.snapshots(cutBack.map((c) => c.grid.id));
    const id = await this.repo.insert({
      code,
      name: plan.name,
      level,
      parentId: parent?.id ?? null,
      boundary: shapes[0],
      sizeExempt: plan.sizeExempt,
    });
    this.changes.set(id, GridChangeKind.CREATED);
    await this.writeCutBack(cutBack);
    return this.finish({
      answer: [id],
      before,
      audit: {
        gridIds: [id, ...cutBack.map((c) => c.grid.id)],
        previousBoundaries: cutBack.map((c) => c.grid.boundary),
      },
    });
  }

  async update(
    plan: Extract<GridEditPlan, { operation: 'UPDATE_GRID_BOUNDARY' }>,
  ): Promise<GridEditOutcome> {
    const grid = await this.editable(plan.id, plan.expectedVersion);
    const parent = await this.parentOf(grid);

    let boundary: string | null = null;
    let cutBack: CutBack[] = [];
    if (plan.boundary) {
      const label = `the new boundary of grid ${grid.code}`;
      const sketch = await this.shaper.snap(
        plan.boundary,
        parent,
        [grid.id],
        plan.options.snapToleranceMeters,
      );
      const fitted = await this.shaper.fit([sketch], parent, [grid.id], plan.options, [label]);
      boundary = fitted.shapes[0];
      cutBack = fitted.cutBack;
      await this.requireInScope(cutBack.map((c) => c.grid));
      await this.shaper.requireInsideScope(
        this.edit.viewer,
        await this.scopeRoot(),
        [boundary],
        [grid.id],
      );
    }

    const before = await this.repo.snapshots([grid.id, ...cutBack.map((c) => c.grid.id)]);
    await this.write(grid, plan.expectedVersion, {
      boundary,
      name: plan.name,
      sizeExempt: plan.sizeExempt,
    });
    this.changes.set(grid.id, boundary ? GridChangeKind.RESHAPED : GridChangeKind.UPDATED);
    await this.writeCutBack(cutBack);
    return this.finish({
      answer: [grid.id],
      before,
      audit: boundary
        ? {
            gridIds: [grid.id, ...cutBack.map((c) => c.grid.id)],
            previousBoundaries: [grid.boundary, ...cutBack.map((c) => c.grid.boundary)],
          }
        : { recheckGridIds: [grid.id] },
    });
  }

  async split(plan: Extract<GridEditPlan, { operation: 'SPLIT_GRID' }>): Promise<GridEditOutcome> {
    const grid = await this.editable(plan.id, plan.expectedVersion);
    const parent = await this.parentOf(grid);

    const tolerance = plan.options.snapToleranceMeters;
    const line =
      tolerance > 0
        ? snapLineToReference(plan.line, ringsOf(grid.boundary), tolerance).geometry
        : plan.line;
    const faces = await this.repo.split(grid.id, JSON.stringify(line), this.minPartM2);
    if (faces.length < 2) {
      throw new UserInputError(
        `the line does not cut grid ${gridLabel(grid)} in two: draw it across the grid from one edge to another, its ends beyond the boundary`,
      );
    }
    const total = faces.reduce((sum, f) => sum + Number(f.areaM2), 0);
    if (Math.abs(total - grid.areaM2) > 0.01 * grid.areaM2) {
      throw new Error(
        `grid edit engine failure: the pieces of grid ${grid.code} cover ${total.toFixed(0)} m² of its ${grid.areaM2.toFixed(0)} m²`,
      );
    }
    if (plan.names && plan.names.length !== faces.length) {
      throw new UserInputError(
        `the line cuts grid ${grid.code} into ${faces.length} pieces; give ${faces.length} names (largest piece first) or none`,
      );
    }
    const pieces = faces.map((f, i) => this.shaper.accept(f.piece, `piece ${i + 1} of the split`));
    const codes = await this.newCodes(parent, grid.code, pieces.length - 1);
    const labels = pieces.map((_, i) =>
      i === 0 ? `grid ${grid.code}` : `the new grid ${codes[i - 1]}`,
    );
    const fitted = await this.shaper.fit(pieces, parent, [grid.id], plan.options, labels);
    await this.requireInScope(fitted.cutBack.map((c) => c.grid));
    await this.shaper.requireInsideScope(this.edit.viewer, await this.scopeRoot(), fitted.shapes, [
      grid.id,
    ]);

    const childPiece = await this.repo.childPieces(grid.id, fitted.shapes);
    const movedChildren = [...(await this.repo.grids([...childPiece.keys()])).values()].filter(
      (child) => (childPiece.get(child.id) ?? 0) > 0,
    );
    const cutIds = fitted.cutBack.map((c) => c.grid.id);
    const before = await this.repo.snapshots([
      grid.id,
      ...movedChildren.map((c) => c.id),
      ...cutIds,
    ]);

    await this.write(grid, plan.expectedVersion, {
      boundary: fitted.shapes[0],
      name: plan.names?.[0] ?? null,
    });
    this.changes.set(grid.id, GridChangeKind.RESHAPED);
    const newIds: string[] = [];
    for (let i = 1; i < fitted.shapes.length; i++) {
      const id = await this.repo.insert({
        code: codes[i - 1],
        name: plan.names?.[i] ?? `${grid.name}（${i + 1}）`,
        level: grid.level,
        parentId: grid.parentId,
        boundary: fitted.shapes[i],
        sizeExempt: grid.sizeExempt,
      });
      newIds.push(id);
      this.changes.set(id, GridChangeKind.CREATED);
    }
    for (const child of movedChildren) {
      await this.write(child, child.version, {
        parentId: newIds[(childPiece.get(child.id) ?? 1) - 1],
      });
      this.changes.set(child.id, GridChangeKind.REPARENTED);
    }
    const staff = await this.assignments.unended([grid.id]);
    for (const id of newIds) {
      for (const a of staff) {
        const copy = await this.assignments.insert({
          gridId: id,
          personId: a.personId,
          role: a.role,
          since: a.started ? 'now' : a.since,
          until: a.until,
        });
        this.edit.log({
          entityType: 'GRID_ASSIGNMENT',
          entityId: copy.id,
          before: null,
          after: copy,
        });
      }
    }
    await this.writeCutBack(fitted.cutBack);
    return this.finish({
      answer: [grid.id, ...newIds],
      before,
      audit: {
        gridIds: [grid.id, ...newIds, ...cutIds],
        previousBoundaries: [grid.boundary, ...fitted.cutBack.map((c) => c.grid.boundary)],
      },
    });
  }

  async merge(plan: Extract<GridEditPlan, { operation: 'MERGE_GRIDS' }>): Promise<GridEditOutcome> {
    const { viewer } = this.edit;
    const grids = await this.load(plan.grids.map((g) => g.id));
    await this.requireInScope(grids);
    grids.forEach((grid, i) => this.requireVersion(grid, plan.grids[i].expectedVersion));
    const [kept, ...others] = grids;
    for (const other of others) {
      if (other.parentId !== kept.parentId || other.level !== kept.level) {
        throw new UserInputError(
          `only siblings can be merged: grid ${gridLabel(other)} (level ${other.level}, parent ${other.parentId ?? 'none'}) is not a sibling of ${gridLabel(kept)} (level ${kept.level}, parent ${kept.parentId ?? 'none'})`,
        );
      }
      if (other.id === viewer.scopeGridId) {
        throw new ForbiddenError(
          `grid ${gridLabel(other)} is the root of your scope; it can be merged only as the first grid, which is kept`,
        );
      }
    }
    this.requireConnected(grids, await this.repo.touchingPairs(grids.map((g) => g.id)));
    const parent = await this.parentOf(kept);

    const union = await this.repo.union(grids.map((g) => g.id));
    if (!union.merged)
      throw new Error(
        `grid edit engine failure: the union of ${grids.length} grids came back empty`,
      );
    const merged = this.shaper.accept(union.merged, 'merging the grids');
    const ids = grids.map((g) => g.id);
    const fitted = await this.shaper.fit([merged], parent, ids, plan.options, [
      `the merged grid ${kept.code}`,
    ]);
    await this.requireInScope(fitted.cutBack.map((c) => c.grid));
    await this.shaper.requireInsideScope(viewer, await this.scopeRoot(), fitted.shapes, ids);

    const otherIds = others.map((g) => g.id);
    const children = (await this.repo.children(otherIds)).map((c) => c.id);
    const childGrids = [...(await this.repo.grids(children)).values()];
    const cutIds = fitted.cutBack.map((c) => c.grid.id);
    const before = await this.repo.snapshots([...ids, ...children, ...cutIds]);

    await this.write(kept, kept.version, { boundary: fitted.shapes[0], name: plan.name });
    this.changes.set(kept.id, GridChangeKind.RESHAPED);
    await this.repo.handOverEnterprises(otherIds, kept.id);
    for (const child of childGrids) {
      await this.write(child, child.version, { parentId: kept.id });
      this.changes.set(child.id, GridChangeKind.REPARENTED);
    }
    await this.handOverAssignments(otherIds, kept.id);
    for (const other of others) {
      if (!(await this.repo.delete(other.id, other.version)))
        throw await this.conflict(other, other.version);
      this.changes.set(other.id, GridChangeKind.DELETED);
    }
    await this.writeCutBack(fitted.cutBack);
    return this.finish({
      answer: [kept.id],
      before,
      audit: {
        gridIds: [kept.id, ...cutIds],
        previousBoundaries: [
          ...grids.map((g) => g.boundary),
          ...fitted.cutBack.map((c) => c.grid.boundary),
        ],
        recheckGridIds: otherIds,
        previousParentIds: parent ? [parent.id] : [],
      },
    });
  }

  async delete(
    plan: Extract<GridEditPlan, { operation: 'DELETE_GRID' }>,
  ): Promise<GridEditOutcome> {
    const grid = await this.editable(plan.id, plan.expectedVersion);
    if (grid.id === this.edit.viewer.scopeGridId) {
      throw new ForbiddenError(
        `grid ${gridLabel(grid)} is the root of your scope; you may not delete it`,
      );
    }
    const problems: string[] = [];
    const children = await this.repo.children([grid.id]);
    if (children.length) {
      problems.push(
        `${count(children[0].total, 'child grid')} (${listed(
          children.map((c) => `${c.code} ${c.name}`),
          children[0].total,
        )})`,
      );
    }
    const enterprises = await this.repo.enterprisesOf(grid.id, LISTED);
    if (enterprises.length) {
      problems.push(
        `${count(enterprises[0].total, 'enterprise')} (${listed(
          enterprises.map((e) => e.name),
          enterprises[0].total,
        )})`,
      );
    }
    const staff = await this.assignments.unended([grid.id]);
    const future = staff.filter((a) => !a.started);
    if (future.length) {
      problems.push(
        `${count(future.length, 'assignment')} starting later (${listed(
          future.map((a) => `#${a.id}`),
          future.length,
        )})`,
      );
    }
    if (problems.length) {
      throw new UserInputError(
        `grid ${gridLabel(grid)} cannot be deleted while it has ${problems.join(' and ')}; move, merge or end them first`,
      );
    }
    const gone = await new GridRepository(this.edit.tx).byId(grid.id, null);
    const before = await this.repo.snapshots([grid.id]);
    for (const ended of await this.assignments.end(staff.map((a) => a.id))) {
      this.edit.log({
        entityType: 'GRID_ASSIGNMENT',
        entityId: ended.id,
        before: staff.find((a) => a.id === ended.id) ?? null,
        after: ended,
      });
    }
    if (!(await this.repo.delete(grid.id, plan.expectedVersion))) {
      throw await this.conflict(grid, plan.expectedVersion);
    }
    this.changes.set(grid.id, GridChangeKind.DELETED);
    const outcome = await this.finish({
      answer: [],
      before,
      audit: {
        recheckGridIds: [grid.id],
        previousBoundaries: [grid.boundary],
        previousParentIds: grid.parentId ? [grid.parentId] : [],
      },
    });
    return { ...outcome, deleted: gone ? [gone] : [] };
  }

  // -------------------------------------------------------------------------------------

  /** The grids, in the order asked; NOT_FOUND names a missing one. */
  private async load(ids: readonly string[]): Promise<EditableGrid[]> {
    const found = await this.repo.grids(ids);
    return ids.map((id) => {
      const grid = found.get(id);
      if (!grid) throw new NotFoundError(`no grid has the id ${id}`);
      return grid;
    });
  }

  /** The grid an edit names: it exists, lies in the viewer's scope and is at the version read. */
  private async editable(id: string, expectedVersion: number): Promise<EditableGrid> {
    const [grid] = await this.load([id]);
    await this.requireInScope([grid]);
    this.requireVersion(grid, expectedVersion);
    return grid;
  }

  private async parentOf(grid: EditableGrid): Promise<EditableGrid | null> {
    return grid.parentId ? (await this.load([grid.parentId]))[0] : null;
  }

  private async scopeRoot(): Promise<EditableGrid> {
    const [root] = await this.load([this.edit.viewer.scopeGridId]);
    return root;
  }

  /** FORBIDDEN unless every grid lies in the viewer's scope (grid_subtree of the scope root). */
  private async requireInScope(grids: readonly EditableGrid[]): Promise<void> {
    if (grids.length === 0) return;
    const { viewer } = this.edit;
    const inside = await this.repo.inSubtree(
      viewer.scopeGridId,
      grids.map((g) => g.id),
    );
    const outside = grids.find((g) => !inside.has(g.id));
    if (outside) {
      const root = (await this.repo.grids([viewer.scopeGridId])).get(viewer.scopeGridId);
      throw new ForbiddenError(
        `grid ${gridLabel(outside)} is outside your scope${root ? `, grid ${gridLabel(root)}` : ''}`,
      );
    }
  }

  private requireVersion(grid: EditableGrid, expected: number): void {
    if (grid.version !== expected) {
      throw new ConflictError(
        `grid ${gridLabel(grid)} is at version ${grid.version}, not ${expected}: it changed since you read it; reload it and try again`,
        { gridId: grid.id, currentVersion: grid.version },
      );
    }
  }

  private async conflict(grid: EditableGrid, expected: number): Promise<Error> {
    const current = await this.repo.currentVersion(grid.id);
    if (current == null) return new NotFoundError(`grid ${gridLabel(grid)} was deleted meanwhile`);
    return new ConflictError(
      `grid ${gridLabel(grid)} is at version ${current}, not ${expected}: it changed since you read it; reload it and try again`,
      { gridId: grid.id, currentVersion: current },
    );
  }

  /** The version-checked write: no row means someone else got there first. */
  private async write(
    grid: EditableGrid,
    expected: number,
    patch: Parameters<GridEditRepository['update']>[2],
  ): Promise<void> {
    if ((await this.repo.update(grid.id, expected, patch)) == null) {
      throw await this.conflict(grid, expected);
    }
  }

  private async writeCutBack(cuts: readonly CutBack[]): Promise<void> {
    for (const cut of cuts) {
      await this.write(cut.grid, cut.grid.version, { boundary: cut.boundary });
      this.changes.set(cut.grid.id, GridChangeKind.TRIMMED);
    }
  }

  private async requireCodeFree(code: string): Promise<void> {
    const holder = await this.repo.codeHolder(code);
    if (!holder) return;
    throw new UserInputError(
      holder.current
        ? `the code ${code} is taken by grid ${holder.id}`
        : `the code ${code} belonged to grid ${holder.id} until ${holder.until?.toISOString().slice(0, 10)}; codes are never reissued`,
    );
  }

  private async newCodes(
    parent: EditableGrid | null,
    baseCode: string,
    n: number,
  ): Promise<string[]> {
    if (n === 0) return [];
    const siblings = parent ? await this.repo.childCodes(parent.id) : [];
    const taken = await this.repo.codesStartingWith(parent?.code ?? baseCode);
    return nextGridCodes(parent?.code ?? null, baseCode, siblings, taken, n);
  }

  /** Merging needs one connected shape: every grid must touch or overlap another. */
  private requireConnected(
    grids: readonly EditableGrid[],
    pairs: { a: string; b: string }[],
  ): void {
    const reached = new Set([grids[0].id]);
    for (let grew = true; grew;) {
      grew = false;
      for (const { a, b } of pairs) {
        if (reached.has(a) !== reached.has(b)) {
          reached.add(a).add(b);
          grew = true;
        }
      }
    }
    const apart = grids.filter((g) => !reached.has(g.id));
    if (apart.length) {
      throw new UserInputError(
        `only grids that touch or overlap can be merged: ${apart.map(gridLabel).join(', ')} ${apart.length === 1 ? 'does' : 'do'} not touch ${gridLabel(grids[0])} or the grids joined to it`,
      );
    }
  }

  /**
   * Running assignments of merged-away grids end now and continue on the kept grid (unless
   * the person already holds that role there); ones that have not started move to it.
   */
  private async handOverAssignments(fromIds: readonly string[], toId: string): Promise<void> {
    const running = await this.assignments.unended(fromIds);
    const held = new Set(
      (await this.assignments.unended([toId])).map((a) => `${a.personId}|${a.role}`),
    );
    const future = running.filter((a) => !a.started);
    for (const moved of await this.assignments.repoint(
      future.map((a) => a.id),
      toId,
    )) {
      const was = future.find((a) => a.id === moved.id) ?? null;
      this.edit.log({
        entityType: 'GRID_ASSIGNMENT',
        entityId: moved.id,
        before: was,
        after: moved,
      });
    }
    const started = running.filter((a) => a.started);
    for (const ended of await this.assignments.end(started.map((a) => a.id))) {
      const was = started.find((a) => a.id === ended.id);
      this.edit.log({
        entityType: 'GRID_ASSIGNMENT',
        entityId: ended.id,
        before: was ?? null,
        after: ended,
      });
      const key = `${ended.personId}|${ended.role}`;
      if (held.has(key)) continue;
      held.add(key);
      const copy = await this.assignments.insert({
        gridId: toId,
        personId: ended.personId,
        role: ended.role,
        since: 'now',
        until: was?.until ?? null,
      });
      this.edit.log({
        entityType: 'GRID_ASSIGNMENT',
        entityId: copy.id,
        before: null,
        after: copy,
      });
    }
  }

  /** The incremental audit, the audit log of every grid written, and the answer. */
  private async finish(args: {
    answer: string[];
    before: Map<string, GridSnapshot>;
    audit: AuditChange;
  }): Promise<GridEditOutcome> {
    const audit = await this.coverage.incrementalAudit(this.edit.tx, args.audit);
    const after = await this.repo.snapshots([...this.changes.keys()]);
    for (const id of this.changes.keys()) {
      this.edit.log({
        entityType: 'GRID',
        entityId: id,
        before: args.before.get(id) ?? null,
        after: after.get(id) ?? null,
      });
    }
    const grids = new GridRepository(this.edit.tx);
    const answer: Grid[] = [];
    for (const id of args.answer) {
      const grid = await grids.byId(id, null);
      if (!grid) throw new Error(`grid ${id} vanished inside its own edit`);
      answer.push(grid);
    }
    return {
      operation: this.operation,
      grids: answer,
      deleted: [],
      changes: new Map(this.changes),
      audit,
    };
  }
}

// ---------------------------------------------------------------------------------------
// Input checks, before any SQL

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function listed(items: string[], total: number): string {
  const shown = items.slice(0, LISTED).join(', ');
  return total > LISTED ? `${shown} and ${total - LISTED} more` : shown;
}

function readId(value: string, field: string): string {
  if (!ID.test(value))
    throw new UserInputError(`"${field}" must be a grid id; got ${JSON.stringify(value)}`);
  return value;
}

function readVersion(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new UserInputError(`"${field}" must be a version (1 or more); got ${value}`);
  }
  return value;
}

function readName(value: string, field: string): string {
  const name = value.trim();
  if (name === '' || name.length > MAX_NAME) {
    throw new UserInputError(
      `"${field}" must be 1–${MAX_NAME} characters; got ${JSON.stringify(value)}`,
    );
  }
  return name;
}

function readPolygon(value: unknown, field: string): MultiPolygon {
  const checked = validatePolygonGeometry(value);
  if (!checked.valid) {
    throw new UserInputError(`"${field}" is not a valid polygon: ${checked.message}`, {
      reason: checked.reason,
      location: checked.location,
      field,
    });
  }
  return checked.geometry;
}

export function readOptions(input: GridEditOptionsInput | null | undefined): EditOptions {
  const options: EditOptions = {
    clipToParent: input?.clipToParent ?? DEFAULT_EDIT_OPTIONS.clipToParent,
    trimSiblings: input?.trimSiblings ?? DEFAULT_EDIT_OPTIONS.trimSiblings,
    snapToleranceMeters: input?.snapToleranceMeters ?? DEFAULT_EDIT_OPTIONS.snapToleranceMeters,
  };
  const tol = options.snapToleranceMeters;
  if (!Number.isFinite(tol) || tol < 0 || tol > MAX_SNAP_TOLERANCE_M) {
    throw new UserInputError(
      `"snapToleranceMeters" must be between 0 and ${MAX_SNAP_TOLERANCE_M}; got ${tol}`,
    );
  }
  if (!Object.values(TrimSiblings).includes(options.trimSiblings)) {
    throw new UserInputError(`"trimSiblings" must be NONE, NEW or EXISTING`);
  }
  return options;
}

export function planCreate(input: CreateGridInput): GridEditPlan {
  const code = input.code?.trim() || null;
  if (code != null && !CODE.test(code)) {
    throw new UserInputError(
      `"code" must be letters, digits and dashes (up to 64, not starting with a dash); got ${JSON.stringify(input.code)}`,
    );
  }
  if (
    input.level != null &&
    (!Number.isInteger(input.level) || input.level < 1 || input.level > 9)
  ) {
    throw new UserInputError(`"level" must be 1–9; got ${input.level}`);
  }
  return {
    operation: 'CREATE_GRID',
    parentId: input.parentId == null ? null : readId(input.parentId, 'parentId'),
    level: input.level ?? null,
    code,
    name: readName(input.name, 'name'),
    boundary: readPolygon(input.boundary, 'boundary'),
    sizeExempt: input.sizeExempt ?? false,
    options: readOptions(input.options),
  };
}

export function planUpdate(input: UpdateGridBoundaryInput): GridEditPlan {
  if (input.boundary == null && input.name == null && input.sizeExempt == null) {
    throw new UserInputError('give at least one of "boundary", "name" and "sizeExempt"');
  }
  return {
    operation: 'UPDATE_GRID_BOUNDARY',
    id: readId(input.id, 'id'),
    expectedVersion: readVersion(input.expectedVersion, 'expectedVersion'),
    boundary: input.boundary == null ? null : readPolygon(input.boundary, 'boundary'),
    name: input.name == null ? null : readName(input.name, 'name'),
    sizeExempt: input.sizeExempt ?? null,
    options: readOptions(input.options),
  };
}

export function planSplit(input: SplitGridInput): GridEditPlan {
  const line = validateLineString(input.line);
  if (!line.valid) {
    throw new UserInputError(`"line" is not a valid line: ${line.message}`, {
      reason: line.reason,
      field: 'line',
    });
  }
  return {
    operation: 'SPLIT_GRID',
    id: readId(input.id, 'id'),
    expectedVersion: readVersion(input.expectedVersion, 'expectedVersion'),
    line: line.geometry,
    names: input.names?.map((n, i) => readName(n, `names[${i}]`)) ?? null,
    options: readOptions(input.options),
  };
}

export function planMerge(input: MergeGridsInput): GridEditPlan {
  const grids = input.grids.map((g, i) => ({
    id: readId(g.id, `grids[${i}].id`),
    expectedVersion: readVersion(g.expectedVersion, `grids[${i}].expectedVersion`),
  }));
  if (new Set(grids.map((g) => g.id)).size !== grids.length || grids.length < 2) {
    throw new UserInputError('"grids" must name two or more different grids');
  }
  return {
    operation: 'MERGE_GRIDS',
    grids,
    name: input.name == null ? null : readName(input.name, 'name'),
    options: readOptions(input.options),
  };
}

export function planDelete(input: DeleteGridInput): GridEditPlan {
  return {
    operation: 'DELETE_GRID',
    id: readId(input.id, 'id'),
    expectedVersion: readVersion(input.expectedVersion, 'expectedVersion'),
  };
}

/** The one edit a preview names. */
export function planChange(input: GridChangeInput): GridEditPlan {
  const given = (
    [
      ['create', input.create, planCreate],
      ['updateBoundary', input.updateBoundary, planUpdate],
      ['split', input.split, planSplit],
      ['merge', input.merge, planMerge],
      ['delete', input.delete, planDelete],
    ] as const
  ).filter(([, value]) => value != null);
  if (given.length !== 1) {
    throw new UserInputError(
      `give exactly one of "create", "updateBoundary", "split", "merge" and "delete"; got ${given.length}`,
    );
  }
  const [, value, plan] = given[0];
  return (plan as (v: unknown) => GridEditPlan)(value);
}
