/**
 * Reads of the past (失职追责: investigators ask who answered for a place on a given day,
 * seed 000 art. 25): every version of a grid, and who answered for an enterprise at a moment.
 * Grid versions come from `grid` and the `grid_history` its trigger keeps; assignments carry
 * their own since/until. Answers only inside the viewer's territorial scope.
 */
import type { Viewer } from '../auth/viewer';
import { responsibleGrids } from '../coverage/responsibility';
import type { Queryable } from '../coverage/rule.runner';
import type { DepartmentReadRepository } from '../enterprises/department-read.repository';
import type { EnterpriseRepository } from '../enterprises/enterprise.repository';
import { checkId } from '../graphql/filter.validation';
import type { GridRepository } from '../grids/grid.repository';
import type { AssignmentReadRepository } from '../people/assignment-read.repository';
import type { HistoryRepository } from './history.repository';
import type { GridHistory, Responsibility, ResponsibleGrid } from './history.types';

export class HistoryService {
  constructor(
    private readonly db: Queryable,
    private readonly history: HistoryRepository,
    private readonly assignments: AssignmentReadRepository,
    private readonly grids: GridRepository,
    private readonly enterprises: EnterpriseRepository,
    private readonly departments: DepartmentReadRepository,
  ) {}

  /** Every version of a grid, current or deleted, with its assignments; null outside scope. */
  async gridHistory(viewer: Viewer, id: string): Promise<GridHistory | null> {
    const gridId = checkId('id', id) as string;
    if (!(await this.history.inScope(gridId, viewer.scopeGridId))) return null;
    const versions = await this.history.versions(gridId);
    if (versions.length === 0) return null;
    return { gridId, versions, assignments: await this.assignments.assignmentHistory(gridId) };
  }

  /**
   * The grids and people answering for an enterprise at `at` (default now), from its current
   * location (enterprise moves are not historised); null when it does not exist or lies
   * outside the viewer's scope.
   */
  async responsibility(
    viewer: Viewer,
    enterpriseId: string,
    at: Date = new Date(),
  ): Promise<Responsibility | null> {
    const id = checkId('enterpriseId', enterpriseId) as string;
    const [enterprise] = await this.enterprises.byIds([id], viewer.scopeGridId);
    if (!enterprise) return null;
    const versions = await this.history.chainAt(id, at, viewer.scopeGridId);
    const people = await this.assignments.assignmentsAt(
      versions.map((v) => v.id),
      at,
    );
    const chain: ResponsibleGrid[] = versions.map((grid) => ({
      grid,
      people: people.get(grid.id) ?? [],
    }));
    const [own] = await responsibleGrids(this.db, [id]);
    const { responsibleLevel, baseLevel } = await this.grids.levelsFor(own.classes);
    return {
      enterprise,
      at,
      chain,
      baseGrid: chain.find((c) => c.grid.level === baseLevel) ?? null,
      classes: own.classes,
      responsibleLevel,
      responsibleGrid: chain.find((c) => c.grid.level === responsibleLevel) ?? null,
      departments: await this.departments.byCodes(own.departments),
    };
  }
}
