import type { AuthService, CompanyService, LinkService } from '@ledgerlink/server';
import { authRouter } from './routers/auth.router';
import { companiesRouter } from './routers/companies.router';
import { linkRouter } from './routers/link.router';
import { router } from './init';

export interface RouterDeps {
  auth: AuthService;
  companies: CompanyService;
  link: LinkService;
}

/** The portal's API. The portal imports only the type. */
export function createAppRouter(deps: RouterDeps) {
  return router({
    auth: authRouter(deps.auth),
    companies: companiesRouter(deps.companies),
    link: linkRouter(deps.link),
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;
