'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Field, FormError } from '../../components/field';
import { Shell } from '../../components/shell';
import { NO_ERRORS, formErrorsOf } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';

function CreateApplicationForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [origins, setOrigins] = useState('');
  const create = useMutation(
    trpc.applications.create.mutationOptions({
      onSuccess: async (app) => {
        await queryClient.invalidateQueries({ queryKey: trpc.applications.list.queryKey() });
        router.push(`/apps/${encodeURIComponent(app.id)}`);
      },
    }),
  );
  const errors = create.error ? formErrorsOf(create.error, ['name', 'allowedOrigins']) : NO_ERRORS;
  function submit(event: FormEvent) {
    event.preventDefault();
    const allowedOrigins = origins.split(/[\s,]+/).filter(Boolean);
    create.mutate({ name, allowedOrigins });
  }
  return (
    <form onSubmit={submit} className="card" noValidate aria-label="Create application">
      <h2>New application</h2>
      <Field name="name" label="Name" error={errors.fields['name']}>
        <input id="name" value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field name="allowedOrigins" label="Allowed origins" hint="e.g. https://shop.example — space separated; * allows any" error={errors.fields['allowedOrigins']}>
        <input id="allowedOrigins" value={origins} onChange={(e) => setOrigins(e.target.value)} />
      </Field>
      <FormError message={errors.form} />
      <button type="submit" disabled={create.isPending}>
        Create application
      </button>
    </form>
  );
}

function ApplicationList() {
  const trpc = useTRPC();
  const apps = useQuery(trpc.applications.list.queryOptions());
  if (apps.isPending) return <p>Loading…</p>;
  if (apps.error) return <FormError message={apps.error.message} />;
  if (apps.data.length === 0) return <p className="empty">No applications yet.</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th>Name</th>
          <th>Id</th>
          <th>Origins</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {apps.data.map((app) => (
          <tr key={app.id}>
            <td>
              <Link href={`/apps/${encodeURIComponent(app.id)}`}>{app.name}</Link>
            </td>
            <td>
              <code>{app.id}</code>
            </td>
            <td>{app.allowedOrigins.join(', ') || '—'}</td>
            <td>
              <Link href={`/apps/${encodeURIComponent(app.id)}/properties`}>Properties</Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function ApplicationsPage() {
  return (
    <Shell>
      <h1>Applications</h1>
      <ApplicationList />
      <CreateApplicationForm />
    </Shell>
  );
}
