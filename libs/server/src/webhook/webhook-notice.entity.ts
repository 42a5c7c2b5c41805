import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ClientEntity } from '../auth/client.entity';
import { WebhookConsumerEntity } from './webhook-consumer.entity';

export type WebhookNoticeType = 'webhook.disabled';

/** Something the portal should show the client, e.g. a consumer disabled after continuous failure. */
@Entity({ name: 'webhook_notice' })
@Index('ix_webhook_notice_client_created', ['clientId', 'createdAt'])
export class WebhookNoticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId!: string;

  @ManyToOne(() => ClientEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'fk_webhook_notice_client' })
  client?: ClientEntity;

  @Column({ name: 'consumer_id', type: 'uuid' })
  consumerId!: string;

  @ManyToOne(() => WebhookConsumerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consumer_id', foreignKeyConstraintName: 'fk_webhook_notice_consumer' })
  consumer?: WebhookConsumerEntity;

  @Column({ type: 'varchar', length: 50 })
  type!: WebhookNoticeType;

  @Column({ type: 'text' })
  message!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
