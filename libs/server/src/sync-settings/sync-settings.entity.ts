import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ClientEntity } from '../auth/client.entity';
import type { CompanySchedule, SyncSetting } from './sync-settings.schemas';

/** One settings document per scope: the client's defaults (scope 'client') or a company's overrides (scope = company id). */
@Entity({ name: 'sync_settings' })
@Index('ux_sync_settings_scope', ['clientId', 'scope'], { unique: true })
export class SyncSettingsEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId!: string;

  @ManyToOne(() => ClientEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'fk_sync_settings_client' })
  client?: ClientEntity;

  @Column({ type: 'varchar', length: 36 })
  scope!: string;

  @Column({ type: 'jsonb' })
  settings!: SyncSetting[];

  @Column({ name: 'overrides_defaults', type: 'boolean', default: true })
  overridesDefaults!: boolean;

  @Column({ type: 'jsonb', nullable: true })
  schedule!: CompanySchedule | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
