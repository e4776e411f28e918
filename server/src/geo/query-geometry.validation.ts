/**
 * Validation of the geometry a read is asked about — a point (`locate`), a bounding box
 * (`bbox` filters) or a GeoJSON shape (`intersects` filters) — before any of it reaches
 * PostGIS, for the same reason as boundaries (see polygon.validation.ts): the embedded
 * build cannot survive a GEOS error. Validators return a reason and a message; they throw
 * only for programmer errors.
 */
import type { MultiPolygon, Point } from 'geojson';
import { validatePolygonGeometry, type PolygonInvalidReason } from './polygon.validation';

export const QueryGeometryInvalidReason = {
  /** A coordinate is NaN, ±Infinity or not a number. */
  NON_FINITE_COORDINATE: 'NON_FINITE_COORDINATE',
  LONGITUDE_OUT_OF_RANGE: 'LONGITUDE_OUT_OF_RANGE',
  LATITUDE_OUT_OF_RANGE: 'LATITUDE_OUT_OF_RANGE',
  /** A bbox that is not four numbers. */
  BBOX_WRONG_LENGTH: 'BBOX_WRONG_LENGTH',
  /** A bbox whose minimum exceeds its maximum (boxes across the antimeridian included). */
  BBOX_INVERTED: 'BBOX_INVERTED',
  /** A geometry of a type the filter does not take. */
  WRONG_TYPE: 'WRONG_TYPE',
} as const;
export type QueryGeometryInvalidReason =
  (typeof QueryGeometryInvalidReason)[keyof typeof QueryGeometryInvalidReason];

export type QueryGeometryFailure = {
  valid: false;
  reason: QueryGeometryInvalidReason | PolygonInvalidReason;
  message: string;
};

/** [minLon, minLat, maxLon, maxLat] in WGS84 degrees. */
export type LonLatBox = [number, number, number, number];

function fail(reason: QueryGeometryInvalidReason, message: string): QueryGeometryFailure {
  return { valid: false, reason, message };
}

/**
 * Checks a longitude/latitude pair; `what` names it in the message.
 *
 * @example
 * validateLonLat(118.5, 35.8); // => { valid: true }
 * validateLonLat(218.5, 35.8); // => { valid: false, reason: 'LONGITUDE_OUT_OF_RANGE',
 * //                                   message: 'longitude 218.5 is outside −180…180' }
 */
export function validateLonLat(
  lon: unknown,
  lat: unknown,
  what = '',
): { valid: true } | QueryGeometryFailure {
  const prefix = what ? `${what}: ` : '';
  for (const [name, value] of [
    ['longitude', lon],
    ['latitude', lat],
  ] as const) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return fail(
        QueryGeometryInvalidReason.NON_FINITE_COORDINATE,
        `${prefix}${name} ${String(value)} is not a finite number`,
      );
    }
  }
  if ((lon as number) < -180 || (lon as number) > 180) {
    return fail(
      QueryGeometryInvalidReason.LONGITUDE_OUT_OF_RANGE,
      `${prefix}longitude ${lon} is outside −180…180`,
    );
  }
  if ((lat as number) < -90 || (lat as number) > 90) {
    return fail(
      QueryGeometryInvalidReason.LATITUDE_OUT_OF_RANGE,
      `${prefix}latitude ${lat} is outside −90…90`,
    );
  }
  return { valid: true };
}

/**
 * Checks a bounding box [minLon, minLat, maxLon, maxLat] (RFC 7946 §5 order). A box of zero
 * width or height is allowed; one crossing the antimeridian is not (send two boxes' worth
 * of queries instead).
 *
 * @example
 * validateBBox([118.4, 35.7, 118.6, 35.9]); // => { valid: true, bbox: [118.4, 35.7, 118.6, 35.9] }
 * validateBBox([118.6, 35.7, 118.4, 35.9]); // => { valid: false, reason: 'BBOX_INVERTED', … }
 */
export function validateBBox(
  input: readonly unknown[],
): { valid: true; bbox: LonLatBox } | QueryGeometryFailure {
  if (!Array.isArray(input) || input.length !== 4) {
    return fail(
      QueryGeometryInvalidReason.BBOX_WRONG_LENGTH,
      `bbox must be 4 numbers [minLon, minLat, maxLon, maxLat]; got ${Array.isArray(input) ? input.length : typeof input}`,
    );
  }
  const [minLon, minLat, maxLon, maxLat] = input;
  const low = validateLonLat(minLon, minLat, 'bbox minimum');
  if (!low.valid) return low;
  const high = validateLonLat(maxLon, maxLat, 'bbox maximum');
  if (!high.valid) return high;
  if ((minLon as number) > (maxLon as number) || (minLat as number) > (maxLat as number)) {
    return fail(
      QueryGeometryInvalidReason.BBOX_INVERTED,
      `bbox minimum (${minLon}, ${minLat}) must not exceed its maximum (${maxLon}, ${maxLat}); boxes across the antimeridian are not supported`,
    );
  }
  return { valid: true, bbox: [minLon, minLat, maxLon, maxLat] as LonLatBox };
}

/**
 * Checks the shape of an `intersects` filter: a GeoJSON Point, or a Polygon / MultiPolygon
 * that PostGIS would call valid (validatePolygonGeometry), optionally wrapped in a Feature.
 *
 * @example
 * validateQueryGeometry({ type: 'Point', coordinates: [118.5, 35.8] });
 * // => { valid: true, geometry: { type: 'Point', coordinates: [118.5, 35.8] } }
 */
export function validateQueryGeometry(
  input: unknown,
): { valid: true; geometry: Point | MultiPolygon } | QueryGeometryFailure {
  const geometry =
    isObject(input) && input.type === 'Feature' && isObject(input.geometry)
      ? input.geometry
      : input;
  if (isObject(geometry) && geometry.type === 'Point') {
    const c = geometry.coordinates;
    if (!Array.isArray(c) || c.length < 2 || c.length > 3) {
      return fail(
        QueryGeometryInvalidReason.NON_FINITE_COORDINATE,
        'a Point needs coordinates [longitude, latitude]',
      );
    }
    const check = validateLonLat(c[0], c[1], 'point');
    return check.valid
      ? { valid: true, geometry: { type: 'Point', coordinates: [c[0], c[1]] } }
      : check;
  }
  if (isObject(geometry) && geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
    return fail(
      QueryGeometryInvalidReason.WRONG_TYPE,
      `expected a Point, Polygon or MultiPolygon, got ${JSON.stringify(geometry.type)}`,
    );
  }
  const polygon = validatePolygonGeometry(geometry);
  return polygon.valid
    ? { valid: true, geometry: polygon.geometry }
    : { valid: false, reason: polygon.reason, message: polygon.message };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
