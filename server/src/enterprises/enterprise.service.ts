import { RISK_CLASSES, validateUscc, type Scale } from '@gridwarden/db';
import { requireViewer, type Viewer } from '../auth/viewer';
import type { Connection } from '../graphql/connection.types';
import { UserInputError } from '../graphql/errors';
import { checkBBox, checkId, checkSearch } from '../graphql/filter.validation';
import {
  checkFirst,
  decodeOrderedCursor,
  encodeOrderedCursor,
  toConnection,
} from '../graphql/pagination';
import type { GridService } from '../grids/grid.service';
import type { EnterpriseFilter, EnterpriseRepository } from './enterprise.repository';
import {
  EnterpriseSortField,
  SortDirection,
  type Enterprise,
  type EnterpriseOrder,
} from './enterprise.types';

/** A county's ~25,000 enterprises load in five pages. */
export const MAX_ENTERPRISE_PAGE = 5000;

const ID_PATTERN = /^\d{1,18}$/;

const DEFAULT_ORDER: EnterpriseOrder = {
  field: EnterpriseSortField.ID,
  direction: SortDirection.ASC,
};

function isDefaultOrder(order: EnterpriseOrder): boolean {
  return order.field === DEFAULT_ORDER.field && order.direction === DEFAULT_ORDER.direction;
}

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

  async list(args: EnterpriseListArgs, viewer: Viewer | null): Promise<Connection<Enterprise>> {
    const v = requireViewer(viewer);
    checkFirst(args.first, MAX_ENTERPRISE_PAGE);
    const filter = { ...(await this.filter(args)), scopeGridId: v.scopeGridId };
    if (filter.gridId != null) await this.grids.requireInScope(filter.gridId, v, 'gridId');
    const order = args.orderBy ?? DEFAULT_ORDER;
    // the default order's cursors are plain ids, as before orderBy existed
    const orderName = isDefaultOrder(order) ? null : `${order.field} ${order.direction}`;
    const after = decodeOrderedCursor('enterprise', orderName, args.after);
    const [rows, total] = await Promise.all([
      this.enterprises.page(filter, order, after, args.first + 1),
      this.enterprises.count(filter),
    ]);
    return toConnection('enterprise', rows, args.first, total, (row) =>
      encodeOrderedCursor('enterprise', orderName, { key: row.sortKey ?? row.id, id: row.id }),
    );
  }

  /** Checks every filter of an enterprise list; BAD_USER_INPUT names the first wrong one. */
  async filter(
    args: Omit<EnterpriseListArgs, 'first' | 'after' | 'orderBy'>,
  ): Promise<EnterpriseFilter> {
    const riskClass = args.riskClass ?? null;
    if (riskClass != null && !(RISK_CLASSES as readonly string[]).includes(riskClass)) {
      throw new UserInputError(
        `"riskClass" must be one of ${RISK_CLASSES.join(', ')}; got ${JSON.stringify(riskClass)}`,
      );
    }
    const departmentCode = args.departmentCode ?? null;
    if (departmentCode != null && !(await this.enterprises.departmentExists(departmentCode))) {
      const known = await this.enterprises.departmentCodes();
      throw new UserInputError(
        `"departmentCode" ${JSON.stringify(departmentCode)} is no department; the departments are ${known.join(', ')}`,
      );
    }
    return {
      gridId: checkId('gridId', args.gridId),
      bbox: checkBBox(args.bbox),
      scale: args.scale ?? null,
      riskClass,
      departmentCode,
      uncoveredOnly: args.uncoveredOnly ?? null,
      search: checkSearch(args.search),
    };
  }
}

export interface EnterpriseListArgs {
  gridId?: string | null;
  bbox?: number[] | null;
  scale?: Scale | null;
  riskClass?: string | null;
  departmentCode?: string | null;
  uncoveredOnly?: boolean | null;
  search?: string | null;
  first: number;
  after?: string | null;
  orderBy?: EnterpriseOrder | null;
}
