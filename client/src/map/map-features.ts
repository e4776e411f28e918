import { enterpriseMapClass, type EnterpriseMapClass } from './enterprise-class';
import { MAP_VIOLATION_RULES, type MapViolationRule } from './layers/violation-layers';

/** Properties of a feature of the grid tiles' `grids` layer (server/src/tiles). */
export interface GridTileProperties {
  id: number;
  code: string;
  name: string;
  level: number;
  parent_id?: number;
  /** Only on base grids and their parents (a town's count would cost too much per tile). */
  enterprise_count?: number;
}

/** Properties of a single enterprise in the enterprise tiles (clusters have `cluster`). */
export interface EnterpriseTileProperties {
  id: number;
  name: string;
  scale: string;
  high_risk: boolean;
  nine_small: boolean;
  cluster?: true;
}

export interface ViolationTileProperties {
  id: number;
  rule: string;
  severity: string;
  message_zh: string;
  message_en: string;
}

/** West-south and east-north corners, in degrees. */
export type Bounds = [[number, number], [number, number]];

/**
 * TileJSON's [west, south, east, north] as MapLibre bounds.
 * @example boundsFromTileJson([118.2, 35.5, 119, 36.2]) // [[118.2, 35.5], [119, 36.2]]
 */
export function boundsFromTileJson([west, south, east, north]: [
  number,
  number,
  number,
  number,
]): Bounds {
  return [
    [west, south],
    [east, north],
  ];
}

export interface HoveredGrid {
  level: number;
  name: string;
  code: string;
  /** null where the tiles do not count (levels above the base grid's parent). */
  enterpriseCount: number | null;
}

export interface HoverInfo {
  /** Pointer position in pixels from the map container's top-left corner. */
  x: number;
  y: number;
  /** Grids under the pointer, top level first (only levels that are shown). */
  grids: HoveredGrid[];
  enterprise: { name: string; mapClass: EnterpriseMapClass } | null;
  violation: { rule: MapViolationRule; messageZh: string; messageEn: string } | null;
}

/** A feature under the pointer, as the controller hands it over. */
export interface PointedFeature {
  kind: 'grid' | 'enterprise' | 'violation';
  properties: Record<string, unknown>;
  /** Feature id, for highlighting. */
  id: number | undefined;
}

/**
 * What the pointer is on: the grid chain (one per level, top first), the enterprise and the
 * violation on top, and which feature to highlight (the enterprise, else the finest grid).
 * Null when nothing is under it.
 */
export function hoverFrom(
  pointer: { x: number; y: number },
  features: readonly PointedFeature[],
): { info: HoverInfo; highlight: PointedFeature | null } | null {
  const gridByLevel = new Map<number, PointedFeature>();
  for (const feature of features) {
    const level = feature.properties.level;
    if (feature.kind === 'grid' && typeof level === 'number' && !gridByLevel.has(level)) {
      gridByLevel.set(level, feature);
    }
  }
  const enterprise = features.find((f) => f.kind === 'enterprise');
  const violation = features.find(
    (f) =>
      f.kind === 'violation' &&
      (MAP_VIOLATION_RULES as readonly unknown[]).includes(f.properties.rule),
  );
  const levels = [...gridByLevel.keys()].sort((a, b) => a - b);
  if (!enterprise && !violation && levels.length === 0) return null;

  const grids = levels.map((level): HoveredGrid => {
    const props = gridByLevel.get(level)!.properties as unknown as GridTileProperties;
    return {
      level,
      name: props.name,
      code: props.code,
      enterpriseCount: props.enterprise_count ?? null,
    };
  });
  const enterpriseProps = enterprise?.properties as EnterpriseTileProperties | undefined;
  const violationProps = violation?.properties as ViolationTileProperties | undefined;
  const finest = levels.length ? gridByLevel.get(levels[levels.length - 1])! : null;
  return {
    info: {
      ...pointer,
      grids,
      enterprise: enterpriseProps
        ? {
            name: enterpriseProps.name,
            mapClass: enterpriseMapClass({
              highRisk: enterpriseProps.high_risk === true,
              nineSmall: enterpriseProps.nine_small === true,
              scale: enterpriseProps.scale,
            }),
          }
        : null,
      violation: violationProps
        ? {
            rule: violationProps.rule as MapViolationRule,
            messageZh: violationProps.message_zh,
            messageEn: violationProps.message_en,
          }
        : null,
    },
    highlight: enterprise ?? finest,
  };
}
