/**
 * Support for the edit specs: viewers of each role, a small county in metres with known
 * answers, servers per viewer, the "stored results equal a fresh full audit" check and a
 * fingerprint of every table an edit may touch.
 */
import { openTestDatabase, type Database, type TestDatabase } from '@gridwarden/db';
import type { Role, Viewer } from '../../src/auth/viewer';
import { CoverageService } from '../../src/coverage/coverage.service';
import { DEFAULT_THRESHOLDS } from '../../src/coverage/coverage.types';
import { loadFixture, rect, resetFixture, type Fixture } from './coverage-fixture';
import { startTestServer, type TestServer } from './test-server';

export function viewer(
  role: Role,
  scopeGridId: string,
  userId = `u-${role.toLowerCase()}`,
): Viewer {
  return {
    userId,
    username: `${role.toLowerCase()}-${scopeGridId}`,
    role,
    scopeGridId,
    personId: null,
  };
}

/**
 * County C (400 × 200 m) → towns C01 (west half) and C02 (east half) → base grids C01-01,
 * C01-02 (100 m wide each) and C02-01 (200–300 m); C02's east 100 m is a gap holding e7.
 */
export async function loadCounty(db: Database): Promise<Fixture> {
  await resetFixture(db);
  await db.dataSource.query(`TRUNCATE audit_log RESTART IDENTITY`);
  const fixture = await loadFixture(
    db,
    [
      { code: 'C', level: 1, polygons: [rect(0, 0, 400, 200)] },
      { code: 'C01', level: 2, parent: 'C', polygons: [rect(0, 0, 200, 200)] },
      { code: 'C02', level: 2, parent: 'C', polygons: [rect(200, 0, 400, 200)] },
      { code: 'C01-01', level: 3, parent: 'C01', polygons: [rect(0, 0, 100, 200)] },
      { code: 'C01-02', level: 3, parent: 'C01', polygons: [rect(100, 0, 200, 200)] },
      { code: 'C02-01', level: 3, parent: 'C02', polygons: [rect(200, 0, 300, 200)] },
    ],
    [
      { key: 'e1', x: 30, y: 50 },
      { key: 'e2', x: 70, y: 150 },
      { key: 'e3', x: 125, y: 100 },
      { key: 'e4', x: 150, y: 50 },
      { key: 'e5', x: 185, y: 150 },
      { key: 'e6', x: 250, y: 100 },
      { key: 'e7', x: 350, y: 100 },
    ],
  );
  await new CoverageService(DEFAULT_THRESHOLDS).fullAudit(db.dataSource.manager);
  return fixture;
}

/** Stored violations as comparable keys (rule, owner, grids, enterprises, measure). */
export function violationKeys(
  rows: {
    rule: string;
    focusId: string;
    scopeGridId: string | null;
    gridIds: string[];
    enterpriseIds: string[];
    measure: number | null;
  }[],
): string[] {
  return rows
    .map(
      (r) =>
        `${r.rule}|${r.focusId}|${r.scopeGridId ?? ''}|${r.gridIds.join(',')}|${r.enterpriseIds.join(',')}|${r.measure == null ? '' : r.measure.toFixed(1)}`,
    )
    .sort();
}

/** The stored results and a fresh full audit, as keys; a test expects them equal. */
export async function storedAndFresh(db: Database): Promise<{ stored: string[]; fresh: string[] }> {
  const service = new CoverageService(DEFAULT_THRESHOLDS);
  const stored = await service.stored(db.dataSource.manager, {});
  const fresh = await service.fullAudit(db.dataSource.manager, { store: false });
  return { stored: violationKeys(stored), fresh: violationKeys(fresh.violations) };
}

const TABLES = [
  'grid',
  'grid_history',
  'grid_level',
  'grid_assignment',
  'person',
  'enterprise',
  'coverage_violation',
  'audit_run',
  'audit_log',
  'department',
  'sector_rule',
];

/** Row count and a hash of every row's text, per table. */
export async function fingerprint(db: Database): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of TABLES) {
    const [row] = await db.dataSource.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM ${table} t`,
    );
    result[table] = `${row.n}:${row.h}`;
  }
  return result;
}

/** Servers per viewer on one database, started on first use. */
export class ServersByViewer {
  private readonly servers = new Map<string, Promise<TestServer>>();

  constructor(private readonly db: Database) {}

  as(v: Viewer): Promise<TestServer> {
    const key = `${v.userId}|${v.role}|${v.scopeGridId}`;
    let server = this.servers.get(key);
    if (!server) {
      server = startTestServer(this.db, { viewer: v });
      this.servers.set(key, server);
    }
    return server;
  }

  async close(): Promise<void> {
    for (const server of this.servers.values()) await (await server).close();
  }
}

/** Rules of the stored violations that name a grid or are reported under it. */
export async function storedRules(db: Database, gridId: string): Promise<string[]> {
  const rows: { rule: string }[] = await db.dataSource.query(
    `SELECT rule FROM coverage_violation WHERE $1 = ANY (grid_ids) OR scope_grid_id = $1 ORDER BY rule`,
    [gridId],
  );
  return rows.map((r) => r.rule);
}

/** A GeoJSON Polygon of an axis-aligned rectangle in fixture metres. */
export function box(x0: number, y0: number, x1: number, y1: number) {
  return { type: 'Polygon', coordinates: rect(x0, y0, x1, y1) };
}

/** What an edit spec works with; filled by {@link editSpec}'s hooks. */
export interface EditSpec {
  db: TestDatabase;
  servers: ServersByViewer;
  fixture: Fixture;
  /** Id of a fixture grid by code. */
  grid(code: string): string;
  /** Id of a fixture enterprise by key. */
  enterprise(key: string): string;
  /** A server running as a viewer of the role, scoped to the grid with that code. */
  as(role: Role, scopeCode?: string): Promise<TestServer>;
  /** Raw SQL on the spec's database (TypeORM's untyped rows). */
  query: TestDatabase['dataSource']['query'];
  /** Reloads the county (each test starts from it). */
  reload(): Promise<void>;
}

/** A fresh database for the spec file and the county reloaded before each test. */
export function editSpec(label: string): EditSpec {
  const spec = {
    grid: (code: string) => lookup(spec.fixture.gridIds, code),
    enterprise: (key: string) => lookup(spec.fixture.enterpriseIds, key),
    as: (role: Role, scopeCode = 'C') =>
      spec.servers.as(viewer(role, spec.grid(scopeCode), `${role.toLowerCase()}-${scopeCode}`)),
    query: (sql: string, params?: unknown[]) => spec.db.dataSource.query(sql, params),
    reload: async () => {
      spec.fixture = await loadCounty(spec.db);
    },
  } as EditSpec;
  beforeAll(async () => {
    spec.db = await openTestDatabase(label);
    spec.servers = new ServersByViewer(spec.db);
  });
  afterAll(async () => {
    await spec.servers?.close();
    await spec.db?.close();
  });
  beforeEach(() => spec.reload());
  return spec;
}

function lookup(ids: Map<string, string>, key: string): string {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`the fixture has no ${key}`);
  return id;
}
