import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Maps an industry-code prefix or an enterprise class to the department that supervises it. */
@Entity('sector_rule')
export class SectorRuleEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'department_id', type: 'bigint' })
  departmentId: string;

  @Column({ name: 'industry_prefix', type: 'text', nullable: true })
  industryPrefix: string | null;

  @Column({ name: 'enterprise_class', type: 'text', nullable: true })
  enterpriseClass: string | null;
}
