import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ClientEntity } from '../auth/client.entity';

/**
 * The outbox: one row per event, written in the transaction of the state change it reports.
 * Deliveries (`webhook_message`) are created in the same statement for every matching consumer.
 */
@Entity({ name: 'webhook_event' })
@Index('ix_webhook_event_client_created', ['clientId', 'createdAt'])
export class WebhookEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId!: string;

  @ManyToOne(() => ClientEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'fk_webhook_event_client' })
  client?: ClientEntity;

  @Column({ name: 'event_type', type: 'varchar', length: 200 })
  eventType!: string;

  /** No foreign key: `company.deleted` outlives its company. */
  @Column({ name: 'company_id', type: 'uuid', nullable: true })
  companyId!: string | null;

  @Column({ name: 'connection_id', type: 'uuid', nullable: true })
  connectionId!: string | null;

  /** The company's tags when the event happened, as `key:value`. */
  @Column({ name: 'company_tags', type: 'text', array: true })
  companyTags!: string[];

  /** New style: the envelope's payload. Legacy types: the legacy body's `Data`. */
  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  /** Set for test events: only this consumer receives it. */
  @Column({ name: 'target_consumer_id', type: 'uuid', nullable: true })
  targetConsumerId!: string | null;

  /** The envelope's `generatedDate` (from the injected clock). */
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
