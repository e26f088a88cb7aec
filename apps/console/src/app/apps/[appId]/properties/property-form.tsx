'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { inferRouterOutputs } from '@trpc/server';
import type { TAppRouter } from '@trailmark/api/client';
import { CAPTURE_SOURCES, DATA_TYPES, PROPERTY_SCOPES, SESSION_AGGREGATIONS } from '@trailmark/property-schema';
import { Field, FormError } from '../../../../components/field';
import { NO_ERRORS, formErrorsOf } from '../../../../lib/errors';
import { useTRPC } from '../../../../lib/trpc';

export type TDefinition = inferRouterOutputs<TAppRouter>['properties']['list']['definitions'][number];

const FIELDS = ['key', 'displayName', 'scope', 'dataType', 'source', 'expression', 'sessionAggregation', 'caseInsensitive', 'maxLength', 'cleanupRule', 'honourDnt'] as const;

interface TDraft {
  key: string;
  displayName: string;
  scope: string;
  dataType: string;
  source: string;
  expression: string;
  sessionAggregation: string;
  caseInsensitive: boolean;
  maxLength: string;
  cleanupRule: string;
  honourDnt: boolean;
}

const EMPTY: TDraft = { key: '', displayName: '', scope: 'event', dataType: 'string', source: 'api', expression: '', sessionAggregation: '', caseInsensitive: false, maxLength: '', cleanupRule: '', honourDnt: true };

function draftOf(definition: TDefinition): TDraft {
  return {
    key: definition.key,
    displayName: definition.displayName ?? '',
    scope: definition.scope,
    dataType: definition.dataType,
    source: definition.source,
    expression: definition.expression ?? '',
    sessionAggregation: definition.sessionAggregation ?? '',
    caseInsensitive: definition.caseInsensitive,
    maxLength: definition.maxLength === null ? '' : String(definition.maxLength),
    cleanupRule: definition.cleanupRule ?? '',
    honourDnt: definition.honourDnt,
  };
}

/** Only what the user filled in is sent: the shared schema supplies the defaults and judges the rest. */
function payloadOf(draft: TDraft, editing: boolean): Record<string, unknown> {
  const payload: Record<string, unknown> = {
    displayName: draft.displayName || null,
    source: draft.source,
    expression: draft.expression || null,
    caseInsensitive: draft.caseInsensitive,
    cleanupRule: draft.cleanupRule || null,
    honourDnt: draft.honourDnt,
  };
  if (draft.sessionAggregation) payload['sessionAggregation'] = draft.sessionAggregation;
  if (draft.maxLength) payload['maxLength'] = Number(draft.maxLength);
  if (!editing) Object.assign(payload, { key: draft.key, scope: draft.scope, dataType: draft.dataType });
  return payload;
}

export function PropertyForm({ applicationId, editing, onDone }: { applicationId: string; editing: TDefinition | null; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<TDraft>(editing ? draftOf(editing) : EMPTY);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.properties.list.queryKey() });
    setDraft(EMPTY);
    onDone();
  };
  const define = useMutation(trpc.properties.define.mutationOptions({ onSuccess: refresh }));
  const update = useMutation(trpc.properties.update.mutationOptions({ onSuccess: refresh }));
  const mutation = editing ? update : define;
  const errors = mutation.error ? formErrorsOf(mutation.error, FIELDS) : NO_ERRORS;
  const set = <K extends keyof TDraft>(field: K) => (value: TDraft[K]) => setDraft((current) => ({ ...current, [field]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const payload = payloadOf(draft, editing !== null);
    if (editing) update.mutate({ applicationId, propertyId: editing.id, patch: payload });
    else define.mutate({ applicationId, definition: payload });
  }

  return (
    <form onSubmit={submit} className="card" noValidate aria-label={editing ? 'Edit property' : 'Define property'}>
      <h2>{editing ? `Edit ${editing.key}` : 'Define a property'}</h2>
      <div className="row">
        <Field name="key" label="Key" hint="letters, digits, _ and .; starts with a letter" error={errors.fields['key']}>
          <input id="key" value={draft.key} disabled={editing !== null} onChange={(e) => set('key')(e.target.value)} />
        </Field>
        <Field name="displayName" label="Display name" error={errors.fields['displayName']}>
          <input id="displayName" value={draft.displayName} onChange={(e) => set('displayName')(e.target.value)} />
        </Field>
      </div>
      <div className="row">
        <Field name="scope" label="Scope" error={errors.fields['scope']}>
          <select id="scope" value={draft.scope} disabled={editing !== null} onChange={(e) => set('scope')(e.target.value)}>
            {PROPERTY_SCOPES.map((scope) => (
              <option key={scope} value={scope}>
                {scope}
              </option>
            ))}
          </select>
        </Field>
        <Field name="dataType" label="Data type" error={errors.fields['dataType']}>
          <select id="dataType" value={draft.dataType} disabled={editing !== null} onChange={(e) => set('dataType')(e.target.value)}>
            {DATA_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </Field>
        <Field name="sessionAggregation" label="Session aggregation" error={errors.fields['sessionAggregation']}>
          <select id="sessionAggregation" value={draft.sessionAggregation} onChange={(e) => set('sessionAggregation')(e.target.value)}>
            <option value="">default (last)</option>
            {SESSION_AGGREGATIONS.map((aggregation) => (
              <option key={aggregation} value={aggregation}>
                {aggregation}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="row">
        <Field name="source" label="Capture source" error={errors.fields['source']}>
          <select id="source" value={draft.source} onChange={(e) => set('source')(e.target.value)}>
            {CAPTURE_SOURCES.map((source) => (
              <option key={source} value={source}>
                {source}
              </option>
            ))}
          </select>
        </Field>
        <Field name="expression" label="Expression" hint="selector, variable path, cookie, parameter or header name" error={errors.fields['expression']}>
          <input id="expression" value={draft.expression} onChange={(e) => set('expression')(e.target.value)} />
        </Field>
      </div>
      <div className="row">
        <Field name="maxLength" label="Max length" hint="strings only, 1–1000" error={errors.fields['maxLength']}>
          <input id="maxLength" inputMode="numeric" value={draft.maxLength} onChange={(e) => set('maxLength')(e.target.value)} />
        </Field>
        <Field name="cleanupRule" label="Cleanup rule (regex)" hint="the first capture group is kept" error={errors.fields['cleanupRule']}>
          <input id="cleanupRule" value={draft.cleanupRule} onChange={(e) => set('cleanupRule')(e.target.value)} />
        </Field>
      </div>
      <div className="row">
        <Field name="caseInsensitive" label="Match key ignoring case" error={errors.fields['caseInsensitive']}>
          <input id="caseInsensitive" type="checkbox" checked={draft.caseInsensitive} onChange={(e) => set('caseInsensitive')(e.target.checked)} />
        </Field>
        <Field name="honourDnt" label="Honour Do-Not-Track" error={errors.fields['honourDnt']}>
          <input id="honourDnt" type="checkbox" checked={draft.honourDnt} onChange={(e) => set('honourDnt')(e.target.checked)} />
        </Field>
      </div>
      <FormError message={errors.form} />
      <button type="submit" disabled={mutation.isPending}>
        {editing ? 'Save property' : 'Define property'}
      </button>
      {editing ? (
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
      ) : null}
    </form>
  );
}
