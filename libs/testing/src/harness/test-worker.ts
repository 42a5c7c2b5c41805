import { type DynamicModule, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type AppConfig, type Clock, CoreModule, JsonLogger, loadConfig, ManualClock, QueueModule, WebhookPump, WorkerJobsModule } from '@ledgerlink/server';
import type { TestApi } from './test-api';

export interface TestWorker {
  app: INestApplicationContext;
  config: AppConfig;
  clock: Clock;
  /** The webhook delivery pump of this worker. */
  pump: WebhookPump;
  /** Everything due now (by the clock) has been attempted and no attempt is in flight. */
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

/**
 * The worker's job modules (webhook delivery, sweeps, …) in this process, against the test API's
 * database and Redis prefix. By default it shares the API's ManualClock, so a test moves time for
 * both (retry schedules, the 5-day disable) and settles deliveries instead of waiting.
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
  const pump = app.get(WebhookPump, { strict: false });
  const settle = () => pump.settle();
  return {
    app,
    config,
    clock,
    pump,
    settle,
    async advance(ms: number) {
      if (!(clock instanceof ManualClock)) throw new Error('advance() needs a ManualClock');
      clock.advance(ms);
      await settle();
    },
    async close() {
      await app.close();
    },
  };
}
