import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A named person who answers for grids (实名制). Phones are confidential (seed 003 附件 §6). */
@Entity('person')
export class PersonEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
