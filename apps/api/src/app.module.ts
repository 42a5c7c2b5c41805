import { type DynamicModule, Module } from '@nestjs/common';
import { ApiHttpModule, type AppConfig, CoreModule, type JsonLogger, QueueModule } from '@ledgerlink/server';

/** The API's composition root: core services and the REST feature modules (tRPC is mounted in main.ts). No feature logic. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: JsonLogger): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot({ config, logger, service: 'api' }), QueueModule.forRoot(config), ApiHttpModule],
    };
  }
}
