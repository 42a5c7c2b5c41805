import Link from 'next/link';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { serverApi } from '../../lib/server-api';
import { NavLinks } from './nav-links';
import { SignOutButton } from './sign-out-button';

/** Every page in this group needs a session: checked against the API on each request. */
export const dynamic = 'force-dynamic';

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const me = await serverApi().auth.me.query();
  if (!me) redirect('/signin');
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <Link href="/companies" className="brand">
            Ledgerlink
          </Link>
          <NavLinks />
          <div className="account">
            <span className="account-email" data-testid="signed-in-email" title="Signed in as">
              <span className="visually-hidden">Signed in as </span>
              {me.email}
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="container">
        {children}
      </main>
    </>
  );
}
