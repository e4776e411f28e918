import { checkFirst, decodeCursor, toConnection } from '../graphql/pagination';
import { UserInputError } from '../graphql/errors';
import type { Connection } from '../graphql/connection.types';
import { checkBBox, checkId, checkIntersects, checkSearch } from '../graphql/filter.validation';
import type { GridFilter, GridRepository } from './grid.repository';
import type { Grid, GridLevel } from './grid.types';

/** seed 003: deployments have a handful of levels; a page of 2,000 grids covers a county's base grids in one go. */
export const MAX_GRID_PAGE = 2000;

// the grid code CHECK of the core schema, as a prefix
const CODE_PREFIX = /^[0-9A-Za-z][0-9A-Za-z-]{0,63}$/;

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

  async list(args: GridListArgs): Promise<Connection<Grid>> {
    checkFirst(args.first, MAX_GRID_PAGE);
    const filter = gridFilter(args);
    const afterId = decodeCursor('grid', args.after);
    const [rows, total] = await Promise.all([
      this.grids.page(filter, afterId, args.first + 1),
      this.grids.count(filter),
    ]);
    return toConnection('grid', rows, args.first, total);
  }
}

export interface GridListArgs {
  level?: number | null;
  parentId?: string | null;
  bbox?: number[] | null;
  intersects?: unknown;
  codePrefix?: string | null;
  search?: string | null;
  first: number;
  after?: string | null;
}

/** Checks every filter of a grid list; BAD_USER_INPUT names the first wrong one. */
export function gridFilter(args: Omit<GridListArgs, 'first' | 'after'>): GridFilter {
  if (args.level != null && (!Number.isInteger(args.level) || args.level < 1 || args.level > 9)) {
    throw new UserInputError(`"level" must be a level from 1 to 9; got ${args.level}`);
  }
  const codePrefix = args.codePrefix ?? null;
  if (codePrefix != null && !CODE_PREFIX.test(codePrefix)) {
    throw new UserInputError(
      `"codePrefix" must be 1–64 letters, digits or '-', starting with a letter or digit; got ${JSON.stringify(codePrefix)}`,
    );
  }
  return {
    level: args.level ?? null,
    parentId: checkId('parentId', args.parentId),
    bbox: checkBBox(args.bbox),
    intersects: checkIntersects(args.intersects),
    codePrefix,
    search: checkSearch(args.search),
  };
}
