import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 行业监管部门: a sector regulator (seed 002). */
@Entity('department')
export class DepartmentEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ name: 'name_zh', type: 'text' })
  nameZh: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  /** 综合监管: oversees all sectors. */
  @Column({ type: 'boolean' })
  comprehensive: boolean;
}
