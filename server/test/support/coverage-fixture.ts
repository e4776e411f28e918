/**
 * Hand-built coverage fixtures with known answers. Shapes are drawn in metres on a local
 * plane around (118.5°E, 35.8°N) and converted to lon/lat, so "a 5 m² sliver" means one.
 */
import { assignBaseGrids, usccCheckCharacter, type Database } from '@gridwarden/db';

const ORIGIN_LON = 118.5;
const ORIGIN_LAT = 35.8;
const M_PER_DEG_LAT = 110_950; // at 35.8°N on WGS84
const M_PER_DEG_LON = 111_320 * Math.cos((ORIGIN_LAT * Math.PI) / 180);

/** lon/lat of a point x metres east and y metres north of the fixture origin. */
export function at(x: number, y: number): [number, number] {
  return [ORIGIN_LON + x / M_PER_DEG_LON, ORIGIN_LAT + y / M_PER_DEG_LAT];
}

/** A closed ring from metre coordinates. */
export function ring(...points: [number, number][]): [number, number][] {
  const r = points.map(([x, y]) => at(x, y));
  const [first, last] = [r[0], r[r.length - 1]];
  if (first[0] !== last[0] || first[1] !== last[1]) r.push(first);
  return r;
}

/** An axis-aligned rectangle in metres as a polygon (list of rings). */
export function rect(x0: number, y0: number, x1: number, y1: number): [number, number][][] {
  return [ring([x0, y0], [x1, y0], [x1, y1], [x0, y1])];
}

export interface FixtureGrid {
  code: string;
  level: number;
  parent?: string;
  /** polygons, each a list of rings in lon/lat (use rect/ring) */
  polygons: [number, number][][][];
  sizeExempt?: boolean;
  /** false: no leader or officer is assigned */
  staffed?: boolean;
}

/**
 * A county of two towns and four base grids, in metres, with a gap at its east end:
 *
 *   R (county)     0 … 2000 m east, 0 … 1000 m north
 *   R01, R02       towns: 0 … 1000, 1000 … 2000
 *   R01-01 R01-02  base grids: 0 … 500, 500 … 1000
 *   R02-01 R02-02  base grids: 1000 … 1500, 1500 … 1800 (1800 … 2000 is a gap)
 */
export const TWO_TOWNS: FixtureGrid[] = [
  { code: 'R', level: 1, polygons: [rect(0, 0, 2000, 1000)] },
  { code: 'R01', level: 2, parent: 'R', polygons: [rect(0, 0, 1000, 1000)] },
  { code: 'R02', level: 2, parent: 'R', polygons: [rect(1000, 0, 2000, 1000)] },
  { code: 'R01-01', level: 3, parent: 'R01', polygons: [rect(0, 0, 500, 1000)] },
  { code: 'R01-02', level: 3, parent: 'R01', polygons: [rect(500, 0, 1000, 1000)] },
  { code: 'R02-01', level: 3, parent: 'R02', polygons: [rect(1000, 0, 1500, 1000)] },
  { code: 'R02-02', level: 3, parent: 'R02', polygons: [rect(1500, 0, 1800, 1000)] },
];

export interface FixtureEnterprise {
  key: string;
  x: number;
  y: number;
  industryCode?: string;
  status?: string;
  riskClasses?: string[];
  nineSmall?: boolean;
}

export interface Fixture {
  gridIds: Map<string, string>;
  enterpriseIds: Map<string, string>;
}

/** A valid credit code for fixture enterprise number n. */
export function fixtureUscc(n: number): string {
  const body8 = String(20000000 + n);
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body8].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  const c = 11 - (sum % 11);
  const first17 = `91371323${body8}${c === 11 ? '0' : c === 10 ? 'X' : String(c)}`;
  return first17 + usccCheckCharacter(first17);
}

/**
 * Loads levels 1..maxLevel, the grids (parents first), one officer per staffed grid and the
 * enterprises, then derives base grids. Returns ids by code/key.
 */
export async function loadFixture(
  db: Database,
  grids: FixtureGrid[],
  enterprises: FixtureEnterprise[] = [],
): Promise<Fixture> {
  const q = (sql: string, params?: unknown[]) => db.dataSource.query(sql, params);
  const maxLevel = Math.max(...grids.map((g) => g.level));
  for (let level = 1; level <= maxLevel; level++) {
    await q(
      `INSERT INTO grid_level (level, name_zh, name_en) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [level, `第${level}级`, `level ${level}`],
    );
  }
  const gridIds = new Map<string, string>();
  for (const g of [...grids].sort((a, b) => a.level - b.level)) {
    const [{ id }] = await q(
      `INSERT INTO grid (code, name, level, parent_id, boundary, size_exempt)
       VALUES ($1, $1, $2, $3, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($4), 4326)), $5) RETURNING id::text AS id`,
      [
        g.code,
        g.level,
        g.parent ? gridIds.get(g.parent) : null,
        JSON.stringify({ type: 'MultiPolygon', coordinates: g.polygons }),
        g.sizeExempt ?? true,
      ],
    );
    gridIds.set(g.code, id);
    if (g.staffed !== false) {
      const [{ id: personId }] = await q(
        `INSERT INTO person (name, phone) VALUES ($1, '13800000000') RETURNING id::text AS id`,
        [`网格员${g.code}`],
      );
      await q(
        `INSERT INTO grid_assignment (grid_id, person_id, role, since) VALUES ($1, $2, $3, '2026-01-01')`,
        [id, personId, g.level === maxLevel ? 'OFFICER' : 'LEADER'],
      );
    }
  }
  const enterpriseIds = new Map<string, string>();
  let n = 0;
  for (const e of enterprises) {
    const [lon, lat] = at(e.x, e.y);
    const [{ id }] = await q(
      `INSERT INTO enterprise (uscc, name, location, industry_code, scale, status, risk_classes, nine_small)
       VALUES ($1, $2, ST_SetSRID(ST_MakePoint($3, $4), 4326), $5, 'MICRO', $6, $7, $8) RETURNING id::text AS id`,
      [
        fixtureUscc(++n),
        e.key,
        lon,
        lat,
        e.industryCode ?? 'C3311',
        e.status ?? 'OPERATING',
        e.riskClasses ?? [],
        e.nineSmall ?? false,
      ],
    );
    enterpriseIds.set(e.key, id);
  }
  await assignBaseGrids(db.dataSource.manager);
  return { gridIds, enterpriseIds };
}

/** Empties every table a fixture fills, so one database serves many cases. */
export async function resetFixture(db: Database): Promise<void> {
  await db.dataSource.query(
    `TRUNCATE coverage_violation, audit_run, enterprise, grid_assignment, person, grid_history, grid, grid_level
     RESTART IDENTITY CASCADE`,
  );
}
