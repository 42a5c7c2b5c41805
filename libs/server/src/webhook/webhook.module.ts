import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { CompanyModule } from '../company/company.module';
import { HealthModule } from '../health/health.module';
import { QUEUES } from '../queue/queue.names';
import { WebhookConsumersService } from './webhook-consumers.service';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhookEventsModule } from './webhook-events.module';
import { WebhookHttpClient } from './webhook-http.client';
import { WebhookMessagesService } from './webhook-messages.service';
import { WebhookRulesController } from './webhook-rules.controller';
import { WebhookRulesService } from './webhook-rules.service';
import { WebhookPump } from './webhook-pump';
import { WebhookRetentionJob } from './webhook-retention.job';
import { WebhookController } from './webhook.controller';

/** Consumers, rules, the message log, replay and statistics. */
@Module({
  imports: [WebhookEventsModule, CompanyModule],
  providers: [WebhookConsumersService, WebhookRulesService, WebhookMessagesService],
  exports: [WebhookEventsModule, WebhookConsumersService, WebhookRulesService, WebhookMessagesService],
})
export class WebhookModule {}

/** REST: /webhooks (contract 8.2 + extensions) and the legacy /rules (8.1). */
@Module({ imports: [WebhookModule], controllers: [WebhookController, WebhookRulesController] })
export class WebhookHttpModule {}

/** Worker: the delivery pump and its attempts, and payload retention. */
@Module({
  imports: [WebhookModule, HealthModule, BullModule.registerQueue({ name: QUEUES.maintenance })],
  providers: [WebhookHttpClient, WebhookDeliveryService, WebhookPump, WebhookRetentionJob],
  exports: [WebhookDeliveryService, WebhookPump, WebhookRetentionJob],
})
export class WebhookJobsModule {}
