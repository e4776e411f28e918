import { describe, expect, it } from '@jest/globals';
import { isUndoKey } from './use-undo';

const press = (key: string, held: { ctrl?: boolean; meta?: boolean; shift?: boolean } = {}) => ({
  key,
  ctrlKey: held.ctrl ?? false,
  metaKey: held.meta ?? false,
  shiftKey: held.shift ?? false,
});

describe('isUndoKey', () => {
  it('is Ctrl+Z, or ⌘Z on a Mac, whatever the case of the letter', () => {
    expect(isUndoKey(press('z', { ctrl: true }))).toBe(true);
    expect(isUndoKey(press('Z', { ctrl: true }))).toBe(true);
    expect(isUndoKey(press('z', { meta: true }))).toBe(true);
  });

  it('is not Z alone, Ctrl+Shift+Z (redo) or another letter', () => {
    expect(isUndoKey(press('z'))).toBe(false);
    expect(isUndoKey(press('z', { ctrl: true, shift: true }))).toBe(false);
    expect(isUndoKey(press('y', { ctrl: true }))).toBe(false);
  });
});
