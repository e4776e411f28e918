import type { MultiPolygon } from 'geojson';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A closed version of a grid, written by the grid_history trigger on every update or delete. */
@Entity('grid_history')
export class GridHistoryEntity {
  @PrimaryGeneratedColumn({ name: 'history_id', type: 'bigint' })
  historyId: string;

  @Column({ type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'smallint' })
  level: number;

  @Column({ name: 'parent_id', type: 'bigint', nullable: true })
  parentId: string | null;

  @Column({ type: 'geometry', spatialFeatureType: 'MultiPolygon', srid: 4326 })
  boundary: MultiPolygon;

  @Column({ name: 'area_m2', type: 'double precision' })
  areaM2: number;

  @Column({ name: 'size_exempt', type: 'boolean' })
  sizeExempt: boolean;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'valid_from', type: 'timestamptz' })
  validFrom: Date;

  @Column({ name: 'valid_to', type: 'timestamptz' })
  validTo: Date;
}
