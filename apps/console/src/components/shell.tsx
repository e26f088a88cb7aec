'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { useTRPC } from '../lib/trpc';

/** Every signed-in page: the header, and a redirect to sign-in when there is no session. */
export function Shell({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const router = useRouter();
  const me = useQuery(trpc.auth.me.queryOptions());
  const queryClient = useQueryClient();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSuccess: () => {
        queryClient.clear();
        router.replace('/sign-in');
      },
    }),
  );
  useEffect(() => {
    if (me.isSuccess && !me.data) router.replace('/sign-in');
  }, [me.isSuccess, me.data, router]);
  if (!me.data) return <main className="page">Loading…</main>;
  return (
    <>
      <header className="topbar">
        <Link href="/apps" className="brand">
          Trailmark
        </Link>
        <nav>
          <Link href="/apps">Applications</Link>
        </nav>
        <span className="who" data-testid="signed-in-as">
          {me.data.email} · {me.data.role}
        </span>
        <button type="button" className="link" onClick={() => signOut.mutate()}>
          Sign out
        </button>
      </header>
      <main className="page">{children}</main>
    </>
  );
}
