import { returnedRows } from '../audit-log/edit-transaction';
import type { Queryable } from '../coverage/rule.runner';

/** The ledger fields an edit writes (seed 003: the survey's ledger). */
export interface EnterpriseFields {
  uscc: string;
  name: string;
  address: string | null;
  lon: number;
  lat: number;
  industryCode: string;
  scale: string;
  riskClasses: string[];
  nineSmall: boolean;
  keyFireUnit: boolean;
  majorHazard: boolean;
  employees: number;
  status: string;
  legalRepresentative: string | null;
  safetyManager: string | null;
  phone: string | null;
}

/** An enterprise as an edit reads it, with the row for the audit log. */
export interface EditableEnterprise extends EnterpriseFields {
  id: string;
  version: number;
  baseGridId: string | null;
  snapshot: Record<string, unknown>;
}

const EDITABLE_COLUMNS = `e.id::text AS id, e.version, e.base_grid_id::text AS "baseGridId", e.uscc, e.name,
  e.address, ST_X(e.location) AS lon, ST_Y(e.location) AS lat, e.industry_code AS "industryCode", e.scale,
  e.risk_classes AS "riskClasses", e.nine_small AS "nineSmall", e.key_fire_unit AS "keyFireUnit",
  e.major_hazard AS "majorHazard", e.employees, e.status, e.legal_representative AS "legalRepresentative",
  e.safety_manager AS "safetyManager", e.phone,
  (to_jsonb(e) - 'location') || jsonb_build_object('location', ST_AsGeoJSON(e.location, 15)::jsonb) AS snapshot`;

const POINT = `ST_SetSRID(ST_MakePoint($4, $5), 4326)`;

// Whether enterprise $2 lies in the scope of grid $1: its base grid is in the subtree, or it
// has none and the root's boundary covers it (the auth contract's rule).
const VISIBLE_SQL = `
  SELECT EXISTS (
    SELECT 1 FROM enterprise e
    WHERE e.id = $2 AND (
      e.base_grid_id IN (SELECT id FROM grid_subtree(ARRAY[$1]::bigint[]))
      OR (e.base_grid_id IS NULL AND EXISTS (
        SELECT 1 FROM grid r WHERE r.id = $1 AND ST_Covers(r.boundary, e.location))))
  ) AS visible`;

/** Every line of SQL that changes enterprises. */
export class EnterpriseEditRepository {
  constructor(private readonly db: Queryable) {}

  async byId(id: string): Promise<EditableEnterprise | null> {
    const rows = await this.db.query(
      `SELECT ${EDITABLE_COLUMNS} FROM enterprise e WHERE e.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async byUscc(uscc: string): Promise<EditableEnterprise | null> {
    const rows = await this.db.query(
      `SELECT ${EDITABLE_COLUMNS} FROM enterprise e WHERE e.uscc = $1`,
      [uscc],
    );
    return rows[0] ?? null;
  }

  async visibleTo(scopeGridId: string, id: string): Promise<boolean> {
    const [row] = await this.db.query(VISIBLE_SQL, [scopeGridId, id]);
    return row.visible === true;
  }

  /** Whether grid $1's boundary covers the point; null when the grid is missing. */
  async pointInside(gridId: string, lon: number, lat: number): Promise<boolean | null> {
    const rows = await this.db.query(
      `SELECT ST_Covers(boundary, ST_SetSRID(ST_MakePoint($2, $3), 4326)) AS inside FROM grid WHERE id = $1`,
      [gridId, lon, lat],
    );
    return rows[0]?.inside ?? null;
  }

  async insert(f: EnterpriseFields): Promise<string> {
    const [{ id }] = await this.db.query(
      `INSERT INTO enterprise (uscc, name, address, location, industry_code, scale, risk_classes, nine_small,
         key_fire_unit, major_hazard, employees, status, legal_representative, safety_manager, phone)
       VALUES ($1, $2, $3, ${POINT}, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       RETURNING id::text AS id`,
      values(f),
    );
    return id;
  }

  /** Rewrites an enterprise still at `expectedVersion`; its new version, or null when it is not. */
  async update(id: string, expectedVersion: number, f: EnterpriseFields): Promise<number | null> {
    const rows = returnedRows<{ version: number }>(
      await this.db.query(
        `UPDATE enterprise SET uscc = $1, name = $2, address = $3, location = ${POINT}, industry_code = $6,
           scale = $7, risk_classes = $8, nine_small = $9, key_fire_unit = $10, major_hazard = $11,
           employees = $12, status = $13, legal_representative = $14, safety_manager = $15, phone = $16,
           version = version + 1, updated_at = now()
         WHERE id = $17 AND version = $18 RETURNING version`,
        [...values(f), id, expectedVersion],
      ),
    );
    return rows[0]?.version ?? null;
  }

  async currentVersion(id: string): Promise<number | null> {
    const rows = await this.db.query(`SELECT version FROM enterprise WHERE id = $1`, [id]);
    return rows[0]?.version ?? null;
  }
}

function values(f: EnterpriseFields): unknown[] {
  return [
    f.uscc,
    f.name,
    f.address,
    f.lon,
    f.lat,
    f.industryCode,
    f.scale,
    f.riskClasses,
    f.nineSmall,
    f.keyFireUnit,
    f.majorHazard,
    f.employees,
    f.status,
    f.legalRepresentative,
    f.safetyManager,
    f.phone,
  ];
}
