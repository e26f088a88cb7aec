'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DATA_TYPES, PROPERTY_SCOPES } from '@trailmark/property-schema';
import type { TDataType, TPropertyScope } from '@trailmark/property-schema';
import { FormError } from '../../../../components/field';
import { useTRPC } from '../../../../lib/trpc';

type TChoice = { dataType: TDataType; scope: TPropertyScope };

/** "Undefined keys seen": what pages send without a definition, each one click from defined. */
export function DropsPanel({ applicationId }: { applicationId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const drops = useQuery(trpc.drops.list.queryOptions({ applicationId }, { refetchInterval: 10_000 }));
  const [choices, setChoices] = useState<Record<string, TChoice>>({});
  const define = useMutation(
    trpc.drops.defineFromDrop.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.drops.list.queryKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.properties.list.queryKey() });
      },
    }),
  );
  const choiceOf = (key: string): TChoice => choices[key] ?? { dataType: 'string', scope: 'event' };
  const choose = (key: string, patch: Partial<TChoice>) => setChoices((current) => ({ ...current, [key]: { ...choiceOf(key), ...patch } }));
  if (!drops.data) return null;
  return (
    <section className="card" aria-label="Undefined keys seen">
      <h2>Undefined keys seen</h2>
      {drops.data.undefinedKeys.length === 0 ? <p className="empty">Every key your pages sent has a definition.</p> : null}
      <FormError message={define.error?.message ?? null} />
      {drops.data.undefinedKeys.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th>Key</th>
              <th>Dropped</th>
              <th>Last seen</th>
              <th>Define as</th>
            </tr>
          </thead>
          <tbody>
            {drops.data.undefinedKeys.map((drop) => (
              <tr key={drop.key} data-undefined-key={drop.key}>
                <td>
                  <code>{drop.key}</code>
                </td>
                <td>{drop.count.toLocaleString()}</td>
                <td>{drop.lastSeenAt.toLocaleString()}</td>
                <td className="actions">
                  <select aria-label={`Type for ${drop.key}`} value={choiceOf(drop.key).dataType} onChange={(e) => choose(drop.key, { dataType: e.target.value as TDataType })}>
                    {DATA_TYPES.map((type) => (
                      <option key={type}>{type}</option>
                    ))}
                  </select>{' '}
                  <select aria-label={`Scope for ${drop.key}`} value={choiceOf(drop.key).scope} onChange={(e) => choose(drop.key, { scope: e.target.value as TPropertyScope })}>
                    {PROPERTY_SCOPES.map((scope) => (
                      <option key={scope}>{scope}</option>
                    ))}
                  </select>{' '}
                  <button type="button" className="secondary" disabled={define.isPending} onClick={() => define.mutate({ applicationId, key: drop.key, ...choiceOf(drop.key) })}>
                    Define it
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {drops.data.otherDrops.length > 0 ? (
        <>
          <h3>Other dropped values</h3>
          <table className="table">
            <thead>
              <tr>
                <th>Key</th>
                <th>Reason</th>
                <th>Dropped</th>
                <th>Last seen</th>
              </tr>
            </thead>
            <tbody>
              {drops.data.otherDrops.map((drop) => (
                <tr key={`${drop.key}:${drop.reason}`}>
                  <td>
                    <code>{drop.key}</code>
                  </td>
                  <td>{drop.reason}</td>
                  <td>{drop.count.toLocaleString()}</td>
                  <td>{drop.lastSeenAt.toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
