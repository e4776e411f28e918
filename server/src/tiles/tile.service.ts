/**
 * Vector tiles of one viewer's territory: PostGIS encodes them where it can (ST_AsMVT),
 * Node does (geojson-vt + vt-pbf) where it cannot; the feature selection is the same SQL.
 */
import type { Capabilities } from '@gridwarden/db';
import type { Viewer } from '../auth/viewer';
import { encodeGeojsonTile } from './geojson-tile.encoder';
import type { TileAddress } from './tile-address';
import { ENTERPRISE_POINT_MIN_ZOOM, gridLevelMinZoom, SOURCE_MAX_ZOOM } from './tile.policy';
import { isGridId, type TileRepository } from './tile.repository';
import type {
  EnterpriseTileSummary,
  GridTileSummary,
  TileJson,
  TileSet,
  ViolationTileSummary,
} from './tile.types';

export type TileEncoder = 'postgis' | 'node';

const WORLD: [number, number, number, number] = [-180, -85.0511, 180, 85.0511];

const FIELDS: Record<TileSet, TileJson<unknown>['vector_layers']> = {
  grids: [
    {
      id: 'grids',
      description: 'Grid boundaries of the levels shown at this zoom',
      fields: {
        id: 'Number',
        code: 'String',
        name: 'String',
        level: 'Number',
        parent_id: 'Number',
        enterprise_count: 'Number (base grids and their parents only)',
      },
    },
    {
      id: 'grid_labels',
      description: 'One label point per grid, inside it',
      fields: { id: 'Number', code: 'String', name: 'String', level: 'Number' },
    },
  ],
  enterprises: [
    {
      id: 'enterprises',
      description: `Enterprise points from zoom ${ENTERPRISE_POINT_MIN_ZOOM}; below it, cluster features`,
      fields: {
        id: 'Number',
        name: 'String',
        scale: 'ABOVE | BELOW | MICRO | INDIVIDUAL',
        high_risk: 'Boolean',
        risk_classes: 'String (comma-separated)',
        nine_small: 'Boolean',
        key_fire_unit: 'Boolean',
        major_hazard: 'Boolean',
        status: 'OPERATING | SUSPENDED | CLOSED',
        base_grid_id: 'Number',
        cluster: 'Boolean (clusters only)',
        count: 'Number (clusters only)',
        high_risk_count: 'Number (clusters only)',
      },
    },
  ],
  violations: [
    {
      id: 'violations',
      description: 'Stored coverage violations; polygons under 8 × 8 px come as points',
      fields: {
        id: 'Number',
        rule: 'String',
        severity: 'ERROR | WARNING',
        focus_id: 'Number',
        measure: 'Number',
        unit: 'm2 | m | count | days',
        grid_ids: 'String (comma-separated)',
        enterprise_ids: 'String (comma-separated)',
        message_zh: 'String',
        message_en: 'String',
      },
    },
  ],
};

export class TileService {
  readonly encoder: TileEncoder;

  constructor(
    private readonly repository: TileRepository,
    capabilities: Pick<Capabilities, 'asMvt'>,
  ) {
    this.encoder = capabilities.asMvt ? 'postgis' : 'node';
  }

  /**
   * One encoded tile of the viewer's territory; empty bytes when nothing of it is in the
   * tile (or the viewer's scope grid no longer exists).
   */
  async tile(
    set: TileSet,
    viewer: Pick<Viewer, 'scopeGridId'>,
    address: TileAddress,
    encoder: TileEncoder = this.encoder,
  ): Promise<Uint8Array> {
    const root = viewer.scopeGridId;
    if (!isGridId(root)) return new Uint8Array(0);
    if (encoder === 'postgis') return this.repository.mvt(set, root, address);
    return encodeGeojsonTile(await this.repository.features(set, root, address), address);
  }

  /** TileJSON for a tile set, with the bounds and counts of the viewer's territory. */
  async tileJson(
    set: TileSet,
    viewer: Pick<Viewer, 'scopeGridId'>,
    tileUrl: string,
  ): Promise<TileJson<GridTileSummary | EnterpriseTileSummary | ViolationTileSummary>> {
    const root = isGridId(viewer.scopeGridId) ? viewer.scopeGridId : null;
    const bounds = (root === null ? null : await this.repository.bounds(root)) ?? WORLD;
    const summary =
      set === 'grids'
        ? await this.gridSummary(root)
        : set === 'enterprises'
          ? await this.enterpriseSummary(root)
          : await this.violationSummary(root);
    return {
      tilejson: '3.0.0',
      name: `gridwarden-${set}`,
      description: `Gridwarden ${set} in the viewer's territory`,
      tiles: [tileUrl],
      minzoom: 0,
      maxzoom: SOURCE_MAX_ZOOM,
      bounds,
      vector_layers: FIELDS[set],
      gridwarden: summary,
    };
  }

  private async gridSummary(root: string | null): Promise<GridTileSummary> {
    if (!root) return { levels: [] };
    const rows = await this.repository.gridCounts(root);
    return {
      levels: rows.map((r) => ({
        level: r.level,
        minzoom: gridLevelMinZoom(r.level, r.top, r.base),
        count: r.count,
      })),
    };
  }

  private async enterpriseSummary(root: string | null): Promise<EnterpriseTileSummary> {
    const byFlags = root ? await this.repository.enterpriseCounts(root) : [];
    return {
      pointMinZoom: ENTERPRISE_POINT_MIN_ZOOM,
      count: byFlags.reduce((sum, r) => sum + r.count, 0),
      byFlags,
    };
  }

  private async violationSummary(root: string | null): Promise<ViolationTileSummary> {
    const rows = root ? await this.repository.violationCounts(root) : [];
    return {
      count: rows.reduce((sum, r) => sum + r.count, 0),
      byRule: Object.fromEntries(rows.map((r) => [r.rule, r.count])),
    };
  }
}
