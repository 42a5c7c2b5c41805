import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { JsonLogger } from '../../common/json-logger';
import type { AppConfig } from '../../config/config.schema';
import { APP_CONFIG } from '../../core/tokens';
import { MetricsService } from '../../health/metrics.service';
import { JOBS, QUEUES } from '../../queue/queue.names';
import { WebhookSweepService } from '../webhook-sweep.service';

/**
 * The safety net: a repeatable job (every WEBHOOK_SWEEP_INTERVAL_MS; every worker registers it,
 * Bull runs it once per interval) that re-queues due deliveries whose job was lost. The repeatable
 * job itself lives in Redis, so each worker also checks now and then that it still exists (a Redis
 * that lost its data would otherwise lose the sweep until a worker restarts).
 */
@Injectable()
export class SweepWebhooksJob implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private watchdog?: NodeJS.Timeout;

  constructor(
    @InjectQueue(QUEUES.webhooks) private readonly queue: Queue,
    private readonly sweeper: WebhookSweepService,
    private readonly metrics: MetricsService,
    private readonly logger: JsonLogger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit() {
    this.queue.process(JOBS.sweepWebhooks, 1, () => this.run()).catch((err: Error) => this.logger.event('error', 'webhook sweep processor stopped', { error: err.message }));
  }

  async onApplicationBootstrap() {
    await this.ensureRepeatable();
    const every = Math.max(this.config.WEBHOOK_SWEEP_INTERVAL_MS * 6, 60_000);
    this.watchdog = setInterval(() => {
      this.ensureRepeatable().catch((err: Error) => this.logger.event('warn', 'could not check the webhook sweep job', { error: err.message }));
    }, every);
    this.watchdog.unref();
  }

  onModuleDestroy() {
    if (this.watchdog) clearInterval(this.watchdog);
  }

  /** Registers the repeatable sweep unless it is there already (idempotent across workers). */
  async ensureRepeatable(): Promise<void> {
    const every = this.config.WEBHOOK_SWEEP_INTERVAL_MS;
    let present = false;
    for (const r of await this.queue.getRepeatableJobs()) {
      if (r.name !== JOBS.sweepWebhooks) continue;
      // A changed interval would otherwise leave the old repeatable running too.
      if (Number(r.every) !== every) await this.queue.removeRepeatableByKey(r.key);
      else present = true;
    }
    if (!present) await this.queue.add(JOBS.sweepWebhooks, {}, { repeat: { every }, jobId: JOBS.sweepWebhooks, removeOnComplete: true, removeOnFail: 100 });
  }

  async run(): Promise<number> {
    const requeued = await this.sweeper.sweep();
    this.metrics.jobs.labels(QUEUES.webhooks, 'ok').inc();
    if (requeued) this.logger.event('info', 're-queued webhook deliveries', { count: requeued });
    return requeued;
  }
}
