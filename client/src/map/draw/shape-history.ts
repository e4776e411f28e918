/**
 * The steps of one drawing or reshape, for undo before saving: the shape it started from, then
 * one entry per finished step (a corner dragged, a midpoint added, a corner deleted). Pure.
 */
import type { Position } from './geometry';

export type Shape = readonly Position[];

export class ShapeHistory {
  private steps: Position[][] = [];

  /** Starts over from `original` (the shape undo goes back to at most); empty when none. */
  reset(original: Shape | null): void {
    this.steps = original ? [copy(original)] : [];
  }

  /** Records a finished step; a shape equal to the last one is not a step. */
  push(shape: Shape): void {
    const last = this.steps[this.steps.length - 1];
    if (last && sameShape(last, shape)) return;
    this.steps.push(copy(shape));
  }

  /** Whether there is a step to undo (the original itself is never undone). */
  get canUndo(): boolean {
    return this.steps.length > 1;
  }

  /** Steps recorded after the original. */
  get depth(): number {
    return Math.max(0, this.steps.length - 1);
  }

  /** Drops the last step and answers the shape before it; null when there is none to undo. */
  undo(): Position[] | null {
    if (!this.canUndo) return null;
    this.steps.pop();
    return copy(this.steps[this.steps.length - 1]);
  }

  /** The shape the history started from. */
  get original(): Position[] | null {
    return this.steps.length > 0 ? copy(this.steps[0]) : null;
  }
}

export function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((p, i) => p[0] === b[i][0] && p[1] === b[i][1]);
}

function copy(shape: Shape): Position[] {
  return shape.map(([x, y]) => [x, y] as Position);
}
