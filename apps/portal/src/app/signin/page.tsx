import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { serverApi } from '../../lib/server-api';
import { SignInForm } from './sign-in-form';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sign in' };

async function signedIn(): Promise<boolean> {
  try {
    return (await serverApi().auth.me.query()) !== null;
  } catch {
    return false; // API unreachable: show the form, which reports the error on submit
  }
}

export default async function SignInPage() {
  if (await signedIn()) redirect('/companies');
  return (
    <main className="auth-page">
      <div className="auth-card">
        <p className="brand brand-large" aria-hidden="true">
          Ledgerlink
        </p>
        <h1>Sign in</h1>
        <p className="muted">Sign in to the Ledgerlink portal with your email and password.</p>
        <SignInForm />
      </div>
    </main>
  );
}
