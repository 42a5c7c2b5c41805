import type { AuthService, CompanyService, LinkService, PullService, ScheduleService, SyncSettingsService } from '@ledgerlink/server';
import { authRouter } from './routers/auth.router';
import { companiesRouter } from './routers/companies.router';
import { dataRouter } from './routers/data.router';
import { linkRouter } from './routers/link.router';
import { router } from './init';

export interface RouterDeps {
  auth: AuthService;
  companies: CompanyService;
  link: LinkService;
  pull: PullService;
  syncSettings: SyncSettingsService;
  schedule: ScheduleService;
}

/** The portal's API. The portal imports only the type. */
export function createAppRouter(deps: RouterDeps) {
  return router({
    auth: authRouter(deps.auth),
    companies: companiesRouter(deps.companies),
    link: linkRouter(deps.link),
    data: dataRouter(deps.pull, deps.syncSettings, deps.schedule),
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;
