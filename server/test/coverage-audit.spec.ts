/**
 * The acceptance test of the coverage engine: on the demo county with planted defects, a
 * full audit finds exactly what the manifest planted — every planted defect and nothing
 * else — on whichever database the suite runs against.
 */
import {
  generateDemo,
  loadDemo,
  openTestDatabase,
  type DemoManifest,
  type TestDatabase,
} from '@gridwarden/db';
import type { Viewer } from '../src/auth/viewer';
import { runAudit } from '../src/cli/audit.command';
import { CoverageReportService } from '../src/coverage/coverage-report.service';
import { CoverageService, type AuditResult } from '../src/coverage/coverage.service';
import { DEFAULT_THRESHOLDS, RULE_IDS } from '../src/coverage/coverage.types';
import { GridRepository } from '../src/grids/grid.repository';
import { GridService } from '../src/grids/grid.service';

const NOW = new Date('2026-06-01T00:00:00Z');

describe('full audit of the demo county with planted defects', () => {
  let db: TestDatabase;
  let manifest: DemoManifest;
  let audit: AuditResult;
  const codes = new Map<string, string>();
  const usccs = new Map<string, string>();
  const service = new CoverageService(DEFAULT_THRESHOLDS);

  beforeAll(async () => {
    db = await openTestDatabase('audit');
    manifest = await loadDemo(db, generateDemo({ preset: 'county', seed: 7, defects: 2 }));
    audit = await db.dataSource.transaction((tx) => service.fullAudit(tx, { now: NOW }));
    for (const r of await db.dataSource.query(`SELECT id::text AS id, code FROM grid`))
      codes.set(r.id, r.code);
    for (const r of await db.dataSource.query(`SELECT id::text AS id, uscc FROM enterprise`))
      usccs.set(r.id, r.uscc);
  });
  afterAll(async () => db?.close());

  it('finds as many violations of each rule as were planted, and none of the others', () => {
    const planted = Object.fromEntries(
      RULE_IDS.map((id) => [id, manifest.planted.filter((p) => p.rule === id).length]),
    );
    expect(audit.counts).toEqual(planted);
  });

  it('finds every planted defect where the manifest says it is', () => {
    for (const p of manifest.planted) {
      const found = audit.violations.filter((v) => v.rule === p.rule);
      const match = found.find((v) => {
        const gridCodes = v.gridIds.map((id) => codes.get(id));
        const enterpriseUsccs = v.enterpriseIds.map((id) => usccs.get(id));
        const gridsMatch = p.gridCodes.every((c) => gridCodes.includes(c));
        const enterprisesMatch = p.usccs.every((u) => enterpriseUsccs.includes(u));
        const measureMatch =
          p.measure == null ||
          v.measure == null ||
          Math.abs(v.measure - p.measure) <= 0.02 * p.measure;
        return gridsMatch && enterprisesMatch && measureMatch;
      });
      expect({ planted: p.note, found: match !== undefined }).toEqual({
        planted: p.note,
        found: true,
      });
    }
  });

  it('stores the results with an audit-run record of scope, duration and counts', async () => {
    const [run] = await db.dataSource.query(
      `SELECT kind, scope_grid_id, duration_ms, counts FROM audit_run WHERE id = $1`,
      [audit.auditRunId],
    );
    expect(run).toMatchObject({ kind: 'FULL', scope_grid_id: null, counts: audit.counts });
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM coverage_violation`);
    expect(n).toBe(audit.violations.length);
  });

  it('audits one town without touching the stored results of the others', async () => {
    const gap = manifest.planted.find((p) => p.rule === 'GAP');
    const townCode = gap!.gridCodes[0].slice(0, 9);
    const scoped = await db.dataSource.transaction((tx) =>
      service.fullAudit(tx, { scopeCode: townCode, now: NOW }),
    );
    expect(scoped.counts.GAP).toBeGreaterThanOrEqual(1);
    expect(scoped.violations.length).toBeLessThan(audit.violations.length);
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM coverage_violation`);
    expect(n).toBe(audit.violations.length);
  });

  it('ranks the towns by a coverage score below 100 where defects were planted', async () => {
    const [root] = await db.dataSource.query(
      `SELECT id::text AS id FROM grid WHERE code = '371323'`,
    );
    const supervisor: Viewer = {
      userId: '1',
      username: 'supervisor',
      role: 'SUPERVISOR',
      scopeGridId: root.id,
      personId: null,
    };
    const grids = new GridService(new GridRepository(db.dataSource));
    const report = await new CoverageReportService(db.dataSource, grids).report(supervisor, null);
    expect(report?.scope.code).toBe('371323');
    expect(report?.auditedAt).toBeInstanceOf(Date);
    expect(report?.children).toHaveLength(manifest.counts.gridsByLevel[2]);
    expect(report!.scope.score).toBeLessThan(100);
    expect(report!.children[0].score).toBeLessThanOrEqual(report!.children.at(-1)!.score);
    expect(report!.children.at(-1)!.score).toBe(100);
  });

  it('prints GeoJSON for QGIS and exits 1 when an ERROR violation exists', async () => {
    let out = '';
    const status = await runAudit(
      db,
      DEFAULT_THRESHOLDS,
      { format: 'geojson', lang: 'en', rules: 'GAP,OVERLAP' },
      (t) => (out += t),
    );
    expect(status).toBe(1);
    const collection = JSON.parse(out);
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features).toHaveLength(4);
    expect(collection.features[0]).toMatchObject({
      type: 'Feature',
      geometry: { type: expect.stringMatching(/Polygon/) },
    });
  });

  it('exits 0 when only warnings or nothing are found, and rejects an unknown rule by name', async () => {
    const quiet = await runAudit(
      db,
      DEFAULT_THRESHOLDS,
      { format: 'json', lang: 'zh', rules: 'ENTERPRISE_NEAR_BOUNDARY' },
      () => {},
    );
    expect(quiet).toBe(0);
    await expect(
      runAudit(db, DEFAULT_THRESHOLDS, { format: 'table', lang: 'zh', rules: 'GAPS' }, () => {}),
    ).rejects.toThrow(/unknown rule GAPS; the rules are GAP, OVERLAP/);
  });
});
