/**
 * Fitting a new grid shape to its surroundings before it is saved: snapping a sketch onto
 * its neighbours, clipping it to its parent, trimming it against its siblings or them
 * against it, and checking it stays inside the editor's scope.
 *
 * Every step's output is validated again before the next step uses it, so no overlay ever
 * runs on a geometry the validator has not accepted (the embedded PostGIS cannot survive a
 * GEOS exception), and every overlay's areas are checked, so an empty result where area
 * must exist stops the edit instead of being saved.
 */
import type { MultiPolygon, Position } from 'geojson';
import type { Viewer } from '../auth/viewer';
import { ForbiddenError, UserInputError } from '../graphql/errors';
import { validatePolygonGeometry } from '../geo/polygon.validation';
import { metresPerDegree, snapPolygonToReference } from '../geo/vertex.snap';
import type { EditableGrid, GridEditRepository, OverlayAreas } from './grid-edit.repository';
import { TrimSiblings } from './grid-edit.types';

/** Largest snapping tolerance accepted, in metres: beyond it snapping redraws, not fixes. */
export const MAX_SNAP_TOLERANCE_M = 50;

export interface EditOptions {
  clipToParent: boolean;
  trimSiblings: TrimSiblings;
  snapToleranceMeters: number;
}

export const DEFAULT_EDIT_OPTIONS: EditOptions = {
  clipToParent: true,
  trimSiblings: TrimSiblings.NONE,
  snapToleranceMeters: 0,
};

/** A sibling cut back by a new shape, and its boundary afterwards. */
export interface CutBack {
  grid: EditableGrid;
  boundary: string;
}

/** The rings of a GeoJSON MultiPolygon text, as reference linework for snapping. */
export function ringsOf(boundary: string): Position[][] {
  const geometry = JSON.parse(boundary) as MultiPolygon;
  return geometry.coordinates.flat();
}

/** "371323101201-03 (东网格)" */
export function gridLabel(grid: Pick<EditableGrid, 'code' | 'name'>): string {
  return `${grid.code} (${grid.name})`;
}

export class GridShaper {
  constructor(
    private readonly repo: GridEditRepository,
    private readonly minPartM2: number,
  ) {}

  /**
   * Validates GeoJSON text a step produced and returns it normalised; a shape the validator
   * refuses is reported as what the step did to the user's shape.
   */
  accept(text: string, step: string): string {
    const checked = validatePolygonGeometry(JSON.parse(text));
    if (!checked.valid) {
      throw new UserInputError(`${step} gives an invalid shape: ${checked.message}`, {
        reason: checked.reason,
        location: checked.location,
      });
    }
    return JSON.stringify(checked.geometry);
  }

  /** Snaps a drawn shape onto the parent and the siblings near it (other than `excludeIds`). */
  async snap(
    shape: MultiPolygon,
    parent: EditableGrid | null,
    excludeIds: readonly string[],
    toleranceM: number,
  ): Promise<string> {
    const text = JSON.stringify(shape);
    if (toleranceM <= 0) return text;
    const lats = shape.coordinates.flat(2).map((p) => p[1]);
    const perDegree = metresPerDegree((Math.min(...lats) + Math.max(...lats)) / 2);
    // widened by half, so the box query never misses a neighbour within the tolerance
    const distanceDeg = (1.5 * toleranceM) / Math.min(perDegree.lon, perDegree.lat);
    const neighbours = await this.repo.siblingsNear(
      parent?.id ?? null,
      excludeIds,
      text,
      distanceDeg,
    );
    const reference = [...neighbours, ...(parent ? [parent] : [])].flatMap((g) =>
      ringsOf(g.boundary),
    );
    const snapped = snapPolygonToReference(shape, reference, toleranceM).geometry;
    const checked = validatePolygonGeometry(snapped);
    if (!checked.valid) {
      throw new UserInputError(
        `snapping to the neighbouring grids within ${toleranceM} m makes the shape invalid: ${checked.message}; lower snapToleranceMeters or redraw the shape there`,
        { reason: checked.reason, location: checked.location },
      );
    }
    return JSON.stringify(checked.geometry);
  }

  /** The shape within its parent: unchanged when the parent covers it. */
  async clip(shape: string, parent: EditableGrid, label: string): Promise<string> {
    const r = await this.repo.clip(shape, parent.id, this.minPartM2);
    if (r.covered) return shape;
    if (r.meet && !(r.keptArea > 0)) {
      throw new Error(
        `grid edit engine failure: the intersection of ${label} with grid ${parent.code} came back empty though they overlap`,
      );
    }
    if (!r.result) {
      throw new UserInputError(
        `${label} lies outside its parent grid ${gridLabel(parent)}: nothing of it is left after clipping to the parent (clipToParent)`,
      );
    }
    return this.accept(r.result, `clipping ${label} to its parent ${parent.code}`);
  }

  /** The shape less the siblings it overlaps (trimSiblings: NEW). */
  async giveWay(
    shape: string,
    parentId: string | null,
    excludeIds: readonly string[],
    label: string,
  ): Promise<string> {
    const overlapping = await this.repo.siblingsOverlapping(parentId, excludeIds, shape);
    if (overlapping.length === 0) return shape;
    const r = await this.repo.shapeLessGrids(shape, overlapping, this.minPartM2);
    this.checkAreas(r, `trimming ${label} to its siblings`);
    if (!r.result) {
      throw new UserInputError(
        `${label} lies entirely within its siblings: nothing of it is left after giving way to them (trimSiblings: NEW)`,
      );
    }
    return this.accept(r.result, `trimming ${label} to its siblings`);
  }

  /** Siblings the shapes overlap, each cut back by all of them (trimSiblings: EXISTING). */
  async cutBack(
    shapes: readonly string[],
    parentId: string | null,
    excludeIds: readonly string[],
  ): Promise<CutBack[]> {
    const ids = new Set<string>();
    for (const shape of shapes) {
      for (const id of await this.repo.siblingsOverlapping(parentId, excludeIds, shape))
        ids.add(id);
    }
    if (ids.size === 0) return [];
    const grids = await this.repo.grids([...ids]);
    const cuts: CutBack[] = [];
    for (const grid of grids.values()) {
      let boundary = grid.boundary;
      for (const shape of shapes) {
        const r = await this.repo.shapeLessShape(boundary, shape, this.minPartM2);
        this.checkAreas(r, `cutting back grid ${grid.code}`);
        if (!r.result) {
          throw new UserInputError(
            `the new shape covers all of grid ${gridLabel(grid)}: cutting it back would leave nothing (trimSiblings: EXISTING); merge or delete it instead`,
          );
        }
        boundary = this.accept(r.result, `cutting back grid ${grid.code}`);
      }
      cuts.push({ grid, boundary });
    }
    return cuts;
  }

  /** Clips (clipToParent) and trims (trimSiblings) new shapes under one parent. */
  async fit(
    shapes: readonly string[],
    parent: EditableGrid | null,
    excludeIds: readonly string[],
    options: EditOptions,
    labels: readonly string[],
  ): Promise<{ shapes: string[]; cutBack: CutBack[] }> {
    const fitted: string[] = [];
    for (const [i, original] of shapes.entries()) {
      let shape = original;
      if (options.clipToParent && parent) shape = await this.clip(shape, parent, labels[i]);
      if (options.trimSiblings === TrimSiblings.NEW) {
        shape = await this.giveWay(shape, parent?.id ?? null, excludeIds, labels[i]);
      }
      fitted.push(shape);
    }
    const cutBack =
      options.trimSiblings === TrimSiblings.EXISTING
        ? await this.cutBack(fitted, parent?.id ?? null, excludeIds)
        : [];
    return { shapes: fitted, cutBack };
  }

  /**
   * A new shape must lie within the boundary of the editor's scope root (as it is before the
   * edit), to the sliver limit; only ADMIN reshaping the root itself is exempt.
   */
  async requireInsideScope(
    viewer: Viewer,
    root: EditableGrid,
    shapes: readonly string[],
    editedIds: readonly string[],
  ): Promise<void> {
    if (viewer.role === 'ADMIN' && editedIds.includes(root.id)) return;
    for (const shape of shapes) {
      const outside = await this.repo.areaOutside(shape, root.id);
      if (outside > this.minPartM2) {
        throw new ForbiddenError(
          `the new boundary reaches ${Math.round(outside).toLocaleString('en')} m² outside your scope, grid ${gridLabel(root)}`,
        );
      }
    }
  }

  /** Input = kept + cut, to the sliver limit or a millionth of the input. */
  private checkAreas(r: OverlayAreas, step: string): void {
    const m2 = (a: number) => Number(a) * Number(r.m2PerUnit);
    const lost = Math.abs(m2(r.inputArea) - m2(r.keptArea) - m2(r.cutArea));
    if (!(lost <= Math.max(this.minPartM2, 1e-6 * m2(r.inputArea)))) {
      throw new Error(
        `grid edit engine failure: ${step} lost ${lost.toFixed(1)} m² in the overlay`,
      );
    }
  }
}
