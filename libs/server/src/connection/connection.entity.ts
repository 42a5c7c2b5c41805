import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ConnectionStatus } from '@ledgerlink/models';
import { CompanyEntity } from '../company/company.entity';

@Entity({ name: 'connection' })
@Index('ix_connection_company', ['companyId', 'createdAt'])
export class ConnectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'company_id', type: 'uuid' })
  companyId!: string;

  @ManyToOne(() => CompanyEntity, (c) => c.connections, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id', foreignKeyConstraintName: 'fk_connection_company' })
  company?: CompanyEntity;

  @Column({ name: 'platform_key', type: 'varchar', length: 4 })
  platformKey!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: ConnectionStatus;

  /** AES-256-GCM sealed JSON of the credentials (see SecretBox). Never returned, never logged. */
  @Column({ name: 'credentials_enc', type: 'bytea', nullable: true })
  credentialsEnc!: Buffer | null;

  @Column({ name: 'connection_info', type: 'jsonb', nullable: true })
  connectionInfo!: Record<string, unknown> | null;

  @Column({ name: 'last_error', type: 'jsonb', nullable: true })
  lastError!: { statusCode: string; statusText: string; errorMessage: string; erroredOnUtc: string } | null;

  @Column({ name: 'last_sync', type: 'timestamptz', nullable: true })
  lastSync!: Date | null;

  @Column({ name: 'linked_at', type: 'timestamptz', nullable: true })
  linkedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
