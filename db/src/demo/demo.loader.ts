/**
 * Loads a generated demo into the database in one transaction: levels, grids (parents
 * first), people, assignments, enterprises, then derives every enterprise's base grid.
 * Real PostgreSQL takes enterprises through COPY; the embedded database, whose socket
 * cannot carry COPY, through batched INSERT … SELECT unnest(…).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { QueryRunner } from 'typeorm';
import type { Database } from '../data-source';
import { assignBaseGrids } from '../derivation/base-grid';
import type {
  DemoChunk,
  DemoEnterprise,
  DemoGeneration,
  DemoGrid,
  DemoManifest,
} from './demo.types';
import { insertDemoUsers, type DemoCredentialHasher, type DemoUserCreated } from './demo.users';

export interface DemoLoadProgress {
  grids: number;
  people: number;
  enterprises: number;
  phase: 'levels' | 'chunk' | 'base-grids' | 'done';
}

export interface DemoLoadOptions {
  /** Delete every grid, person and enterprise first; otherwise refuse a non-empty database. */
  replace?: boolean;
  onProgress?: (progress: DemoLoadProgress) => void;
  /**
   * Checks a chunk before any of it is written; throwing rolls the whole load back, so a
   * rejected demo leaves the database as it was.
   */
  checkChunk?: (chunk: DemoChunk) => void;
  /** Rows per INSERT batch where COPY is not available. */
  batchSize?: number;
  /** Create the demo accounts (demo.users.ts) with the server's hashing; none without it. */
  users?: { hasher: DemoCredentialHasher; onCreated?: (users: DemoUserCreated[]) => void };
}

export class DemoLoadError extends Error {}

export async function loadDemo(
  db: Database,
  generation: DemoGeneration,
  options: DemoLoadOptions = {},
): Promise<DemoManifest> {
  const runner = db.dataSource.createQueryRunner();
  await runner.connect();
  const progress: DemoLoadProgress = { grids: 0, people: 0, enterprises: 0, phase: 'levels' };
  const report = () => options.onProgress?.({ ...progress });
  try {
    await runner.startTransaction();
    const [{ n }] = await runner.query(`SELECT count(*)::int AS n FROM grid`);
    if (n > 0 && !options.replace) {
      throw new DemoLoadError(
        `the database already holds ${n} grids; load the demo with --replace to delete them first`,
      );
    }
    if (options.replace) {
      await runner.query(
        `TRUNCATE app_user, enterprise, grid_assignment, person, grid_history, grid, grid_level RESTART IDENTITY CASCADE`,
      );
    }
    await insertLevels(runner, generation);
    report();

    const gridIds = new Map<string, string>();
    const personIds = new Map<string, string>();
    progress.phase = 'chunk';
    for (const chunk of generation.chunks()) {
      options.checkChunk?.(chunk);
      await insertGrids(runner, chunk.grids, gridIds);
      await insertPeople(runner, chunk, personIds);
      await insertAssignments(runner, chunk, gridIds, personIds);
      await insertEnterprises(
        runner,
        db.capabilities.copyFromStdin,
        chunk.enterprises,
        options.batchSize ?? 5000,
      );
      progress.grids += chunk.grids.length;
      progress.people += chunk.people.length;
      progress.enterprises += chunk.enterprises.length;
      report();
    }
    progress.phase = 'base-grids';
    report();
    // fresh statistics, so the spatial join below is planned for the rows just loaded
    await runner.query('ANALYZE grid, enterprise');
    await assignBaseGrids(runner.manager);
    // the manifest is complete once the chunks are: the planner's town is one with a planted gap
    const gapVillages = generation
      .manifest()
      .planted.filter((d) => d.rule === 'GAP')
      .map((d) => d.gridCodes[0]);
    const users =
      options.users && (await insertDemoUsers(runner, options.users.hasher, gapVillages));
    await runner.commitTransaction();
    if (users) options.users?.onCreated?.(users);
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
  await db.dataSource.query('ANALYZE');
  progress.phase = 'done';
  report();
  return generation.manifest();
}

async function insertLevels(runner: QueryRunner, generation: DemoGeneration): Promise<void> {
  const levels = generation.levels;
  await runner.query(
    `INSERT INTO grid_level (level, name_zh, name_en, enterprise_classes)
     SELECT l, z, e, string_to_array(c, ',') FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]) AS u(l, z, e, c)`,
    [
      levels.map((l) => l.level),
      levels.map((l) => l.nameZh),
      levels.map((l) => l.nameEn),
      levels.map((l) => l.enterpriseClasses.join(',')),
    ],
  );
}

async function insertGrids(
  runner: QueryRunner,
  grids: DemoGrid[],
  ids: Map<string, string>,
): Promise<void> {
  // Parents first: one INSERT per level so every parent id is known before its children.
  const byLevel = new Map<number, DemoGrid[]>();
  for (const g of grids) byLevel.set(g.level, [...(byLevel.get(g.level) ?? []), g]);
  for (const level of [...byLevel.keys()].sort((a, b) => a - b)) {
    const batch = byLevel.get(level) ?? [];
    const parentIds = batch.map((g) => {
      if (g.parentCode == null) return null;
      const id = ids.get(g.parentCode);
      if (id == null)
        throw new DemoLoadError(
          `grid ${g.code} names parent ${g.parentCode}, which was not loaded before it`,
        );
      return id;
    });
    const rows: { id: string; code: string }[] = await runner.query(
      `INSERT INTO grid (code, name, level, parent_id, boundary, size_exempt, valid_from)
       SELECT c, n, l, p, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(b), 4326)), x, '2026-01-01T00:00:00+08:00'
       FROM unnest($1::text[], $2::text[], $3::int[], $4::bigint[], $5::text[], $6::boolean[]) AS u(c, n, l, p, b, x)
       RETURNING id::text AS id, code`,
      [
        batch.map((g) => g.code),
        batch.map((g) => g.name),
        batch.map((g) => g.level),
        parentIds,
        batch.map((g) => JSON.stringify(g.boundary)),
        batch.map((g) => g.sizeExempt),
      ],
    );
    for (const r of rows) ids.set(r.code, r.id);
  }
}

async function insertPeople(
  runner: QueryRunner,
  chunk: DemoChunk,
  ids: Map<string, string>,
): Promise<void> {
  if (chunk.people.length === 0) return;
  const rows: { id: string }[] = await runner.query(
    `INSERT INTO person (name, phone)
     SELECT n, p FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u(n, p, o) ORDER BY o
     RETURNING id::text AS id`,
    [chunk.people.map((p) => p.name), chunk.people.map((p) => p.phone)],
  );
  // identity values are handed out in insertion order, which ORDER BY o fixes
  const sorted = rows.map((r) => r.id).sort((a, b) => Number(a) - Number(b));
  chunk.people.forEach((p, i) => ids.set(p.key, sorted[i]));
}

async function insertAssignments(
  runner: QueryRunner,
  chunk: DemoChunk,
  gridIds: Map<string, string>,
  personIds: Map<string, string>,
): Promise<void> {
  if (chunk.assignments.length === 0) return;
  const lookup = (map: Map<string, string>, key: string, what: string) => {
    const id = map.get(key);
    if (id == null)
      throw new DemoLoadError(`assignment names ${what} ${key}, which was not loaded before it`);
    return id;
  };
  await runner.query(
    `INSERT INTO grid_assignment (grid_id, person_id, role, since, until)
     SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::timestamptz[], $5::timestamptz[])`,
    [
      chunk.assignments.map((a) => lookup(gridIds, a.gridCode, 'grid')),
      chunk.assignments.map((a) => lookup(personIds, a.personKey, 'person')),
      chunk.assignments.map((a) => a.role),
      chunk.assignments.map((a) => a.since),
      chunk.assignments.map((a) => a.until),
    ],
  );
}

const ENTERPRISE_COLUMNS = `uscc, name, address, location, industry_code, scale, risk_classes, nine_small,
  key_fire_unit, major_hazard, employees, status, legal_representative, safety_manager, phone`;

async function insertEnterprises(
  runner: QueryRunner,
  copy: boolean,
  rows: DemoEnterprise[],
  batchSize: number,
): Promise<void> {
  if (rows.length === 0) return;
  if (copy) {
    const client = (runner as unknown as { databaseConnection: PoolClient }).databaseConnection;
    const stream = client.query(copyFrom(`COPY enterprise (${ENTERPRISE_COLUMNS}) FROM STDIN`));
    await pipeline(Readable.from(copyLines(rows)), stream);
    return;
  }
  for (let i = 0; i < rows.length; i += batchSize) {
    const b = rows.slice(i, i + batchSize);
    await runner.query(
      `INSERT INTO enterprise (${ENTERPRISE_COLUMNS})
       SELECT u, n, a, ST_SetSRID(ST_MakePoint(x, y), 4326), ic, s, string_to_array(r, ','), ns, kf, mh, em, st, lr, sm, ph
       FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[], $6::text[], $7::text[], $8::text[],
                   $9::boolean[], $10::boolean[], $11::boolean[], $12::int[], $13::text[], $14::text[], $15::text[], $16::text[])
            AS t(u, n, a, x, y, ic, s, r, ns, kf, mh, em, st, lr, sm, ph)`,
      [
        b.map((e) => e.uscc),
        b.map((e) => e.name),
        b.map((e) => e.address),
        b.map((e) => e.lon),
        b.map((e) => e.lat),
        b.map((e) => e.industryCode),
        b.map((e) => e.scale),
        b.map((e) => e.riskClasses.join(',')),
        b.map((e) => e.nineSmall),
        b.map((e) => e.keyFireUnit),
        b.map((e) => e.majorHazard),
        b.map((e) => e.employees),
        b.map((e) => e.status),
        b.map((e) => e.legalRepresentative),
        b.map((e) => e.safetyManager),
        b.map((e) => e.phone),
      ],
    );
  }
}

/** COPY text format: tab-separated, backslash escapes, \N for null. */
function* copyLines(rows: DemoEnterprise[]): Generator<string> {
  const t = (v: string | null) =>
    v == null
      ? '\\N'
      : v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  for (const e of rows) {
    yield (
      [
        t(e.uscc),
        t(e.name),
        t(e.address),
        `SRID=4326;POINT(${e.lon} ${e.lat})`,
        t(e.industryCode),
        t(e.scale),
        `{${e.riskClasses.join(',')}}`,
        e.nineSmall ? 't' : 'f',
        e.keyFireUnit ? 't' : 'f',
        e.majorHazard ? 't' : 'f',
        String(e.employees),
        t(e.status),
        t(e.legalRepresentative),
        t(e.safetyManager),
        t(e.phone),
      ].join('\t') + '\n'
    );
  }
}
