import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CompanyEntity } from '../company/company.entity';
import { ConnectionEntity } from '../connection/connection.entity';

/**
 * Synced records of every data type in one table, keyed by (connection, data type, record id),
 * with the record as jsonb plus the platform's metadata columns and a content hash.
 */
@Entity({ name: 'record' })
@Index('ix_record_company_type_id', ['companyId', 'dataType', 'recordId'])
@Index('ix_record_company_type_modified', ['companyId', 'dataType', 'modifiedDate'])
// Expression indexes (migration RecordExpressionIndexes) matching what the query compiler emits.
@Index('ix_record_issue_date', { synchronize: false })
@Index('ix_record_status', { synchronize: false })
export class RecordEntity {
  @PrimaryColumn({ name: 'connection_id', type: 'uuid', primaryKeyConstraintName: 'pk_record' })
  connectionId!: string;

  @PrimaryColumn({ name: 'data_type', type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_record' })
  dataType!: string;

  @PrimaryColumn({ name: 'record_id', type: 'varchar', length: 255, primaryKeyConstraintName: 'pk_record' })
  recordId!: string;

  @ManyToOne(() => ConnectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'connection_id', foreignKeyConstraintName: 'fk_record_connection' })
  connection?: ConnectionEntity;

  @Column({ name: 'company_id', type: 'uuid' })
  companyId!: string;

  @ManyToOne(() => CompanyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id', foreignKeyConstraintName: 'fk_record_company' })
  company?: CompanyEntity;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 44 })
  hash!: string;

  @Column({ name: 'modified_date', type: 'timestamptz' })
  modifiedDate!: Date;

  @Column({ name: 'source_modified_date', type: 'timestamptz', nullable: true })
  sourceModifiedDate!: Date | null;

  @Column({ name: 'is_deleted', type: 'boolean', default: false })
  isDeleted!: boolean;
}

/** Bumped whenever a (company, data type)'s records change: keys the cached counts. */
@Entity({ name: 'record_version' })
export class RecordVersionEntity {
  @PrimaryColumn({ name: 'company_id', type: 'uuid', primaryKeyConstraintName: 'pk_record_version' })
  companyId!: string;

  @PrimaryColumn({ name: 'data_type', type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_record_version' })
  dataType!: string;

  @ManyToOne(() => CompanyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id', foreignKeyConstraintName: 'fk_record_version_company' })
  company?: CompanyEntity;

  @Column({ type: 'bigint', default: 0 })
  version!: string;
}
