import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AssignmentRole } from '../reference/enterprise-classes';

/** A person's role on a grid for a period; an ended assignment keeps its history. */
@Entity('grid_assignment')
export class GridAssignmentEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'grid_id', type: 'bigint' })
  gridId: string;

  @Column({ name: 'person_id', type: 'bigint' })
  personId: string;

  @Column({ type: 'text' })
  role: AssignmentRole;

  @Column({ type: 'timestamptz' })
  since: Date;

  @Column({ type: 'timestamptz', nullable: true })
  until: Date | null;
}
