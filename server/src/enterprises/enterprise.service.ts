import { validateUscc } from '@gridwarden/db';
import type { Connection } from '../graphql/connection.types';
import { UserInputError } from '../graphql/errors';
import { checkFirst, decodeCursor, toConnection } from '../graphql/pagination';
import type { EnterpriseRepository } from './enterprise.repository';
import type { Enterprise } from './enterprise.types';

/** A county's ~25,000 enterprises load in five pages. */
export const MAX_ENTERPRISE_PAGE = 5000;

const ID_PATTERN = /^\d{1,18}$/;

export class EnterpriseService {
  constructor(private readonly enterprises: EnterpriseRepository) {}

  /** One enterprise by id or by credit code; exactly one must be given. */
  find(lookup: { id?: string | null; uscc?: string | null }): Promise<Enterprise | null> {
    if ((lookup.id == null) === (lookup.uscc == null)) {
      throw new UserInputError('give exactly one of "id" or "uscc"');
    }
    if (lookup.id != null) {
      if (!ID_PATTERN.test(lookup.id))
        throw new UserInputError(`"id" must be an enterprise id; got ${JSON.stringify(lookup.id)}`);
      return this.enterprises.byId(lookup.id);
    }
    const uscc = String(lookup.uscc).trim().toUpperCase();
    const check = validateUscc(uscc);
    if (!check.valid) throw new UserInputError(check.message, { reason: check.reason });
    return this.enterprises.byUscc(uscc);
  }

  async list(args: {
    gridId?: string | null;
    first: number;
    after?: string | null;
  }): Promise<Connection<Enterprise>> {
    checkFirst(args.first, MAX_ENTERPRISE_PAGE);
    if (args.gridId != null && !ID_PATTERN.test(args.gridId)) {
      throw new UserInputError(`"gridId" must be a grid id; got ${JSON.stringify(args.gridId)}`);
    }
    const afterId = decodeCursor('enterprise', args.after);
    const gridId = args.gridId ?? null;
    const [rows, total] = await Promise.all([
      this.enterprises.page(gridId, afterId, args.first + 1),
      this.enterprises.count(gridId),
    ]);
    return toConnection('enterprise', rows, args.first, total);
  }
}
