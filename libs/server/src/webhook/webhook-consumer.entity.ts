import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ClientEntity } from '../auth/client.entity';

export type WebhookConsumerKind = 'consumer' | 'rule';

/**
 * An endpoint that receives events: a webhook consumer (`/webhooks`) or a legacy rule (`/rules`,
 * one legacy event type, optional company filter). Both use the same delivery machinery.
 */
@Entity({ name: 'webhook_consumer' })
@Index('ix_webhook_consumer_client', ['clientId', 'createdAt'])
export class WebhookConsumerEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId!: string;

  @ManyToOne(() => ClientEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'fk_webhook_consumer_client' })
  client?: ClientEntity;

  @Column({ type: 'varchar', length: 10 })
  kind!: WebhookConsumerKind;

  /** Null only for a legacy rule that notifies by email alone (emails are stored, not sent). */
  @Column({ type: 'varchar', length: 2048, nullable: true })
  url!: string | null;

  /** Canonical event types (legacy labels normalised), matched exactly. */
  @Column({ name: 'event_types', type: 'text', array: true })
  eventTypes!: string[];

  /** `key:value` strings; empty = every company. */
  @Column({ name: 'company_tags', type: 'text', array: true })
  companyTags!: string[];

  /** Legacy rules: only events of this company (no foreign key: the rule outlives the company). */
  @Column({ name: 'company_id', type: 'uuid', nullable: true })
  companyId!: string | null;

  /** Legacy rules: the `type` string as the client sent it. */
  @Column({ name: 'rule_type', type: 'varchar', length: 200, nullable: true })
  ruleType!: string | null;

  /** Legacy rules: `notifiers.emails` (stored and returned; no email is sent). */
  @Column({ type: 'text', array: true })
  emails!: string[];

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  @Column({ name: 'disabled_reason', type: 'text', nullable: true })
  disabledReason!: string | null;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  /** First failed attempt since the last success; the consumer is disabled after a configured span. */
  @Column({ name: 'failing_since', type: 'timestamptz', nullable: true })
  failingSince!: Date | null;

  /** SecretBox-sealed JSON `{current, previous: [{key, expiresAt}]}`, bound to the consumer id. */
  @Column({ name: 'secrets_enc', type: 'bytea' })
  secretsEnc!: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
