'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';

export function SignInForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [done, setDone] = useState(false);
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      meta: { ownsUnauthorized: true },
      onSuccess: () => {
        setDone(true);
        router.replace('/companies');
        router.refresh();
      },
    }),
  );

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    signIn.mutate({ email: String(form.get('email') ?? '').trim(), password: String(form.get('password') ?? '') });
  };

  const busy = signIn.isPending || done;
  return (
    <form className="form" onSubmit={onSubmit} aria-label="Sign in" data-testid="signin-form">
      <div className="field">
        <label htmlFor="signin-email">Email</label>
        <input id="signin-email" name="email" type="email" autoComplete="username" required maxLength={320} />
      </div>
      <div className="field">
        <label htmlFor="signin-password">Password</label>
        <input id="signin-password" name="password" type="password" autoComplete="current-password" required maxLength={200} />
      </div>
      {signIn.isError ? (
        <p className="error-box" role="alert" data-testid="signin-error">
          {errorMessage(signIn.error)}
        </p>
      ) : null}
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
