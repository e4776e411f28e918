import { describe, expect, it } from '@jest/globals';
import type { Position } from './geometry';
import { sameShape, ShapeHistory } from './shape-history';

const original: Position[] = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 0],
];
const moved: Position[] = [
  [0, 0],
  [2, 0],
  [1, 1],
  [0, 0],
];
const added: Position[] = [
  [0, 0],
  [2, 0],
  [2, 1],
  [1, 1],
  [0, 0],
];

describe('ShapeHistory', () => {
  it('undoes step by step back to the original, and no further', () => {
    const history = new ShapeHistory();
    history.reset(original);
    expect(history.canUndo).toBe(false);
    history.push(moved);
    history.push(added);
    expect(history.depth).toBe(2);
    expect(history.undo()).toEqual(moved);
    expect(history.undo()).toEqual(original);
    expect(history.canUndo).toBe(false);
    expect(history.undo()).toBeNull();
    expect(history.original).toEqual(original);
  });

  it('does not count a step that changes nothing', () => {
    const history = new ShapeHistory();
    history.reset(original);
    history.push(original.map(([x, y]) => [x, y] as Position));
    expect(history.depth).toBe(0);
    history.push(moved);
    history.push(moved);
    expect(history.depth).toBe(1);
  });

  it('keeps its own copies: changing a pushed array changes no step', () => {
    const history = new ShapeHistory();
    const shape = original.map(([x, y]) => [x, y] as [number, number]);
    history.reset(shape);
    shape[1][0] = 9;
    history.push(moved);
    expect(history.undo()).toEqual(original);
  });

  it('starts empty, and over again on reset', () => {
    const history = new ShapeHistory();
    expect(history.original).toBeNull();
    history.push(original);
    history.push(moved);
    expect(history.canUndo).toBe(true);
    history.reset(null);
    expect(history.depth).toBe(0);
    expect(history.undo()).toBeNull();
  });
});

describe('sameShape', () => {
  it('compares positions in order', () => {
    expect(sameShape(original, [...original])).toBe(true);
    expect(sameShape(original, moved)).toBe(false);
    expect(sameShape(original, original.slice(1))).toBe(false);
  });
});
