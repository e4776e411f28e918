import { graphql } from '../generated';
import type { MapGridLevelsQuery } from '../generated/graphql';

export type GridLevel = MapGridLevelsQuery['gridLevels'][number];

export const GRID_LEVELS_QUERY = graphql(`
  query MapGridLevels {
    gridLevels {
      level
      nameZh
      nameEn
    }
  }
`);
