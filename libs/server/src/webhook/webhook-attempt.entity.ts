import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { WebhookMessageEntity } from './webhook-message.entity';

/** Every delivery attempt: when, the response status, how long it took, the first 1 KB of the response, the error. */
@Entity({ name: 'webhook_attempt' })
@Index('ix_webhook_attempt_message', ['messageId', 'attemptedAt'])
@Index('ix_webhook_attempt_client_time', ['clientId', 'attemptedAt'])
export class WebhookAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'message_id', type: 'uuid' })
  messageId!: string;

  @ManyToOne(() => WebhookMessageEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'message_id', foreignKeyConstraintName: 'fk_webhook_attempt_message' })
  message?: WebhookMessageEntity;

  @Column({ name: 'consumer_id', type: 'uuid' })
  consumerId!: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId!: string;

  @Column({ name: 'attempted_at', type: 'timestamptz' })
  attemptedAt!: Date;

  @Column({ type: 'boolean' })
  succeeded!: boolean;

  @Column({ name: 'status_code', type: 'int', nullable: true })
  statusCode!: number | null;

  @Column({ name: 'duration_ms', type: 'int' })
  durationMs!: number;

  @Column({ name: 'response_body', type: 'varchar', length: 1024, nullable: true })
  responseBody!: string | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;
}
