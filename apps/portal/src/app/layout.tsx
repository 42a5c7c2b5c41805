import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './global.css';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: { default: 'Ledgerlink', template: '%s · Ledgerlink' },
  description: 'Ledgerlink portal: manage the companies linked to your accounting integrations.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
