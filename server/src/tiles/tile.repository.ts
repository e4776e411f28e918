/**
 * Every line of SQL about vector tiles. Each tile set is one feature selection per MVT
 * layer; the same selection feeds both builders, so both carry the same features:
 *  - ST_AsMVT + ST_AsMVTGeom where PostGIS has protobuf (`capabilities.asMvt`),
 *  - GeoJSON rows for geojson-vt + vt-pbf in Node where it has not (the embedded database).
 *
 * Parameters of every tile query: $1 the viewer's scope root (a grid id), $2 z, $3 x, $4 y.
 */
import type { PreparedStatement, Reads } from '@gridwarden/db';
import { scopeGrids, topLevelRootSql, violationInScopeSql } from '../auth/scope.sql';
import type { TileAddress } from './tile-address';
import {
  CLUSTER_CELLS,
  COUNTED_LEVELS_ABOVE_BASE,
  ENTERPRISE_CELL_ZOOM,
  ENTERPRISE_POINT_MIN_ZOOM,
  gridLevelMinZoomSql,
  MIN_POLYGON_UNITS2,
  SIMPLIFY_UNITS,
  TILE_BUFFER,
  TILE_EXTENT,
} from './tile.policy';
import type { TileFeature, TileSet } from './tile.types';

/** One MVT layer: a SELECT of `fid` (feature id or NULL), the properties, and `geom` (4326). */
interface LayerSelection {
  name: string;
  /** Property columns of the SELECT, in order. */
  properties: readonly string[];
  select: string;
}

interface TileQuery {
  /** CTEs after the shared ones, each ending without a comma. */
  ctes: string[];
  layers: LayerSelection[];
}

// The viewer's scope as server/src/auth/scope.sql.ts defines it, with one shortcut: when the
// root is the only top-level grid, every grid is in scope and the subtree is never walked
// (a province's is 126,000 grids: walking it would cost more than the tile). Worked out in
// the same statement as the tile, so a tile costs one round trip to the database.
const EVERYTHING = `COALESCE((SELECT everything FROM scope_root), false)`;

// A grid in the viewer's scope.
const GRID_IN_SCOPE = (id: string) => `(${EVERYTHING} OR ${id} IN (SELECT id FROM scope))`;

// An enterprise in the viewer's scope: by its base grid, or without one, inside the root
// (or anywhere, for a top-level root: what lies in no grid at all is the top level's).
const ENTERPRISE_IN_SCOPE = `(CASE WHEN e.base_grid_id IS NULL
    THEN ${topLevelRootSql('$1::bigint')}
      OR ST_Covers((SELECT boundary FROM grid WHERE id = $1::bigint), e.location)
    ELSE ${GRID_IN_SCOPE('e.base_grid_id')} END)`;

// A stored violation in the viewer's scope, as the violations list and coverage(scope) take it
// (one naming no grid at all is the top level's).
const VIOLATION_IN_SCOPE = `(${EVERYTHING}
    OR ${violationInScopeSql('v', 'ARRAY(SELECT id FROM scope)', '$1::bigint')})`;

// A point in the tile itself, west and south edges included, east and north not, so a point
// is in exactly one tile (&& alone compares float4 boxes and takes points near an edge twice).
const POINT_IN_TILE = (point: string) => `(${point} && tile.box
    AND ST_X(${point}) >= tile.west AND ST_X(${point}) < tile.east
    AND ST_Y(${point}) >= tile.south AND ST_Y(${point}) < tile.north)`;

// The scope root, whether it is the only top-level grid, and its subtree (never walked when
// it is: CTEs are computed when first read, and EVERYTHING short-circuits every read).
const SCOPE_CTES = [
  `scope_root AS MATERIALIZED (
    SELECT r.id, (r.parent_id IS NULL AND NOT EXISTS (
             SELECT 1 FROM grid o WHERE o.parent_id IS NULL AND o.id <> r.id)) AS everything
    FROM grid r WHERE r.id = $1::bigint)`,
  `scope AS MATERIALIZED (
    SELECT id FROM ${scopeGrids(`CASE WHEN ${EVERYTHING} THEN NULL ELSE $1::bigint END`)})`,
];

// Longitude and latitude of tile column or row t (a float) at zoom $2: the inverse Web Mercator,
// in arithmetic rather than ST_Transform, which the planner costs at 10,000 operators a call.
const lonSql = (t: string) => `(${t} / 2 ^ $2::int * 360 - 180)`;
const latSql = (t: string) => `degrees(atan(sinh(pi() * (1 - 2 * ${t} / 2 ^ $2::int))))`;
const MARGIN = TILE_BUFFER / TILE_EXTENT;

// The tile in Web Mercator, in degrees with and without the buffer, its edges in degrees, and
// the degrees of one tile unit, computed once. The statement is prepared (TileRepository):
// its generic plan cannot fold the tile into constants as a custom plan does, and would
// otherwise compute it again for every row it is compared with (and, costed at three
// ST_Transforms, lose to a custom plan and its 0.5–1.5 ms of planning on every tile).
const TILE_CTE = `tile AS MATERIALIZED (
    SELECT ST_TileEnvelope($2::int, $3::int, $4::int) AS mercator,
           ST_MakeEnvelope(west, south, east, north, 4326) AS box,
           ST_MakeEnvelope(${lonSql(`($3::int - ${MARGIN})`)}, ${latSql(`($4::int + 1 + ${MARGIN})`)},
                           ${lonSql(`($3::int + 1 + ${MARGIN})`)}, ${latSql(`($4::int - ${MARGIN})`)}, 4326) AS buffered,
           west, south, east, north, 360.0 / 2 ^ $2::int / ${TILE_EXTENT} AS unit
    FROM (SELECT ${lonSql('$3::int')} AS west, ${latSql('($4::int + 1)')} AS south,
                 ${lonSql('($3::int + 1)')} AS east, ${latSql('$4::int')} AS north) edges)`;

// Grids of the levels shown at this zoom touching the buffered tile, in scope; enterprise
// counts (as grid.enterpriseCount: by base grid over the subtree, summed from enterprise_cell)
// for the two finest levels.
const GRID_TILE: TileQuery = {
  ctes: [
    `levels AS (SELECT min(level) AS top, max(level) AS base FROM grid_level)`,
    `shown AS MATERIALIZED (
      SELECT g.id, g.code, g.name, g.level, g.parent_id, g.boundary
      FROM tile, levels, grid g
      WHERE g.boundary && tile.buffered
        AND g.level = ANY (ARRAY(SELECT l.level FROM grid_level l, levels
              WHERE $2::int >= ${gridLevelMinZoomSql('l.level', 'levels.top', 'levels.base')}))
        AND ${GRID_IN_SCOPE('g.id')})`,
    // one index probe per grid of the subtrees (a hash join would read the whole table)
    `counts AS (
      SELECT s.root AS id, sum(c.n)::int AS n
      FROM grid_subtree(ARRAY(SELECT sh.id FROM shown sh, levels
                              WHERE sh.level >= levels.base - ${COUNTED_LEVELS_ABOVE_BASE})) s
      CROSS JOIN LATERAL (
        SELECT sum(ec.n) AS n FROM enterprise_cell ec WHERE ec.base_grid_id = s.id) c
      GROUP BY s.root)`,
  ],
  layers: [
    {
      name: 'grids',
      properties: ['id', 'code', 'name', 'level', 'parent_id', 'enterprise_count'],
      select: `
        SELECT sh.id AS fid, sh.id, sh.code, sh.name, sh.level::int AS level, sh.parent_id,
               CASE WHEN sh.level >= levels.base - ${COUNTED_LEVELS_ABOVE_BASE}
                    THEN COALESCE(c.n, 0) END AS enterprise_count,
               ST_Simplify(sh.boundary, tile.unit * ${SIMPLIFY_UNITS}, true) AS geom
        FROM shown sh CROSS JOIN tile CROSS JOIN levels LEFT JOIN counts c ON c.id = sh.id`,
    },
    {
      // One label point per grid, in the one tile that holds it (labels never repeat).
      name: 'grid_labels',
      properties: ['id', 'code', 'name', 'level'],
      select: `
        SELECT l.id AS fid, l.id, l.code, l.name, l.level::int AS level, l.geom
        FROM tile, (SELECT sh.*, ST_PointOnSurface(sh.boundary) AS geom FROM shown sh OFFSET 0) l
        WHERE ${POINT_IN_TILE('l.geom')}`,
    },
  ],
};

const ENTERPRISE_PROPERTIES = [
  'id',
  'name',
  'scale',
  'high_risk',
  'risk_classes',
  'nine_small',
  'key_fire_unit',
  'major_hazard',
  'status',
  'base_grid_id',
  'cluster',
  'count',
  'high_risk_count',
] as const;

// Enterprises in the tile (not its buffer: a point belongs to one tile) and in scope, as
// single points (from ENTERPRISE_POINT_MIN_ZOOM on).
const ENTERPRISE_POINT_TILE: TileQuery = {
  ctes: [],
  layers: [
    {
      name: 'enterprises',
      properties: ENTERPRISE_PROPERTIES,
      select: `
        SELECT e.id AS fid, e.id, e.name, e.scale, cardinality(e.risk_classes) > 0 AS high_risk,
               NULLIF(array_to_string(e.risk_classes, ','), '') AS risk_classes, e.nine_small,
               e.key_fire_unit, e.major_hazard, e.status, e.base_grid_id,
               NULL::boolean AS cluster, NULL::int AS count, NULL::int AS high_risk_count,
               e.location AS geom
        FROM tile, enterprise e
        WHERE ${POINT_IN_TILE('e.location')} AND ${ENTERPRISE_IN_SCOPE}`,
    },
  ],
};

// how many zoom levels the tile lies above the enterprise cells (0 from their zoom on)
const CELL_SHIFT = `greatest(${ENTERPRISE_CELL_ZOOM} - $2::int, 0)`;

// Below ENTERPRISE_POINT_MIN_ZOOM, the enterprises of the tile in scope as one `cluster` per
// occupied cell of the tile (CLUSTER_CELLS²) at its members' mean position, summed from
// enterprise_cell rather than from the enterprises themselves, except the few without a base
// grid.
const ENTERPRISE_CLUSTER_TILE: TileQuery = {
  ctes: [
    // the shift is kept ≥ 0 even for a zoom past the cells' (points are sent there): a
    // negative shift overflows int
    `cell_range AS MATERIALIZED (
      SELECT $3::int << ${CELL_SHIFT} AS x0,
             (($3::int + 1) << ${CELL_SHIFT}) - 1 AS x1,
             $4::int << ${CELL_SHIFT} AS y0,
             (($4::int + 1) << ${CELL_SHIFT}) - 1 AS y1,
             greatest(${ENTERPRISE_CELL_ZOOM} - $2::int - ${Math.log2(CLUSTER_CELLS)}, 0) AS shift)`,
    `cells AS (
      SELECT c.x, c.y, c.n, c.high_risk, c.sum_lon, c.sum_lat
      FROM cell_range r JOIN enterprise_cell c
        ON c.x BETWEEN r.x0 AND r.x1 AND c.y BETWEEN r.y0 AND r.y1
      WHERE ${GRID_IN_SCOPE('c.base_grid_id')}
      UNION ALL
      SELECT p.x, p.y, 1, (cardinality(p.risk_classes) > 0)::int, ST_X(p.location), ST_Y(p.location)
      FROM cell_range r JOIN (
        SELECT mercator_tile_x(ST_X(e.location), ${ENTERPRISE_CELL_ZOOM}) AS x,
               mercator_tile_y(ST_Y(e.location), ${ENTERPRISE_CELL_ZOOM}) AS y, e.*
        FROM enterprise e WHERE e.base_grid_id IS NULL AND ${ENTERPRISE_IN_SCOPE}) p
        ON p.x BETWEEN r.x0 AND r.x1 AND p.y BETWEEN r.y0 AND r.y1)`,
  ],
  layers: [
    {
      name: 'enterprises',
      properties: ENTERPRISE_PROPERTIES,
      select: `
        SELECT NULL::bigint AS fid, NULL::bigint AS id, NULL::text AS name, NULL::text AS scale,
               NULL::boolean AS high_risk, NULL::text AS risk_classes, NULL::boolean AS nine_small,
               NULL::boolean AS key_fire_unit, NULL::boolean AS major_hazard, NULL::text AS status,
               NULL::bigint AS base_grid_id,
               true AS cluster, sum(c.n)::int AS count, sum(c.high_risk)::int AS high_risk_count,
               ST_SetSRID(ST_MakePoint(sum(c.sum_lon) / sum(c.n), sum(c.sum_lat) / sum(c.n)), 4326) AS geom
        FROM cell_range r, cells c
        GROUP BY c.x >> r.shift, c.y >> r.shift`,
    },
  ],
};

// Stored violations touching the buffered tile, in scope. A polygon under 8 × 8 px is sent as
// its centroid, to be drawn as a marker; points are kept to the tile itself.
const VIOLATION_TILE: TileQuery = {
  ctes: [],
  layers: [
    {
      name: 'violations',
      properties: [
        'id',
        'rule',
        'severity',
        'focus_id',
        'measure',
        'unit',
        'grid_ids',
        'enterprise_ids',
        'message_zh',
        'message_en',
      ],
      select: `
        SELECT f.* FROM tile, (
          SELECT v.id AS fid, v.id, v.rule, v.severity, v.focus_id, v.measure, v.unit,
                 NULLIF(array_to_string(v.grid_ids, ','), '') AS grid_ids,
                 NULLIF(array_to_string(v.enterprise_ids, ','), '') AS enterprise_ids,
                 v.message_zh, v.message_en,
                 CASE WHEN ST_Dimension(v.geometry) < 2 THEN v.geometry
                      WHEN ST_Area(v.geometry) < tile.unit ^ 2 * ${MIN_POLYGON_UNITS2} THEN ST_Centroid(v.geometry)
                      ELSE ST_Simplify(v.geometry, tile.unit * ${SIMPLIFY_UNITS}, true) END AS geom
          FROM tile, coverage_violation v
          WHERE v.geometry && tile.buffered AND ${VIOLATION_IN_SCOPE} OFFSET 0) f
        WHERE ST_Dimension(f.geom) = 2 OR ${POINT_IN_TILE('f.geom')}`,
    },
  ],
};

/**
 * The query of a tile set at zoom z. Enterprises have one for points and one for clusters
 * rather than one with both, each branch switched off by a zoom parameter: the statements
 * are prepared, and a generic plan (planned once for every tile) must not carry, and be
 * costed with, the branch the zoom leaves out.
 */
function tileQuery(set: TileSet, z: number): { variant: string; query: TileQuery } {
  if (set === 'grids') return { variant: 'all', query: GRID_TILE };
  if (set === 'violations') return { variant: 'all', query: VIOLATION_TILE };
  return z >= ENTERPRISE_POINT_MIN_ZOOM
    ? { variant: 'points', query: ENTERPRISE_POINT_TILE }
    : { variant: 'clusters', query: ENTERPRISE_CLUSTER_TILE };
}

function withClause(query: TileQuery): string {
  return `WITH ${[TILE_CTE, ...SCOPE_CTES, ...query.ctes].join(',\n  ')}`;
}

type Encoding = 'mvt' | 'geojson';

// The layers of a tile as PostGIS encodes them: one ST_AsMVT per layer, concatenated (MVT
// layers are repeated fields).
const mvtSelect = (query: TileQuery) =>
  query.layers
    .map(
      (layer) => `COALESCE((
      SELECT ST_AsMVT(m, '${layer.name}', ${TILE_EXTENT}, 'geom', 'fid')
      FROM (SELECT f.fid, ${layer.properties.map((p) => `f.${p}`).join(', ')},
                   ST_AsMVTGeom(ST_Transform(f.geom, 3857), tile.mercator, ${TILE_EXTENT}, ${TILE_BUFFER}, true) AS geom
            FROM tile, (${layer.select}) f OFFSET 0) m
      WHERE m.geom IS NOT NULL), ''::bytea)`,
    )
    .join(' || ') + ' AS tile';

// The same features as GeoJSON, one JSON array per layer, for geojson-vt.
const geojsonSelect = (query: TileQuery) =>
  query.layers
    .map(
      (layer) => `(
      SELECT COALESCE(json_agg(json_build_object(
               'type', 'Feature', 'id', f.fid, 'geometry', ST_AsGeoJSON(f.geom, 9)::json,
               'properties', json_strip_nulls(json_build_object(${layer.properties
                 .map((p) => `'${p}', f.${p}`)
                 .join(', ')})))), '[]'::json)
      FROM (${layer.select}) f) AS "${layer.name}"`,
    )
    .join(',\n');

// Built once each (the same text under the same name): a tile asks for one on every request.
const STATEMENTS = new Map<string, PreparedStatement>();

function tileStatement(encoding: Encoding, set: TileSet, z: number): PreparedStatement {
  const { variant, query } = tileQuery(set, z);
  const name = `gridwarden_tile_${encoding}_${set}_${variant}`;
  let statement = STATEMENTS.get(name);
  if (!statement) {
    const select = encoding === 'mvt' ? mvtSelect(query) : geojsonSelect(query);
    statement = { name, text: `${withClause(query)}\nSELECT ${select}` };
    STATEMENTS.set(name, statement);
  }
  return statement;
}

/** The tile as PostGIS encodes it (a bytea `tile`). Parameters: $1 the scope root, $2 z, $3 x, $4 y. */
export const mvtStatement = (set: TileSet, z: number): PreparedStatement =>
  tileStatement('mvt', set, z);

/** The same features as GeoJSON, one JSON array per layer, for geojson-vt; the same parameters. */
export const geojsonStatement = (set: TileSet, z: number): PreparedStatement =>
  tileStatement('geojson', set, z);

const SUMMARY_SCOPE_CTE = `WITH ${SCOPE_CTES.join(',\n  ')}`;

// West, south, east, north of the scope root.
const SCOPE_BOUNDS_SQL = `
  SELECT ST_XMin(b) AS west, ST_YMin(b) AS south, ST_XMax(b) AS east, ST_YMax(b) AS north
  FROM (SELECT ST_Extent(boundary) AS b FROM grid WHERE id = $1::bigint) x
  WHERE b IS NOT NULL`;

// Grids in scope per level, with every configured level (none in scope: 0).
const GRID_SUMMARY_SQL = `${SUMMARY_SCOPE_CTE}
  SELECT l.level::int AS level, count(g.id)::int AS count,
         min(l.level) OVER ()::int AS top, max(l.level) OVER ()::int AS base
  FROM grid_level l LEFT JOIN grid g ON g.level = l.level AND ${GRID_IN_SCOPE('g.id')}
  GROUP BY l.level ORDER BY l.level`;

// Enterprises in scope by the flags clients colour them by.
const ENTERPRISE_SUMMARY_SQL = `${SUMMARY_SCOPE_CTE}
  SELECT cardinality(e.risk_classes) > 0 AS "highRisk", e.nine_small AS "nineSmall", e.scale,
         count(*)::int AS count
  FROM enterprise e WHERE ${ENTERPRISE_IN_SCOPE}
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;

// Stored violations in scope per rule.
const VIOLATION_SUMMARY_SQL = `${SUMMARY_SCOPE_CTE}
  SELECT v.rule, count(*)::int AS count FROM coverage_violation v
  WHERE v.geometry IS NOT NULL AND ${VIOLATION_IN_SCOPE}
  GROUP BY v.rule ORDER BY v.rule`;

/** A grid id as the SQL takes it; anything else can name no scope root. */
export const isGridId = (id: string): boolean => /^[1-9][0-9]{0,18}$/.test(id);

/**
 * Every query takes the viewer's scope root as $1; see isGridId. Tiles are prepared
 * statements: planning one took 0.5–1.5 ms of a county tile's 2–4 ms (docs/performance.md).
 */
export class TileRepository {
  /** Database.reads: every statement here is a SELECT outside any transaction. */
  constructor(private readonly db: Reads) {}

  /** The tile encoded by PostGIS (empty when it holds no feature). */
  async mvt(set: TileSet, scopeRootId: string, { z, x, y }: TileAddress): Promise<Buffer> {
    const [row]: { tile: Buffer }[] = await this.db.prepared(mvtStatement(set, z), [
      scopeRootId,
      z,
      x,
      y,
    ]);
    return row.tile;
  }

  /** The tile's features per layer, in degrees, for encoding in Node. */
  async features(
    set: TileSet,
    scopeRootId: string,
    { z, x, y }: TileAddress,
  ): Promise<Record<string, TileFeature[]>> {
    const [row]: Record<string, TileFeature[]>[] = await this.db.prepared(
      geojsonStatement(set, z),
      [scopeRootId, z, x, y],
    );
    return row;
  }

  async bounds(scopeRootId: string): Promise<[number, number, number, number] | null> {
    const rows: { west: number; south: number; east: number; north: number }[] =
      await this.db.query(SCOPE_BOUNDS_SQL, [scopeRootId]);
    const b = rows[0];
    return b ? [b.west, b.south, b.east, b.north] : null;
  }

  gridCounts(
    scopeRootId: string,
  ): Promise<{ level: number; count: number; top: number; base: number }[]> {
    return this.db.query(GRID_SUMMARY_SQL, [scopeRootId]);
  }

  enterpriseCounts(
    scopeRootId: string,
  ): Promise<{ highRisk: boolean; nineSmall: boolean; scale: string; count: number }[]> {
    return this.db.query(ENTERPRISE_SUMMARY_SQL, [scopeRootId]);
  }

  violationCounts(scopeRootId: string): Promise<{ rule: string; count: number }[]> {
    return this.db.query(VIOLATION_SUMMARY_SQL, [scopeRootId]);
  }
}
