import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './link.css';

/**
 * The hosted link page (a company's `redirect` URL) is for the company itself, not for
 * operators: no sign-in, no portal navigation. Kept out of search engines.
 */
export const metadata: Metadata = {
  title: 'Connect your accounting software',
  robots: { index: false, follow: false },
  referrer: 'no-referrer',
};

export default function LinkLayout({ children }: { children: ReactNode }) {
  return (
    <div className="link-shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar-inner link-topbar">
          <span className="brand">Ledgerlink</span>
          <span className="link-topbar-note">Secure link to your accounting software</span>
        </div>
      </header>
      <main id="main" className="link-main">
        {children}
      </main>
    </div>
  );
}
