import { BACKGROUND_COLOR } from './grid-layers';
import type { StyleSpecification } from './layer-spec.types';

/**
 * The map style before any data: a plain background and nothing fetched from the
 * internet (deployments are often offline). No glyphs, so no symbol layers: names are
 * shown in the hover tooltip instead.
 */
export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_COLOR } },
    ],
  };
}
