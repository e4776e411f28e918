/**
 * The pure parts of the side panels: the enterprise band of base grids, grouping violations by
 * rule and town, the ledger's query variables, distances and extents. No React, no map.
 */
import type {
  EnterpriseOrder,
  EnterpriseSortField,
  PanelLedgerQueryVariables as LedgerVariables,
  Scale,
} from '../../generated/graphql';

/** seed 003 §4: a base grid holds 50–100 enterprises unless it is exempt. */
export const ENTERPRISE_BAND = { min: 50, max: 100 } as const;

export type Band = 'under' | 'within' | 'over' | 'exempt';

/** Where a grid's enterprise count sits against the band; null for grids above the base level. */
export function enterpriseBand(
  count: number,
  grid: { isBase: boolean; sizeExempt: boolean },
): Band | null {
  if (!grid.isBase) return null;
  if (grid.sizeExempt) return 'exempt';
  if (count < ENTERPRISE_BAND.min) return 'under';
  if (count > ENTERPRISE_BAND.max) return 'over';
  return 'within';
}

/** The order rules are listed in: areas first, then enterprises, then grid housekeeping. */
export const RULE_ORDER = [
  'GAP',
  'OVERLAP',
  'OUTSIDE_PARENT',
  'ENTERPRISE_UNCOVERED',
  'ENTERPRISE_MULTI_COVERED',
  'ENTERPRISE_NEAR_BOUNDARY',
  'GRID_SIZE',
  'GRID_UNSTAFFED',
  'SECTOR_UNASSIGNED',
] as const;

export interface TownRef {
  code: string;
  name: string;
}

export interface GroupableViolation {
  id: string;
  rule: string;
  grids: { code: string }[];
}

export interface TownGroup<V> {
  /** null: none of the violation's grids lies in a known town (e.g. a gap between towns). */
  town: TownRef | null;
  items: V[];
}

export interface RuleGroup<V> {
  rule: string;
  count: number;
  towns: TownGroup<V>[];
}

/**
 * The town a violation belongs to: the town whose code starts the code of one of its grids
 * (the longest such code, the first grid that has one).
 * @example townOf({ grids: [{ code: '371323001001-01' }] }, [{ code: '371323001', name: 'A' }]) // { code: '371323001', name: 'A' }
 */
export function townOf(violation: { grids: { code: string }[] }, towns: TownRef[]): TownRef | null {
  for (const grid of violation.grids) {
    let best: TownRef | null = null;
    for (const town of towns) {
      if (grid.code.startsWith(town.code) && (!best || town.code.length > best.code.length)) {
        best = town;
      }
    }
    if (best) return best;
  }
  return null;
}

/**
 * Violations grouped by rule (in RULE_ORDER, unknown rules last by name), and inside a rule by
 * town (by town code, those in no town last) when `towns` is given; items keep their order.
 */
export function groupViolations<V extends GroupableViolation>(
  violations: readonly V[],
  towns: TownRef[] | null,
): RuleGroup<V>[] {
  const byRule = new Map<string, V[]>();
  for (const v of violations) byRule.set(v.rule, [...(byRule.get(v.rule) ?? []), v]);
  const rank = (rule: string) => {
    const i = (RULE_ORDER as readonly string[]).indexOf(rule);
    return i < 0 ? RULE_ORDER.length : i;
  };
  const rules = [...byRule.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return rules.map((rule) => {
    const items = byRule.get(rule)!;
    if (!towns) return { rule, count: items.length, towns: [{ town: null, items }] };
    const byTown = new Map<string | null, TownGroup<V>>();
    for (const item of items) {
      const town = townOf(item, towns);
      const key = town?.code ?? null;
      const group = byTown.get(key) ?? { town, items: [] };
      group.items.push(item);
      byTown.set(key, group);
    }
    const groups = [...byTown.values()].sort((a, b) =>
      a.town && b.town ? a.town.code.localeCompare(b.town.code) : a.town ? -1 : b.town ? 1 : 0,
    );
    return { rule, count: items.length, towns: groups };
  });
}

export interface LedgerFilters {
  search: string;
  scale: Scale | null;
  riskClass: string | null;
  departmentCode: string | null;
  uncoveredOnly: boolean;
}

export const NO_LEDGER_FILTERS: LedgerFilters = {
  search: '',
  scale: null,
  riskClass: null,
  departmentCode: null,
  uncoveredOnly: false,
};

/** How an antd table column is sorted: ascending, descending, or not (null). */
export type ColumnSortOrder = 'ascend' | 'descend' | null;

/**
 * The ledger's order after a click on a column's sorter: that column's field in the
 * direction the table asks for, or null (the API's default id order) when it asks for none.
 * @example ledgerOrder('EMPLOYEES', 'descend') // { field: 'EMPLOYEES', direction: 'DESC' }
 */
export function ledgerOrder(
  field: EnterpriseSortField | null,
  order: ColumnSortOrder | undefined,
): EnterpriseOrder | null {
  if (field == null || order == null) return null;
  return { field, direction: order === 'descend' ? 'DESC' : 'ASC' };
}

/** What a column sorting by `field` shows for the ledger's order (controlled sortOrder). */
export function columnSortOrder(
  order: EnterpriseOrder | null,
  field: EnterpriseSortField,
): ColumnSortOrder {
  if (order?.field !== field) return null;
  return order.direction === 'DESC' ? 'descend' : 'ascend';
}

/**
 * The `enterprises` query's variables for the ledger's filters, page and order: unset filters
 * and the default order left out.
 */
export function ledgerVariables(
  filters: LedgerFilters,
  page: { first: number; after: string | null },
  order: EnterpriseOrder | null = null,
): LedgerVariables {
  const variables: LedgerVariables = { first: page.first };
  if (page.after) variables.after = page.after;
  if (order) variables.orderBy = order;
  const search = filters.search.trim();
  if (search) variables.search = search;
  if (filters.scale) variables.scale = filters.scale;
  if (filters.riskClass) variables.riskClass = filters.riskClass;
  if (filters.departmentCode) variables.departmentCode = filters.departmentCode;
  if (filters.uncoveredOnly) variables.uncoveredOnly = true;
  return variables;
}

/**
 * A distance for people: metres under a kilometre, else kilometres with one decimal.
 * @example formatDistance(37.4, 'en') // '37 m'
 */
export function formatDistance(metres: number, language: string): string {
  if (metres < 1000) return `${Math.round(metres).toLocaleString(language)} m`;
  return `${(metres / 1000).toLocaleString(language, { maximumFractionDigits: 1 })} km`;
}

/** Area for people: m² under a hectare, else hectares, else km². */
export function formatArea(m2: number, language: string): string {
  if (m2 < 10_000) return `${Math.round(m2).toLocaleString(language)} m²`;
  if (m2 < 1_000_000)
    return `${(m2 / 10_000).toLocaleString(language, { maximumFractionDigits: 1 })} ha`;
  return `${(m2 / 1_000_000).toLocaleString(language, { maximumFractionDigits: 2 })} km²`;
}

type Position = number[];
interface GeometryLike {
  type: string;
  coordinates?: unknown;
  geometries?: GeometryLike[];
}

/** [west, south, east, north] of a GeoJSON geometry, or null when it has no coordinates. */
export function geometryExtent(
  geometry: GeometryLike | null | undefined,
): [number, number, number, number] | null {
  if (!geometry) return null;
  const extent = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number') {
      const [x, y] = value as Position;
      extent[0] = Math.min(extent[0], x);
      extent[1] = Math.min(extent[1], y);
      extent[2] = Math.max(extent[2], x);
      extent[3] = Math.max(extent[3], y);
      return;
    }
    for (const item of value) visit(item);
  };
  visit(geometry.coordinates);
  for (const part of geometry.geometries ?? []) {
    const inner = geometryExtent(part);
    if (inner) visit([inner.slice(0, 2), inner.slice(2)]);
  }
  return Number.isFinite(extent[0]) ? (extent as [number, number, number, number]) : null;
}

export interface RankedTown {
  code: string;
  score: number;
}

/** Towns worst first (lowest score), by code on a tie: where a supervisor should look first. */
export function rankByScore<T extends RankedTown>(towns: readonly T[]): T[] {
  return [...towns].sort((a, b) => a.score - b.score || a.code.localeCompare(b.code));
}

/**
 * A share as a percentage to 0.1 %, rounded down, so a territory with a gap never reads
 * "100 %" (the county's three planted gaps are 0.004 % of its area).
 * @example coveredPercent(0.99996, 'en') // '99.9%'
 */
export function coveredPercent(ratio: number, locale: string): string {
  const shown = ratio >= 1 ? 1 : Math.floor(Math.max(0, ratio) * 1000) / 1000;
  return shown.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 });
}
