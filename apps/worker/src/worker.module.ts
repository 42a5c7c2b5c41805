import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, CoreModule, type JsonLogger, QueueModule, WorkerJobsModule } from '@ledgerlink/server';

/** The worker's composition root: core services and the job modules. No feature logic. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, logger: JsonLogger): DynamicModule {
    return {
      module: WorkerModule,
      imports: [CoreModule.forRoot({ config, logger, service: 'worker' }), QueueModule.forRoot(config), WorkerJobsModule],
    };
  }
}
