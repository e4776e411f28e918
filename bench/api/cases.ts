/**
 * What the API benchmark asks: a deterministic set of points inside the demo county
 * (seeded, so every run and every system gets the same requests), and for each case the
 * GraphQL request bodies for Gridwarden and, where it can answer the same question,
 * for PostGraphile.
 */
import type { Pool } from 'pg';
import { SeededRandom } from '../../db/src/demo/random.source';

export interface Point {
  lon: number;
  lat: number;
}

export interface Inputs {
  points: Point[];
  /** the village (level 3) grid under each point */
  villageIds: string[];
}

/** A page of enterprises as both systems return it, for comparing their answers. */
export interface Answer {
  /** ids on the page, in order; for locate, the grid codes from the top down */
  ids: string[];
  /** totalCount where the query asks for it */
  total: number | null;
}

export interface Case {
  id: CaseId;
  title: string;
  gridwardenBodies(inputs: Inputs): string[];
  gridwardenAnswer(data: unknown): Answer;
  /** null when PostGraphile has no query for it */
  postgraphile: {
    bodies(inputs: Inputs): string[];
    answer(data: unknown): Answer;
  } | null;
}

export const CASE_IDS = ['locate', 'bbox', 'village'] as const;
export type CaseId = (typeof CASE_IDS)[number];
/** The two cases; `village` (a grid-subtree page) runs when asked for. */
export const DEFAULT_CASES: CaseId[] = ['locate', 'bbox'];

/** Enterprises on a page. */
export const PAGE_SIZE = 100;
/** The bbox: a map viewport at about zoom 13 (≈ 3.6 × 3.3 km), centred on each point. */
export const BOX_DEGREES = { lon: 0.04, lat: 0.03 };
/** The classes locate is asked about, in turn: the level and departments answering for them. */
const LOCATE_CLASSES = ['NINE_SMALL', 'HAZARDOUS_CHEMICALS', 'ABOVE_SCALE', 'BELOW_SCALE'];

const body = (query: string, variables: Record<string, unknown>) =>
  JSON.stringify({ query, variables });

/** The enterprise fields both systems are asked for: what a ledger row and a map marker need. */
const ENTERPRISE_FIELDS = 'id uscc name industryCode scale status baseGridId lon lat';

const LOCATE_QUERY = `query Locate($lon: Float!, $lat: Float!, $class: String) {
  locate(lon: $lon, lat: $lat, enterpriseClass: $class) {
    chain { id code name level people { role person { name phone } } }
    baseGrid { id code }
    uncovered
    distanceToBaseEdgeM
    responsibleLevel
    responsibleGrid { code }
    departments { code nameZh }
  }
}`;

const BBOX_QUERY = `query BoxPage($bbox: [Float!]!, $first: Int!) {
  enterprises(bbox: $bbox, first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { ${ENTERPRISE_FIELDS} } }
  }
}`;

// PostGraphile's idiom for the same page: connection-filter's && on the point column.
const POSTGRAPHILE_BBOX_QUERY = `query BoxPage($box: GeoJSON!, $first: Int!) {
  allEnterprises(first: $first, orderBy: ID_ASC, filter: { location: { bboxIntersects2D: $box } }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id uscc name industryCode scale status baseGridId location { x y } } }
  }
}`;

const VILLAGE_QUERY = `query VillagePage($gridId: ID!, $first: Int!) {
  enterprises(gridId: $gridId, first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { ${ENTERPRISE_FIELDS} } }
  }
}`;

interface Connection {
  totalCount: number;
  edges: { node: { id: string } }[];
}

/** The box [minLon, minLat, maxLon, maxLat] centred on a point. */
export function boxAround(p: Point): [number, number, number, number] {
  const dx = BOX_DEGREES.lon / 2;
  const dy = BOX_DEGREES.lat / 2;
  return [round7(p.lon - dx), round7(p.lat - dy), round7(p.lon + dx), round7(p.lat + dy)];
}

function boxPolygon([x0, y0, x1, y1]: [number, number, number, number]) {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ],
    ],
  };
}

const connectionAnswer = (c: Connection): Answer => ({
  ids: c.edges.map((e) => e.node.id),
  total: c.totalCount,
});

export const CASES: Record<CaseId, Case> = {
  locate: {
    id: 'locate',
    title:
      'locate(lon, lat): grid chain with people, responsible level, departments, distance to the edge',
    gridwardenBodies: (inputs) =>
      inputs.points.map((p, i) =>
        body(LOCATE_QUERY, {
          lon: p.lon,
          lat: p.lat,
          class: LOCATE_CLASSES[i % LOCATE_CLASSES.length],
        }),
      ),
    gridwardenAnswer: (data) => {
      const { chain } = (data as { locate: { chain: { code: string }[] } }).locate;
      return { ids: chain.map((g) => g.code), total: null };
    },
    postgraphile: null,
  },
  bbox: {
    id: 'bbox',
    title: `enterprises(bbox) in a ${BOX_DEGREES.lon}° × ${BOX_DEGREES.lat}° box, first ${PAGE_SIZE} by id, with totalCount`,
    gridwardenBodies: (inputs) =>
      inputs.points.map((p) => body(BBOX_QUERY, { bbox: boxAround(p), first: PAGE_SIZE })),
    gridwardenAnswer: (data) => connectionAnswer((data as { enterprises: Connection }).enterprises),
    postgraphile: {
      bodies: (inputs) =>
        inputs.points.map((p) =>
          body(POSTGRAPHILE_BBOX_QUERY, { box: boxPolygon(boxAround(p)), first: PAGE_SIZE }),
        ),
      answer: (data) => connectionAnswer((data as { allEnterprises: Connection }).allEnterprises),
    },
  },
  village: {
    id: 'village',
    title: `enterprises in a village's subtree, first ${PAGE_SIZE}`,
    gridwardenBodies: (inputs) =>
      inputs.villageIds.map((gridId) => body(VILLAGE_QUERY, { gridId, first: PAGE_SIZE })),
    gridwardenAnswer: (data) => connectionAnswer((data as { enterprises: Connection }).enterprises),
    postgraphile: null,
  },
};

/** `count` seeded points inside the level-1 grid (the county), and the village under each. */
export async function makeInputs(pool: Pool, count: number, seed: number): Promise<Inputs> {
  const {
    rows: [box],
  } = await pool.query<{ xmin: number; ymin: number; xmax: number; ymax: number }>(
    `SELECT ST_XMin(e) AS xmin, ST_YMin(e) AS ymin, ST_XMax(e) AS xmax, ST_YMax(e) AS ymax
     FROM (SELECT ST_Extent(boundary)::geometry AS e FROM grid WHERE level = 1) x`,
  );
  const random = new SeededRandom(seed);
  const points: Point[] = [];
  const villageIds: string[] = [];
  // Draw in rounds of candidates and keep those inside the county, in draw order.
  while (points.length < count) {
    const candidates = Array.from({ length: count * 2 }, () => ({
      lon: round7(random.range(box.xmin, box.xmax)),
      lat: round7(random.range(box.ymin, box.ymax)),
    }));
    const { rows } = await pool.query<{ i: number; village: string | null }>(
      `SELECT c.i::int AS i, v.id::text AS village
       FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS c(lon, lat, i)
       JOIN grid county ON county.level = 1 AND ST_Covers(county.boundary, ST_SetSRID(ST_MakePoint(c.lon, c.lat), 4326))
       LEFT JOIN LATERAL (
         SELECT g.id FROM grid g WHERE g.level = 3 AND ST_Covers(g.boundary, ST_SetSRID(ST_MakePoint(c.lon, c.lat), 4326))
         ORDER BY g.code LIMIT 1) v ON true
       ORDER BY c.i`,
      [candidates.map((c) => c.lon), candidates.map((c) => c.lat)],
    );
    for (const row of rows) {
      if (points.length === count || row.village == null) continue;
      points.push(candidates[row.i - 1]);
      villageIds.push(row.village);
    }
  }
  return { points, villageIds };
}

const round7 = (x: number) => Math.round(x * 1e7) / 1e7;
