import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 网格层级: a level of the hierarchy and the enterprise classes it answers for. */
@Entity('grid_level')
export class GridLevelEntity {
  @PrimaryColumn({ type: 'smallint' })
  level: number;

  @Column({ name: 'name_zh', type: 'text' })
  nameZh: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  @Column({ name: 'enterprise_classes', type: 'text', array: true })
  enterpriseClasses: string[];
}
