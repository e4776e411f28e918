import { departmentMatchSql } from '../coverage/responsibility';
import type { LonLatBox } from '../geo/query-geometry.validation';
import type { OrderedKey } from '../graphql/pagination';
import { likeLiteral, SqlFilter, type KeysetOrder } from '../graphql/sql-filter';
import { enterpriseInScope, enterpriseUnderSql, enterpriseWithinSql } from '../auth/scope.sql';
import type { Queryable } from '../coverage/rule.runner';
import type { Enterprise, EnterpriseOrder, EnterpriseSortField } from './enterprise.types';

/** What a list of enterprises can be narrowed to; every field is optional and they combine. */
export interface EnterpriseFilter {
  /** base grid in this grid's subtree, or no base grid and the point inside its boundary */
  gridId?: string | null;
  bbox?: LonLatBox | null;
  scale?: string | null;
  riskClass?: string | null;
  /** a sector rule maps the enterprise to this department (纵到底) */
  departmentCode?: string | null;
  /** no base grid covers it (ENTERPRISE_UNCOVERED) */
  uncoveredOnly?: boolean | null;
  /** name contains this (ignoring case), or the credit code starts with it */
  search?: string | null;
  /** the viewer's territorial scope, tested like gridId */
  scopeGridId?: string | null;
}

export const ENTERPRISE_COLUMNS = `e.id::text AS "id", e.uscc, e.name, e.address,
  ST_AsGeoJSON(e.location, 7)::json AS "location", ST_X(e.location) AS "lon", ST_Y(e.location) AS "lat",
  e.industry_code AS "industryCode", e.scale, e.risk_classes AS "riskClasses", e.nine_small AS "nineSmall",
  e.key_fire_unit AS "keyFireUnit", e.major_hazard AS "majorHazard", e.employees, e.status,
  e.phone, e.base_grid_id::text AS "baseGridId", e.version`;

/** An enterprise of a sorted page, with the value it was sorted by (none in id order). */
export type SortedEnterprise = Enterprise & { sortKey?: string | number };

/**
 * The sort key of each order, never null so that keyset comparisons hold; each is the
 * expression of an enterprise_*_order index (migration 900), which keeps a deep page about a
 * millisecond. Text sorts by code point (COLLATE "C"): the same on every database, whatever
 * its locale. (No base-grid order: its key lives in another table, which no index on
 * enterprise can serve; measured at 550 ms a page on the county.)
 */
const SORT_KEYS: Record<EnterpriseSortField, Omit<KeysetOrder, 'descending'>> = {
  ID: { key: null, keyType: 'int' },
  NAME: { key: `e.name COLLATE "C"`, keyType: 'text' },
  USCC: { key: `e.uscc::text COLLATE "C"`, keyType: 'text' },
  EMPLOYEES: { key: `e.employees`, keyType: 'int' },
  SCALE: {
    key: `(CASE e.scale WHEN 'INDIVIDUAL' THEN 1 WHEN 'MICRO' THEN 2 WHEN 'BELOW' THEN 3 ELSE 4 END)`,
    keyType: 'int',
  },
};

/** Every line of SQL about enterprises. */
export class EnterpriseRepository {
  /** A DataSource, or a transaction's EntityManager for reads inside an edit. */
  constructor(private readonly db: Queryable) {}

  private async one(
    where: string,
    key: string,
    scopeRootId: string | null,
  ): Promise<Enterprise | null> {
    const rows: Enterprise[] = await this.db.query(
      `SELECT ${ENTERPRISE_COLUMNS} FROM enterprise e
       WHERE ${where} AND ($2::bigint IS NULL OR ${enterpriseWithinSql('e', '$2::bigint')})`,
      [key, scopeRootId],
    );
    return rows[0] ?? null;
  }

  /** An enterprise by id, null when outside the scope of `scopeRootId` (null: any; for edits already authorised). */
  byId(id: string, scopeRootId: string | null): Promise<Enterprise | null> {
    return this.one(`e.id = $1`, id, scopeRootId);
  }

  byUscc(uscc: string, scopeRootId: string): Promise<Enterprise | null> {
    return this.one(`e.uscc = $1`, uscc, scopeRootId);
  }

  /** A page of enterprises matching the filter, in `order` after a key (with its sort key). */
  page(
    filter: EnterpriseFilter,
    order: EnterpriseOrder,
    after: OrderedKey | null,
    limit: number,
  ): Promise<SortedEnterprise[]> {
    const where = enterpriseWhere(filter);
    const keyset: KeysetOrder = {
      ...SORT_KEYS[order.field],
      descending: order.direction === 'DESC',
    };
    return this.db.query(
      where.pageInOrder(ENTERPRISE_COLUMNS, 'enterprise e', keyset, after, limit),
      where.params,
    );
  }

  async count(filter: EnterpriseFilter): Promise<number> {
    const where = enterpriseWhere(filter);
    const [{ n }] = await this.db.query(where.count('enterprise e'), where.params);
    return n;
  }

  /** Enterprises by id, leaving out those outside the scope root (see auth/scope.sql.ts). */
  byIds(ids: readonly string[], scopeGridId: string): Promise<Enterprise[]> {
    return this.db.query(
      `SELECT ${ENTERPRISE_COLUMNS} FROM enterprise e
       WHERE e.id = ANY ($1::bigint[]) AND ${enterpriseWithinSql('e', '$2::bigint')}`,
      [ids, scopeGridId],
    );
  }

  async departmentExists(code: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM department WHERE code = $1`, [code]);
    return rows.length > 0;
  }

  async departmentCodes(): Promise<string[]> {
    const rows: { code: string }[] = await this.db.query(
      `SELECT code FROM department ORDER BY code`,
    );
    return rows.map((r) => r.code);
  }
}

function enterpriseWhere(filter: EnterpriseFilter): SqlFilter {
  const where = new SqlFilter();
  if (filter.gridId != null) {
    where.where(enterpriseUnderSql('e', `${where.param(filter.gridId)}::bigint`));
  }
  if (filter.scopeGridId != null) {
    where.where(enterpriseInScope('e', `${where.param(filter.scopeGridId)}::bigint`));
  }
  if (filter.bbox != null) {
    const [x0, y0, x1, y1] = filter.bbox.map((v) => where.param(v));
    // a point's box is the point: && alone is exact
    where.where(
      `e.location && ST_MakeEnvelope(${x0}::float8, ${y0}::float8, ${x1}::float8, ${y1}::float8, 4326)`,
    );
  }
  if (filter.scale != null) where.where(`e.scale = ${where.param(filter.scale)}`);
  if (filter.riskClass != null) {
    where.where(`e.risk_classes @> ARRAY[${where.param(filter.riskClass)}::text]`);
  }
  if (filter.departmentCode != null) {
    where.where(departmentMatchSql('e', where.param(filter.departmentCode)));
  }
  if (filter.uncoveredOnly) where.where(`e.base_grid_id IS NULL`);
  if (filter.search != null) {
    const name = `e.name ILIKE ${where.param(`%${likeLiteral(filter.search)}%`)}`;
    // a credit code is 18 of [0-9A-Z]: only such text can be the start of one
    where.where(
      /^[0-9A-Za-z]{1,18}$/.test(filter.search)
        ? `${name} OR e.uscc LIKE ${where.param(`${filter.search.toUpperCase()}%`)}`
        : name,
    );
  }
  return where;
}
