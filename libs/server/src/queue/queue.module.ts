import { BullModule } from '@nestjs/bull';
import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config/config.schema';

/** Bull on Redis, shared by the API (producers) and the worker (consumers). */
@Module({})
export class QueueModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: QueueModule,
      global: true,
      imports: [
        BullModule.forRoot({
          url: config.REDIS_URL,
          prefix: config.QUEUE_PREFIX,
          defaultJobOptions: { removeOnComplete: 1000, removeOnFail: 5000 },
        }),
      ],
      exports: [BullModule],
    };
  }
}
