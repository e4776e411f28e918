import type { Point } from 'geojson';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EnterpriseStatus, Scale } from '../reference/enterprise-classes';

/** 生产经营单位: a business or institution under supervision, located by a point. */
@Entity('enterprise')
export class EnterpriseEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  /** 统一社会信用代码, GB 32100-2015 */
  @Column({ type: 'char', length: 18 })
  uscc: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Column({ type: 'geometry', spatialFeatureType: 'Point', srid: 4326 })
  location: Point;

  /** GB/T 4754-2017, section letter + division digits */
  @Column({ name: 'industry_code', type: 'text' })
  industryCode: string;

  @Column({ type: 'text' })
  scale: Scale;

  @Column({ name: 'risk_classes', type: 'text', array: true })
  riskClasses: string[];

  @Column({ name: 'nine_small', type: 'boolean' })
  nineSmall: boolean;

  @Column({ name: 'key_fire_unit', type: 'boolean' })
  keyFireUnit: boolean;

  @Column({ name: 'major_hazard', type: 'boolean' })
  majorHazard: boolean;

  @Column({ type: 'integer' })
  employees: number;

  @Column({ type: 'text' })
  status: EnterpriseStatus;

  @Column({ name: 'legal_representative', type: 'text', nullable: true })
  legalRepresentative: string | null;

  @Column({ name: 'safety_manager', type: 'text', nullable: true })
  safetyManager: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  /** Derived spatially from the location; kept current on every write. */
  @Column({ name: 'base_grid_id', type: 'bigint', nullable: true })
  baseGridId: string | null;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
