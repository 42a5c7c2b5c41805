import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ConnectionEntity } from '../connection/connection.entity';

/** What a connector keeps through the platform (the sandbox's written records). */
@Entity({ name: 'connector_record' })
export class ConnectorRecordEntity {
  @PrimaryColumn({ name: 'connection_id', type: 'uuid', primaryKeyConstraintName: 'pk_connector_record' })
  connectionId!: string;

  @PrimaryColumn({ name: 'data_type', type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_connector_record' })
  dataType!: string;

  @PrimaryColumn({ name: 'record_id', type: 'varchar', length: 255, primaryKeyConstraintName: 'pk_connector_record' })
  recordId!: string;

  @ManyToOne(() => ConnectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'connection_id', foreignKeyConstraintName: 'fk_connector_record_connection' })
  connection?: ConnectionEntity;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** Results of write operations by key, so a retried operation never writes twice. */
@Entity({ name: 'connector_operation' })
export class ConnectorOperationEntity {
  @PrimaryColumn({ name: 'connection_id', type: 'uuid', primaryKeyConstraintName: 'pk_connector_operation' })
  connectionId!: string;

  @PrimaryColumn({ name: 'key', type: 'varchar', length: 100, primaryKeyConstraintName: 'pk_connector_operation' })
  key!: string;

  @ManyToOne(() => ConnectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'connection_id', foreignKeyConstraintName: 'fk_connector_operation_connection' })
  connection?: ConnectionEntity;

  @Column({ type: 'jsonb' })
  result!: Record<string, unknown>;

  @UpdateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
