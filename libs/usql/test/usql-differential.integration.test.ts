import fc from 'fast-check';
import type { Client } from 'pg';
import { translateUsql } from '../src/index';
import {
  actionField,
  actionProperty,
  childOf,
  evaluateReference,
  sessionField,
  sessionProperty,
  toUsql,
  type TRefAction,
  type TRefAggregate,
  type TRefCond,
  type TRefField,
  type TRefQuery,
  type TRefSession,
  type TRefValue,
} from './reference-evaluator';
import { createScratchDatabase, type TScratchDatabase } from './pg-scratch';

const FRAME = { start: Date.parse('2026-11-01T00:00:00Z'), end: Date.parse('2026-12-01T00:00:00Z') };
const DAY = 86_400_000;
const DEFINITIONS = [
  { key: 'loyalty_tier', scope: 'session', dataType: 'string' },
  { key: 'basket_items', scope: 'session', dataType: 'long' },
  { key: 'payment_method', scope: 'event', dataType: 'string' },
  { key: 'cart_value', scope: 'event', dataType: 'double' },
] as const;

const SESSION_FIELDS: TRefField[] = [
  sessionField('country', 'country', 'string'),
  sessionField('browserFamily', 'browser_name', 'string'),
  sessionField('duration', 'duration', 'long'),
  sessionField('userActionCount', 'user_action_count', 'long'),
  sessionProperty('stringProperties.loyalty_tier', 'loyalty_tier', 'string'),
  sessionProperty('usersession.longProperties.basket_items', 'basket_items', 'long'),
];
const ACTION_FIELDS: TRefField[] = [
  actionField('name', 'name', 'string'),
  actionField('duration', 'duration', 'long'),
  actionProperty('stringProperties.payment_method', 'payment_method', 'string'),
  actionProperty('useraction.doubleProperties.cart_value', 'cart_value', 'double'),
  sessionField('usersession.country', 'country', 'string'),
  sessionField('usersession.duration', 'duration', 'long'),
  sessionProperty('usersession.stringProperties.loyalty_tier', 'loyalty_tier', 'string'),
];
/** Conditions of a usersession query may also name its actions (existential, USQL.md §3). */
const SESSION_COND_FIELDS: TRefField[] = [...SESSION_FIELDS, ...ACTION_FIELDS.slice(0, 4).map(childOf)];
const TIEBREAK = {
  usersession: sessionField('userSessionId', 'session_id', 'string'),
  useraction: { ...actionField('startTime', 'start_time', 'long'), get: (row) => row.action?.start_time ?? null } as TRefField,
};

const STRINGS = ['at', 'ca', 'de', 'us', 'chrome', 'firefox', 'gold', 'silver', 'login', 'checkout', 'view cart', 'card', 'paypal'];

// ---------------------------------------------------------------- data

const arbSessionProps = fc.record(
  {
    loyalty_tier: fc.oneof(fc.constantFrom('gold', 'silver', 'bronze'), fc.constant(7)),
    basket_items: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: -5, max: 50 }) }, { weight: 1, arbitrary: fc.constant('seven') }),
  },
  { requiredKeys: [] },
);
const arbActionProps = fc.record(
  {
    payment_method: fc.constantFrom('card', 'paypal'),
    cart_value: fc.integer({ min: 0, max: 50_000 }).map((cents) => cents / 100),
  },
  { requiredKeys: [] },
);
const arbAction = fc.record({
  // user_action.name is NOT NULL in the real schema.
  name: fc.constantFrom('login', 'checkout', 'view cart', 'pay'),
  duration: fc.option(fc.integer({ min: 0, max: 10_000 }), { freq: 6 }),
  properties: arbActionProps,
});
const arbSession = fc.record({
  application_id: fc.constantFrom('app1', 'app1', 'app1', 'app2'),
  startOffset: fc.integer({ min: -3 * DAY, max: 33 * DAY }),
  is_invalid: fc.boolean().map((b) => b && Math.random() < 0.3),
  country: fc.option(fc.constantFrom('at', 'ca', 'de', 'us'), { freq: 6 }),
  browser_name: fc.option(fc.constantFrom('chrome', 'firefox', 'safari'), { freq: 6 }),
  // session.duration and the counters are NOT NULL in the real schema.
  duration: fc.integer({ min: 0, max: 100_000 }),
  user_action_count: fc.integer({ min: 0, max: 10 }),
  properties: arbSessionProps,
  actions: fc.array(arbAction, { maxLength: 4 }),
});
const arbDataset = fc.array(arbSession, { maxLength: 25 }).map((raw) => {
  const sessions: TRefSession[] = [];
  const actions: TRefAction[] = [];
  raw.forEach((s, i) => {
    const session: TRefSession = {
      application_id: s.application_id,
      session_id: `s${String(i).padStart(3, '0')}`,
      start_time: FRAME.start + s.startOffset,
      is_invalid: s.is_invalid,
      country: s.country,
      browser_name: s.browser_name,
      duration: s.duration,
      user_action_count: s.user_action_count,
      properties: s.properties,
    };
    sessions.push(session);
    s.actions.forEach((a, j) => {
      actions.push({
        application_id: session.application_id,
        session_id: session.session_id,
        event_id: `a${j}`,
        session_start_time: session.start_time,
        start_time: session.start_time + (i * 10 + j) * 1000,
        name: a.name,
        duration: a.duration,
        properties: a.properties,
      });
    });
  });
  return { sessions, actions };
});

// ---------------------------------------------------------------- queries

function arbLeaf(fields: TRefField[]): fc.Arbitrary<TRefCond> {
  return fc.constantFrom(...fields).chain((field): fc.Arbitrary<TRefCond> => {
    const isNull = fc.boolean().map((negated): TRefCond => ({ kind: 'isNull', field, negated }));
    if (field.type === 'string') {
      const value = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...STRINGS) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) });
      return fc.oneof(
        { weight: 4, arbitrary: fc.record({ op: fc.constantFrom('=', '!=', '<', '>', '<=', '>=' as const), value }).map(({ op, value: v }): TRefCond => ({ kind: 'cmp', field, op, value: v })) },
        { weight: 2, arbitrary: fc.record({ values: fc.array(value, { minLength: 1, maxLength: 3 }), negated: fc.boolean() }).map((r): TRefCond => ({ kind: 'in', field, ...r })) },
        { weight: 1, arbitrary: isNull },
        { weight: 2, arbitrary: fc.constantFrom('', 'a', 'c', 'g', 'lo', 'view').map((prefix): TRefCond => ({ kind: 'startsWith', field, prefix })) },
      );
    }
    const number =
      field.type === 'long' ? fc.integer({ min: -10, max: 100_000 }) : fc.integer({ min: 0, max: 50_000 }).map((cents) => cents / 100);
    return fc.oneof(
      { weight: 4, arbitrary: fc.record({ op: fc.constantFrom('=', '!=', '<', '>', '<=', '>=' as const), value: number }).map(({ op, value }): TRefCond => ({ kind: 'cmp', field, op, value })) },
      { weight: 1, arbitrary: fc.record({ values: fc.array(number, { minLength: 1, maxLength: 3 }), negated: fc.boolean() }).map((r): TRefCond => ({ kind: 'in', field, ...r })) },
      { weight: 2, arbitrary: fc.tuple(number, number).map(([a, b]): TRefCond => ({ kind: 'between', field, low: Math.min(a, b), high: Math.max(a, b) })) },
      { weight: 1, arbitrary: isNull },
    );
  });
}

function arbCond(fields: TRefField[]): fc.Arbitrary<TRefCond> {
  const { cond } = fc.letrec<{ cond: TRefCond }>((tie) => ({
    cond: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 4, arbitrary: arbLeaf(fields) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('and', 'or' as const), left: tie('cond'), right: tie('cond') }) as fc.Arbitrary<TRefCond> },
      { weight: 1, arbitrary: tie('cond').map((operand): TRefCond => ({ kind: 'not', operand })) },
    ),
  }));
  return cond;
}

const arbQuery: fc.Arbitrary<TRefQuery> = fc.constantFrom('usersession', 'useraction' as const).chain((table) => {
  const fields = table === 'usersession' ? SESSION_FIELDS : ACTION_FIELDS;
  const numeric = fields.filter((f) => f.type !== 'string');
  const condFields = table === 'usersession' ? SESSION_COND_FIELDS : ACTION_FIELDS;
  const where = fc.option(arbCond(condFields), { freq: 5, nil: undefined });
  const rows = fc
    .record({
      fields: fc.uniqueArray(fc.constantFrom(...fields), { minLength: 1, maxLength: 4 }),
      orderBy: fc.constantFrom(...fields),
      descending: fc.boolean(),
      limit: fc.integer({ min: 1, max: 30 }),
    })
    .map((r) => ({ kind: 'rows' as const, ...r, tiebreak: TIEBREAK[table] }));
  const aggregate: fc.Arbitrary<TRefAggregate> = fc.oneof(
    fc.constant({ fn: 'COUNT' as const }),
    fc.record({ fn: fc.constantFrom('SUM', 'MIN', 'MAX', 'COUNT' as const), field: fc.constantFrom(...numeric) }),
    fc.record({ fn: fc.constantFrom('MIN', 'MAX' as const), field: fc.constantFrom(...fields) }),
  );
  const group = fc
    .record({
      key: fc.constantFrom(...fields),
      aggregates: fc.array(aggregate, { minLength: 1, maxLength: 3 }),
      byCountDesc: fc.boolean(),
      limit: fc.integer({ min: 1, max: 30 }),
    })
    .map((g) => ({
      kind: 'group' as const,
      ...g,
      // ORDER BY COUNT(*) needs the count among the items to be compared exactly.
      aggregates: g.byCountDesc && !g.aggregates.some((a) => !a.field) ? [{ fn: 'COUNT' as const }, ...g.aggregates] : g.aggregates,
    }));
  if (table === 'useraction') return fc.record({ table: fc.constant(table), where, select: fc.oneof(rows, group) }) as fc.Arbitrary<TRefQuery>;
  const funnel = fc.array(arbCond(condFields), { minLength: 2, maxLength: 4 }).map((steps) => ({ kind: 'funnel' as const, steps }));
  const select: fc.Arbitrary<TRefQuery['select']> = fc.oneof({ weight: 2, arbitrary: rows }, { weight: 2, arbitrary: group }, { weight: 1, arbitrary: funnel });
  return fc.record({ table: fc.constant(table), where, select }) as fc.Arbitrary<TRefQuery>;
});

// ---------------------------------------------------------------- database

async function load(client: Client, sessions: TRefSession[], actions: TRefAction[]): Promise<void> {
  await client.query('TRUNCATE session, user_action');
  if (sessions.length > 0) {
    await client.query(
      `INSERT INTO session (application_id, session_id, start_time, is_invalid, country, browser_name, duration, user_action_count, properties,
                            instance_id, end_time, end_reason)
       SELECT u.*, u.session_id, u.start_time + u.duration * interval '1 millisecond', 'timeout'
         FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::boolean[], $5::text[], $6::text[], $7::bigint[], $8::integer[], $9::jsonb[])
           AS u(application_id, session_id, start_time, is_invalid, country, browser_name, duration, user_action_count, properties)`,
      [
        sessions.map((s) => s.application_id),
        sessions.map((s) => s.session_id),
        sessions.map((s) => new Date(s.start_time).toISOString()),
        sessions.map((s) => s.is_invalid),
        sessions.map((s) => s.country),
        sessions.map((s) => s.browser_name),
        sessions.map((s) => s.duration),
        sessions.map((s) => s.user_action_count),
        sessions.map((s) => JSON.stringify(s.properties)),
      ],
    );
  }
  if (actions.length > 0) {
    await client.query(
      `INSERT INTO user_action (application_id, session_id, event_id, session_start_time, start_time, name, duration, properties, type)
       SELECT *, 'Custom' FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::text[], $7::bigint[], $8::jsonb[])`,
      [
        actions.map((a) => a.application_id),
        actions.map((a) => a.session_id),
        actions.map((a) => a.event_id),
        actions.map((a) => new Date(a.session_start_time).toISOString()),
        actions.map((a) => new Date(a.start_time).toISOString()),
        actions.map((a) => a.name),
        actions.map((a) => a.duration),
        actions.map((a) => JSON.stringify(a.properties)),
      ],
    );
  }
}

function expectSameRows(actual: unknown[][], expected: TRefValue[][], context: string): void {
  const fail = (why: string): never => {
    throw new Error(`${why}\n${context}\nactual:   ${JSON.stringify(actual)}\nexpected: ${JSON.stringify(expected)}`);
  };
  if (actual.length !== expected.length) fail('row counts differ');
  actual.forEach((row, i) => {
    const want = expected[i] as TRefValue[];
    row.forEach((value, j) => {
      const w = want[j];
      if (typeof value === 'number' && typeof w === 'number') {
        if (Math.abs(value - w) > 1e-6 * Math.max(1, Math.abs(w))) fail(`row ${i} column ${j} differs`);
      } else if (value !== w) {
        fail(`row ${i} column ${j} differs`);
      }
    });
  });
}

let db: TScratchDatabase;

beforeAll(async () => {
  db = await createScratchDatabase();
});

afterAll(async () => {
  await db?.drop();
});

describe('differential: translated SQL on PostgreSQL = reference evaluator', () => {
  it('agrees on random data and random queries', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(arbDataset, fc.array(arbQuery, { minLength: 6, maxLength: 6 }), async ({ sessions, actions }, queries) => {
        await load(db.client, sessions, actions);
        for (const query of queries) {
          const text = toUsql(query);
          const translation = translateUsql(text, { definitions: [...DEFINITIONS], applicationIds: ['app1'], timeFrame: FRAME, now: FRAME.end });
          const result = await db.client.query({ text: translation.sql, values: translation.params, rowMode: 'array' });
          const expected = evaluateReference(query, sessions, actions, { applicationIds: ['app1'], frame: FRAME });
          expectSameRows(result.rows as unknown[][], expected, text);
          compared += 1;
        }
      }),
      { numRuns: 60 },
    );
    expect(compared).toBe(360);
  });
});
