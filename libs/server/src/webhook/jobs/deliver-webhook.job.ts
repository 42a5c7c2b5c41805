import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { JsonLogger } from '../../common/json-logger';
import type { AppConfig } from '../../config/config.schema';
import { APP_CONFIG } from '../../core/tokens';
import { MetricsService } from '../../health/metrics.service';
import { JOBS, QUEUES } from '../../queue/queue.names';
import { type DeliveryOutcome, WebhookDeliveryService } from '../webhook-delivery.service';

/**
 * `{messageId}` → one delivery attempt. Registered by hand (not `@Process`) so the concurrency
 * comes from WEBHOOK_CONCURRENCY. A job that throws (e.g. the database is down) leaves the message
 * leased; the sweep queues it again once the lease has passed.
 */
@Injectable()
export class DeliverWebhookJob implements OnModuleInit {
  constructor(
    @InjectQueue(QUEUES.webhooks) private readonly queue: Queue,
    private readonly delivery: WebhookDeliveryService,
    private readonly metrics: MetricsService,
    private readonly logger: JsonLogger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit() {
    this.queue
      .process(JOBS.deliverWebhook, this.config.WEBHOOK_CONCURRENCY, (job: Job<{ messageId: string }>) => this.run(job.data.messageId))
      .catch((err: Error) => this.logger.event('error', 'webhook delivery processor stopped', { error: err.message }));
  }

  async run(messageId: string): Promise<DeliveryOutcome> {
    try {
      const outcome = await this.delivery.deliver(messageId);
      this.metrics.jobs.labels(QUEUES.webhooks, 'ok').inc();
      return outcome;
    } catch (err) {
      this.metrics.jobs.labels(QUEUES.webhooks, 'error').inc();
      this.logger.event('error', 'webhook delivery failed', { messageId, error: (err as Error).message });
      throw err;
    }
  }
}
