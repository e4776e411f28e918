/**
 * Grid (in degrees, about 0.01 mm) that every overlay of the area rules snaps to. A fixed
 * precision makes GEOS use snap-rounding, which never fails; the default floating overlay
 * falls back through internal exceptions, and the embedded (WebAssembly) PostGIS cannot
 * survive those: the whole query silently returns no rows, and over its socket the
 * connection loses sync. On the demo county 8 of the 15 town-level GAP differences took that
 * path. Fine enough that snapping moves no area near the sliver limit.
 */
export const OVERLAY_GRID_DEG = 1e-10;

/**
 * The body of a `checked` CTE over `cut` that lets a row through only when its two-way
 * overlay came back whole: pieces `a` and `b` of a shape of area `total` (in the shape's own
 * units, `cut.m2_per_unit` converting). A NULL piece, or more area lost than the sliver limit
 * (`params.min_area`), raises "coverage engine failure: RULE: <what> …" by casting the message
 * to int, so a broken overlay never reads as "no violation" (the rule contract has no
 * TypeScript post-processing hook). `what` is SQL text naming the overlay.
 */
export function overlayGuardSql(rule: string, what: string, total: string, a: string, b: string) {
  const lost = `abs(${total} - ST_Area(${a}) - ST_Area(${b})) * cut.m2_per_unit`;
  const fail = (tail: string) => `('coverage engine failure: ${rule}: ' || ${what} || ${tail})::int = 0`;
  return `SELECT cut.*, params.min_area
  FROM cut, params
  WHERE CASE
    WHEN ${a} IS NULL OR ${b} IS NULL THEN ${fail(`' came back NULL'`)}
    WHEN ${lost} > params.min_area THEN ${fail(`' lost ' || round((${lost})::numeric, 1) || ' m²'`)}
    ELSE true END`;
}
