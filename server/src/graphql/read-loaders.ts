/**
 * Per-request batch loaders of the scoped reads (Grid.people, Grid.children,
 * Grid.violations, Violation.grids, …): one query per field per response level, and every
 * one of them answers only inside the viewer's territorial scope.
 */
import DataLoader from 'dataloader';
import { requireViewer, type Viewer } from '../auth/viewer';
import type { RuleId } from '../coverage/coverage.types';
import type { EnterpriseRepository } from '../enterprises/enterprise.repository';
import type { Enterprise } from '../enterprises/enterprise.types';
import type { GridRepository } from '../grids/grid.repository';
import type { Grid } from '../grids/grid.types';
import type { AssignmentReadRepository } from '../people/assignment-read.repository';
import type { GridAssignment, Person } from '../people/person.types';
import { groupRows } from './sql-filter';
import type { ViolationRepository } from '../violations/violation.repository';
import type { Violation } from '../violations/violation.types';

export interface ReadLoaders {
  /** A current grid by id; null when missing or outside the scope. */
  grid: DataLoader<string, Grid | null>;
  /** An enterprise by id; null when missing or outside the scope. */
  enterprise: DataLoader<string, Enterprise | null>;
  /** A person by id (assignments not read with their person). */
  person: DataLoader<string, Person | null>;
  /** The assignments of a grid in force now (none outside the scope). */
  gridPeople: DataLoader<string, GridAssignment[]>;
  /** The children of a grid, by code (none outside the scope). */
  gridChildren: DataLoader<string, Grid[]>;
  /** The first violations of a grid (none outside the scope). */
  gridViolations: DataLoader<GridViolationsKey, Violation[], string>;
}

export interface GridViolationsKey {
  gridId: string;
  first: number;
  rules: RuleId[] | null;
}

const pageKey = (k: GridViolationsKey) => `${k.first}:${k.rules?.join(',') ?? '*'}`;

export interface ReadRepositories {
  gridRepository: GridRepository;
  enterpriseRepository: EnterpriseRepository;
  assignmentReads: AssignmentReadRepository;
  violationRepository: ViolationRepository;
}

export function createReadLoaders(repos: ReadRepositories, viewer: Viewer | null): ReadLoaders {
  // resolved when a loader runs: resolvers call requireViewer first, so it never throws here
  const scope = () => requireViewer(viewer).scopeGridId;
  const now = new Date();
  const byId = <T extends { id: string }>(ids: readonly string[], rows: T[]) => {
    const found = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => found.get(id) ?? null);
  };
  return {
    grid: new DataLoader(async (ids) => byId(ids, await repos.gridRepository.byIds(ids, scope()))),
    enterprise: new DataLoader(async (ids) =>
      byId(ids, await repos.enterpriseRepository.byIds(ids, scope())),
    ),
    person: new DataLoader(async (ids) => byId(ids, await repos.assignmentReads.people(ids))),
    gridPeople: new DataLoader(async (ids) => {
      const people = await repos.assignmentReads.assignmentsAt(ids, now, scope());
      return ids.map((id) => people.get(id) ?? []);
    }),
    gridChildren: new DataLoader(async (ids) => {
      const children = groupRows(
        await repos.gridRepository.childrenOf(ids, scope()),
        (c) => c.parentId ?? '',
        (c) => c,
      );
      return ids.map((id) => children.get(id) ?? []);
    }),
    gridViolations: new DataLoader(
      async (keys) => {
        // one query per distinct page (size and rules); a response usually asks for one
        const results = new Map<string, Violation[]>();
        for (const page of new Set(keys.map(pageKey))) {
          const asked = keys.filter((k) => pageKey(k) === page);
          const { first, rules } = asked[0];
          const ids = asked.map((k) => k.gridId);
          const found = await repos.violationRepository.forGrids(ids, first, rules, scope());
          for (const id of ids) results.set(`${id}:${page}`, found.get(id) ?? []);
        }
        return keys.map((k) => results.get(`${k.gridId}:${pageKey(k)}`) ?? []);
      },
      { cacheKeyFn: (k) => `${k.gridId}:${pageKey(k)}` },
    ),
  };
}

/** The found values of loadMany, in order, missing ones left out; a failed load throws. */
export async function loadFound<K, V>(
  loader: DataLoader<K, V | null>,
  keys: readonly K[],
): Promise<V[]> {
  const values = await loader.loadMany(keys);
  const found: V[] = [];
  for (const value of values) {
    if (value instanceof Error) throw value;
    if (value != null) found.push(value);
  }
  return found;
}
