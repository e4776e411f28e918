/**
 * Codes for grids an edit creates (createGrid without a code, the new pieces of a split).
 *
 * Codes are hierarchical and, once given, never change: integrators, ledgers and history
 * refer to grids by them. A new child of a parent continues its siblings' numbering: the
 * parent's code, the separator the siblings use ('' for 371323101 → 371323101201, '-' for
 * 371323101201 → 371323101201-03) and the next number after the highest one ever used under
 * that parent (current grids and grid_history alike, so a deleted grid's code is never
 * reissued to a different place), zero-padded to the siblings' width. With no siblings to
 * follow, children are numbered `<parent>-01`, `<parent>-02` … A grid with no parent gets
 * `<code>-2`, `<code>-3` … after the code of the grid it came from.
 */

/**
 * The first `count` free codes for new children of `parentCode` (or after `baseCode` without
 * a parent). `siblingCodes`: codes the parent's children have or had; `takenCodes`: every
 * code in use or in history that could collide.
 */
export function nextGridCodes(
  parentCode: string | null,
  baseCode: string,
  siblingCodes: Iterable<string>,
  takenCodes: Iterable<string>,
  count: number,
): string[] {
  const taken = new Set([...takenCodes, ...siblingCodes]);
  const codes: string[] = [];
  if (parentCode == null) {
    for (let n = 2; codes.length < count; n++) {
      const code = `${baseCode}-${n}`;
      if (!taken.has(code)) codes.push(code);
    }
    return codes;
  }
  const pattern = new RegExp(`^${escapeRegExp(parentCode)}(-?)(\\d+)$`);
  const styles = new Map<string, { separator: string; width: number; count: number }>();
  const highest = new Map<string, number>();
  for (const code of siblingCodes) {
    const match = pattern.exec(code);
    if (!match) continue;
    const [, separator, digits] = match;
    const key = `${separator}|${digits.length}`;
    const style = styles.get(key) ?? { separator, width: digits.length, count: 0 };
    style.count++;
    styles.set(key, style);
    highest.set(separator, Math.max(highest.get(separator) ?? 0, Number(digits)));
  }
  // the style most siblings use; ties go to the wider, then to '-'
  const style = [...styles.values()].sort(
    (a, b) => b.count - a.count || b.width - a.width || b.separator.localeCompare(a.separator),
  )[0] ?? { separator: '-', width: 2, count: 0 };
  for (let n = (highest.get(style.separator) ?? 0) + 1; codes.length < count; n++) {
    const code = `${parentCode}${style.separator}${String(n).padStart(style.width, '0')}`;
    if (!taken.has(code)) codes.push(code);
  }
  return codes;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}
