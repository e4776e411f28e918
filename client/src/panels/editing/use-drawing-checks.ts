import { useEffect, useMemo, useRef } from 'react';
import type { DrawnShape } from '../../map/draw/grid-draw';
import {
  outsideParent,
  selfIntersections,
  type PolygonalGeometry,
  type Position,
} from '../../map/draw/geometry';
import type { MapController } from '../../map/map-controller';

export interface DrawingChecks {
  /** Where the boundary crosses or touches itself. */
  selfIntersections: Position[];
  /** Corners outside the parent. */
  cornersOutside: number;
  /** Points on the parent's boundary where an edge leaves it (corners inside or not). */
  crossings: number;
}

const NONE: DrawingChecks = { selfIntersections: [], cornersOutside: 0, crossings: 0 };

/**
 * The live checks of a polygon being drawn or reshaped, run again on every change (an undo
 * too), and their places marked on the map: crossings of itself, and where it leaves the parent.
 */
export function useDrawingChecks(
  shape: DrawnShape | null,
  parent: PolygonalGeometry | null,
  controller: () => MapController | null,
): DrawingChecks {
  const ring = shape?.kind === 'polygon' ? shape.ring : null;
  const found = useMemo(() => {
    if (!ring) return { checks: NONE, marks: [] };
    const self = selfIntersections(ring);
    const outside = parent ? outsideParent(ring, parent) : { vertices: [], crossings: [] };
    return {
      checks: {
        selfIntersections: self,
        cornersOutside: outside.vertices.length,
        crossings: outside.crossings.length,
      },
      marks: [
        ...self.map((at) => ({ at, kind: 'self' as const })),
        ...[...outside.vertices, ...outside.crossings].map((at) => ({
          at,
          kind: 'outside' as const,
        })),
      ],
    };
  }, [ring, parent]);
  const mapOf = useRef(controller);
  mapOf.current = controller;
  useEffect(() => {
    mapOf.current()?.showDrawProblems(found.marks);
  }, [found]);
  return found.checks;
}
