import { useEffect, useRef } from 'react';
import type { Position } from '../../map/draw/geometry';
import { sameShape } from '../../map/draw/shape-history';

/** Whether a key press is the undo shortcut (Ctrl+Z, ⌘Z on a Mac; not with Shift: that is redo). */
export function isUndoKey(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey'>,
): boolean {
  return (event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z';
}

/** Ctrl+Z calls `undo` while `enabled`, unless the planner is typing in a field (its own undo). */
export function useUndoShortcut(enabled: boolean, undo: () => void): void {
  const latest = useRef(undo);
  latest.current = undo;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable=true]')) return;
      if (!isUndoKey(event)) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}

/**
 * Calls `stale` once the shape differs from the one previewed (an undo, a corner moved): the
 * preview no longer says what saving would do. `previewed` is the ring the preview was asked for.
 */
export function useStalePreview(
  previewed: readonly Position[] | null,
  ring: readonly Position[] | null,
  stale: () => void,
): void {
  const latest = useRef(stale);
  latest.current = stale;
  useEffect(() => {
    if (previewed && ring && !sameShape(previewed, ring)) latest.current();
  }, [previewed, ring]);
}
