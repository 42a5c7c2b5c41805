import type { AppRouter } from '@ledgerlink/trpc';
import type { inferRouterOutputs } from '@trpc/server';

/** What `link.get` answers (type-only: no server code reaches the browser). */
export type LinkView = inferRouterOutputs<AppRouter>['link']['get'];
export type LinkIntegration = LinkView['integrations'][number];
export type LinkConnection = LinkView['connections'][number];
export type CredentialField = LinkIntegration['credentialFields'][number];
