'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { inferRouterOutputs } from '@trpc/server';
import type { TAppRouter } from '@trailmark/api/client';
import { Field, FormError } from '../../../components/field';
import { Shell } from '../../../components/shell';
import { NO_ERRORS, formErrorsOf } from '../../../lib/errors';
import { useTRPC } from '../../../lib/trpc';

type TApplication = inferRouterOutputs<TAppRouter>['applications']['get'];
const SETTING_FIELDS = ['name', 'allowedOrigins', 'sessionTimeoutMs', 'maxSessionDurationMs', 'honourDnt', 'ipAnonymisation', 'retentionDays', 'apdexThresholdMs'] as const;

function SettingsForm({ app }: { app: TApplication }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState({
    name: app.name,
    allowedOrigins: app.allowedOrigins.join(' '),
    timeoutMinutes: String(app.settings.sessionTimeoutMs / 60_000),
    maxHours: String(app.settings.maxSessionDurationMs / 3_600_000),
    honourDnt: app.settings.honourDnt,
    ipAnonymisation: app.settings.ipAnonymisation,
    retentionDays: String(app.settings.retentionDays),
    apdexThresholdMs: String(app.settings.apdexThresholdMs),
  });
  const update = useMutation(
    trpc.applications.update.mutationOptions({
      onSuccess: (updated) => queryClient.setQueryData(trpc.applications.get.queryKey({ applicationId: app.id }), updated),
    }),
  );
  const errors = update.error ? formErrorsOf(update.error, SETTING_FIELDS) : NO_ERRORS;
  const set = (field: keyof typeof draft) => (value: string | boolean) => setDraft((current) => ({ ...current, [field]: value }));
  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate({
      applicationId: app.id,
      patch: {
        name: draft.name,
        allowedOrigins: draft.allowedOrigins.split(/[\s,]+/).filter(Boolean),
        settings: {
          sessionTimeoutMs: Math.round(Number(draft.timeoutMinutes) * 60_000),
          maxSessionDurationMs: Math.round(Number(draft.maxHours) * 3_600_000),
          honourDnt: draft.honourDnt,
          ipAnonymisation: draft.ipAnonymisation,
          retentionDays: Number(draft.retentionDays),
          apdexThresholdMs: Number(draft.apdexThresholdMs),
        },
      },
    });
  }
  return (
    <form onSubmit={submit} className="card" noValidate aria-label="Application settings">
      <h2>Settings</h2>
      <Field name="name" label="Name" error={errors.fields['name']}>
        <input id="name" value={draft.name} onChange={(e) => set('name')(e.target.value)} />
      </Field>
      <Field name="allowedOrigins" label="Allowed origins" hint="space separated; * allows any origin" error={errors.fields['allowedOrigins']}>
        <input id="allowedOrigins" value={draft.allowedOrigins} onChange={(e) => set('allowedOrigins')(e.target.value)} />
      </Field>
      <div className="row">
        <Field name="sessionTimeoutMs" label="Inactivity timeout (minutes)" error={errors.fields['sessionTimeoutMs']}>
          <input id="sessionTimeoutMs" inputMode="decimal" value={draft.timeoutMinutes} onChange={(e) => set('timeoutMinutes')(e.target.value)} />
        </Field>
        <Field name="maxSessionDurationMs" label="Max session duration (hours)" error={errors.fields['maxSessionDurationMs']}>
          <input id="maxSessionDurationMs" inputMode="decimal" value={draft.maxHours} onChange={(e) => set('maxHours')(e.target.value)} />
        </Field>
      </div>
      <div className="row">
        <Field name="retentionDays" label="Retention (days)" error={errors.fields['retentionDays']}>
          <input id="retentionDays" inputMode="numeric" value={draft.retentionDays} onChange={(e) => set('retentionDays')(e.target.value)} />
        </Field>
        <Field name="apdexThresholdMs" label="Apdex threshold (ms)" error={errors.fields['apdexThresholdMs']}>
          <input id="apdexThresholdMs" inputMode="numeric" value={draft.apdexThresholdMs} onChange={(e) => set('apdexThresholdMs')(e.target.value)} />
        </Field>
      </div>
      <div className="row">
        <Field name="ipAnonymisation" label="IP anonymisation" error={errors.fields['ipAnonymisation']}>
          <select id="ipAnonymisation" value={draft.ipAnonymisation} onChange={(e) => set('ipAnonymisation')(e.target.value)}>
            <option value="truncate">Drop last octet / last 80 bits</option>
            <option value="drop">Drop the IP entirely</option>
            <option value="none">Keep the full IP</option>
          </select>
        </Field>
        <Field name="honourDnt" label="Honour Do-Not-Track" error={errors.fields['honourDnt']}>
          <input id="honourDnt" type="checkbox" checked={draft.honourDnt} onChange={(e) => set('honourDnt')(e.target.checked)} />
        </Field>
      </div>
      <FormError message={errors.form} />
      <button type="submit" disabled={update.isPending}>
        Save settings
      </button>
      {update.isSuccess ? <span className="saved">Saved</span> : null}
    </form>
  );
}

function IngestKeyCard({ app }: { app: TApplication }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rotate = useMutation(
    trpc.applications.rotateIngestKey.mutationOptions({
      onSuccess: (updated) => queryClient.setQueryData(trpc.applications.get.queryKey({ applicationId: app.id }), updated),
    }),
  );
  return (
    <section className="card">
      <h2>Ingest key and SDK snippet</h2>
      <p>
        Ingest key: <code data-testid="ingest-key">{app.ingestKey}</code>
      </p>
      <p>Paste this into every page of the application:</p>
      <pre className="snippet" data-testid="sdk-snippet">
        {app.snippet}
      </pre>
      <FormError message={rotate.error?.message ?? null} />
      <button
        type="button"
        className="secondary"
        onClick={() => {
          if (window.confirm('Rotate the ingest key? Pages with the old key stop sending data.')) rotate.mutate({ applicationId: app.id });
        }}
      >
        Rotate ingest key
      </button>
    </section>
  );
}

export default function ApplicationPage() {
  const { appId } = useParams<{ appId: string }>();
  const trpc = useTRPC();
  const app = useQuery(trpc.applications.get.queryOptions({ applicationId: appId }));
  return (
    <Shell>
      {app.isPending ? <p>Loading…</p> : null}
      {app.error ? <FormError message={app.error.message} /> : null}
      {app.data ? (
        <>
          <h1>{app.data.name}</h1>
          <p>
            <Link href={`/apps/${encodeURIComponent(app.data.id)}/properties`}>Event and session properties →</Link>{' · '}
            <Link href={`/apps/${encodeURIComponent(app.data.id)}/sessions`}>Sessions →</Link>
          </p>
          <IngestKeyCard app={app.data} />
          <SettingsForm key={app.data.id} app={app.data} />
        </>
      ) : null}
    </Shell>
  );
}
