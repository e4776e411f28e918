import { COVERING_GRID_ORDER } from '@gridwarden/db';
import type { Queryable } from '../coverage/rule.runner';
import { gridWithinSql } from '../auth/scope.sql';
import type { GridVersion } from './history.types';

const VERSION_COLUMNS = `g.id::text AS id, g.version, g.code, g.name, g.level::int AS level,
  g.parent_id::text AS "parentId", ST_AsGeoJSON(g.boundary, 7)::json AS boundary,
  g.area_m2 AS "areaM2", g.size_exempt AS "sizeExempt", g.valid_from AS "validFrom"`;

// A grid version is in scope when the grid, or — deleted — the parent it had, lies in scope
// root $s today.
function versionInScopeSql(g: string, scope: string): string {
  return gridWithinSql(
    `coalesce((SELECT c.id FROM grid c WHERE c.id = ${g}.id), ${g}.parent_id)`,
    scope,
  );
}

// Every version of grid $1: the closed ones from grid_history, then the current row.
const VERSIONS_SQL = `
  SELECT ${VERSION_COLUMNS}, g.valid_to AS "validTo" FROM grid_history g WHERE g.id = $1
  UNION ALL
  SELECT ${VERSION_COLUMNS}, NULL::timestamptz FROM grid g WHERE g.id = $1
  ORDER BY version`;

// The version covering enterprise $1's location at each level at moment $2
// (valid_from <= $2 < valid_to), inside scope root $3; the base-grid tie-break within a level.
const CHAIN_AT_SQL = `
  WITH e AS (SELECT location FROM enterprise WHERE id = $1),
  versions AS (
    SELECT ${VERSION_COLUMNS}, NULL::timestamptz AS "validTo"
    FROM grid g, e
    WHERE g.valid_from <= $2 AND ST_Covers(g.boundary, e.location)
      AND ${gridWithinSql('g.id', '$3::bigint')}
    UNION ALL
    SELECT ${VERSION_COLUMNS}, g.valid_to
    FROM grid_history g, e
    WHERE g.valid_from <= $2 AND g.valid_to > $2 AND ST_Covers(g.boundary, e.location)
      AND ${versionInScopeSql('g', '$3::bigint')}
  )
  SELECT DISTINCT ON (g.level) g.* FROM versions g
  ORDER BY g.level, ${COVERING_GRID_ORDER}`;

/** Every line of SQL about grid history. */
export class HistoryRepository {
  constructor(private readonly db: Queryable) {}

  versions(gridId: string): Promise<GridVersion[]> {
    return this.db.query(VERSIONS_SQL, [gridId]);
  }

  /** Whether grid $1 (current, or deleted and known from history) lies in scope root $2. */
  async inScope(gridId: string, scopeGridId: string): Promise<boolean> {
    const [row] = await this.db.query(
      `SELECT ${gridWithinSql(
        `coalesce((SELECT c.id FROM grid c WHERE c.id = $1),
                  (SELECT h.parent_id FROM grid_history h WHERE h.id = $1 ORDER BY h.version DESC LIMIT 1))`,
        '$2::bigint',
      )} AS ok`,
      [gridId, scopeGridId],
    );
    return row.ok === true;
  }

  chainAt(enterpriseId: string, at: Date, scopeGridId: string): Promise<GridVersion[]> {
    return this.db.query(CHAIN_AT_SQL, [enterpriseId, at, scopeGridId]);
  }
}
