import type { AppRouter } from '@ledgerlink/trpc';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { cookies } from 'next/headers';
import { apiBaseUrl } from './api-url';

/**
 * tRPC client for server components: calls the API directly (API_URL, read per request) and
 * forwards the browser's cookies so the API sees the same session.
 */
export function serverApi() {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${apiBaseUrl()}/trpc`,
        headers: async () => {
          const jar = await cookies();
          const cookie = jar.toString();
          return cookie ? { cookie } : {};
        },
      }),
    ],
  });
}

export function trpcErrorCode(err: unknown): string | undefined {
  return err instanceof TRPCClientError ? (err.data as { code?: string } | undefined)?.code : undefined;
}
