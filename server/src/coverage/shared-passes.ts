/**
 * Shared passes: the expensive spatial work several rules need, written once as SQL.
 *
 * Each pass is a SELECT built from a focus expression. A rule splices the passes it needs
 * into its own SQL as CTEs named after them ({@link PASS_CTE}), either computed inline for
 * its focus ids (a rule run alone, an incremental audit: focus-first, proportional to the
 * edit) or read from the temporary table a full audit filled once for every rule. One
 * template per rule yields both ({@link passSql}), so the two cannot drift. Run alone, the
 * tiling proves nothing (every parent is checked the long way): for the handful of parents
 * an edit touches, the relate tests cost less than planning the proof.
 *
 * - `tiling` (grids): for every parent examined, whether its children tile it exactly —
 *   the oriented segments of the children's rings and of the parent's cancel out, so the
 *   children cover the parent once everywhere: no gap, no overlap, no child outside.
 * - `siblingOverlaps`, `childrenOutside` (grids): the relate tests OVERLAP, OUTSIDE_PARENT
 *   and GAP need, run only under parents the tiling did not settle.
 * - `baseCover` (enterprises): one point-in-polygon pass of open enterprises over base
 *   grids, feeding ENTERPRISE_UNCOVERED, ENTERPRISE_MULTI_COVERED and ENTERPRISE_NEAR_BOUNDARY.
 * - `recordedCounts` (enterprises): open enterprises per recorded base grid, for
 *   ENTERPRISE_UNCOVERED and GRID_SIZE.
 */

export const PASS_IDS = [
  'tiling',
  'siblingOverlaps',
  'childrenOutside',
  'baseCover',
  'recordedCounts',
] as const;
export type PassId = (typeof PASS_IDS)[number];

/**
 * Where a rule reads its passes: the SELECT of each, and whether to materialise them (an
 * inline pass is computed once and its planning kept apart from the rule's; a full audit's
 * table is read in place).
 */
export interface PassSources {
  select: Record<PassId, string>;
  materialise: boolean;
}

/** The CTE name a rule gives each pass; inline passes refer to one another by these names. */
export const PASS_CTE: Record<PassId, string> = {
  tiling: 'tiling',
  siblingOverlaps: 'sibling_overlap',
  childrenOutside: 'child_outside',
  baseCover: 'base_cover',
  recordedCounts: 'recorded',
};

/** `WITH`-list entries defining the passes a rule reads, in dependency order. */
function passCtes(sources: PassSources, passes: readonly PassId[]): string {
  const as = sources.materialise ? 'AS MATERIALIZED' : 'AS';
  return PASS_IDS.filter((id) => passes.includes(id))
    .map((id) => `${PASS_CTE[id]} ${as} (${sources.select[id]})`)
    .join(',\n');
}

const BASE_LEVEL = `(SELECT max(level) FROM grid_level)`;

// ---------------------------------------------------------------------------------------
// Grid passes. `owners` is an SQL expression of bigint[]: the parents to examine (NULL = all).

/**
 * The focus grids and their parents: what a full audit of a scope examines, since
 * OUTSIDE_PARENT of a focus grid is decided against its parent.
 */
const withParents = (focus: string) => `
  CASE WHEN ${focus} IS NULL THEN NULL ELSE ARRAY(
    SELECT unnest(${focus})
    UNION SELECT g.parent_id FROM grid g WHERE g.id = ANY (${focus}) AND g.parent_id IS NOT NULL) END`;

/** The parents of the focus grids (NULL = every parent). */
const parentsOf = (focus: string) => `
  CASE WHEN ${focus} IS NULL THEN NULL ELSE ARRAY(
    SELECT DISTINCT g.parent_id FROM grid g WHERE g.id = ANY (${focus}) AND g.parent_id IS NOT NULL) END`;

/** (id): the parents (grids with children) among `owners`, or all of them. */
const examinedParentsSql = (owners: string) => `
  SELECT DISTINCT c.parent_id AS id FROM grid c WHERE ${owners} IS NULL AND c.parent_id IS NOT NULL
  UNION ALL
  SELECT DISTINCT c.parent_id FROM grid c WHERE ${owners} IS NOT NULL AND c.parent_id = ANY (${owners})`;

/**
 * The `tiling` relation with nothing proven: every parent examined is checked the long way.
 * What a rule run alone (incremental audits) uses: for a handful of parents the relate tests
 * cost less than the proof's planning.
 */
export const untiledSql = (owners: string) => `
  SELECT p.id, false AS tiled FROM (${examinedParentsSql(owners)}) p`;

/**
 * (id, tiled) for every parent examined. A parent is tiled when the rings of its children
 * (shells counter-clockwise, holes clockwise) and its own rings, reversed, cancel segment
 * by segment, compared as exact coordinates. Then the winding numbers add up: every point
 * of the parent lies in exactly one child and no point outside it in any, so GAP, OVERLAP
 * and OUTSIDE_PARENT have nothing to find there, without a single overlay. Any difference
 * in vertices (a slightly different edge, extra vertices on one side) leaves the parent
 * untiled, and the rules check it the long way. No GEOS call: nothing to fail silently.
 *
 * Segments are 32-byte slices of the rings' WKB (two points); a segment and its reverse
 * share one key (its points in byte order), the sign says which way it ran. (A parallel
 * form, partial groups per worker merged by the leader, measured no faster on 2 busy cores
 * and holds three hash tables at once.)
 */
export const tilingSql = (owners: string) => `
  WITH owner AS MATERIALIZED (${examinedParentsSql(owners)}),
  ring AS MATERIALIZED (
    SELECT m.owner, m.sign, ST_AsBinary(ST_ExteriorRing(r.geom)) AS wkb, ST_NPoints(r.geom) AS n
    FROM (
      SELECT c.parent_id AS owner, 1 AS sign, c.boundary FROM grid c
      WHERE c.parent_id IN (SELECT id FROM owner)
      UNION ALL
      SELECT p.id, -1, p.boundary FROM grid p WHERE p.id IN (SELECT id FROM owner)
    ) m
    CROSS JOIN LATERAL ST_Dump(ST_ForcePolygonCCW(m.boundary)) AS p
    CROSS JOIN LATERAL ST_DumpRings(p.geom) AS r
  ),
  residue AS MATERIALIZED (
    SELECT DISTINCT s.owner FROM (
      SELECT r.owner, CASE WHEN x.a < x.b THEN substring(r.wkb FROM 10 + 16 * i FOR 32) ELSE x.b || x.a END AS k,
             CASE WHEN x.a < x.b THEN r.sign ELSE -r.sign END AS s
      FROM ring r
      CROSS JOIN LATERAL generate_series(0, r.n - 2) AS i
      -- WKB of a linestring: 9 bytes of header, then 16 bytes (x, y) per point
      CROSS JOIN LATERAL (
        SELECT substring(r.wkb FROM 10 + 16 * i FOR 16) AS a, substring(r.wkb FROM 26 + 16 * i FOR 16) AS b
      ) x
      WHERE x.a <> x.b
    ) s
    GROUP BY s.owner, s.k
    HAVING sum(s.s) <> 0
  )
  -- a join, not NOT EXISTS: with every parent untiled a correlated probe would be quadratic
  SELECT o.id, r.owner IS NULL AS tiled FROM owner o LEFT JOIN residue r ON r.owner = o.id`;

/**
 * (owner, parent_id, a_id, b_id): sibling pairs a.id < b.id whose interiors share area
 * (ST_Relate '2********'), under the examined parents the tiling did not settle, and among
 * top-level grids in `owners` (no parent: the pair is owned by its lower id).
 */
export const siblingOverlapsSql = (owners: string, tiling: string) => `
  SELECT t.id AS owner, t.id AS parent_id, x.a_id, x.b_id
  FROM ${tiling} t
  -- parent by parent (a lateral kept apart by OFFSET 0), so the plan never starts from every
  -- pair of siblings in the province however few parents are left
  CROSS JOIN LATERAL (
    SELECT a.id AS a_id, b.id AS b_id
    FROM grid a
    JOIN grid b ON b.parent_id = a.parent_id AND b.id > a.id AND Box2D(b.boundary) && Box2D(a.boundary)
    WHERE a.parent_id = t.id AND ST_Relate(a.boundary, b.boundary, '2********')
    OFFSET 0
  ) x
  WHERE NOT t.tiled
  UNION ALL
  SELECT a.id, NULL::bigint, a.id, b.id
  FROM grid a
  JOIN grid b ON b.parent_id IS NULL AND b.level = a.level AND b.id > a.id
                AND Box2D(b.boundary) && Box2D(a.boundary)
  WHERE a.parent_id IS NULL AND (${owners} IS NULL OR a.id = ANY (${owners}))
    AND ST_Relate(a.boundary, b.boundary, '2********')`;

/** (id, parent_id): children not covered by their parent, under parents the tiling did not settle. */
export const childrenOutsideSql = (tiling: string) => `
  SELECT x.id, t.id AS parent_id
  FROM ${tiling} t
  CROSS JOIN LATERAL (
    SELECT c.id FROM grid p JOIN grid c ON c.parent_id = p.id
    WHERE p.id = t.id AND NOT ST_Covers(p.boundary, c.boundary)
    OFFSET 0
  ) x
  WHERE NOT t.tiled`;

// ---------------------------------------------------------------------------------------
// Enterprise passes. `focus` is an SQL expression of bigint[]: enterprise ids (NULL = all).

/**
 * The base grids a pass takes first, so that each boundary is prepared once and probes the
 * enterprise GiST index (enterprise-first probes of the grid index ran ~15x slower): all of
 * them, or with focus ids only those whose box holds one of those enterprises, found from
 * the enterprises through the grid index, so an incremental audit costs the size of the edit.
 */
const baseGridsSql = (focus: string | null) =>
  focus === null
    ? `SELECT b.id, b.boundary FROM grid b WHERE b.level = ${BASE_LEVEL}`
    : `SELECT DISTINCT ON (b.id) b.id, b.boundary
       FROM enterprise f
       JOIN grid b ON b.boundary && f.location
       WHERE f.id = ANY (${focus}) AND b.level = ${BASE_LEVEL}`;

// A grid's boundary line, computed once per grid: a function scan is neither pulled up into
// the join (which would redo it for every enterprise) nor kept out of parallel workers.
const WITH_LINE = `CROSS JOIN LATERAL unnest(ARRAY[ST_Boundary(b.boundary)]) AS l(line)`;

/**
 * Conservative planar radius in degrees around a boundary line `line` (a whole boundary or a
 * piece of one) within which every point closer than `m` metres (geodesic) lies: metres over
 * the shortest degree on the WGS84 spheroid at the line's highest latitude (110 574 m·cos φ
 * bounds both axes), +10 %, +1 m, + the bulge of a geodesic over a straight lon/lat segment
 * as wide as the line. Grows with the line's width and latitude, so a whole boundary's radius
 * bounds those of its pieces.
 */
export const nearRadiusDeg = (line: string, m: string) => `
  ((1.1 * ${m} + 1 + power((ST_XMax(${line}) - ST_XMin(${line})) * 111320, 2)
      * tan(radians(least(89, greatest(abs(ST_YMin(${line})), abs(ST_YMax(${line})))))) / (8 * 6371000))
   / (110574 * cos(radians(least(89, greatest(abs(ST_YMin(${line})), abs(ST_YMax(${line}))))))))`;

/**
 * One point-in-polygon pass of open enterprises in focus over the base grids, grid by grid
 * (each boundary prepared once): (grid_id, placed, hit_ids, hit_other, hit_near) where
 * `placed` counts the enterprises recorded to that grid that it covers, and the hits are
 * the covered enterprises that are either recorded elsewhere (`hit_other`: candidates for
 * ENTERPRISE_MULTI_COVERED, or a stale derivation) or within the near-boundary radius of
 * its boundary (`hit_near`: candidates for ENTERPRISE_NEAR_BOUNDARY). Reads $2 thresholds.
 *
 * Counting is a plain aggregate, so PostgreSQL can split the pass over parallel workers;
 * only the few grids with a hit are visited again to list them.
 */
export const baseCoverSql = (focus: string, form: 'parallel' | 'focus-first') => {
  const m = `($2::jsonb ->> 'nearBoundaryM')::double precision`;
  const other = `e.base_grid_id IS DISTINCT FROM b.id`;
  const near = `ST_DWithin(b.line, e.location, ${nearRadiusDeg('b.boundary', m)})`;
  const hit = `(${other} OR ${near})`;
  const covered = `ST_Covers(b.boundary, e.location) AND e.status <> 'CLOSED'`;
  const inFocus = ` AND (${focus} IS NULL OR e.id = ANY (${focus}))`;
  const withLine = (base: string) => `(SELECT b.*, l.line FROM (${base}) b ${WITH_LINE}) b`;
  // the hits of grid b, listed: one aggregate node feeds the three arrays the same rows
  const hits = (filter: string) =>
    `array_agg(e.id)${filter} AS hit_ids, array_agg(${other})${filter} AS hit_other,
     array_agg(${near})${filter} AS hit_near`;

  if (form === 'focus-first') {
    // a rule run alone: grid by grid, one lateral aggregate (the least to plan)
    const base = `${baseGridsSql(null)} AND ${focus} IS NULL
                  UNION ALL ${baseGridsSql(focus)} AND ${focus} IS NOT NULL`;
    return `
    SELECT b.id AS grid_id, x.placed, x.hit_ids, x.hit_other, x.hit_near
    FROM ${withLine(base)}
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE e.base_grid_id = b.id) AS placed,
             ${hits(` FILTER (WHERE ${hit})`)}
      FROM enterprise e
      WHERE ${covered}${inFocus}
    ) x`;
  }
  // a full audit: counting is a plain aggregate, which PostgreSQL can spread over parallel
  // workers (in a branch of its own when there is no focus); only the few grids with hits
  // are visited again to list them
  const count = (base: string, when: string, onlyFocus: string) => `
    SELECT b.id AS grid_id, count(*) FILTER (WHERE e.base_grid_id = b.id) AS placed,
           count(*) FILTER (WHERE ${hit}) AS hits
    FROM ${withLine(base)}
    JOIN enterprise e ON ${covered}${onlyFocus}
    WHERE ${when}
    GROUP BY b.id`;
  return `
  WITH counted AS MATERIALIZED (
    ${count(baseGridsSql(null), `${focus} IS NULL`, '')}
    UNION ALL
    ${count(baseGridsSql(focus), `${focus} IS NOT NULL`, ` AND e.id = ANY (${focus})`)}
  )
  SELECT c.grid_id, c.placed, h.hit_ids, h.hit_other, h.hit_near
  FROM counted c
  LEFT JOIN LATERAL (
    SELECT ${hits('')}
    FROM ${withLine(`SELECT * FROM grid b WHERE b.id = c.grid_id AND c.hits > 0`)}
    JOIN enterprise e ON ${covered}${inFocus}
    WHERE ${hit}
  ) h ON true`;
};

/**
 * (grid_id, n): open enterprises per recorded base grid, of the focus enterprises
 * (`by: 'enterprise'`) or of the focus grids (`by: 'grid'`).
 */
export const recordedCountsSql = (focus: string, by: 'enterprise' | 'grid') => `
  SELECT e.base_grid_id AS grid_id, count(*) AS n
  FROM enterprise e
  WHERE e.status <> 'CLOSED' AND e.base_grid_id IS NOT NULL
    AND (${focus} IS NULL OR e.${by === 'grid' ? 'base_grid_id' : 'id'} = ANY (${focus}))
  GROUP BY e.base_grid_id`;

// ---------------------------------------------------------------------------------------
// Inline and shared sources.

const FOCUS = '$1::bigint[]';

/** Passes computed inline for a grid rule owned by the parent (GAP, OVERLAP): focus = parents. */
export const INLINE_FOR_PARENTS: PassSources = inline(FOCUS, FOCUS);
/** Passes computed inline for a grid rule owned by the child (OUTSIDE_PARENT): their parents. */
export const INLINE_FOR_CHILDREN: PassSources = inline(parentsOf(FOCUS), FOCUS);
/** Passes computed inline for the enterprise rules, and GRID_SIZE (grid focus) — see there. */
export const INLINE_FOR_ENTERPRISES: PassSources = inline(FOCUS, FOCUS);
export const INLINE_FOR_GRIDS: PassSources = {
  select: { ...INLINE_FOR_ENTERPRISES.select, recordedCounts: recordedCountsSql(FOCUS, 'grid') },
  materialise: true,
};

function inline(owners: string, enterprises: string): PassSources {
  return {
    select: {
      tiling: untiledSql(owners),
      siblingOverlaps: siblingOverlapsSql(owners, PASS_CTE.tiling),
      childrenOutside: childrenOutsideSql(PASS_CTE.tiling),
      baseCover: baseCoverSql(enterprises, 'focus-first'),
      recordedCounts: recordedCountsSql(enterprises, 'enterprise'),
    },
    materialise: true,
  };
}

/** A pass a full audit materialises once, as a temporary table, for every rule. */
export interface SharedPass {
  id: PassId;
  /** temporary table (pg_temp) holding its rows for the audit */
  table: string;
  /** which focus the audit passes as $1: its grids (with their parents) or its enterprises */
  focus: 'grid' | 'enterprise';
  /** the parameters the SQL reads: none, $1 (focus ids), or $1 and $2 (thresholds) */
  parameters: 0 | 1 | 2;
  /** passes it reads, materialised first */
  needs: readonly PassId[];
  /** the SELECT filling the table */
  sql: string;
}

const table = (id: PassId) => `coverage_pass_${PASS_CTE[id]}`;

/** Every shared pass in dependency order. */
export const SHARED_PASSES: readonly SharedPass[] = [
  {
    id: 'tiling',
    table: table('tiling'),
    focus: 'grid',
    parameters: 1,
    needs: [],
    sql: tilingSql(withParents(FOCUS)),
  },
  {
    id: 'siblingOverlaps',
    table: table('siblingOverlaps'),
    focus: 'grid',
    parameters: 1,
    needs: ['tiling'],
    sql: siblingOverlapsSql(withParents(FOCUS), `pg_temp.${table('tiling')}`),
  },
  {
    id: 'childrenOutside',
    table: table('childrenOutside'),
    focus: 'grid',
    parameters: 0,
    needs: ['tiling'],
    sql: childrenOutsideSql(`pg_temp.${table('tiling')}`),
  },
  {
    id: 'baseCover',
    table: table('baseCover'),
    focus: 'enterprise',
    parameters: 2,
    needs: [],
    sql: baseCoverSql(FOCUS, 'parallel'),
  },
  {
    id: 'recordedCounts',
    table: table('recordedCounts'),
    focus: 'enterprise',
    parameters: 1,
    needs: [],
    sql: recordedCountsSql(FOCUS, 'enterprise'),
  },
];

/**
 * A rule's `passes`, `sql` and `sharedSql` from one template, given the `WITH`-list entries
 * defining its passes: computed inline for its focus (`inline`), or read from a full audit's
 * tables.
 */
export function passSql(
  passes: readonly PassId[],
  template: (passCtes: string) => string,
  inline: PassSources,
): { passes: readonly PassId[]; sql: string; sharedSql: string } {
  return {
    passes,
    sql: template(passCtes(inline, passes)),
    sharedSql: template(passCtes(sharedSources(), passes)),
  };
}

/** Every pass read from the full audit's temporary tables. */
function sharedSources(): PassSources {
  const select = Object.fromEntries(
    SHARED_PASSES.map((p) => [p.id, `SELECT * FROM pg_temp.${p.table}`]),
  ) as Record<PassId, string>;
  return { select, materialise: false };
}

/** The passes these need, with what they need in turn, in dependency order. */
export function passClosure(ids: readonly PassId[]): SharedPass[] {
  const wanted = new Set<PassId>();
  const add = (id: PassId) => {
    if (wanted.has(id)) return;
    for (const need of SHARED_PASSES.find((p) => p.id === id)?.needs ?? []) add(need);
    wanted.add(id);
  };
  ids.forEach(add);
  return SHARED_PASSES.filter((p) => wanted.has(p.id));
}
