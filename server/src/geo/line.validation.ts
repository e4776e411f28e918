/**
 * Validation of a cutting line (splitGrid) before it reaches PostGIS, in the manner of
 * polygon.validation.ts: returns `{ valid: false, reason, message }` with a stable reason
 * code and an English message that says where, never throws for bad input.
 *
 * A line may cross itself (the cut is noded anyway) but needs two distinct positions;
 * altitudes are dropped and consecutive repeats removed.
 */
import type { LineString, Position } from 'geojson';
import { DEFAULT_MAX_VERTICES } from './polygon.validation';

export const LineInvalidReason = {
  NOT_AN_OBJECT: 'NOT_AN_OBJECT',
  WRONG_TYPE: 'WRONG_TYPE',
  MALFORMED_COORDINATES: 'MALFORMED_COORDINATES',
  TOO_MANY_VERTICES: 'TOO_MANY_VERTICES',
  POSITION_WRONG_LENGTH: 'POSITION_WRONG_LENGTH',
  NON_FINITE_COORDINATE: 'NON_FINITE_COORDINATE',
  LONGITUDE_OUT_OF_RANGE: 'LONGITUDE_OUT_OF_RANGE',
  LATITUDE_OUT_OF_RANGE: 'LATITUDE_OUT_OF_RANGE',
  /** Fewer than two distinct positions. */
  TOO_SHORT: 'TOO_SHORT',
} as const;
export type LineInvalidReason = (typeof LineInvalidReason)[keyof typeof LineInvalidReason];

export type LineValidation =
  | { valid: true; geometry: LineString }
  | { valid: false; reason: LineInvalidReason; message: string; position?: number };

/**
 * Checks that `input` is a GeoJSON LineString (or a Feature wrapping one) of finite lon/lat
 * positions with at least two distinct ones, and returns it normalised.
 *
 * @example
 * validateLineString({ type: 'LineString', coordinates: [[118.5, 35.8], [118.5, 35.8], [118.6, 35.9, 12]] });
 * // => { valid: true, geometry: { type: 'LineString', coordinates: [[118.5, 35.8], [118.6, 35.9]] } }
 * validateLineString({ type: 'LineString', coordinates: [[118.5, 35.8], [218.6, 35.9]] });
 * // => { valid: false, reason: 'LONGITUDE_OUT_OF_RANGE', position: 1,
 * //      message: 'position 1 has longitude 218.6, outside -180…180' }
 */
export function validateLineString(
  input: unknown,
  maxVertices = DEFAULT_MAX_VERTICES,
): LineValidation {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail('NOT_AN_OBJECT', 'expected a GeoJSON LineString object');
  }
  let geometry = input as Record<string, unknown>;
  if (geometry.type === 'Feature') {
    const inner = geometry.geometry;
    if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) {
      return fail('WRONG_TYPE', 'expected a Feature with a LineString geometry');
    }
    geometry = inner as Record<string, unknown>;
  }
  if (geometry.type !== 'LineString') {
    return fail(
      'WRONG_TYPE',
      `expected a LineString, got ${typeof geometry.type === 'string' ? `a ${geometry.type}` : 'no type'}`,
    );
  }
  const raw = geometry.coordinates;
  if (!Array.isArray(raw)) {
    return fail('MALFORMED_COORDINATES', 'the coordinates of the LineString must be an array');
  }
  if (raw.length > maxVertices) {
    return fail(
      'TOO_MANY_VERTICES',
      `the line has ${raw.length} positions; the limit is ${maxVertices}`,
    );
  }
  const coordinates: Position[] = [];
  for (let i = 0; i < raw.length; i++) {
    const p: unknown = raw[i];
    if (!Array.isArray(p) || p.length < 2 || p.length > 3) {
      return fail(
        'POSITION_WRONG_LENGTH',
        `position ${i} must be [lon, lat] or [lon, lat, altitude]`,
        i,
      );
    }
    const [x, y] = p as unknown[];
    if (
      typeof x !== 'number' ||
      typeof y !== 'number' ||
      !Number.isFinite(x) ||
      !Number.isFinite(y)
    ) {
      return fail(
        'NON_FINITE_COORDINATE',
        `position ${i} has a coordinate that is not a finite number`,
        i,
      );
    }
    if (x < -180 || x > 180) {
      return fail(
        'LONGITUDE_OUT_OF_RANGE',
        `position ${i} has longitude ${x}, outside -180…180`,
        i,
      );
    }
    if (y < -90 || y > 90) {
      return fail('LATITUDE_OUT_OF_RANGE', `position ${i} has latitude ${y}, outside -90…90`, i);
    }
    const last = coordinates[coordinates.length - 1];
    if (!last || last[0] !== x || last[1] !== y) coordinates.push([x, y]);
  }
  if (coordinates.length < 2) {
    return fail(
      'TOO_SHORT',
      `a line needs at least 2 distinct positions, got ${coordinates.length}`,
    );
  }
  return { valid: true, geometry: { type: 'LineString', coordinates } };
}

function fail(reason: LineInvalidReason, message: string, position?: number): LineValidation {
  return position === undefined
    ? { valid: false, reason, message }
    : { valid: false, reason, message, position };
}
