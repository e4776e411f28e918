/**
 * Audits: a full audit runs every rule over a scope (a grid subtree, or everything) and
 * stores the results; an incremental audit after an edit re-runs the rules only where the
 * edit can change them and replaces exactly those stored rows, inside the caller's
 * transaction so results never disagree with the data they describe.
 */
import { assignBaseGrids } from '@gridwarden/db';
import { EntityManager } from 'typeorm';
import { NotFoundError, UserInputError } from '../graphql/errors';
import { CoverageRepository, type HashMemory, type StoredViolation } from './coverage.repository';
import { RULE_IDS, type CoverageRule, type CoverageThresholds, type RuleId, type ViolationRow } from './coverage.types';
import { runRule, type Queryable } from './rule.runner';
import { RULES } from './rules';
import { passClosure } from './shared-passes';

export interface AuditOptions {
  /** Code of the grid whose subtree is audited; everything when omitted. */
  scopeCode?: string | null;
  /** Rules to run; every rule when omitted. */
  rules?: RuleId[] | null;
  /** The moment staffing and deadlines are judged at. */
  now?: Date;
  /** Store the results (default) or only return them. */
  store?: boolean;
}

export interface AuditResult {
  auditRunId: string | null;
  scopeGridId: string | null;
  durationMs: number;
  counts: Partial<Record<RuleId, number>>;
  violations: (ViolationRow & { rule: RuleId; severity: CoverageRule['severity'] })[];
  /** What an incremental audit re-checked: the stored rows of exactly these were replaced. */
  focus?: { gridIds: string[]; enterpriseIds: string[] };
}

/** What changed, for an incremental audit. */
export interface AuditChange {
  /** Grids whose boundary changed (created, reshaped, split, merged). */
  gridIds?: string[];
  /** GeoJSON of those grids' boundaries before the change (or of deleted grids). */
  previousBoundaries?: string[];
  /** Parents of deleted grids, whose coverage changed. */
  previousParentIds?: string[];
  /** Enterprises created, moved or changed. */
  enterpriseIds?: string[];
  /** Base grids those enterprises had before the change. */
  previousBaseGridIds?: string[];
  /**
   * Grids whose own rules must be re-run though no shape changed (staff, size exemption,
   * name), and grids that were deleted (their stored rows go).
   */
  recheckGridIds?: string[];
}

/**
 * Hash-table memory of a full audit's transaction, by the number of grids in scope: the
 * tiling pass groups every ring segment of the scope by parent, ~3.6 kB of hash table per
 * grid (458 MB for the province's 126,796 grids). Too little and it spills to disk (~5×
 * slower at province scale, at the default 4 MB); too much and PostgreSQL allocates and
 * clears a table sized for it up front (+80 ms on the county at 256 MB).
 */
export function auditHashMemory(grids: number): HashMemory {
  const kB = Math.min(Math.max(4096, 2 * grids), 1 << 20);
  return { workMem: `${kB}kB`, multiplier: '2' };
}

export function parseRules(text: string | null | undefined): RuleId[] | null {
  if (text == null || text.trim() === '') return null;
  const ids = text.split(',').map((s) => s.trim().toUpperCase());
  const unknown = ids.filter((id) => !(RULE_IDS as readonly string[]).includes(id));
  if (unknown.length) {
    throw new UserInputError(`unknown rule ${unknown.join(', ')}; the rules are ${RULE_IDS.join(', ')}`);
  }
  return ids as RuleId[];
}

export class CoverageService {
  constructor(private readonly thresholds: CoverageThresholds) {}

  /**
   * Runs the rules over a scope; with store (default) replaces the stored rows of that scope.
   * The passes several rules share (shared-passes.ts) are computed once into temporary
   * tables, so `db` must be one session: a transaction's manager or a query runner's. A
   * pooled EntityManager (a DataSource's) is given a transaction of its own.
   */
  async fullAudit(db: Queryable, options: AuditOptions = {}): Promise<AuditResult> {
    if (db instanceof EntityManager && !db.queryRunner) {
      return db.transaction((tx) => this.fullAudit(tx, options));
    }
    const started = Date.now();
    const now = options.now ?? new Date();
    const repo = new CoverageRepository(db);
    const rules = selectRules(options.rules);
    let scopeGridId: string | null = null;
    let gridFocus: string[] | null = null;
    let enterpriseFocus: string[] | null = null;
    if (options.scopeCode) {
      const [scope] = await db.query(`SELECT id::text AS id FROM grid WHERE code = $1`, [options.scopeCode]);
      if (!scope) throw new NotFoundError(`no grid has the code ${JSON.stringify(options.scopeCode)}`);
      scopeGridId = scope.id as string;
      gridFocus = await repo.subtree(scopeGridId);
      enterpriseFocus = await repo.scopeEnterprises(scopeGridId, gridFocus);
    }
    const store = options.store ?? true;
    const runId = store
      ? await repo.startRun('FULL', scopeGridId, rules.map((r) => r.id), this.thresholds, new Date(started))
      : null;
    const passes = passClosure(rules.flatMap((r) => r.passes ?? []));
    const memory = await repo.setLocalHashMemory(
      auditHashMemory(gridFocus?.length ?? (await repo.gridCount())),
    );
    for (const pass of passes) {
      await repo.materialisePass(pass, pass.focus === 'grid' ? gridFocus : enterpriseFocus, this.thresholds);
    }
    const result = await this.runRules(db, rules, gridFocus, enterpriseFocus, now, store ? runId : undefined, 'shared');
    // on failure the tables go with the rolled-back transaction, or the next audit replaces them
    await repo.dropPasses(passes);
    await repo.setLocalHashMemory(memory);
    const durationMs = Date.now() - started;
    if (runId) await repo.finishRun(runId, durationMs, result.counts);
    return { auditRunId: runId, scopeGridId, durationMs, ...result };
  }

  /**
   * Re-runs the rules an edit can change and replaces exactly those stored rows. Call it
   * inside the edit's transaction, after the edit.
   */
  async incrementalAudit(db: Queryable, change: AuditChange, now: Date = new Date()): Promise<AuditResult> {
    const started = Date.now();
    const repo = new CoverageRepository(db);
    const edited = change.gridIds ?? [];
    const current = await repo.boundaries(edited);
    const shapes = [...(change.previousBoundaries ?? []), ...[...current.values()].map((b) => b.geojson)];

    // enterprises near the old or new shapes, plus those edited directly
    const enterpriseIds = unique([
      ...(await repo.enterprisesNear(shapes, this.thresholds.nearBoundaryM)),
      ...(change.enterpriseIds ?? []),
    ]);
    const baseGridsBefore = await repo.baseGridsOf(enterpriseIds);
    if (enterpriseIds.length) await assignBaseGrids(db, enterpriseIds);
    const baseGridsAfter = await repo.baseGridsOf(enterpriseIds);

    const gridIds = unique([
      ...(await repo.gridNeighbourhood(edited)),
      ...(change.previousParentIds ?? []),
      ...baseGridsBefore,
      ...baseGridsAfter,
      ...(change.previousBaseGridIds ?? []),
      ...(change.recheckGridIds ?? []),
    ]);
    const rules = selectRules(null);
    const runId = await repo.startRun('INCREMENTAL', null, rules.map((r) => r.id), this.thresholds, new Date(started));
    const result = await this.runRules(db, rules, gridIds, enterpriseIds, now, runId, 'inline');
    const durationMs = Date.now() - started;
    await repo.finishRun(runId, durationMs, result.counts);
    return {
      auditRunId: runId,
      scopeGridId: null,
      durationMs,
      ...result,
      focus: { gridIds, enterpriseIds },
    };
  }

  stored(db: Queryable, filter: { rules?: RuleId[]; scopeGridIds?: string[] | null }): Promise<StoredViolation[]> {
    return new CoverageRepository(db).stored(filter);
  }

  private async runRules(
    db: Queryable,
    rules: CoverageRule[],
    gridFocus: string[] | null,
    enterpriseFocus: string[] | null,
    now: Date,
    storeAsRun: string | null | undefined,
    passes: 'inline' | 'shared',
  ): Promise<Pick<AuditResult, 'counts' | 'violations'>> {
    const repo = new CoverageRepository(db);
    const counts: Partial<Record<RuleId, number>> = {};
    const violations: AuditResult['violations'] = [];
    for (const rule of rules) {
      const focus = rule.focus === 'grid' ? gridFocus : enterpriseFocus;
      const rows = focus && focus.length === 0 ? [] : await runRule(db, rule, focus, this.thresholds, now, passes);
      if (storeAsRun !== undefined) await repo.replace(rule, focus, rows, this.thresholds, storeAsRun);
      counts[rule.id] = rows.length;
      for (const row of rows) violations.push({ ...row, rule: rule.id, severity: rule.severity });
    }
    return { counts, violations };
  }
}

function selectRules(ids: RuleId[] | null | undefined): CoverageRule[] {
  return ids == null ? [...RULES] : RULES.filter((r) => ids.includes(r.id));
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
