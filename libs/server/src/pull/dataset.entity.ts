import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CompanyEntity } from '../company/company.entity';
import { ConnectionEntity } from '../connection/connection.entity';
import type { DatasetStatus } from './dataset-status';

/** One pull of one data type from one connection (a PullOperation on the wire). */
@Entity({ name: 'dataset' })
@Index('ux_dataset_unfinished', ['connectionId', 'dataType'], {
  unique: true,
  where: `"status" IN ('Initial', 'Queued', 'Fetching', 'MapQueued', 'Mapping', 'ValidationQueued', 'Validating', 'ProcessingQueued', 'Processing')`,
})
@Index('ix_dataset_company_requested', ['companyId', 'requested'])
@Index('ix_dataset_connection_type_requested', ['connectionId', 'dataType', 'requested'])
export class DatasetEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'company_id', type: 'uuid' })
  companyId!: string;

  @ManyToOne(() => CompanyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id', foreignKeyConstraintName: 'fk_dataset_company' })
  company?: CompanyEntity;

  @Column({ name: 'connection_id', type: 'uuid' })
  connectionId!: string;

  @ManyToOne(() => ConnectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'connection_id', foreignKeyConstraintName: 'fk_dataset_connection' })
  connection?: ConnectionEntity;

  @Column({ name: 'data_type', type: 'varchar', length: 64 })
  dataType!: string;

  @Column({ type: 'varchar', length: 32 })
  status!: DatasetStatus;

  @Column({ name: 'status_description', type: 'text', nullable: true })
  statusDescription!: string | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage!: string | null;

  @Column({ type: 'int', default: 0 })
  progress!: number;

  @Column({ type: 'timestamptz' })
  requested!: Date;

  @Column({ name: 'started', type: 'timestamptz', nullable: true })
  started!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completed!: Date | null;

  /** Records read from the source, and records that changed in the store. */
  @Column({ name: 'records_read', type: 'int', default: 0 })
  recordsRead!: number;

  @Column({ name: 'records_changed', type: 'int', default: 0 })
  recordsChanged!: number;

  /** Last sign of life from the worker running it; the sweep re-queues stale ones. */
  @Column({ name: 'heartbeat_at', type: 'timestamptz', nullable: true })
  heartbeatAt!: Date | null;

  /**
   * `full`: everything in the window was read, so records not seen were marked deleted.
   * `incremental`: only what changed since `modified_since` (the connector reports deletions).
   * Null until the run starts.
   */
  @Column({ name: 'read_mode', type: 'varchar', length: 12, nullable: true })
  readMode!: 'full' | 'incremental' | null;

  /** The history window's start the read used (null: no window). */
  @Column({ name: 'read_from', type: 'timestamptz', nullable: true })
  readFrom!: Date | null;

  /** Incremental reads: the instant passed to the connector as `modifiedSince`. */
  @Column({ name: 'modified_since', type: 'timestamptz', nullable: true })
  modifiedSince!: Date | null;

  /** Why it was queued: api, all, first-link, schedule. */
  @Column({ type: 'varchar', length: 20, default: 'api' })
  trigger!: string;
}
