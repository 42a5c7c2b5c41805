import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ConnectionEntity } from '../connection/connection.entity';

/** When each connection × data type is next pulled. The tick job reads due rows; no in-process timers. */
@Entity({ name: 'sync_schedule' })
@Index('ix_sync_schedule_due', ['nextRunAt'])
export class SyncScheduleEntity {
  @PrimaryColumn({ name: 'connection_id', type: 'uuid', primaryKeyConstraintName: 'pk_sync_schedule' })
  connectionId!: string;

  @PrimaryColumn({ name: 'data_type', type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_sync_schedule' })
  dataType!: string;

  @ManyToOne(() => ConnectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'connection_id', foreignKeyConstraintName: 'fk_sync_schedule_connection' })
  connection?: ConnectionEntity;

  @Column({ name: 'next_run_at', type: 'timestamptz' })
  nextRunAt!: Date;

  @Column({ name: 'last_run_at', type: 'timestamptz', nullable: true })
  lastRunAt!: Date | null;
}
