/**
 * Every line of SQL of grid edits. Geometry travels as GeoJSON text with 15 decimals, which
 * round-trips a double exactly, so a vertex snapped onto a neighbour's stays bit-identical.
 *
 * Overlays (intersection, difference, union, noding) snap to OVERLAY_GRID_DEG: with a fixed
 * precision GEOS snap-rounds and never falls back through the exceptions the embedded build
 * cannot survive (see coverage/overlay.ts). Their inputs are validated shapes and stored
 * (valid) boundaries only, and each returns the planar areas its caller checks, so an empty
 * result where area must exist is never taken for an answer.
 */
import type { Queryable } from '../coverage/rule.runner';
import { returnedRows } from '../audit-log/edit-transaction';
import { OVERLAY_GRID_DEG } from '../coverage/overlay';

/** A grid as an edit reads it. */
export interface EditableGrid {
  id: string;
  code: string;
  name: string;
  level: number;
  parentId: string | null;
  version: number;
  sizeExempt: boolean;
  /** GeoJSON MultiPolygon text, exact. */
  boundary: string;
  areaM2: number;
}

/** A grid row as the audit log keeps it (geometry as GeoJSON). */
export type GridSnapshot = Record<string, unknown> & { id: string };

/** Areas (planar, degrees²) of an overlay and the m² per degree² to judge them by. */
export interface OverlayAreas {
  inputArea: number;
  keptArea: number;
  cutArea: number;
  m2PerUnit: number;
}

const DIGITS = 15;
const SHAPE = (param: string) => `ST_SetSRID(ST_GeomFromGeoJSON(${param}), 4326)`;

/** The polygonal parts of `geom` larger than `minM2` m², as one MultiPolygon (NULL if none). */
const partsAbove = (geom: string, minM2: string) => `(
  SELECT ST_AsGeoJSON(ST_Multi(ST_Collect(p.geom ORDER BY p.path)), ${DIGITS})
  FROM ST_Dump(ST_CollectionExtract(${geom}, 3)) p
  WHERE ST_Area(p.geom::geography) > ${minM2})`;

const EDITABLE_COLUMNS = `g.id::text AS id, g.code, g.name, g.level::int AS level,
  g.parent_id::text AS "parentId", g.version, g.size_exempt AS "sizeExempt",
  ST_AsGeoJSON(g.boundary, ${DIGITS}) AS boundary, g.area_m2 AS "areaM2"`;

// The listed grids as an edit reads them.
const GRIDS_SQL = `SELECT ${EDITABLE_COLUMNS} FROM grid g WHERE g.id = ANY ($1::bigint[]) ORDER BY g.id`;

// Children of a parent (or top-level grids), other than the listed ones, within $4 degrees of a shape.
const SIBLINGS_NEAR_SQL = `
  SELECT ${EDITABLE_COLUMNS} FROM grid g
  WHERE (CASE WHEN $1::bigint IS NULL THEN g.parent_id IS NULL ELSE g.parent_id = $1::bigint END)
    AND NOT (g.id = ANY ($2::bigint[]))
    AND ST_DWithin(g.boundary, ${SHAPE('$3')}, $4::float8)
  ORDER BY g.id`;

// Children of a parent (or top-level grids), other than the listed ones, sharing interior with a shape.
const SIBLINGS_OVERLAPPING_SQL = `
  SELECT g.id::text AS id FROM grid g
  WHERE (CASE WHEN $1::bigint IS NULL THEN g.parent_id IS NULL ELSE g.parent_id = $1::bigint END)
    AND NOT (g.id = ANY ($2::bigint[]))
    AND g.boundary && ${SHAPE('$3')}
    AND ST_Relate(g.boundary, ${SHAPE('$3')}, 'T********')
  ORDER BY g.id`;

// A shape within grid $2: untouched when the grid covers it, else the parts above $3 m² of
// their intersection, with whether their interiors meet at all.
const CLIP_SQL = `
  WITH s AS (SELECT ${SHAPE('$1')} AS shape),
  p AS (SELECT boundary FROM grid WHERE id = $2),
  o AS (
    SELECT s.shape, ST_Covers(p.boundary, s.shape) AS covered,
           ST_Relate(p.boundary, s.shape, 'T********') AS meet,
           CASE WHEN ST_Covers(p.boundary, s.shape) THEN NULL
                ELSE ST_Intersection(s.shape, p.boundary, ${OVERLAY_GRID_DEG}) END AS kept
    FROM s, p
  )
  SELECT o.covered, o.meet, ${partsAbove('o.kept', '$3')} AS result,
         ST_Area(o.shape) AS "inputArea", coalesce(ST_Area(o.kept), 0) AS "keptArea"
  FROM o`;

// A shape less the union of grids $2: parts above $3 m², with the areas to check it by.
const SHAPE_LESS_GRIDS_SQL = `
  WITH s AS (SELECT ${SHAPE('$1')} AS shape),
  others AS (SELECT ST_Union(boundary, ${OVERLAY_GRID_DEG}) AS geom FROM grid WHERE id = ANY ($2::bigint[])),
  d AS (
    SELECT s.shape, ST_Difference(s.shape, others.geom, ${OVERLAY_GRID_DEG}) AS kept,
           ST_Intersection(s.shape, others.geom, ${OVERLAY_GRID_DEG}) AS cut
    FROM s, others
  )
  SELECT ${partsAbove('d.kept', '$3')} AS result,
         ST_Area(d.shape) AS "inputArea", ST_Area(d.kept) AS "keptArea", ST_Area(d.cut) AS "cutArea",
         ST_Area(d.shape::geography) / NULLIF(ST_Area(d.shape), 0) AS "m2PerUnit"
  FROM d`;

// A shape less another: parts above $3 m², with the areas to check it by.
const SHAPE_LESS_SHAPE_SQL = `
  WITH s AS (SELECT ${SHAPE('$1')} AS base, ${SHAPE('$2')} AS cutter),
  d AS (
    SELECT s.base, ST_Difference(s.base, s.cutter, ${OVERLAY_GRID_DEG}) AS kept,
           ST_Intersection(s.base, s.cutter, ${OVERLAY_GRID_DEG}) AS cut
    FROM s
  )
  SELECT ${partsAbove('d.kept', '$3')} AS result,
         ST_Area(d.base) AS "inputArea", ST_Area(d.kept) AS "keptArea", ST_Area(d.cut) AS "cutArea",
         ST_Area(d.base::geography) / NULLIF(ST_Area(d.base), 0) AS "m2PerUnit"
  FROM d`;

// The faces a line cuts grid $1 into, largest first: the grid's rings and the line noded
// together (snap-rounded, so noding cannot fail) and polygonized; faces inside the grid and
// above $3 m² are kept.
const SPLIT_SQL = `
  WITH g AS (SELECT boundary FROM grid WHERE id = $1),
  noded AS (
    SELECT ST_UnaryUnion(ST_Collect(ST_Boundary(g.boundary), ${SHAPE('$2')}), ${OVERLAY_GRID_DEG}) AS lines
    FROM g
  ),
  faces AS (
    SELECT d.geom AS face
    FROM (SELECT ST_Polygonize(lines) AS c FROM noded) x, ST_Dump(x.c) d
  )
  SELECT ST_AsGeoJSON(ST_Multi(f.face), ${DIGITS}) AS piece, ST_Area(f.face::geography) AS "areaM2"
  FROM faces f, g
  WHERE ST_Intersects(g.boundary, ST_PointOnSurface(f.face))
    AND ST_Area(f.face::geography) > $3
  ORDER BY 2 DESC, 1`;

// The union of grids $1, polygons only.
const UNION_SQL = `
  SELECT ST_AsGeoJSON(ST_Multi(ST_CollectionExtract(ST_Union(boundary, ${OVERLAY_GRID_DEG}), 3)), ${DIGITS}) AS merged,
         max(area_m2) AS "largestM2"
  FROM grid WHERE id = ANY ($1::bigint[])`;

// Pairs of grids $1 that touch or overlap (within 1e-9°, about 0.1 mm).
const TOUCHING_PAIRS_SQL = `
  SELECT a.id::text AS a, b.id::text AS b
  FROM grid a JOIN grid b ON a.id < b.id AND ST_DWithin(a.boundary, b.boundary, 1e-9)
  WHERE a.id = ANY ($1::bigint[]) AND b.id = ANY ($1::bigint[])`;

// m² of a shape outside grid $2 (0 when the grid covers it).
const OUTSIDE_SQL = `
  WITH s AS (SELECT ${SHAPE('$1')} AS shape)
  SELECT CASE WHEN ST_Covers(r.boundary, s.shape) THEN 0
              ELSE coalesce(ST_Area(ST_Difference(s.shape, r.boundary, ${OVERLAY_GRID_DEG})::geography), 0)
         END AS "outsideM2"
  FROM grid r, s WHERE r.id = $2`;

// For each child of grid $1, the (1-based) piece of $2 holding most of its area.
const CHILD_PIECES_SQL = `
  WITH p AS MATERIALIZED (
    SELECT ${SHAPE('u.geo')} AS geom, u.n FROM unnest($2::text[]) WITH ORDINALITY AS u(geo, n)
  )
  SELECT DISTINCT ON (c.id) c.id::text AS id, p.n::int AS piece
  FROM grid c CROSS JOIN p
  WHERE c.parent_id = $1
  ORDER BY c.id,
    CASE WHEN ST_Intersects(c.boundary, p.geom)
         THEN ST_Area(ST_Intersection(c.boundary, p.geom, ${OVERLAY_GRID_DEG})) ELSE 0 END DESC,
    p.n`;

// A grid row for the audit log, geometry as GeoJSON.
const SNAPSHOT_SQL = `
  SELECT g.id::text AS id, jsonb_build_object(
    'id', g.id::text, 'code', g.code, 'name', g.name, 'level', g.level, 'parentId', g.parent_id::text,
    'version', g.version, 'sizeExempt', g.size_exempt, 'areaM2', round(g.area_m2::numeric, 1),
    'validFrom', g.valid_from, 'boundary', ST_AsGeoJSON(g.boundary, ${DIGITS})::jsonb) AS snapshot
  FROM grid g WHERE g.id = ANY ($1::bigint[])`;

const UPDATE_SQL = `
  UPDATE grid SET
    boundary = COALESCE(${SHAPE('$3')}, boundary),
    name = COALESCE($4, name),
    size_exempt = COALESCE($5, size_exempt),
    parent_id = CASE WHEN $6 THEN $7::bigint ELSE parent_id END,
    version = version + 1
  WHERE id = $1 AND version = $2
  RETURNING version`;

export class GridEditRepository {
  constructor(private readonly db: Queryable) {}

  async grids(ids: readonly string[]): Promise<Map<string, EditableGrid>> {
    const rows: EditableGrid[] = await this.db.query(GRIDS_SQL, [ids]);
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The listed grids that lie in the subtree of `rootId`. */
  async inSubtree(rootId: string, ids: readonly string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id::text AS id FROM grid_subtree(ARRAY[$1]::bigint[]) WHERE id = ANY ($2::bigint[])`,
      [rootId, ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  async levelExists(level: number): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM grid_level WHERE level = $1`, [level]);
    return rows.length > 0;
  }

  siblingsNear(
    parentId: string | null,
    excludeIds: readonly string[],
    shape: string,
    distanceDeg: number,
  ): Promise<EditableGrid[]> {
    return this.db.query(SIBLINGS_NEAR_SQL, [parentId, excludeIds, shape, distanceDeg]);
  }

  async siblingsOverlapping(
    parentId: string | null,
    excludeIds: readonly string[],
    shape: string,
  ): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(SIBLINGS_OVERLAPPING_SQL, [
      parentId,
      excludeIds,
      shape,
    ]);
    return rows.map((r) => r.id);
  }

  async clip(
    shape: string,
    gridId: string,
    minPartM2: number,
  ): Promise<{
    covered: boolean;
    meet: boolean;
    result: string | null;
    inputArea: number;
    keptArea: number;
  }> {
    const [row] = await this.db.query(CLIP_SQL, [shape, gridId, minPartM2]);
    return row;
  }

  async shapeLessGrids(
    shape: string,
    gridIds: readonly string[],
    minPartM2: number,
  ): Promise<OverlayAreas & { result: string | null }> {
    const [row] = await this.db.query(SHAPE_LESS_GRIDS_SQL, [shape, gridIds, minPartM2]);
    return row;
  }

  async shapeLessShape(
    base: string,
    cutter: string,
    minPartM2: number,
  ): Promise<OverlayAreas & { result: string | null }> {
    const [row] = await this.db.query(SHAPE_LESS_SHAPE_SQL, [base, cutter, minPartM2]);
    return row;
  }

  split(
    gridId: string,
    line: string,
    minPartM2: number,
  ): Promise<{ piece: string; areaM2: number }[]> {
    return this.db.query(SPLIT_SQL, [gridId, line, minPartM2]);
  }

  async union(gridIds: readonly string[]): Promise<{ merged: string | null; largestM2: number }> {
    const [row] = await this.db.query(UNION_SQL, [gridIds]);
    return row;
  }

  touchingPairs(gridIds: readonly string[]): Promise<{ a: string; b: string }[]> {
    return this.db.query(TOUCHING_PAIRS_SQL, [gridIds]);
  }

  async areaOutside(shape: string, gridId: string): Promise<number> {
    const [row] = await this.db.query(OUTSIDE_SQL, [shape, gridId]);
    return Number(row?.outsideM2 ?? 0);
  }

  /** child id → index (0-based) of the piece holding most of it. */
  async childPieces(parentId: string, pieces: readonly string[]): Promise<Map<string, number>> {
    const rows: { id: string; piece: number }[] = await this.db.query(CHILD_PIECES_SQL, [
      parentId,
      pieces,
    ]);
    return new Map(rows.map((r) => [r.id, r.piece - 1]));
  }

  /** Children of the grids: how many, and the first few by code. */
  async children(
    gridIds: readonly string[],
  ): Promise<{ id: string; code: string; name: string; total: number }[]> {
    return this.db.query(
      `SELECT g.id::text AS id, g.code, g.name, count(*) OVER ()::int AS total
       FROM grid g WHERE g.parent_id = ANY ($1::bigint[]) ORDER BY g.code`,
      [gridIds],
    );
  }

  /** Enterprises whose base grid this is: how many, and the first few by name. */
  async enterprisesOf(gridId: string, limit: number): Promise<{ name: string; total: number }[]> {
    return this.db.query(
      `SELECT e.name, count(*) OVER ()::int AS total FROM enterprise e
       WHERE e.base_grid_id = $1 ORDER BY e.name, e.id LIMIT $2`,
      [gridId, limit],
    );
  }

  /** Codes the children of a parent have or had (grid and grid_history). */
  async childCodes(parentId: string): Promise<string[]> {
    const rows: { code: string }[] = await this.db.query(
      `SELECT code FROM grid WHERE parent_id = $1 UNION SELECT code FROM grid_history WHERE parent_id = $1`,
      [parentId],
    );
    return rows.map((r) => r.code);
  }

  /** Codes in use or in history that start with a prefix. */
  async codesStartingWith(prefix: string): Promise<string[]> {
    const rows: { code: string }[] = await this.db.query(
      `SELECT code FROM grid WHERE left(code, length($1)) = $1
       UNION SELECT code FROM grid_history WHERE left(code, length($1)) = $1`,
      [prefix],
    );
    return rows.map((r) => r.code);
  }

  /** Which grid, current or past, holds a code (null: free). */
  async codeHolder(
    code: string,
  ): Promise<{ id: string; current: boolean; until: Date | null } | null> {
    const rows = await this.db.query(
      `SELECT id::text AS id, true AS current, NULL::timestamptz AS until FROM grid WHERE code = $1
       UNION ALL
       SELECT id::text, false, max(valid_to) FROM grid_history WHERE code = $1 GROUP BY id
       ORDER BY 2 DESC LIMIT 1`,
      [code],
    );
    return rows[0] ?? null;
  }

  async snapshots(ids: readonly string[]): Promise<Map<string, GridSnapshot>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; snapshot: GridSnapshot }[] = await this.db.query(SNAPSHOT_SQL, [ids]);
    return new Map(rows.map((r) => [r.id, r.snapshot]));
  }

  async insert(grid: {
    code: string;
    name: string;
    level: number;
    parentId: string | null;
    boundary: string;
    sizeExempt: boolean;
  }): Promise<string> {
    const [{ id }] = await this.db.query(
      `INSERT INTO grid (code, name, level, parent_id, boundary, size_exempt)
       VALUES ($1, $2, $3, $4, ${SHAPE('$5')}, $6) RETURNING id::text AS id`,
      [grid.code, grid.name, grid.level, grid.parentId, grid.boundary, grid.sizeExempt],
    );
    return id;
  }

  /**
   * Changes a grid if it is still at `expectedVersion`, raising its version by one (the
   * history trigger keeps the old row); returns the new version, or null when the grid is
   * gone or at another version and nothing changed.
   */
  async update(
    id: string,
    expectedVersion: number,
    patch: {
      boundary?: string | null;
      name?: string | null;
      sizeExempt?: boolean | null;
      parentId?: string | null;
    },
  ): Promise<number | null> {
    const rows = returnedRows<{ version: number }>(
      await this.db.query(UPDATE_SQL, [
        id,
        expectedVersion,
        patch.boundary ?? null,
        patch.name ?? null,
        patch.sizeExempt ?? null,
        patch.parentId !== undefined,
        patch.parentId ?? null,
      ]),
    );
    return rows[0]?.version ?? null;
  }

  /** Deletes a grid still at `expectedVersion` (the trigger keeps it in history); false when not. */
  async delete(id: string, expectedVersion: number): Promise<boolean> {
    const rows = returnedRows(
      await this.db.query(`DELETE FROM grid WHERE id = $1 AND version = $2 RETURNING id`, [
        id,
        expectedVersion,
      ]),
    );
    return rows.length > 0;
  }

  async currentVersion(id: string): Promise<number | null> {
    const rows: { version: number }[] = await this.db.query(
      `SELECT version FROM grid WHERE id = $1`,
      [id],
    );
    return rows[0]?.version ?? null;
  }

  /** Points enterprises of the grids at another grid until the audit re-derives them. */
  async handOverEnterprises(fromIds: readonly string[], toId: string): Promise<void> {
    await this.db.query(
      `UPDATE enterprise SET base_grid_id = $2 WHERE base_grid_id = ANY ($1::bigint[])`,
      [fromIds, toId],
    );
  }
}
