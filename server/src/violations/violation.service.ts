/**
 * violations(scope, rules, severity, bbox): the stored results of the coverage engine as a
 * keyset-paged list with counts per rule, inside the viewer's territorial scope.
 */
import type { Viewer } from '../auth/viewer';
import { RULE_IDS, type RuleId } from '../coverage/coverage.types';
import type { Connection } from '../graphql/connection.types';
import { NotFoundError, UserInputError } from '../graphql/errors';
import { checkBBox, checkId } from '../graphql/filter.validation';
import { checkFirst, decodeCursor, toConnection } from '../graphql/pagination';
import type { GridService } from '../grids/grid.service';
import type { ViolationRepository } from './violation.repository';
import type { RuleCount, Violation, ViolationsArgs } from './violation.types';

/** A county's stored results fit in a few pages of 1,000. */
export const MAX_VIOLATION_PAGE = 1000;

/** Grid.violations returns at most this many per grid. */
export const MAX_GRID_VIOLATIONS = 100;

export class ViolationService {
  constructor(
    private readonly violations: ViolationRepository,
    private readonly gridService: GridService,
  ) {}

  async list(
    viewer: Viewer,
    args: ViolationsArgs,
  ): Promise<Connection<Violation> & { countsByRule: RuleCount[] }> {
    checkFirst(args.first, MAX_VIOLATION_PAGE);
    const filter = {
      scopeGridId: await this.scopeRoot(viewer, args.scope ?? null, args.scopeId ?? null),
      rules: args.rules ?? null,
      severity: args.severity ?? null,
      bbox: checkBBox(args.bbox),
    };
    const afterId = decodeCursor('violation', args.after);
    const [rows, counts] = await Promise.all([
      this.violations.page(filter, afterId, args.first + 1),
      this.violations.countsByRule(filter),
    ]);
    const asked: readonly RuleId[] = args.rules ?? RULE_IDS;
    const countsByRule = RULE_IDS.filter((r) => asked.includes(r)).map((rule) => ({
      rule,
      count: counts.get(rule) ?? 0,
    }));
    const total = countsByRule.reduce((sum, c) => sum + c.count, 0);
    return { ...toConnection('violation', rows, args.first, total), countsByRule };
  }

  /** Checks the page size of Grid.violations. */
  checkGridViolationsFirst(first: number): void {
    checkFirst(first, MAX_GRID_VIOLATIONS);
  }

  /** The grid whose subtree to search: the one asked for if inside the viewer's scope. */
  private async scopeRoot(viewer: Viewer, code: string | null, id: string | null): Promise<string> {
    if (code == null && id == null) return viewer.scopeGridId;
    if (code != null && id != null) throw new UserInputError('give "scope" or "scopeId", not both');
    const grid = await this.gridService.find({ id: checkId('scopeId', id), code }, viewer);
    if (!grid) {
      throw new NotFoundError(
        `no grid with ${code != null ? `code ${JSON.stringify(code)}` : `id ${id}`} in your scope`,
      );
    }
    return grid.id;
  }
}
