import type { MultiPolygon } from 'geojson';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 网格: the current version of a polygon of responsibility. Closed versions live in grid_history. */
@Entity('grid')
export class GridEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
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

  /** seed 003 §4: a small village may be one grid, a large industrial zone its own. */
  @Column({ name: 'size_exempt', type: 'boolean' })
  sizeExempt: boolean;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'valid_from', type: 'timestamptz' })
  validFrom: Date;

  @Column({ name: 'valid_to', type: 'timestamptz', nullable: true })
  validTo: Date | null;
}
