import { useEffect, useRef } from 'react';
import type { ApolloClient } from '@apollo/client';
import type { PolygonalGeometry } from '../../map/draw/geometry';
import type { MapController } from '../../map/map-controller';
import { GRID_NEIGHBOURS, GRIDS_IN_VIEW } from './snap.queries';

/** Grids fetched per level for a new drawing's snapping: a planner draws zoomed in. */
const VIEW_LIMIT = 500;

interface SnapScope {
  /** Whether a drawing or reshape is under way; snapping is off otherwise. */
  active: boolean;
  /** The grid reshaped or split: its parent and siblings are the neighbours. */
  gridId: string | null;
  /** The deepest level: a new grid snaps to grids of it and of the level above, in view. */
  deepestLevel: number;
}

/**
 * Keeps the map's snap targets to the neighbours of what is drawn: the parent and siblings of
 * a grid being reshaped or split; for a new grid (parent not known yet) the base grids and
 * their parents in view, fetched again when the view moves.
 */
export function useSnapTargets(
  apollo: ApolloClient,
  controller: () => MapController | null,
  { active, gridId, deepestLevel }: SnapScope,
): void {
  // the caller's accessor may be a new function every render: read it, don't depend on it
  const mapOf = useRef(controller);
  mapOf.current = controller;
  useEffect(() => {
    const map = mapOf.current();
    if (!map) return;
    if (!active) {
      void map.setSnapTargets([]);
      return;
    }
    let stale = false;
    const set = (targets: PolygonalGeometry[]) => {
      if (!stale) void map.setSnapTargets(targets);
    };
    const ignore = (e: unknown) => console.warn('snap targets:', e);
    if (gridId) {
      apollo
        .query({ query: GRID_NEIGHBOURS, variables: { id: gridId }, fetchPolicy: 'no-cache' })
        .then(({ data }) => {
          const parent = data?.grid?.parent;
          if (!parent) return set([]);
          const siblings = parent.children.filter((c) => c.id !== gridId).map((c) => c.boundary);
          set([parent.boundary, ...siblings]);
        })
        .catch(ignore);
      return () => {
        stale = true;
      };
    }
    const levels = [deepestLevel, deepestLevel - 1].filter((level) => level >= 1);
    const load = () => {
      const bbox = map.viewBounds();
      Promise.all(
        levels.map((level) =>
          apollo.query({
            query: GRIDS_IN_VIEW,
            variables: { bbox, level, first: VIEW_LIMIT },
            fetchPolicy: 'no-cache',
          }),
        ),
      )
        .then((results) =>
          set(results.flatMap(({ data }) => data?.grids.edges.map((e) => e.node.boundary) ?? [])),
        )
        .catch(ignore);
    };
    load();
    const off = map.onViewChange(load);
    return () => {
      stale = true;
      off();
    };
  }, [apollo, active, gridId, deepestLevel]);
}
