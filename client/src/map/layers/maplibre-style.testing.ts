import {
  expression,
  validateStyleMin,
  type ExpressionSpecification,
  type StylePropertySpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { GridwardenLayerSpecification } from './layer-spec.types';

/**
 * MapLibre's own validator's complaints about some layers, as strings (empty when valid).
 * Spec-only: catches what TypeScript cannot, such as a zoom expression nested in a `case`.
 * Sources are vector tile sources unless named in `rasterSources`.
 */
export function styleErrors(
  layers: GridwardenLayerSpecification[],
  sourceIds: readonly string[],
  rasterSources: readonly string[] = [],
): string[] {
  const sources = Object.fromEntries([
    ...sourceIds.map((id) => [
      id,
      { type: 'vector' as const, tiles: ['http://localhost/tiles/{z}/{x}/{y}.mvt'] },
    ]),
    ...rasterSources.map((id) => [
      id,
      { type: 'raster' as const, tiles: ['http://localhost/{z}/{x}/{y}.png'], tileSize: 256 },
    ]),
  ]);
  return validateStyleMin({ version: 8, sources, layers }).map((error) => error.message);
}

/**
 * Evaluates a data-driven expression for one feature, as MapLibre would (spec-only).
 * @example evaluateExpression(['get', 'name'], { name: 'a' }) // 'a'
 */
export function evaluateExpression(
  expr: unknown,
  properties: Record<string, unknown>,
  options: { zoom?: number; type?: 'Point' | 'Polygon'; state?: Record<string, unknown> } = {},
): unknown {
  const spec = {
    type: '*',
    'property-type': 'data-driven',
    expression: { interpolated: false, parameters: ['zoom', 'feature', 'feature-state'] },
  } as unknown as StylePropertySpecification;
  const compiled = expression.createExpression(expr as ExpressionSpecification, 'test', spec);
  if (compiled.result !== 'success') {
    throw new Error(compiled.value.map((e) => e.message).join('; '));
  }
  return compiled.value.evaluate(
    { zoom: options.zoom ?? 14 },
    { type: options.type ?? 'Point', properties } as never,
    options.state as never,
  );
}
