'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Field, FormError } from '../../components/field';
import { NO_ERRORS, formErrorsOf } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';

export default function SignInPage() {
  const trpc = useTRPC();
  const router = useRouter();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const queryClient = useQueryClient();
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: (user) => {
        // The anonymous `me` answer may be cached from the redirect here; replace it before leaving.
        queryClient.setQueryData(trpc.auth.me.queryKey(), user);
        router.replace('/apps');
      },
    }),
  );
  const errors = signIn.error ? formErrorsOf(signIn.error, ['email', 'password']) : NO_ERRORS;

  function submit(event: FormEvent) {
    event.preventDefault();
    signIn.mutate({ email, password });
  }

  return (
    <main className="page page--narrow">
      <h1>Sign in to Trailmark</h1>
      <form onSubmit={submit} className="card" noValidate>
        <Field name="email" label="Email" error={errors.fields['email']}>
          <input id="email" name="email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
        </Field>
        <Field name="password" label="Password" error={errors.fields['password']}>
          <input id="password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
        <FormError message={errors.form} />
        <button type="submit" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
