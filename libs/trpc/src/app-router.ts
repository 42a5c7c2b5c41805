import type {
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
import { authRouter } from './routers/auth.router';
import { companiesRouter } from './routers/companies.router';
import { dataRouter } from './routers/data.router';
import { linkRouter } from './routers/link.router';
import { webhooksRouter } from './routers/webhooks.router';
import { router } from './init';

export interface RouterDeps {
  auth: AuthService;
  companies: CompanyService;
  link: LinkService;
  pull: PullService;
  syncSettings: SyncSettingsService;
  schedule: ScheduleService;
  records: RecordsService;
  webhookConsumers: WebhookConsumersService;
  webhookMessages: WebhookMessagesService;
}

/** The portal's API. The portal imports only the type. */
export function createAppRouter(deps: RouterDeps) {
  return router({
    auth: authRouter(deps.auth),
    companies: companiesRouter(deps.companies),
    link: linkRouter(deps.link),
    data: dataRouter(
      deps.pull,
      deps.syncSettings,
      deps.schedule,
      deps.records,
      deps.companies,
    ),
    webhooks: webhooksRouter({
      consumers: deps.webhookConsumers,
      messages: deps.webhookMessages,
    }),
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;
