/**
 * Checks of the filter arguments lists share (ids, boxes, shapes, search text), each
 * throwing BAD_USER_INPUT that names the argument and says what is wrong.
 */
import {
  validateBBox,
  validateQueryGeometry,
  type LonLatBox,
} from '../geo/query-geometry.validation';
import { UserInputError } from './errors';

const ID_PATTERN = /^\d{1,18}$/;

/** Longest search text: longer than any grid or enterprise name. */
export const MAX_SEARCH_LENGTH = 64;

/** A database id (decimal string) or null. */
export function checkId(name: string, id: string | null | undefined): string | null {
  if (id == null) return null;
  if (!ID_PATTERN.test(id)) {
    throw new UserInputError(`"${name}" must be a decimal id; got ${JSON.stringify(id)}`);
  }
  return id;
}

export function checkBBox(bbox: readonly number[] | null | undefined): LonLatBox | null {
  if (bbox == null) return null;
  const check = validateBBox(bbox);
  if (!check.valid) throw new UserInputError(`"bbox": ${check.message}`, { reason: check.reason });
  return check.bbox;
}

/** A validated Point, Polygon or MultiPolygon as GeoJSON text for ST_GeomFromGeoJSON. */
export function checkIntersects(geometry: unknown): string | null {
  if (geometry == null) return null;
  const check = validateQueryGeometry(geometry);
  if (!check.valid) {
    throw new UserInputError(`"intersects": ${check.message}`, { reason: check.reason });
  }
  return JSON.stringify(check.geometry);
}

/** Search text, trimmed; null when absent. */
export function checkSearch(search: string | null | undefined): string | null {
  if (search == null) return null;
  const text = search.trim();
  if (text.length === 0 || text.length > MAX_SEARCH_LENGTH) {
    throw new UserInputError(
      `"search" must be 1–${MAX_SEARCH_LENGTH} characters besides spaces; got ${JSON.stringify(search)}`,
    );
  }
  return text;
}
