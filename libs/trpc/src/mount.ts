import type { INestApplication } from '@nestjs/common';
import {
  APP_CONFIG,
  type AppConfig,
  AuthService,
  CompanyService,
  LinkService,
  PullService,
  RecordsService,
  ScheduleService,
  SyncSettingsService,
  WebhookConsumersService,
  WebhookMessagesService,
} from '@ledgerlink/server';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import type { Request } from 'express';
import { createAppRouter } from './app-router';
import { createContextFactory } from './context';

/** Mounts the portal's tRPC API at /trpc on the Nest app (before its routes). */
export function mountTrpc(app: INestApplication) {
  const config = app.get<AppConfig>(APP_CONFIG);
  const secure = (req: Request) =>
    config.COOKIE_SECURE === 'auto'
      ? req.secure || req.header('x-forwarded-proto') === 'https'
      : config.COOKIE_SECURE === 'true';
  const router = createAppRouter({
    auth: app.get(AuthService),
    companies: app.get(CompanyService),
    link: app.get(LinkService),
    pull: app.get(PullService),
    syncSettings: app.get(SyncSettingsService),
    schedule: app.get(ScheduleService),
    records: app.get(RecordsService),
    webhookConsumers: app.get(WebhookConsumersService),
    webhookMessages: app.get(WebhookMessagesService),
  });
  app.use(
    '/trpc',
    createExpressMiddleware({
      router,
      createContext: createContextFactory(app.get(AuthService), secure),
    }),
  );
}
