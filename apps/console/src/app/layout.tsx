import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Providers } from '../lib/trpc';
import './globals.css';

export const metadata: Metadata = { title: 'Trailmark', description: 'Real User Monitoring, self-hosted' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
