'use client';
import type { AppRouter } from '@ledgerlink/trpc';
import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';

/** React bindings for the API's tRPC router (type-only import: no server code reaches the browser). */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export type ApiClient = TRPCClient<AppRouter>;

/** Browser client: same-origin `/trpc`, proxied to the API by src/app/trpc/[...path]/route.ts. */
export function createBrowserClient(): ApiClient {
  return createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: '/trpc' })] });
}
