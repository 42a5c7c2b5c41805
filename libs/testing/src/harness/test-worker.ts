import { type DynamicModule, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bull';
import { type AppConfig, type Clock, CoreModule, JsonLogger, loadConfig, ManualClock, QUEUES, QueueModule, WebhookSweepService, WorkerJobsModule } from '@ledgerlink/server';
import type { Queue } from 'bull';
import type { TestApi } from './test-api';

export interface TestWorker {
  app: INestApplicationContext;
  config: AppConfig;
  clock: Clock;
  /** The webhooks queue (Bull). */
  webhookQueue: Queue;
  /** Runs the webhook sweep once; returns how many deliveries it queued. */
  sweep(): Promise<number>;
  /** Waits until the webhooks queue has no waiting or active jobs (delayed ones may remain). */
  drain(timeoutMs?: number): Promise<void>;
  /** Sweep, then drain: everything due now has been attempted. */
  settle(): Promise<void>;
  /** Moves the (manual) clock forward, then settles. */
  advance(ms: number): Promise<void>;
  close(): Promise<void>;
}

@Module({})
class TestWorkerModule {
  static forRoot(config: AppConfig, logger: JsonLogger, clock: Clock): DynamicModule {
    return { module: TestWorkerModule, imports: [CoreModule.forRoot({ config, logger, service: 'worker', clock }), QueueModule.forRoot(config), WorkerJobsModule] };
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The worker's job modules (webhook delivery, sweeps, …) in this process, against the test API's
 * database and Redis prefix. By default it shares the API's ManualClock, so a test moves time for
 * both (retry schedules, the 5-day disable) and drives the sweep instead of waiting.
 */
export async function startTestWorker(api: TestApi, opts: { env?: Record<string, string>; clock?: Clock } = {}): Promise<TestWorker> {
  const config = loadConfig({
    DATABASE_URL: api.config.DATABASE_URL,
    REDIS_URL: api.config.REDIS_URL,
    QUEUE_PREFIX: api.config.QUEUE_PREFIX,
    CREDENTIALS_KEY: api.config.CREDENTIALS_KEY,
    PORTAL_URL: api.config.PORTAL_URL,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    ...opts.env,
  });
  const clock = opts.clock ?? api.clock;
  const logger = new JsonLogger('worker', 'silent');
  const app = await NestFactory.createApplicationContext(TestWorkerModule.forRoot(config, logger, clock), { logger: false, abortOnError: false });
  await app.init();
  const webhookQueue = app.get<Queue>(getQueueToken(QUEUES.webhooks), { strict: false });
  const sweeper = app.get(WebhookSweepService, { strict: false });
  const drain = async (timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    let idle = 0;
    while (idle < 3) {
      if (Date.now() > deadline) throw new Error('the webhooks queue did not drain');
      const counts = await webhookQueue.getJobCounts();
      idle = counts.waiting === 0 && counts.active === 0 ? idle + 1 : 0;
      await sleep(15);
    }
  };
  const settle = async () => {
    await sweeper.sweep();
    await drain();
  };
  return {
    app,
    config,
    clock,
    webhookQueue,
    sweep: () => sweeper.sweep(),
    drain,
    settle,
    async advance(ms: number) {
      if (!(clock instanceof ManualClock)) throw new Error('advance() needs a ManualClock');
      clock.advance(ms);
      await settle();
    },
    async close() {
      for (const r of await webhookQueue.getRepeatableJobs()) await webhookQueue.removeRepeatableByKey(r.key);
      await app.close();
    },
  };
}
