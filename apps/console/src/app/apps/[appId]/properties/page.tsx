'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useState } from 'react';
import { FormError } from '../../../../components/field';
import { QuotaBar } from '../../../../components/quota-bar';
import { Shell } from '../../../../components/shell';
import { useTRPC } from '../../../../lib/trpc';
import { DropsPanel } from './drops-panel';
import { PropertyForm } from './property-form';
import type { TDefinition } from './property-form';

const PREFIX = { event: 'event_properties.', session: 'session_properties.', both: 'session_properties.' } as const;

function DefinitionsTable({ applicationId, definitions, onEdit }: { applicationId: string; definitions: TDefinition[]; onEdit: (definition: TDefinition) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const retire = useMutation(trpc.properties.retire.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.properties.list.queryKey() }) }));
  if (definitions.length === 0) return <p className="empty">No properties defined yet. Define one below or add a pack.</p>;
  return (
    <>
      <FormError message={retire.error?.message ?? null} />
      <table className="table" data-testid="properties-table">
        <thead>
          <tr>
            <th>Key</th>
            <th>Display name</th>
            <th>Type</th>
            <th>Scope</th>
            <th>Source</th>
            <th>Aggregation</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {definitions.map((definition) => (
            <tr key={definition.id} data-property-key={definition.key}>
              <td>
                <code>
                  <span className="muted">{PREFIX[definition.scope]}</span>
                  {definition.key}
                </code>
              </td>
              <td>{definition.displayName ?? '—'}</td>
              <td>{definition.dataType}</td>
              <td>{definition.scope}</td>
              <td>
                {definition.source}
                {definition.expression ? <code className="muted"> {definition.expression}</code> : null}
              </td>
              <td>{definition.sessionAggregation ?? '—'}</td>
              <td className="actions">
                <button type="button" className="link" onClick={() => onEdit(definition)}>
                  Edit
                </button>
                <button
                  type="button"
                  className="link danger"
                  onClick={() => {
                    if (window.confirm(`Retire ${definition.key}? Its key stays reserved while its data is retained.`)) retire.mutate({ applicationId, propertyId: definition.id });
                  }}
                >
                  Retire
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Packs({ applicationId }: { applicationId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const packs = useQuery(trpc.properties.packs.queryOptions());
  const [scopes, setScopes] = useState<Record<string, 'event' | 'session' | 'both'>>({});
  const add = useMutation(trpc.properties.addPack.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.properties.list.queryKey() }) }));
  return (
    <section className="card">
      <h2>Property packs</h2>
      <FormError message={add.error?.message ?? null} />
      <ul className="packs">
        {packs.data?.map((pack) => (
          <li key={pack.id}>
            <strong>{pack.name}</strong> <span className="muted">{pack.definitions.map((entry) => entry.key).join(', ')}</span>
            <p className="hint">{pack.description}</p>
            <select aria-label={`Scope for ${pack.name}`} value={scopes[pack.id] ?? ''} onChange={(e) => setScopes((current) => ({ ...current, [pack.id]: e.target.value as 'event' | 'session' | 'both' }))}>
              <option value="">suggested scopes</option>
              <option value="event">event</option>
              <option value="session">session</option>
              <option value="both">both</option>
            </select>{' '}
            <button type="button" className="secondary" disabled={add.isPending} onClick={() => add.mutate({ applicationId, packId: pack.id, ...(scopes[pack.id] ? { scope: scopes[pack.id] } : {}) })}>
              Add pack
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function PropertiesPage() {
  const { appId } = useParams<{ appId: string }>();
  const trpc = useTRPC();
  const list = useQuery(trpc.properties.list.queryOptions({ applicationId: appId }));
  const [editing, setEditing] = useState<TDefinition | null>(null);
  return (
    <Shell>
      <p>
        <Link href={`/apps/${encodeURIComponent(appId)}`}>← Application</Link>
      </p>
      <h1>Event and session properties</h1>
      {list.error ? <FormError message={list.error.message} /> : null}
      {list.data ? (
        <>
          <section className="quotas card">
            <QuotaBar label="Event properties" {...list.data.quota.event} />
            <QuotaBar label="Session properties" {...list.data.quota.session} />
            <QuotaBar label="All properties" {...list.data.quota.total} />
          </section>
          <DefinitionsTable applicationId={appId} definitions={list.data.definitions} onEdit={setEditing} />
          <PropertyForm key={editing?.id ?? 'new'} applicationId={appId} editing={editing} onDone={() => setEditing(null)} />
          <DropsPanel applicationId={appId} />
          <Packs applicationId={appId} />
        </>
      ) : null}
    </Shell>
  );
}
