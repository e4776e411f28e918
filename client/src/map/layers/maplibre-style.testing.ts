import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { GridwardenLayerSpecification } from './layer-spec.types';

/**
 * MapLibre's own validator's complaints about some layers, as strings (empty when valid).
 * Spec-only: catches what TypeScript cannot, such as a zoom expression nested in a `case`.
 */
export function styleErrors(
  layers: GridwardenLayerSpecification[],
  sourceIds: readonly string[],
): string[] {
  const sources = Object.fromEntries(
    sourceIds.map((id) => [
      id,
      { type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: [] } },
    ]),
  );
  return validateStyleMin({ version: 8, sources, layers }).map((error) => error.message);
}
