/**
 * A preview is the real edit rehearsed in a transaction that is rolled back: what it reads
 * after the edit and (undone to a savepoint) before it is compared here. The stored rows
 * compared are exactly those the edit's incremental audit replaced, so "added" and "removed"
 * are what saving would do to the stored results.
 */
import type { Rehearsal } from '../audit-log/edit-transaction';
import type { Queryable } from '../coverage/rule.runner';
import { RULES } from '../coverage/rules';
import type { GridEditOutcome, GridOperation } from './grid-edit.service';
import {
  GridChangeKind,
  type EnterpriseMove,
  type GridChangeEffect,
  type GridChangePreview,
  type PreviewViolation,
} from './grid-edit.types';
import {
  GridPreviewRepository,
  type PreviewEnterpriseRow,
  type PreviewGridRow,
  type StoredViolationRow,
} from './grid-preview.repository';
import { GridRepository } from './grid.repository';

/** What a preview reads in one state of the database. */
export interface EditState {
  grids: Map<string, PreviewGridRow>;
  counts: Map<string, number>;
  violations: StoredViolationRow[];
  enterprises: Map<string, PreviewEnterpriseRow>;
}

const GRID_RULES = RULES.filter((r) => r.focus === 'grid').map((r) => r.id);
const ENTERPRISE_RULES = RULES.filter((r) => r.focus === 'enterprise').map((r) => r.id);

/** Reads the same things before and after: the edit's grids, its audit focus, their enterprises. */
export async function inspectEdit(tx: Queryable, outcome: GridEditOutcome): Promise<EditState> {
  const repo = new GridPreviewRepository(tx);
  const focus = outcome.audit.focus ?? { gridIds: [], enterpriseIds: [] };
  const changed = [...outcome.changes.keys()];
  const gridIds = [...new Set([...changed, ...focus.gridIds])];
  const [grids, counts, violations, enterprises] = [
    await repo.grids(gridIds, changed),
    await new GridRepository(tx).enterpriseCounts(gridIds),
    await repo.violations(
      { rules: GRID_RULES, ids: focus.gridIds },
      { rules: ENTERPRISE_RULES, ids: focus.enterpriseIds },
    ),
    await repo.enterprises(focus.enterpriseIds),
  ];
  return {
    grids: new Map(grids.map((g) => [g.id, g])),
    counts,
    violations,
    enterprises: new Map(enterprises.map((e) => [e.id, e])),
  };
}

export function buildPreview(
  operation: GridOperation,
  rehearsal: Rehearsal<GridEditOutcome, EditState>,
): GridChangePreview {
  const { result, before, after } = rehearsal;
  const enterpriseMoves: EnterpriseMove[] = [];
  for (const [id, now] of after.enterprises) {
    const was = before.enterprises.get(id);
    if (was && was.gridId === now.gridId) continue;
    enterpriseMoves.push({
      enterpriseId: id,
      name: now.name,
      uscc: now.uscc,
      fromGridId: was?.gridId ?? null,
      fromGridCode: was?.gridCode ?? null,
      toGridId: now.gridId,
      toGridCode: now.gridCode,
    });
  }
  enterpriseMoves.sort((a, b) => Number(a.enterpriseId) - Number(b.enterpriseId));

  const kinds = new Map(result.changes);
  for (const move of enterpriseMoves) {
    for (const id of [move.fromGridId, move.toGridId]) {
      if (id != null && !kinds.has(id)) kinds.set(id, GridChangeKind.ENTERPRISES_CHANGED);
    }
  }
  const grids: GridChangeEffect[] = [];
  for (const [id, kind] of kinds) {
    const was = before.grids.get(id);
    const now = after.grids.get(id);
    const any = now ?? was;
    if (!any) continue;
    grids.push({
      id,
      code: any.code,
      name: any.name,
      level: any.level,
      parentId: any.parentId,
      kind,
      versionBefore: was?.version ?? null,
      versionAfter: now?.version ?? null,
      boundaryBefore: was?.boundary ?? null,
      boundaryAfter: now?.boundary ?? null,
      areaM2Before: was?.areaM2 ?? null,
      areaM2After: now?.areaM2 ?? null,
      enterpriseCountBefore: was ? (before.counts.get(id) ?? 0) : null,
      enterpriseCountAfter: now ? (after.counts.get(id) ?? 0) : null,
    });
  }

  const { added, removed } = diffViolations(before.violations, after.violations);
  return { operation, grids, enterpriseMoves, violationsAdded: added, violationsRemoved: removed };
}

/** Rows in `after` but not `before` and the reverse, as multisets of their content. */
export function diffViolations(
  before: readonly StoredViolationRow[],
  after: readonly StoredViolationRow[],
): { added: PreviewViolation[]; removed: PreviewViolation[] } {
  const key = (v: StoredViolationRow) =>
    [
      v.rule,
      v.focusId,
      v.gridIds.join(','),
      v.enterpriseIds.join(','),
      v.measure == null ? '' : v.measure.toFixed(1),
      JSON.stringify(v.geometry),
    ].join('|');
  const remaining = new Map<string, number>();
  for (const v of before) remaining.set(key(v), (remaining.get(key(v)) ?? 0) + 1);
  const added: PreviewViolation[] = [];
  for (const v of after) {
    const k = key(v);
    const n = remaining.get(k) ?? 0;
    if (n > 0) remaining.set(k, n - 1);
    else added.push(publicViolation(v));
  }
  const removed: PreviewViolation[] = [];
  for (const v of before) {
    const k = key(v);
    const n = remaining.get(k) ?? 0;
    if (n > 0) {
      remaining.set(k, n - 1);
      removed.push(publicViolation(v));
    }
  }
  return { added, removed };
}

function publicViolation(v: StoredViolationRow): PreviewViolation {
  return {
    rule: v.rule,
    severity: v.severity,
    gridIds: v.gridIds,
    gridCodes: v.gridCodes,
    enterpriseIds: v.enterpriseIds,
    geometry: v.geometry,
    measure: v.measure,
    unit: v.unit,
    messageZh: v.messageZh,
    messageEn: v.messageEn,
  };
}
