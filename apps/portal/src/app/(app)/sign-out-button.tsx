'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTRPC } from '../../lib/trpc';

export function SignOutButton() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      // Even if the call fails, leave: the next page load checks the session again.
      onSettled: () => {
        queryClient.clear();
        router.replace('/signin');
        router.refresh();
      },
    }),
  );
  return (
    <button type="button" className="button button-quiet" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
      {signOut.isPending ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
