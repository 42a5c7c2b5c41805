import type { AuthService, CompanyService } from '@ledgerlink/server';
import { authRouter } from './routers/auth.router';
import { companiesRouter } from './routers/companies.router';
import { router } from './init';

export interface RouterDeps {
  auth: AuthService;
  companies: CompanyService;
}

/** The portal's API. The portal imports only the type. */
export function createAppRouter(deps: RouterDeps) {
  return router({
    auth: authRouter(deps.auth),
    companies: companiesRouter(deps.companies),
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;
