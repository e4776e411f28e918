import { validateUscc } from '@gridwarden/db';
import { requireViewer, type Viewer } from '../auth/viewer';
import type { Connection } from '../graphql/connection.types';
import { UserInputError } from '../graphql/errors';
import { checkFirst, decodeCursor, toConnection } from '../graphql/pagination';
import type { GridService } from '../grids/grid.service';
import type { EnterpriseRepository } from './enterprise.repository';
import type { Enterprise } from './enterprise.types';

/** A county's ~25,000 enterprises load in five pages. */
export const MAX_ENTERPRISE_PAGE = 5000;

const ID_PATTERN = /^\d{1,18}$/;

/** Reads of enterprises; every one answers only inside the viewer's scope. */
export class EnterpriseService {
  constructor(
    private readonly enterprises: EnterpriseRepository,
    private readonly grids: GridService,
  ) {}

  /** One enterprise by id or by credit code; exactly one must be given. Null when not in scope. */
  find(
    lookup: { id?: string | null; uscc?: string | null },
    viewer: Viewer | null,
  ): Promise<Enterprise | null> {
    const { scopeGridId } = requireViewer(viewer);
    if ((lookup.id == null) === (lookup.uscc == null)) {
      throw new UserInputError('give exactly one of "id" or "uscc"');
    }
    if (lookup.id != null) {
      if (!ID_PATTERN.test(lookup.id))
        throw new UserInputError(`"id" must be an enterprise id; got ${JSON.stringify(lookup.id)}`);
      return this.enterprises.byId(lookup.id, scopeGridId);
    }
    const uscc = String(lookup.uscc).trim().toUpperCase();
    const check = validateUscc(uscc);
    if (!check.valid) throw new UserInputError(check.message, { reason: check.reason });
    return this.enterprises.byUscc(uscc, scopeGridId);
  }

  async list(
    args: {
      gridId?: string | null;
      first: number;
      after?: string | null;
    },
    viewer: Viewer | null,
  ): Promise<Connection<Enterprise>> {
    const v = requireViewer(viewer);
    checkFirst(args.first, MAX_ENTERPRISE_PAGE);
    const where =
      args.gridId != null
        ? { id: await this.grids.requireInScope(args.gridId, v, 'gridId') }
        : { scopeRootId: v.scopeGridId };
    const afterId = decodeCursor('enterprise', args.after);
    const [rows, total] = await Promise.all([
      this.enterprises.page(where, afterId, args.first + 1),
      this.enterprises.count(where),
    ]);
    return toConnection('enterprise', rows, args.first, total);
  }
}
