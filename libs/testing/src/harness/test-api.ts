import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type DynamicModule, Module } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import {
  ApiHttpModule,
  type AppConfig,
  AuthService,
  CoreModule,
  createHttpApp,
  JsonLogger,
  loadConfig,
  ManualClock,
  prepareDatabase,
  QueueModule,
} from '@ledgerlink/server';
import { mountTrpc } from '@ledgerlink/trpc';
import type { DataSource } from 'typeorm';
import { createTestDatabase, TEST_REDIS_URL, type TestDatabase } from './test-database';

export interface TestTenant {
  clientId: string;
  apiKey: string;
  /** `Basic base64(apiKey)`, as the official SDKs send it. */
  authHeader: string;
  email: string;
  password: string;
}

export interface TestApi {
  url: string;
  app: NestExpressApplication;
  db: DataSource;
  database: TestDatabase;
  config: AppConfig;
  clock: ManualClock;
  createTenant(name?: string): Promise<TestTenant>;
  /** fetch against the API with a tenant's key (or none). */
  request(path: string, init?: RequestInit & { tenant?: TestTenant; json?: unknown }): Promise<Response>;
  close(): Promise<void>;
}

@Module({})
class TestApiModule {
  static forRoot(config: AppConfig, logger: JsonLogger, clock: ManualClock): DynamicModule {
    return { module: TestApiModule, imports: [CoreModule.forRoot({ config, logger, service: 'api', clock }), QueueModule.forRoot(config), ApiHttpModule] };
  }
}

/** The real API (REST + tRPC) on a fresh database and a private Redis key prefix, on a free port. */
export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  const database = await createTestDatabase();
  const config = loadConfig({
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: `test-${database.name}`,
    CREDENTIALS_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    COOKIE_SECURE: 'false',
    PORTAL_URL: 'http://portal.test',
    ...env,
  });
  const logger = new JsonLogger('api', 'silent');
  const clock = new ManualClock();
  const app = await createHttpApp(TestApiModule.forRoot(config, logger, clock), logger);
  mountTrpc(app);
  await prepareDatabase(app);
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const db = app.get<DataSource>(getDataSourceToken());
  let n = 0;
  return {
    url,
    app,
    db,
    database,
    config,
    clock,
    async createTenant(name = `Tenant ${++n}`) {
      const email = `user${randomBytes(4).toString('hex')}@example.com`;
      const password = `pw-${randomBytes(8).toString('hex')}`;
      const { clientId, apiKey } = await app.get(AuthService).createClient({ name, email, password });
      return { clientId, apiKey, authHeader: `Basic ${Buffer.from(apiKey).toString('base64')}`, email, password };
    },
    request(path, init = {}) {
      const { tenant, json, headers, ...rest } = init;
      return fetch(url + path, {
        ...rest,
        headers: {
          ...(tenant ? { authorization: tenant.authHeader } : {}),
          ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(headers as Record<string, string>),
        },
        ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
      });
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
