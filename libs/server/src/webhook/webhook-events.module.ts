import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { QUEUES } from '../queue/queue.names';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookEventsService } from './webhook-events.service';

/**
 * The outbox side, imported by every module that emits events (company, connection, later pull
 * and push). It depends on nothing feature-specific, so it never forms an import cycle.
 */
@Module({
  imports: [BullModule.registerQueue({ name: QUEUES.webhooks })],
  providers: [WebhookDispatcher, WebhookEventsService],
  exports: [WebhookDispatcher, WebhookEventsService, BullModule],
})
export class WebhookEventsModule {}
