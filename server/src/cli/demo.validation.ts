/**
 * The demo is a write path like any other: every grid boundary and every credit code is
 * validated before SQL, so a generator bug surfaces as a clear reason, not as rows the
 * embedded database cannot reason about.
 */
import { validateUscc, type DemoChunk } from '@gridwarden/db';
import { validatePolygonGeometry } from '../geo/polygon.validation';

export class InvalidDemoDataError extends Error {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
  }
}

export function checkDemoChunk(chunk: DemoChunk): void {
  for (const grid of chunk.grids) {
    const result = validatePolygonGeometry(grid.boundary);
    if (!result.valid) {
      throw new InvalidDemoDataError(
        `grid ${grid.code} (${grid.name}) has an invalid boundary: ${result.message}`,
        result.reason,
      );
    }
  }
  for (const e of chunk.enterprises) {
    const uscc = validateUscc(e.uscc);
    if (!uscc.valid)
      throw new InvalidDemoDataError(`enterprise ${e.name}: ${uscc.message}`, uscc.reason);
    if (!(Math.abs(e.lon) <= 180 && Math.abs(e.lat) <= 90)) {
      throw new InvalidDemoDataError(
        `enterprise ${e.name} (${e.uscc}) lies at (${e.lon}, ${e.lat}), outside WGS84`,
        'LOCATION_OUT_OF_RANGE',
      );
    }
  }
}
