import { requireViewer, type Viewer } from '../auth/viewer';
import { checkFirst, decodeCursor, toConnection } from '../graphql/pagination';
import { ForbiddenError, NotFoundError, UserInputError } from '../graphql/errors';
import type { Connection } from '../graphql/connection.types';
import type { GridRepository } from './grid.repository';
import type { Grid, GridLevel } from './grid.types';

/** seed 003: deployments have a handful of levels; a page of 2,000 grids covers a county's base grids in one go. */
export const MAX_GRID_PAGE = 2000;

const ID_PATTERN = /^\d{1,18}$/;

/** Reads of grids; every one answers only inside the viewer's scope. */
export class GridService {
  constructor(private readonly grids: GridRepository) {}

  levels(viewer: Viewer | null): Promise<GridLevel[]> {
    requireViewer(viewer);
    return this.grids.levels();
  }

  /** One grid by id or by code; exactly one of them must be given. Null when not in scope. */
  find(
    lookup: { id?: string | null; code?: string | null },
    viewer: Viewer | null,
  ): Promise<Grid | null> {
    const { scopeGridId } = requireViewer(viewer);
    if ((lookup.id == null) === (lookup.code == null)) {
      throw new UserInputError('give exactly one of "id" or "code"');
    }
    if (lookup.id != null) {
      if (!ID_PATTERN.test(lookup.id))
        throw new UserInputError(`"id" must be a grid id; got ${JSON.stringify(lookup.id)}`);
      return this.grids.byId(lookup.id, scopeGridId);
    }
    return this.grids.byCode(String(lookup.code), scopeGridId);
  }

  /** Grids by id in the viewer's scope, in the order asked, null where not visible (for batch loaders). */
  async findMany(ids: readonly string[], viewer: Viewer | null): Promise<(Grid | null)[]> {
    const { scopeGridId } = requireViewer(viewer);
    const found = new Map(
      (
        await this.grids.byIds(
          ids.filter((id) => ID_PATTERN.test(id)),
          scopeGridId,
        )
      ).map((g) => [g.id, g]),
    );
    return ids.map((id) => found.get(id) ?? null);
  }

  async list(
    args: {
      level?: number | null;
      parentId?: string | null;
      first: number;
      after?: string | null;
    },
    viewer: Viewer | null,
  ): Promise<Connection<Grid>> {
    const v = requireViewer(viewer);
    checkFirst(args.first, MAX_GRID_PAGE);
    if (args.parentId != null) await this.requireInScope(args.parentId, v, 'parentId');
    const filter = { level: args.level ?? null, parentId: args.parentId ?? null };
    const afterId = decodeCursor('grid', args.after);
    const [rows, total] = await Promise.all([
      this.grids.page(v.scopeGridId, filter, afterId, args.first + 1),
      this.grids.count(v.scopeGridId, filter),
    ]);
    return toConnection('grid', rows, args.first, total);
  }

  /** The id of a grid named by an argument (`field`), wherever it lies; NOT_FOUND when none. */
  async requireExists(key: string | { code: string }, field: string): Promise<string> {
    return (await this.placement(key, null, field)).id;
  }

  /**
   * The id of a grid named by an argument (`field`) when it exists and lies in the viewer's
   * scope; BAD_USER_INPUT for a malformed id, NOT_FOUND for no such grid, FORBIDDEN outside.
   */
  async requireInScope(
    key: string | { code: string },
    viewer: Viewer,
    field: string,
  ): Promise<string> {
    const placement = await this.placement(key, viewer.scopeGridId, field);
    if (!placement.inScope) {
      throw new ForbiddenError(
        `the grid with the ${describeKey(key)} lies outside your scope (grid ${viewer.scopeGridId} and below)`,
      );
    }
    return placement.id;
  }

  private async placement(
    key: string | { code: string },
    scopeRootId: string | null,
    field: string,
  ): Promise<{ id: string; inScope: boolean }> {
    if (typeof key === 'string' && !ID_PATTERN.test(key)) {
      throw new UserInputError(`"${field}" must be a grid id; got ${JSON.stringify(key)}`);
    }
    const placement = await this.grids.placement(
      typeof key === 'string' ? { id: key } : key,
      scopeRootId,
    );
    if (!placement) throw new NotFoundError(`"${field}": no grid has the ${describeKey(key)}`);
    return placement;
  }
}

const describeKey = (key: string | { code: string }) =>
  typeof key === 'string' ? `id ${key}` : `code ${JSON.stringify(key.code)}`;
