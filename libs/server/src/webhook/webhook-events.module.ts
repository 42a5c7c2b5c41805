import { Module } from '@nestjs/common';
import { WebhookEventsService } from './webhook-events.service';

/**
 * The outbox side, imported by every module that emits events (company, connection, later pull
 * and push). It depends on nothing feature-specific, so it never forms an import cycle.
 */
@Module({
  providers: [WebhookEventsService],
  exports: [WebhookEventsService],
})
export class WebhookEventsModule {}
