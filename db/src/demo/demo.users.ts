/**
 * The demo's accounts, one per role, with published passwords (README "Users and roles").
 * They are for trying Gridwarden out: change or disable them before real data goes in.
 */
import type { QueryRunner } from 'typeorm';

export type DemoRole = 'ADMIN' | 'PLANNER' | 'SUPERVISOR' | 'OFFICER' | 'INTEGRATOR';

/**
 * Where a demo account's scope is rooted: the top grid; the town holding the first planted gap
 * (by village code), so the planner has a gap to close, or the first town when none is planted;
 * the first staffed base grid.
 */
export type DemoScope = 'root' | 'gap-town' | 'officer-base-grid';

export interface DemoUser {
  username: string;
  password: string;
  role: DemoRole;
  scope: DemoScope;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', password: 'admin-demo-2026', role: 'ADMIN', scope: 'root' },
  { username: 'planner', password: 'planner-demo-2026', role: 'PLANNER', scope: 'gap-town' },
  { username: 'supervisor', password: 'supervisor-demo-2026', role: 'SUPERVISOR', scope: 'root' },
  {
    username: 'officer',
    password: 'officer-demo-2026',
    role: 'OFFICER',
    scope: 'officer-base-grid',
  },
  { username: 'integrator', password: 'integrator-demo-2026', role: 'INTEGRATOR', scope: 'root' },
];

/** The demo integrator's API key; published like the passwords, so rotate it (issueApiKey) for real use. */
export const DEMO_API_KEY = 'gwk_demo-integrator-key-2026-change-me';

/** How the server hashes credentials; the demo stores nothing in plain text. */
export interface DemoCredentialHasher {
  hashPassword(password: string): Promise<string>;
  hashApiKey(key: string): string;
}

/** A demo account as created: its scope and, for the officer, their person record. */
export interface DemoUserCreated {
  username: string;
  password: string;
  role: DemoRole;
  scopeGridCode: string;
  personId: string | null;
  apiKey: string | null;
}

// The scope roots: the first top grid; the child of it (a town in the county preset) holding
// the first of the villages $1 (those with a planted gap), else its first child; the first base
// grid with an active officer, and that officer.
const SCOPE_ROOTS_SQL = `
  WITH root AS (SELECT id, code FROM grid WHERE parent_id IS NULL ORDER BY level, code LIMIT 1),
  town AS (
    SELECT g.id, g.code FROM grid g
    LEFT JOIN LATERAL (
      SELECT min(v.code) AS first_gap FROM grid v
      WHERE v.parent_id = g.id AND v.code = ANY($1::text[])) gap ON true
    WHERE g.parent_id = (SELECT id FROM root)
    ORDER BY gap.first_gap NULLS LAST, g.code LIMIT 1)
  SELECT (SELECT id::text FROM root) AS "rootId", (SELECT code FROM root) AS "rootCode",
    (SELECT id::text FROM town) AS "townId", (SELECT code FROM town) AS "townCode",
    o.grid_id::text AS "officerGridId", o.code AS "officerGridCode", o.person_id::text AS "personId"
  FROM (SELECT 1) one LEFT JOIN LATERAL (
    SELECT a.grid_id, g.code, a.person_id FROM grid_assignment a JOIN grid g ON g.id = a.grid_id
    WHERE a.role = 'OFFICER' AND a.until IS NULL AND g.level = (SELECT max(level) FROM grid_level)
    ORDER BY g.code, a.person_id LIMIT 1) o ON true`;

/**
 * Creates (or replaces) the demo accounts in the loaded demo, inside the caller's transaction.
 * `gapVillageCodes`: the villages the manifest's planted GAPs are in (the planner's town holds one).
 */
export async function insertDemoUsers(
  runner: QueryRunner,
  hasher: DemoCredentialHasher,
  gapVillageCodes: readonly string[] = [],
): Promise<DemoUserCreated[]> {
  const [roots] = await runner.query(SCOPE_ROOTS_SQL, [gapVillageCodes]);
  if (!roots?.rootId || !roots.townId || !roots.officerGridId) {
    throw new Error(
      'the demo has no root grid, no town or no staffed base grid to scope its users to',
    );
  }
  const created: DemoUserCreated[] = [];
  for (const user of DEMO_USERS) {
    const [scopeId, scopeCode] =
      user.scope === 'root'
        ? [roots.rootId, roots.rootCode]
        : user.scope === 'gap-town'
          ? [roots.townId, roots.townCode]
          : [roots.officerGridId, roots.officerGridCode];
    const personId = user.role === 'OFFICER' ? roots.personId : null;
    const apiKey = user.role === 'INTEGRATOR' ? DEMO_API_KEY : null;
    await runner.query(`DELETE FROM app_user WHERE lower(username) = lower($1)`, [user.username]);
    await runner.query(
      `INSERT INTO app_user (username, password_hash, role, scope_grid_id, person_id, api_key_hash)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        user.username,
        await hasher.hashPassword(user.password),
        user.role,
        scopeId,
        personId,
        apiKey && hasher.hashApiKey(apiKey),
      ],
    );
    created.push({ ...user, scopeGridCode: scopeCode, personId, apiKey });
  }
  return created;
}
