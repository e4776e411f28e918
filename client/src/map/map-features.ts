import type { Feature, FeatureCollection, Geometry, Point, Position } from 'geojson';
import type { MapEnterprise, MapGrid } from '../api/map-data.queries';
import {
  enterpriseMapClass,
  enterpriseMapClassRank,
  type EnterpriseMapClass,
} from './enterprise-class';

export interface GridFeatureProperties {
  gridId: string;
  code: string;
  name: string;
  level: number;
  enterpriseCount: number;
}

export interface EnterpriseFeatureProperties {
  enterpriseId: string;
  name: string;
  mapClass: EnterpriseMapClass;
  rank: number;
}

/** West-south and east-north corners, in degrees. */
export type Bounds = [[number, number], [number, number]];

// MapLibre feature-state needs numeric feature ids; a grid's position in its layer is enough.
export function gridFeatureCollection(
  grids: readonly MapGrid[],
): FeatureCollection<Geometry, GridFeatureProperties> {
  return {
    type: 'FeatureCollection',
    features: grids.map((grid, index): Feature<Geometry, GridFeatureProperties> => ({
      type: 'Feature',
      id: index + 1,
      geometry: grid.boundary,
      properties: {
        gridId: grid.id,
        code: grid.code,
        name: grid.name,
        level: grid.level,
        enterpriseCount: grid.enterpriseCount,
      },
    })),
  };
}

export function enterpriseFeatureCollection(
  enterprises: readonly MapEnterprise[],
): FeatureCollection<Point, EnterpriseFeatureProperties> {
  return {
    type: 'FeatureCollection',
    features: enterprises.map((enterprise, index): Feature<Point, EnterpriseFeatureProperties> => {
      const mapClass = enterpriseMapClass(enterprise);
      return {
        type: 'Feature',
        id: index + 1,
        geometry: { type: 'Point', coordinates: [enterprise.lon, enterprise.lat] },
        properties: {
          enterpriseId: enterprise.id,
          name: enterprise.name,
          mapClass,
          rank: enterpriseMapClassRank(mapClass),
        },
      };
    }),
  };
}

/** How many enterprises fall in each map class (the legend shows these). */
export function countByMapClass(
  enterprises: readonly MapEnterprise[],
): Record<EnterpriseMapClass, number> {
  const counts: Record<EnterpriseMapClass, number> = {
    HIGH_RISK: 0,
    NINE_SMALL: 0,
    ABOVE_SCALE: 0,
    OTHER: 0,
  };
  for (const enterprise of enterprises) counts[enterpriseMapClass(enterprise)] += 1;
  return counts;
}

/**
 * The bounding box of some geometries, or null when they hold no coordinates.
 * @example boundsOf([{ type: 'Point', coordinates: [1, 2] }]) // [[1, 2], [1, 2]]
 */
export function boundsOf(geometries: Iterable<Geometry>): Bounds | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const visit = (position: Position): void => {
    const [lon, lat] = position;
    if (lon < west) west = lon;
    if (lon > east) east = lon;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  };
  for (const geometry of geometries) forEachPosition(geometry, visit);
  return west <= east
    ? [
        [west, south],
        [east, north],
      ]
    : null;
}

function forEachPosition(geometry: Geometry, visit: (position: Position) => void): void {
  switch (geometry.type) {
    case 'Point':
      visit(geometry.coordinates);
      return;
    case 'MultiPoint':
    case 'LineString':
      geometry.coordinates.forEach(visit);
      return;
    case 'MultiLineString':
    case 'Polygon':
      for (const line of geometry.coordinates) line.forEach(visit);
      return;
    case 'MultiPolygon':
      for (const polygon of geometry.coordinates) for (const ring of polygon) ring.forEach(visit);
      return;
    case 'GeometryCollection':
      for (const member of geometry.geometries) forEachPosition(member, visit);
      return;
  }
}
