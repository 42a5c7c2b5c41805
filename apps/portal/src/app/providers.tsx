'use client';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { isUnauthorized } from '../lib/errors';
import { createBrowserClient, TRPCProvider, type ApiClient } from '../lib/trpc';

/** A session that ends while a page is open (expiry, sign-out elsewhere) leads back to sign-in. */
function onApiError(err: unknown) {
  if (isUnauthorized(err) && typeof window !== 'undefined' && window.location.pathname !== '/signin') {
    window.location.assign('/signin');
  }
}

export function createQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache({ onError: onApiError }),
    // A mutation with meta.ownsUnauthorized (auth.signIn: wrong password) shows the error itself.
    mutationCache: new MutationCache({ onError: (err, _v, _c, mutation) => (mutation.meta?.['ownsUnauthorized'] ? undefined : onApiError(err)) }),
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        refetchOnWindowFocus: false,
        retry: (count, err) => !isUnauthorized(err) && count < 1,
      },
    },
  });
}

export function Providers({ children, client }: { children: ReactNode; client?: ApiClient }) {
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(() => client ?? createBrowserClient());
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
