/**
 * /tiles on the demo county with planted defects: what each layer holds at each zoom, the
 * viewer's territory, the HTTP contract (401/400/404/204/304, gzip, caching), and — where
 * PostGIS has ST_AsMVT — that both tile builders put out the same features.
 */
import {
  DEMO_USERS,
  generateDemo,
  loadDemo,
  openTestDatabase,
  type DemoManifest,
  type PreparedStatement,
  type TestDatabase,
} from '@gridwarden/db';
import { hashApiKey } from '../src/auth/api-key';
import { hashPassword } from '../src/auth/password';
import type { Viewer } from '../src/auth/viewer';
import { CoverageService } from '../src/coverage/coverage.service';
import { DEFAULT_THRESHOLDS } from '../src/coverage/coverage.types';
import { tileAt, tileBounds, tilesCovering, type TileAddress } from '../src/tiles/tile-address';
import { geojsonStatement, mvtStatement, TileRepository } from '../src/tiles/tile.repository';
import { TileService } from '../src/tiles/tile.service';
import type { TileSet } from '../src/tiles/tile.types';
import { startTestServer, type TestServer } from './support/test-server';
import { decodeTile, rawGet, rawRequest, type DecodedFeature } from './support/vector-tile';

const SEED = 11;
const DEFECTS = 2;
const NOW = new Date('2026-06-01T00:00:00Z');

type Box = [number, number, number, number];

describe('vector tiles of the demo county', () => {
  let db: TestDatabase;
  let manifest: DemoManifest;
  let admin: TestServer;
  let townViewer: TestServer;
  let anonymous: TestServer;
  let county: { id: string; box: Box };
  let townA: { id: string; code: string; box: Box; subtree: Set<number> };
  let townB: { id: string; code: string; box: Box; subtree: Set<number> };
  const q = <T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> =>
    db.dataSource.query(sql, params);

  const viewer = (scopeGridId: string): Viewer => ({
    userId: '1',
    username: 'tester',
    role: 'SUPERVISOR',
    scopeGridId,
    personId: null,
  });

  async function boxOf(id: string): Promise<Box> {
    const [b] = await q<{ w: number; s: number; e: number; n: number }>(
      `SELECT ST_XMin(boundary) w, ST_YMin(boundary) s, ST_XMax(boundary) e, ST_YMax(boundary) n FROM grid WHERE id = $1`,
      [id],
    );
    return [b.w, b.s, b.e, b.n];
  }

  async function subtree(id: string): Promise<Set<number>> {
    const rows = await q<{ id: string }>(`SELECT id::text FROM grid_subtree(ARRAY[$1]::bigint[])`, [
      id,
    ]);
    return new Set(rows.map((r) => Number(r.id)));
  }

  beforeAll(async () => {
    db = await openTestDatabase('tiles');
    manifest = await loadDemo(
      db,
      generateDemo({ preset: 'county', seed: SEED, defects: DEFECTS }),
      { users: { hasher: { hashPassword, hashApiKey } } },
    );
    await db.dataSource.transaction((tx) =>
      new CoverageService(DEFAULT_THRESHOLDS).fullAudit(tx, { now: NOW }),
    );
    const [root] = await q<{ id: string }>(`SELECT id::text FROM grid WHERE parent_id IS NULL`);
    county = { id: root.id, box: await boxOf(root.id) };
    // Two neighbouring towns: the viewer of one must see nothing of the other.
    const [pair] = await q<{ a: string; ac: string; b: string; bc: string }>(
      `SELECT a.id::text a, a.code ac, b.id::text b, b.code bc FROM grid a JOIN grid b
         ON a.parent_id = b.parent_id AND a.code < b.code AND ST_Intersects(a.boundary, b.boundary)
       WHERE a.level = 2 ORDER BY a.code, b.code LIMIT 1`,
    );
    townA = { id: pair.a, code: pair.ac, box: await boxOf(pair.a), subtree: await subtree(pair.a) };
    townB = { id: pair.b, code: pair.bc, box: await boxOf(pair.b), subtree: await subtree(pair.b) };
    admin = await startTestServer(db, { viewer: viewer(county.id) });
    townViewer = await startTestServer(db, { viewer: viewer(townA.id) });
    anonymous = await startTestServer(db);
  });

  afterAll(async () => {
    await admin?.close();
    await townViewer?.close();
    await anonymous?.close();
    await db?.close();
  });

  async function tile(
    server: TestServer,
    set: TileSet,
    { z, x, y }: TileAddress,
  ): Promise<Record<string, DecodedFeature[]>> {
    const res = await rawGet(`${server.url}/tiles/${set}/${z}/${x}/${y}.mvt`);
    if (res.status === 204) return {};
    expect(res.status).toBe(200);
    return decodeTile(res.bytes);
  }

  async function features(
    server: TestServer,
    set: TileSet,
    tiles: TileAddress[],
    layer: string = set,
  ): Promise<DecodedFeature[]> {
    const all: DecodedFeature[] = [];
    for (const address of tiles) all.push(...((await tile(server, set, address))[layer] ?? []));
    return all;
  }

  /** A base grid away from the planted defects, with its label point. */
  async function sampleBaseGrid() {
    const [g] = await q<{
      id: string;
      code: string;
      name: string;
      parent: string;
      lon: number;
      lat: number;
      enterprises: number;
    }>(
      `SELECT g.id::text, g.code, g.name, g.parent_id::text AS parent,
              ST_X(ST_PointOnSurface(g.boundary)) lon, ST_Y(ST_PointOnSurface(g.boundary)) lat,
              (SELECT count(*)::int FROM enterprise e WHERE e.base_grid_id = g.id) AS enterprises
       FROM grid g WHERE g.level = 4 AND g.code NOT IN (SELECT unnest($1::text[]))
       ORDER BY g.code LIMIT 1 OFFSET 100`,
      [manifest.planted.flatMap((p) => p.gridCodes)],
    );
    return g;
  }

  describe('grid tiles', () => {
    it('carry id, code, name, level, parent and enterprise count of a base grid at z14', async () => {
      const g = await sampleBaseGrid();
      const layers = await tile(admin, 'grids', tileAt(g.lon, g.lat, 14));
      const found = layers.grids.find((f) => f.id === Number(g.id));
      expect(found?.type).toBe('Polygon');
      expect(found?.properties).toEqual({
        id: Number(g.id),
        code: g.code,
        name: g.name,
        level: 4,
        parent_id: Number(g.parent),
        enterprise_count: g.enterprises,
      });
      expect(g.enterprises).toBeGreaterThan(0);
      const [village] = await q<{ n: number }>(
        `SELECT count(*)::int n FROM enterprise e JOIN grid b ON e.base_grid_id = b.id WHERE b.parent_id = $1`,
        [g.parent],
      );
      const parent = layers.grids.find((f) => f.id === Number(g.parent));
      expect(parent?.properties.enterprise_count).toBe(village.n);
      // counts stop above the village: a town's would sum thousands per tile
      const town = layers.grids.find((f) => f.properties.level === 2);
      expect(town).toBeDefined();
      expect(town?.properties.enterprise_count).toBeUndefined();
    });

    it('show the county and towns from z8, villages from z10 and base grids from z12', async () => {
      const g = await sampleBaseGrid();
      const levelsAt = async (z: number) =>
        [
          ...new Set(
            (await tile(admin, 'grids', tileAt(g.lon, g.lat, z))).grids.map(
              (f) => f.properties.level,
            ),
          ),
        ].sort();
      expect(await levelsAt(6)).toEqual([1]);
      expect(await levelsAt(8)).toEqual([1, 2]);
      expect(await levelsAt(9)).toEqual([1, 2]);
      expect(await levelsAt(10)).toEqual([1, 2, 3]);
      expect(await levelsAt(12)).toEqual([1, 2, 3, 4]);
    });

    it('hold exactly the grids of the shown levels that touch the tile', async () => {
      const g = await sampleBaseGrid();
      const address = tileAt(g.lon, g.lat, 12);
      const [w, s, e, n] = tileBounds(address);
      const expected = await q<{ id: string }>(
        `SELECT id::text FROM grid WHERE ST_Intersects(boundary, ST_MakeEnvelope($1, $2, $3, $4, 4326)) ORDER BY id`,
        [w, s, e, n],
      );
      const got = (await tile(admin, 'grids', address)).grids
        .map((f) => f.id)
        .sort((a, b) => a! - b!);
      // the buffer adds grids just beyond the edge; every grid inside must be there
      expect(got).toEqual(expect.arrayContaining(expected.map((r) => Number(r.id))));
      expect(got.length - expected.length).toBeLessThan(expected.length);
    });

    it('label every town and village exactly once across the tiles of a zoom', async () => {
      const labels = await features(admin, 'grids', tilesCovering(county.box, 10), 'grid_labels');
      const ids = labels.map((f) => f.id);
      expect(new Set(ids).size).toBe(ids.length);
      const [{ n }] = await q<{ n: number }>(`SELECT count(*)::int n FROM grid WHERE level <= 3`);
      expect(ids).toHaveLength(n);
      expect(labels.every((f) => f.type === 'Point' && typeof f.properties.name === 'string')).toBe(
        true,
      );
    });
  });

  describe('enterprise tiles', () => {
    it('carry each enterprise in the tile as a point with its class flags from z12', async () => {
      const g = await sampleBaseGrid();
      const address = tileAt(g.lon, g.lat, 13);
      const [w, s, e, n] = tileBounds(address);
      const expected = await q<{
        id: string;
        name: string;
        scale: string;
        risk: string[];
        nine_small: boolean;
        base: string | null;
      }>(
        `SELECT id::text, name, scale, risk_classes AS risk, nine_small, base_grid_id::text AS base FROM enterprise e
         WHERE ST_X(location) >= $1 AND ST_X(location) < $3 AND ST_Y(location) >= $2 AND ST_Y(location) < $4
         ORDER BY e.id`,
        [w, s, e, n],
      );
      expect(expected.length).toBeGreaterThan(10);
      const got = (await tile(admin, 'enterprises', address)).enterprises;
      expect(got.map((f) => f.id).sort((a, b) => a! - b!)).toEqual(
        expected.map((r) => Number(r.id)),
      );
      for (const row of expected) {
        const f = got.find((x) => x.id === Number(row.id))!;
        expect(f.type).toBe('Point');
        expect(f.properties).toMatchObject({
          id: Number(row.id),
          name: row.name,
          scale: row.scale,
          high_risk: row.risk.length > 0,
          nine_small: row.nine_small,
        });
        expect(f.properties.risk_classes).toBe(row.risk.length ? row.risk.join(',') : undefined);
        expect(f.properties.cluster).toBeUndefined();
      }
    });

    it('count enterprises in clusters below z12, every enterprise in one cluster', async () => {
      const [{ total, risky }] = await q<{ total: number; risky: number }>(
        `SELECT count(*)::int total, count(*) FILTER (WHERE cardinality(risk_classes) > 0)::int risky
         FROM enterprise`, // the admin's scope is the top level: even what lies in no grid
      );
      for (const z of [8, 11]) {
        const clusters = await features(admin, 'enterprises', tilesCovering(county.box, z));
        expect(clusters.every((f) => f.properties.cluster === true && f.type === 'Point')).toBe(
          true,
        );
        expect(clusters.reduce((sum, f) => sum + Number(f.properties.count), 0)).toBe(total);
        expect(clusters.reduce((sum, f) => sum + Number(f.properties.high_risk_count), 0)).toBe(
          risky,
        );
        expect(clusters.every((f) => f.id === undefined && f.properties.name === undefined)).toBe(
          true,
        );
      }
      const z8 = await tile(admin, 'enterprises', tilesCovering(county.box, 8)[0]);
      expect(z8.enterprises.length).toBeLessThanOrEqual(16 * 16);
    });

    it('serve an enterprise at every zoom past the clusters, to z22, in even and odd tile columns and rows', async () => {
      const [p] = await q<{ id: string; lon: number; lat: number }>(
        `SELECT id::text, ST_X(location) AS lon, ST_Y(location) AS lat FROM enterprise ORDER BY id LIMIT 1`,
      );
      const parities = new Set<string>();
      for (const z of [12, 13, 14, 15, 16, 17, 18, 20, 22]) {
        const address = tileAt(p.lon, p.lat, z);
        parities.add(`${address.x % 2}${address.y % 2}`);
        const got = (await tile(admin, 'enterprises', address)).enterprises ?? [];
        expect([z, got.some((f) => f.id === Number(p.id))]).toEqual([z, true]);
      }
      expect(parities.size).toBeGreaterThan(1);
    });
  });

  describe('violation tiles', () => {
    it('draw each planted gap, overlap and outside part as a polygon with rule and severity', async () => {
      for (const rule of ['GAP', 'OVERLAP', 'OUTSIDE_PARENT'] as const) {
        const planted = manifest.planted.filter((p) => p.rule === rule);
        expect(planted).toHaveLength(DEFECTS);
        for (const defect of planted) {
          const [stored] = await q<{ id: string; lon: number; lat: number }>(
            `SELECT id::text, ST_X(ST_PointOnSurface(geometry)) lon, ST_Y(ST_PointOnSurface(geometry)) lat
             FROM coverage_violation WHERE rule = $1
             ORDER BY ST_Distance(geometry, ST_SetSRID(ST_GeomFromGeoJSON($2), 4326)) LIMIT 1`,
            [rule, JSON.stringify(defect.geometry)],
          );
          const layers = await tile(admin, 'violations', tileAt(stored.lon, stored.lat, 15));
          const f = layers.violations.find((v) => v.id === Number(stored.id));
          expect(f?.type).toBe('Polygon');
          expect(f?.properties).toMatchObject({ id: Number(stored.id), rule, severity: 'ERROR' });
          expect(String(f?.properties.grid_ids)).toMatch(/^\d+(,\d+)+$/);
        }
      }
    });

    it('mark uncovered and double-covered enterprises as points with their ids', async () => {
      for (const rule of ['ENTERPRISE_UNCOVERED', 'ENTERPRISE_MULTI_COVERED'] as const) {
        const stored = await q<{ id: string; lon: number; lat: number; enterprise: string }>(
          `SELECT id::text, ST_X(geometry) lon, ST_Y(geometry) lat, enterprise_ids[1]::text enterprise
           FROM coverage_violation WHERE rule = $1`,
          [rule],
        );
        expect(stored).toHaveLength(DEFECTS);
        for (const v of stored) {
          const layers = await tile(admin, 'violations', tileAt(v.lon, v.lat, 14));
          const f = layers.violations.find((x) => x.id === Number(v.id));
          expect(f?.type).toBe('Point');
          expect(f?.properties).toMatchObject({ rule, enterprise_ids: v.enterprise });
        }
      }
    });

    it('send a polygon smaller than a marker as a point, so zoomed out it still shows', async () => {
      const [gap] = await q<{ id: string; lon: number; lat: number }>(
        `SELECT id::text, ST_X(ST_Centroid(geometry)) lon, ST_Y(ST_Centroid(geometry)) lat
         FROM coverage_violation WHERE rule = 'GAP' ORDER BY measure LIMIT 1`,
      );
      const f = (await tile(admin, 'violations', tileAt(gap.lon, gap.lat, 6))).violations.find(
        (v) => v.id === Number(gap.id),
      );
      expect(f?.type).toBe('Point');
    });
  });

  describe('territorial scope', () => {
    it('shows a town viewer every grid of their town and none of the neighbouring town', async () => {
      const grids = await features(townViewer, 'grids', tilesCovering(townB.box, 12));
      const ids = new Set(grids.map((f) => f.id!));
      expect(ids.size).toBeGreaterThan(0);
      for (const id of ids) expect(townA.subtree.has(id)).toBe(true);
      const [{ n }] = await q<{ n: number }>(
        `SELECT count(*)::int n FROM grid_subtree(ARRAY[$1]::bigint[]) s JOIN grid g ON g.id = s.id
         WHERE ST_Intersects(g.boundary, ST_MakeEnvelope($2, $3, $4, $5, 4326))`,
        [townA.id, ...townB.box],
      );
      expect(ids.size).toBeGreaterThanOrEqual(n);
      const admins = await features(admin, 'grids', tilesCovering(townB.box, 12));
      expect(admins.some((f) => townB.subtree.has(f.id!))).toBe(true);
    });

    it('shows a town viewer only enterprises whose base grid is in their town', async () => {
      const points = await features(townViewer, 'enterprises', tilesCovering(townB.box, 12));
      expect(points.length).toBeGreaterThan(0);
      for (const f of points)
        expect(townA.subtree.has(Number(f.properties.base_grid_id))).toBe(true);
      const clusters = await features(townViewer, 'enterprises', tilesCovering(county.box, 9));
      const [{ n }] = await q<{ n: number }>(
        `SELECT count(*)::int n FROM enterprise WHERE base_grid_id IN (SELECT id FROM grid_subtree(ARRAY[$1]::bigint[]))`,
        [townA.id],
      );
      expect(clusters.reduce((sum, f) => sum + Number(f.properties.count), 0)).toBe(n);
    });

    it('shows a town viewer only violations of their town', async () => {
      const all = await features(admin, 'violations', tilesCovering(county.box, 9));
      const mine = await features(townViewer, 'violations', tilesCovering(county.box, 9));
      expect(all.length).toBeGreaterThan(mine.length);
      const inA = (f: DecodedFeature) =>
        String(f.properties.grid_ids ?? '')
          .split(',')
          .some((id) => townA.subtree.has(Number(id)));
      const stored = await q<{ id: string; scope: string | null }>(
        `SELECT id::text, scope_grid_id::text scope FROM coverage_violation`,
      );
      const scopeOf = new Map(stored.map((r) => [Number(r.id), Number(r.scope)]));
      for (const f of mine) expect(townA.subtree.has(scopeOf.get(f.id!)!) || inA(f)).toBe(true);
      for (const f of all.filter((v) => townA.subtree.has(scopeOf.get(v.id!)!) || inA(v)))
        expect(mine.map((m) => m.id)).toContain(f.id);
    });

    it('gives a town viewer TileJSON bounds and counts of their town', async () => {
      const res = await rawGet(`${townViewer.url}/tiles/grids.json`);
      expect(res.status).toBe(200);
      const doc = res.json<{
        bounds: Box;
        tiles: string[];
        gridwarden: { levels: { level: number; count: number; minzoom: number }[] };
      }>();
      doc.bounds.forEach((v, i) => expect(v).toBeCloseTo(townA.box[i], 6));
      expect(doc.tiles).toEqual([`${townViewer.url}/tiles/grids/{z}/{x}/{y}.mvt`]);
      const rows = await q<{ level: number; n: number }>(
        `SELECT g.level::int, count(*)::int n FROM grid_subtree(ARRAY[$1]::bigint[]) s JOIN grid g ON g.id = s.id GROUP BY 1 ORDER BY 1`,
        [townA.id],
      );
      expect(doc.gridwarden.levels).toEqual([
        { level: 1, minzoom: 0, count: 0 },
        ...rows.map((r) => ({
          level: r.level,
          minzoom: { 2: 8, 3: 10, 4: 12 }[r.level],
          count: r.n,
        })),
      ]);
    });
  });

  describe('TileJSON', () => {
    it('counts enterprises by flags and violations by rule in scope', async () => {
      const enterprises = (await rawGet(`${admin.url}/tiles/enterprises.json`)).json<{
        gridwarden: { count: number; pointMinZoom: number; byFlags: { count: number }[] };
      }>();
      const [{ n }] = await q<{ n: number }>(
        `SELECT count(*)::int n FROM enterprise`, // the top level's scope: even what lies in no grid
      );
      expect(enterprises.gridwarden.count).toBe(n);
      expect(enterprises.gridwarden.pointMinZoom).toBe(12);
      expect(enterprises.gridwarden.byFlags.reduce((s, r) => s + r.count, 0)).toBe(n);
      const violations = (await rawGet(`${admin.url}/tiles/violations.json`)).json<{
        gridwarden: { byRule: Record<string, number> };
      }>();
      expect(violations.gridwarden.byRule).toMatchObject({
        GAP: DEFECTS,
        OVERLAP: DEFECTS,
        OUTSIDE_PARENT: DEFECTS,
        ENTERPRISE_MULTI_COVERED: DEFECTS,
      });
    });
  });

  describe('HTTP', () => {
    const address = () =>
      tileAt((county.box[0] + county.box[2]) / 2, (county.box[1] + county.box[3]) / 2, 10);

    it('refuses a request without a viewer with 401 and a JSON error', async () => {
      const { z, x, y } = address();
      for (const path of [`/tiles/grids/${z}/${x}/${y}.mvt`, '/tiles/grids.json']) {
        const res = await rawGet(`${anonymous.url}${path}`);
        expect(res.status).toBe(401);
        expect(res.headers['www-authenticate']).toBe('Bearer');
        expect(res.json<{ error: { code: string } }>().error.code).toBe('UNAUTHENTICATED');
      }
    });

    it('serves the tiles of a real login, scoped to the account, and refuses a bad token', async () => {
      const password = (name: string) => DEMO_USERS.find((u) => u.username === name)!.password;
      const { z, x, y } = address();
      const path = `/tiles/grids/${z}/${x}/${y}.mvt`;
      const admin = await anonymous.login('admin', password('admin'));
      const planner = await anonymous.login('planner', password('planner'));
      const asAdmin = await rawGet(`${anonymous.url}${path}`, {
        Authorization: `Bearer ${admin.token}`,
      });
      const asPlanner = await rawGet(`${anonymous.url}${path}`, {
        Authorization: `Bearer ${planner.token}`,
      });
      expect(asAdmin.status).toBe(200);
      const plannerGrids = asPlanner.status === 204 ? [] : decodeTile(asPlanner.bytes).grids;
      expect(plannerGrids.length).toBeLessThan(decodeTile(asAdmin.bytes).grids.length);
      const bad = await rawGet(`${anonymous.url}${path}`, { Authorization: 'Bearer not-a-token' });
      expect(bad.status).toBe(401);
      expect(bad.json<{ error: { code: string; message: string } }>().error.code).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('answers a bad address with 400 naming what is wrong', async () => {
      const cases: [string, RegExp][] = [
        ['/tiles/grids/23/0/0.mvt', /zoom z must be a whole number from 0 to 22; got "23"/],
        ['/tiles/grids/abc/0/0.mvt', /zoom z must be a whole number/],
        ['/tiles/grids/8/256/0.mvt', /x must be a whole number from 0 to 255 at zoom 8; got "256"/],
        ['/tiles/grids/8/1/-1.mvt', /y must be a whole number from 0 to 255 at zoom 8; got "-1"/],
        ['/tiles/grids/8/1/1.png', /a tile address ends in \{y\}\.mvt; got "1\.png"/],
        ['/tiles/grids/8/1.5/1.mvt', /x must be a whole number/],
      ];
      for (const [path, message] of cases) {
        const res = await rawGet(`${admin.url}${path}`);
        expect(res.status).toBe(400);
        const body = res.json<{ error: { code: string; message: string } }>();
        expect(body.error.code).toBe('BAD_USER_INPUT');
        expect(body.error.message).toMatch(message);
      }
    });

    it('tells the browser at /config.json that no Tianditu key is configured', async () => {
      const res = await rawGet(`${anonymous.url}/config.json`);
      expect(res.status).toBe(200);
      expect(res.json()).toEqual({ tianditu: null });
    });

    it('answers an unknown tile set with 404', async () => {
      const res = await rawGet(`${admin.url}/tiles/roads/8/1/1.mvt`);
      expect(res.status).toBe(404);
      expect(res.json<{ error: { message: string } }>().error.message).toBe(
        'no tile set "roads"; there are grids, enterprises, violations',
      );
    });

    it('answers other paths under /tiles with 404 and other methods with 405, in JSON', async () => {
      for (const path of ['/tiles', '/tiles/grids/8/1', '/tiles/grids/8/1/1/1.mvt']) {
        const res = await rawGet(`${admin.url}${path}`);
        expect(res.status).toBe(404);
        expect(res.json<{ error: { code: string; message: string } }>().error).toEqual({
          code: 'NOT_FOUND',
          message:
            'tiles are at /tiles/{set}/{z}/{x}/{y}.mvt and their TileJSON at /tiles/{set}.json',
        });
      }
      const { z, x, y } = address();
      const post = await rawRequest('POST', `${admin.url}/tiles/grids/${z}/${x}/${y}.mvt`);
      expect(post.status).toBe(405);
      expect(post.headers.allow).toBe('GET, HEAD');
      expect(post.json<{ error: { message: string } }>().error.message).toBe(
        'tiles are read with GET, not POST',
      );
    });

    it('answers HEAD with the headers of GET and no body', async () => {
      const { z, x, y } = address();
      const url = `${admin.url}/tiles/grids/${z}/${x}/${y}.mvt?v=1`;
      const get = await rawGet(url);
      const head = await rawRequest('HEAD', url);
      expect(head.status).toBe(200);
      expect(head.body).toHaveLength(0);
      for (const name of ['etag', 'content-type', 'content-length', 'cache-control'])
        expect(head.headers[name]).toBe(get.headers[name]);
    });

    it('sends the TileJSON with an ETag, and 304 when unchanged', async () => {
      const first = await rawGet(`${admin.url}/tiles/grids.json`);
      expect(first.status).toBe(200);
      expect(first.headers['cache-control']).toBe('private, no-cache');
      expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(first.json<{ tiles: string[] }>().tiles).toEqual([
        `${admin.url}/tiles/grids/{z}/{x}/{y}.mvt`,
      ]);
      const again = await rawGet(`${admin.url}/tiles/grids.json`, {
        'If-None-Match': String(first.headers.etag),
      });
      expect(again.status).toBe(304);
      expect(again.body).toHaveLength(0);
    });

    it('answers a tile with nothing in scope with 204', async () => {
      const res = await rawGet(`${admin.url}/tiles/grids/12/0/0.mvt`);
      expect(res.status).toBe(204);
      expect(res.body).toHaveLength(0);
      // the town viewer's tiles over the far side of the county are empty too
      const far = tileAt(townB.box[2] - 1e-4, townB.box[1] + 1e-4, 14);
      const own = new Set(
        (await features(townViewer, 'grids', [far]))
          .map((f) => f.id)
          .filter((id) => !townA.subtree.has(id!)),
      );
      expect(own.size).toBe(0);
    });

    it('sends an MVT with a weak ETag, private short caching, and 304 when unchanged', async () => {
      const { z, x, y } = address();
      const url = `${admin.url}/tiles/grids/${z}/${x}/${y}.mvt`;
      const first = await rawGet(url);
      expect(first.status).toBe(200);
      expect(first.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
      expect(first.headers['cache-control']).toBe('private, max-age=60, must-revalidate');
      expect(first.headers['vary']).toBe('Authorization, Accept-Encoding');
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^W\/"[\w-]{27}"$/);
      const again = await rawGet(url, { 'If-None-Match': etag });
      expect(again.status).toBe(304);
      expect(again.body).toHaveLength(0);
      const stale = await rawGet(url, { 'If-None-Match': 'W/"something-else"' });
      expect(stale.status).toBe(200);
      // another viewer gets other bytes, so another ETag
      const town = await rawGet(url.replace(admin.url, townViewer.url));
      expect(town.headers.etag).not.toBe(etag);
    });

    it('gzips a tile when the client accepts it', async () => {
      const { z, x, y } = address();
      const url = `${admin.url}/tiles/grids/${z}/${x}/${y}.mvt`;
      const plain = await rawGet(url);
      const zipped = await rawGet(url, { 'Accept-Encoding': 'gzip, deflate' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.body.length).toBeLessThan(plain.body.length);
      expect(zipped.bytes.equals(plain.bytes)).toBe(true);
      expect(zipped.headers.etag).toBe(plain.headers.etag);
    });
  });

  describe('prepared statements', () => {
    it('put out what the same statement run plainly does, before and after PostgreSQL settles on a generic plan', async () => {
      // the builder this database uses; its statements, each run as a prepared statement
      // more than the five custom plans PostgreSQL makes before it may keep a generic one
      const statementOf: (set: TileSet, z: number) => PreparedStatement = db.capabilities.asMvt
        ? mvtStatement
        : geojsonStatement;
      const grids = await q<{ lon: number; lat: number }>(
        `SELECT ST_X(p) lon, ST_Y(p) lat FROM (
           SELECT ST_PointOnSurface(boundary) p FROM grid WHERE level = 4 ORDER BY code LIMIT 6) g`,
      );
      const addresses = [9, 10, 11, 12, 13, 14].flatMap((z) =>
        grids.map((g) => tileAt(g.lon, g.lat, z)),
      );
      const names = new Set<string>();
      let nonEmpty = 0;
      for (const set of ['grids', 'enterprises', 'violations'] as const) {
        for (const { z, x, y } of addresses) {
          const statement = statementOf(set, z);
          names.add(statement.name);
          const parameters = [county.id, z, x, y];
          const prepared = await db.reads.prepared(statement, parameters);
          const plain = await db.reads.query(statement.text, parameters);
          expect([`${set} ${z}/${x}/${y}`, prepared]).toEqual([`${set} ${z}/${x}/${y}`, plain]);
          if (JSON.stringify(plain).length > 200) nonEmpty += 1;
        }
      }
      expect(nonEmpty).toBeGreaterThan(50);
      // reads are sequential here, so the pool handed out its one most recent connection
      const plans = await db.reads.query<{ name: string; generic_plans: string }[]>(
        `SELECT name, generic_plans FROM pg_prepared_statements WHERE name = ANY ($1)`,
        [[...names]],
      );
      expect(plans.map((p) => p.name).sort()).toEqual([...names].sort());
      for (const p of plans) expect([p.name, Number(p.generic_plans) > 0]).toEqual([p.name, true]);
    });
  });

  describe('the two tile builders', () => {
    it('builds in Node where the database has no ST_AsMVT', () => {
      const service = new TileService(new TileRepository(db.reads), db.capabilities);
      expect(service.encoder).toBe(db.capabilities.asMvt ? 'postgis' : 'node');
    });

    // Only real PostGIS (with protobuf) can run both builders on the same data.
    (process.env.DATABASE_URL ? it : it.skip)(
      'put out the same features and properties for the same tiles (ST_AsMVT and geojson-vt)',
      async () => {
        expect(db.capabilities.asMvt).toBe(true);
        const service = new TileService(new TileRepository(db.reads), db.capabilities);
        const scope = { scopeGridId: county.id };
        const g = await sampleBaseGrid();
        const gap = manifest.planted.find((p) => p.rule === 'GAP')!;
        const [gx, gy] = (gap.geometry as { coordinates: number[][][] }).coordinates[0][0];
        const addresses: TileAddress[] = [
          ...tilesCovering(county.box, 8),
          ...[9, 10, 11, 12, 13, 14].map((z) => tileAt(g.lon, g.lat, z)),
          ...[10, 12, 14, 16].map((z) => tileAt(gx, gy, z)),
        ];
        let compared = 0;
        for (const set of ['grids', 'enterprises', 'violations'] as const) {
          for (const address of addresses) {
            const where = `${set} ${address.z}/${address.x}/${address.y}`;
            const postgis = decodeTile(await service.tile(set, scope, address, 'postgis'));
            const node = decodeTile(await service.tile(set, scope, address, 'node'));
            expect([where, Object.keys(node).sort()]).toEqual([where, Object.keys(postgis).sort()]);
            for (const layer of Object.keys(postgis)) {
              expectSameFeatures(`${where} ${layer}`, node[layer], postgis[layer]);
              compared += postgis[layer].length;
            }
          }
        }
        expect(compared).toBeGreaterThan(1000);
      },
    );
  });
});

/**
 * What must agree between builders: ids, properties and geometry type exactly; each
 * feature's box in tile units to within 2 (both round to the 4096 grid, by different code).
 */
function expectSameFeatures(where: string, actual: DecodedFeature[], expected: DecodedFeature[]) {
  const keyed = (features: DecodedFeature[]) =>
    features
      .map((f) => {
        const points = f.geometry.flat();
        const xs = points.map((p) => p.x);
        const ys = points.map((p) => p.y);
        return {
          key: `${f.id ?? ''} ${JSON.stringify(f.properties)}`,
          type: f.type,
          box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
        };
      })
      .sort((a, b) => a.key.localeCompare(b.key));
  const a = keyed(actual);
  const e = keyed(expected);
  expect([where, a.map((f) => `${f.key} ${f.type}`)]).toEqual([
    where,
    e.map((f) => `${f.key} ${f.type}`),
  ]);
  a.forEach((f, i) =>
    f.box.forEach((v, j) => {
      if (Math.abs(v - e[i].box[j]) > 2) {
        throw new Error(`${where}: ${f.key} box ${f.box} differs from ${e[i].box}`);
      }
    }),
  );
}
