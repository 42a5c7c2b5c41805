import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { JsonLogger } from '../common/json-logger';
import type { AppConfig } from '../config/config.schema';
import { APP_CONFIG } from '../core/tokens';
import { MetricsService } from '../health/metrics.service';
import { JOBS, QUEUES } from '../queue/queue.names';
import { queryRows } from './webhook-sql';

const DAY_MS = 24 * 3600_000;
/** Events deleted per statement, so one purge never holds many locks or a long transaction. */
const BATCH = 1000;

/**
 * Payload retention: deletes webhook events older than WEBHOOK_RETENTION_DAYS (default 90, as
 * Svix; 0 keeps everything), with their messages and attempts (foreign keys cascade). An event
 * that still has a Pending message is kept until it is delivered or fails. Hourly, as a repeatable
 * Bull job on the maintenance queue: every worker may register it, Bull runs it once. Per client
 * and in batches, through the (client_id, created_at) index.
 */
@Processor(QUEUES.maintenance)
@Injectable()
export class WebhookRetentionJob implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly logger: JsonLogger,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap() {
    await this.queue.add(JOBS.purgeWebhooks, {}, { repeat: { cron: '41 * * * *' }, jobId: JOBS.purgeWebhooks });
  }

  /** Deletes what is past retention; returns how many events went. */
  @Process(JOBS.purgeWebhooks)
  async run(): Promise<number> {
    const days = this.config.WEBHOOK_RETENTION_DAYS;
    if (days === 0) return 0;
    const cutoff = new Date(this.clock.now().getTime() - days * DAY_MS);
    const clients = await queryRows<{ id: string }>(this.db, 'SELECT id FROM client', []);
    let deleted = 0;
    for (const { id } of clients) {
      for (;;) {
        const gone = await queryRows<{ id: string }>(
          this.db,
          `DELETE FROM webhook_event WHERE id IN (
             SELECT e.id FROM webhook_event e
             WHERE e.client_id = $1 AND e.created_at < $2
               AND NOT EXISTS (SELECT 1 FROM webhook_message m WHERE m.event_id = e.id AND m.status = 'Pending')
             LIMIT ${BATCH})
           RETURNING id`,
          [id, cutoff],
        );
        deleted += gone.length;
        if (gone.length < BATCH) break;
      }
    }
    this.metrics.jobs.labels(QUEUES.maintenance, 'ok').inc();
    if (deleted > 0) this.logger.event('info', 'purged webhook events past retention', { count: deleted, retentionDays: days, before: cutoff.toISOString() });
    return deleted;
  }
}
