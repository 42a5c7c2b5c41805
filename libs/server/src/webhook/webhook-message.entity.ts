import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { WebhookConsumerEntity } from './webhook-consumer.entity';
import { WebhookEventEntity } from './webhook-event.entity';

export type WebhookMessageStatus = 'Pending' | 'Succeeded' | 'Failed';

/**
 * One event for one consumer: the unit of delivery, retry and replay, and the delivery queue
 * itself (the worker's pump claims due Pending rows). Its id is the stable `webhook-id` header.
 *
 * - Pending: `next_attempt_at` is when the next attempt is due. While an attempt is in flight the
 *   message is leased (`leased_until`, not indexed, so the claim is a HOT update); a crashed
 *   worker's message is claimable again once the lease has ended.
 * - `attempt_count` only grows and fences result writes; `retry_base` restarts the schedule on replay.
 */
@Entity({ name: 'webhook_message' })
@Unique('uq_webhook_message_event_consumer', ['eventId', 'consumerId'])
@Index('ix_webhook_message_consumer_created', ['consumerId', 'createdAt'])
@Index('ix_webhook_message_due', ['nextAttemptAt'], { where: `"status" = 'Pending'` })
export class WebhookMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => WebhookEventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'fk_webhook_message_event' })
  event?: WebhookEventEntity;

  @Column({ name: 'consumer_id', type: 'uuid' })
  consumerId!: string;

  @ManyToOne(() => WebhookConsumerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consumer_id', foreignKeyConstraintName: 'fk_webhook_message_consumer' })
  consumer?: WebhookConsumerEntity;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId!: string;

  @Column({ type: 'varchar', length: 12 })
  status!: WebhookMessageStatus;

  @Column({ name: 'attempt_count', type: 'int', default: 0 })
  attemptCount!: number;

  @Column({ name: 'retry_base', type: 'int', default: 0 })
  retryBase!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  @Column({ name: 'leased_until', type: 'timestamptz', nullable: true })
  leasedUntil!: Date | null;

  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt!: Date | null;

  @Column({ name: 'last_status_code', type: 'int', nullable: true })
  lastStatusCode!: number | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
