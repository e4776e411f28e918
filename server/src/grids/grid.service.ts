import { checkFirst, decodeCursor, toConnection } from '../graphql/pagination';
import { UserInputError } from '../graphql/errors';
import type { Connection } from '../graphql/connection.types';
import type { GridRepository } from './grid.repository';
import type { Grid, GridLevel } from './grid.types';

/** seed 003: deployments have a handful of levels; a page of 2,000 grids covers a county's base grids in one go. */
export const MAX_GRID_PAGE = 2000;

export class GridService {
  constructor(private readonly grids: GridRepository) {}

  levels(): Promise<GridLevel[]> {
    return this.grids.levels();
  }

  /** One grid by id or by code; exactly one of them must be given. */
  find(lookup: { id?: string | null; code?: string | null }): Promise<Grid | null> {
    if ((lookup.id == null) === (lookup.code == null)) {
      throw new UserInputError('give exactly one of "id" or "code"');
    }
    if (lookup.id != null) {
      if (!/^\d{1,18}$/.test(lookup.id))
        throw new UserInputError(`"id" must be a grid id; got ${JSON.stringify(lookup.id)}`);
      return this.grids.byId(lookup.id);
    }
    return this.grids.byCode(String(lookup.code));
  }

  async list(args: {
    level?: number | null;
    parentId?: string | null;
    first: number;
    after?: string | null;
  }): Promise<Connection<Grid>> {
    checkFirst(args.first, MAX_GRID_PAGE);
    if (args.parentId != null && !/^\d{1,18}$/.test(args.parentId)) {
      throw new UserInputError(
        `"parentId" must be a grid id; got ${JSON.stringify(args.parentId)}`,
      );
    }
    const filter = { level: args.level ?? null, parentId: args.parentId ?? null };
    const afterId = decodeCursor('grid', args.after);
    const [rows, total] = await Promise.all([
      this.grids.page(filter, afterId, args.first + 1),
      this.grids.count(filter),
    ]);
    return toConnection('grid', rows, args.first, total);
  }
}
