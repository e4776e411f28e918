/**
 * Snapping a pointer position to the neighbours' vertices and edges while a planner draws or
 * reshapes. Pure: distances in metres on a local flat approximation (grids are a few km across;
 * the antimeridian is not crossed in China).
 */
import {
  openRing,
  polygonalRings,
  type PolygonalGeometry,
  type Position,
  type Ring,
} from './geometry';

const METRES_PER_DEGREE = 111_320;
/** Web Mercator ground resolution at the equator at zoom 0, for maplibre's 512-pixel tiles. */
const METRES_PER_PIXEL_Z0 = 40_075_016.686 / 512;

/** Ground metres one screen pixel spans at this latitude and (maplibre) zoom. */
export function metresPerPixel(lat: number, zoom: number): number {
  return (METRES_PER_PIXEL_Z0 * Math.cos((lat * Math.PI) / 180)) / 2 ** zoom;
}

/** Metres between two lon/lat positions near each other. */
export function distanceMetres(a: Position, b: Position): number {
  const kx = METRES_PER_DEGREE * Math.cos((((a[1] + b[1]) / 2) * Math.PI) / 180);
  return Math.hypot((a[0] - b[0]) * kx, (a[1] - b[1]) * METRES_PER_DEGREE);
}

/** The point of segment ab nearest to p (distances measured on the ground around p). */
export function nearestOnSegment(p: Position, a: Position, b: Position): Position {
  const kx = Math.cos((p[1] * Math.PI) / 180);
  const dx = (b[0] - a[0]) * kx;
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  if (length2 === 0) return a;
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * kx * dx + (p[1] - a[1]) * dy) / length2));
  return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
}

/** Every ring (outer and holes) of the geometries the drawing may snap to. */
export function snapRings(geometries: readonly PolygonalGeometry[]): Ring[] {
  return geometries.flatMap(polygonalRings);
}

export interface Snapped {
  position: Position;
  kind: 'vertex' | 'edge';
  /** How far the pointer was moved, metres. */
  distance: number;
}

/**
 * Where `p` snaps to: the nearest vertex of `rings` within `toleranceMetres`, else the nearest
 * point on one of their edges within it, else null (the position stays as drawn).
 */
export function snapPosition(
  p: Position,
  rings: readonly Ring[],
  toleranceMetres: number,
): Snapped | null {
  if (!(toleranceMetres > 0)) return null;
  // a quick box test in degrees before measuring: most rings are far away
  const padLat = toleranceMetres / METRES_PER_DEGREE;
  const padLon = padLat / Math.max(0.01, Math.cos((p[1] * Math.PI) / 180));
  let vertex: Snapped | null = null;
  let edge: Snapped | null = null;
  for (const ring of rings) {
    const pts = openRing(ring);
    for (let i = 0; i < pts.length; i += 1) {
      const a = pts[i];
      const b = pts[(i + 1) % pts.length];
      if (
        Math.min(a[0], b[0]) - padLon > p[0] ||
        Math.max(a[0], b[0]) + padLon < p[0] ||
        Math.min(a[1], b[1]) - padLat > p[1] ||
        Math.max(a[1], b[1]) + padLat < p[1]
      ) {
        continue;
      }
      const dv = distanceMetres(p, a);
      if (dv <= toleranceMetres && (!vertex || dv < vertex.distance)) {
        vertex = { position: a, kind: 'vertex', distance: dv };
      }
      const on = nearestOnSegment(p, a, b);
      const de = distanceMetres(p, on);
      if (de <= toleranceMetres && (!edge || de < edge.distance)) {
        edge = { position: on, kind: 'edge', distance: de };
      }
    }
  }
  return vertex ?? edge;
}
