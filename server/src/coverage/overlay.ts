/**
 * Grid (in degrees, about 0.01 mm) that every overlay of the area rules snaps to. A fixed
 * precision makes GEOS use snap-rounding, which never fails; the default floating overlay
 * falls back through internal exceptions, and the embedded (WebAssembly) PostGIS cannot
 * survive those: the whole query silently returns no rows, and over its socket the
 * connection loses sync. On the demo county 8 of the 15 town-level GAP differences took that
 * path. Fine enough that snapping moves no area near the sliver limit.
 */
export const OVERLAY_GRID_DEG = 1e-10;
