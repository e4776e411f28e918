import type { Queryable } from '../coverage/rule.runner';
import type { PreviewViolation } from './grid-edit.types';

/** A grid as a preview shows it; boundary only for the grids asked for with it. */
export interface PreviewGridRow {
  id: string;
  code: string;
  name: string;
  level: number;
  parentId: string | null;
  version: number;
  boundary: unknown;
  areaM2: number;
}

export interface PreviewEnterpriseRow {
  id: string;
  name: string;
  uscc: string;
  gridId: string | null;
  gridCode: string | null;
}

export type StoredViolationRow = PreviewViolation & { focusId: string };

// Grids $1 (boundary, at the read API's precision, only for those in $2).
const GRIDS_SQL = `
  SELECT g.id::text AS id, g.code, g.name, g.level::int AS level, g.parent_id::text AS "parentId",
         g.version, CASE WHEN g.id = ANY ($2::bigint[]) THEN ST_AsGeoJSON(g.boundary, 7)::json END AS boundary,
         g.area_m2 AS "areaM2"
  FROM grid g WHERE g.id = ANY ($1::bigint[])`;

// Stored violations of grid rules $1 owned by grids $2 and of enterprise rules $3 owned by enterprises $4.
const VIOLATIONS_SQL = `
  SELECT v.rule, v.severity, v.focus_id::text AS "focusId", v.grid_ids::text[] AS "gridIds",
         ARRAY(SELECT coalesce(g.code, u.id::text) FROM unnest(v.grid_ids) WITH ORDINALITY AS u(id, n)
               LEFT JOIN grid g ON g.id = u.id ORDER BY u.n) AS "gridCodes",
         v.enterprise_ids::text[] AS "enterpriseIds", ST_AsGeoJSON(v.geometry, 9)::json AS geometry,
         v.measure, v.unit, v.message_zh AS "messageZh", v.message_en AS "messageEn"
  FROM coverage_violation v
  WHERE (v.rule = ANY ($1::text[]) AND v.focus_id = ANY ($2::bigint[]))
     OR (v.rule = ANY ($3::text[]) AND v.focus_id = ANY ($4::bigint[]))
  ORDER BY v.rule, v.focus_id, v.id`;

// Enterprises $1 with their base grid.
const ENTERPRISES_SQL = `
  SELECT e.id::text AS id, e.name, e.uscc, e.base_grid_id::text AS "gridId", g.code AS "gridCode"
  FROM enterprise e LEFT JOIN grid g ON g.id = e.base_grid_id
  WHERE e.id = ANY ($1::bigint[])`;

/** Every line of SQL a preview reads, before and after the rehearsed edit. */
export class GridPreviewRepository {
  constructor(private readonly db: Queryable) {}

  grids(ids: readonly string[], withBoundary: readonly string[]): Promise<PreviewGridRow[]> {
    return this.db.query(GRIDS_SQL, [ids, withBoundary]);
  }

  async violations(
    grid: { rules: readonly string[]; ids: readonly string[] },
    enterprise: { rules: readonly string[]; ids: readonly string[] },
  ): Promise<StoredViolationRow[]> {
    const rows: StoredViolationRow[] = await this.db.query(VIOLATIONS_SQL, [
      grid.rules,
      grid.ids,
      enterprise.rules,
      enterprise.ids,
    ]);
    return rows.map((r) => ({ ...r, measure: r.measure == null ? null : Number(r.measure) }));
  }

  enterprises(ids: readonly string[]): Promise<PreviewEnterpriseRow[]> {
    return this.db.query(ENTERPRISES_SQL, [ids]);
  }
}
