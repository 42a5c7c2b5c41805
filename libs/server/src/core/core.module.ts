import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConnectorRegistry, createDefaultRegistry } from '@ledgerlink/connectors';
import type { AppConfig } from '../config/config.schema';
import { Clock } from '../common/clock';
import { SecretBox } from '../common/crypto/secret-box';
import { JsonLogger } from '../common/json-logger';
import { dataSourceOptions } from '../database/data-source';
import { APP_CONFIG } from './tokens';

export interface CoreOptions {
  config: AppConfig;
  service: string;
  logger: JsonLogger;
  clock?: Clock;
  registry?: ConnectorRegistry;
}

/** Config, clock, logger, secrets, the connector registry and the database: shared by every feature. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(opts: CoreOptions): DynamicModule {
    const providers = [
      { provide: APP_CONFIG, useValue: opts.config },
      { provide: Clock, useValue: opts.clock ?? new Clock() },
      { provide: JsonLogger, useValue: opts.logger },
      { provide: SecretBox, useValue: new SecretBox(opts.config.CREDENTIALS_KEY) },
      { provide: ConnectorRegistry, useValue: opts.registry ?? createDefaultRegistry() },
    ];
    return {
      module: CoreModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(opts.config.DATABASE_URL, opts.config.DATABASE_POOL_SIZE))],
      providers,
      exports: providers.map((p) => p.provide),
    };
  }
}
