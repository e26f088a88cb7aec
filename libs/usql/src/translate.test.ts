import fc from 'fast-check';
import { isUsqlError, translateUsql, type TUsqlTranslateOptions, type TUsqlTranslation } from './index';

const definitions: TUsqlTranslateOptions['definitions'] = [
  { key: 'payment_method', scope: 'event', dataType: 'string' },
  { key: 'cart_value', scope: 'event', dataType: 'double' },
  { key: 'loyalty_tier', scope: 'session', dataType: 'string' },
  { key: 'basket_items', scope: 'session', dataType: 'long' },
  { key: 'is_vip', scope: 'both', dataType: 'boolean' },
];
const options: TUsqlTranslateOptions = {
  definitions,
  applicationIds: ['app-1'],
  timeFrame: { start: Date.parse('2026-11-01T00:00:00Z'), end: Date.parse('2026-12-01T00:00:00Z') },
  now: Date.parse('2026-11-22T12:00:00Z'),
};

const translate = (query: string, extra: Partial<TUsqlTranslateOptions> = {}): TUsqlTranslation => translateUsql(query, { ...options, ...extra });

function errorOf(query: string, extra: Partial<TUsqlTranslateOptions> = {}): { code: string; message: string; line: number; column: number } {
  try {
    translate(query, extra);
  } catch (error) {
    if (isUsqlError(error)) return { code: error.usqlCode, message: error.message, line: error.line, column: error.column };
    throw error;
  }
  throw new Error(`expected ${query} to fail`);
}

const quote = (value: string): string => `'${value.replace(/'/g, "''")}'`;

describe('USQL.md §7 examples', () => {
  const examples: [string, Array<[string, string]>, TUsqlTranslation['shape']?, number?][] = [
    ['SELECT country, COUNT(*) FROM usersession GROUP BY country ORDER BY COUNT(*) DESC LIMIT 10', [['country', 'string'], ['COUNT(*)', 'long']], 'table', 1],
    [
      "SELECT userId, startTime, duration FROM usersession WHERE userActionCount > 3 AND userType = 'REAL_USER' ORDER BY startTime DESC LIMIT 20",
      [['userId', 'string'], ['startTime', 'date'], ['duration', 'long']],
    ],
    ["SELECT COUNT(*) FROM usersession WHERE useraction.name = 'login' AND useraction.name = 'checkout'", [['COUNT(*)', 'long']]],
    [
      "SELECT name, duration FROM useraction WHERE name STARTSWITH 'Loading of page' AND duration > 1000 ORDER BY duration DESC",
      [['name', 'string'], ['duration', 'long']],
    ],
    ["SELECT browserFamily, useraction.name FROM usersession WHERE useraction.name = 'checkout' LIMIT 5", [['browserFamily', 'string'], ['useraction.name', 'array']]],
    ["SELECT DATETIME(startTime, 'HH:mm', '5m') AS t, COUNT(*) FROM usersession GROUP BY t", [['t', 'string'], ['COUNT(*)', 'long']], 'table', 1],
    ['SELECT MONTH(startTime) AS month, COUNT(*) FROM usersession GROUP BY month', [['month', 'long'], ['COUNT(*)', 'long']], 'table', 1],
    [
      'SELECT TOP(country, 20), TOP(browserFamily, 3), COUNT(*) FROM usersession GROUP BY country',
      [['TOP(country, 20)', 'string'], ['TOP(browserFamily, 3)', 'array'], ['COUNT(*)', 'long']],
      'table',
      1,
    ],
    [
      `SELECT FUNNEL(useraction.name = 'view cart' AS "Cart", useraction.name = 'checkout' AS "Checkout", useraction.name = 'pay' AS "Paid") FROM usersession`,
      [['Cart', 'long'], ['Checkout', 'long'], ['Paid', 'long']],
      'funnel',
    ],
    [
      "SELECT COUNT(*), CONDITION(COUNT(*), WHERE hasError = true) AS withErrors, CONDITION(AVG(duration), WHERE country = 'AT') FROM usersession",
      [['COUNT(*)', 'long'], ['withErrors', 'long'], ["CONDITION(AVG(duration), WHERE country = 'AT')", 'double']],
    ],
    ['SELECT isp, AVG(useraction.duration) FILTER > 500 AS slow FROM usersession GROUP BY isp ORDER BY slow DESC', [['isp', 'string'], ['slow', 'double']], 'table', 1],
    ['SELECT DISTINCT KEYS(stringProperties) FROM useraction', [['KEYS(stringProperties)', 'string']], 'table', 1],
    [
      'SELECT stringProperties.payment_method, COUNT(*), MEDIAN(duration), PERCENTILE(duration, 90) FROM useraction WHERE doubleProperties.cart_value > 100 GROUP BY stringProperties.payment_method',
      [['stringProperties.payment_method', 'string'], ['COUNT(*)', 'long'], ['MEDIAN(duration)', 'double'], ['PERCENTILE(duration, 90)', 'double']],
      'table',
      1,
    ],
    [
      'SELECT usersession.stringProperties.loyalty_tier AS tier, SUM(usersession.longProperties.basket_items) FROM usersession GROUP BY tier',
      [['tier', 'string'], ['SUM(usersession.longProperties.basket_items)', 'long']],
      'table',
      1,
    ],
    [
      `SELECT userId FROM usersession WHERE country IN ('US', 'CA') AND userId LIKE '*@example.?om' AND startTime > $NOW - DURATION("1d")`,
      [['userId', 'string']],
    ],
  ];

  it.each(examples)('%s', (query, columns, shape = 'table', groupColumnCount = 0) => {
    const result = translate(query);
    expect(result.columns).toEqual(columns.map(([name, type]) => ({ name, type })));
    expect(result.shape).toBe(shape);
    expect(result.groupColumnCount).toBe(groupColumnCount);
    // One statement: a SELECT, or (FUNNEL) a SELECT over one materialized read-only CTE.
    expect(result.sql).toMatch(/^(SELECT |WITH fa AS MATERIALIZED \(SELECT )/);
    expect(result.sql).not.toContain(';');
    expect(result.sql).toContain('application_id = ANY($1::text[])');
    expect(result.params[0]).toEqual(['app-1']);
    for (const literal of query.match(/'[^']*'/g) ?? []) expect(result.sql).not.toContain(literal);
  });

  it('puts literal values into params, translated where the language says so', () => {
    const result = translate(`SELECT userId FROM usersession WHERE country IN ('US', 'CA') AND userId LIKE '*@example.?om' AND startTime > $NOW - DURATION("1d")`);
    expect(result.params).toEqual(expect.arrayContaining(['US', 'CA', '%@example._om', Date.parse('2026-11-21T12:00:00Z')]));
    expect(translate("SELECT name FROM useraction WHERE name STARTSWITH '50%_off'").params).toContain('50\\%\\_off%');
  });

  it('filters every table it reads by tenant and time frame', () => {
    const result = translate("SELECT browserFamily, useraction.name FROM usersession WHERE useraction.name = 'checkout' AND usererror.type = 'Error'");
    const tables = result.sql.match(/FROM (session|user_action|user_error|user_event) (\w+)/g) ?? [];
    expect(tables.length).toBe(4);
    for (const match of tables) {
      const alias = match.split(' ')[2] as string;
      expect(result.sql).toContain(`${alias}.application_id = ANY($1::text[])`);
      expect(result.sql).toMatch(new RegExp(`${alias}\\.(session_)?start_time >= to_timestamp\\(\\$2::float8`));
    }
    expect(result.sql).toContain('s.is_invalid IS NOT TRUE');
    expect(translate('SELECT COUNT(*) FROM usersession WHERE isInvalid = true').sql).not.toContain('is_invalid IS NOT TRUE');
  });
});

describe('errors', () => {
  it('rejects another child table', () => {
    expect(errorOf('SELECT useraction.name FROM userevent')).toMatchObject({ code: 'USQL_UNSUPPORTED', line: 1, column: 8 });
  });

  it('rejects field-to-field comparison at the right-hand field', () => {
    const error = errorOf('SELECT COUNT(*) FROM usersession WHERE duration > userActionCount');
    expect(error).toMatchObject({ code: 'USQL_UNSUPPORTED', line: 1, column: 51 });
    expect(error.message).toContain('another field');
  });

  it('suggests the field meant', () => {
    expect(errorOf('SELECT browserFamly FROM usersession')).toEqual({
      code: 'USQL_UNKNOWN_FIELD',
      message: 'unknown field `browserFamly` — did you mean `browserFamily`?',
      line: 1,
      column: 8,
    });
  });

  it('names the right type of a property', () => {
    expect(errorOf('SELECT stringProperties.cart_value FROM useraction')).toEqual({
      code: 'USQL_UNKNOWN_PROPERTY',
      message: '`cart_value` is a double property; use doubleProperties.cart_value',
      line: 1,
      column: 8,
    });
  });

  it.each([
    ['SELECT COUNT(*) FROM usersession WHERE COUNT(*) > 3', 'USQL_UNSUPPORTED', 1, 40],
    ["SELECT COUNT(*) FROM usersession WHERE country ~ 'A.*'", 'USQL_UNSUPPORTED', 1, 48],
    ["SELECT COUNT(*) FROM usersession WHERE country MATCHES 'A.*'", 'USQL_UNSUPPORTED', 1, 48],
    ['SELECT COUNT(*) FROM usersessions', 'USQL_UNKNOWN_FIELD', 1, 22],
    ['SELECT country FROM usersession LIMIT 5001', 'USQL_LIMIT', 1, 39],
    ['SELECT country FROM usersession\nWHERE country = ', 'USQL_SYNTAX', 2, 17],
    ["SELECT country FROM usersession WHERE country = 'open", 'USQL_SYNTAX', 1, 49],
    ['SELECT stringProperties.payment_methd FROM useraction', 'USQL_UNKNOWN_PROPERTY', 1, 8],
    ['SELECT stringProperties.loyalty_tier FROM useraction', 'USQL_UNKNOWN_PROPERTY', 1, 8],
    ["SELECT country FROM usersession WHERE duration = 'long'", 'USQL_TYPE', 1, 50],
    ["SELECT country FROM usersession WHERE startTime > 'yesterday'", 'USQL_TYPE', 1, 51],
    ['SELECT country, browserFamily, COUNT(*) FROM usersession GROUP BY country', 'USQL_UNSUPPORTED', 1, 17],
    ["SELECT FUNNEL(country = 'A') FROM usersession", 'USQL_UNSUPPORTED', 1, 8],
    ["SELECT FUNNEL(country = 'A', country = 'B') FROM usersession LIMIT 3", 'USQL_UNSUPPORTED', 1, 62],
    ['SELECT FOO(country) FROM usersession', 'USQL_UNKNOWN_FIELD', 1, 8],
    ['SELECT MONTH(startTime) FROM usersession GROUP BY MONTH(startTime)', 'USQL_UNSUPPORTED', 1, 51],
    ['SELECT country FROM usersession ORDER BY a, b, c, d, e, f', 'USQL_LIMIT', 1, 57],
    ['SELECT name FROM useraction WHERE $NOW > startTime', 'USQL_UNSUPPORTED', 1, 35],
  ])('%s → %s at %i:%i', (query, code, line, column) => {
    expect(errorOf(query)).toMatchObject({ code, line, column });
  });

  it('is a TrailmarkError that maps to HTTP 400', () => {
    try {
      translate('SELECT nope FROM usersession');
    } catch (error) {
      expect(isUsqlError(error)).toBe(true);
      expect((error as { code: string }).code).toBe('VALIDATION');
      expect((error as { toUsqlBody(): unknown }).toUsqlBody()).toMatchObject({ code: 'USQL_UNKNOWN_FIELD', line: 1, column: 8 });
    }
  });
});

describe('injection', () => {
  const hostile = ["'; DROP TABLE session; --", '$1', '$2::text', '-- comment', '/* x */', "O''Brien", '\\', '"', "' OR '1'='1", 'k.key'];

  it.each(hostile)('keeps the literal %j out of the SQL text', (value) => {
    const query = `SELECT country AS ${quote(value)}, COUNT(*) FROM usersession WHERE country = ${quote(value)} OR userId LIKE ${quote(value)} OR useraction.name STARTSWITH ${quote(value)} GROUP BY country`;
    const result = translate(query);
    if (value.length > 2) expect(result.sql).not.toContain(value);
    expect(result.params).toContain(value);
    expect(result.columns[0]?.name).toBe(value);
  });

  it('never puts property keys from definitions into the SQL text', () => {
    const evilKey = "x'); DROP TABLE session; --";
    const result = translate('SELECT stringProperties, KEYS(stringProperties) FROM usersession', {
      definitions: [...definitions, { key: evilKey, scope: 'session', dataType: 'string' }],
    });
    expect(result.sql).not.toContain(evilKey);
    expect(result.params).toContainEqual(expect.arrayContaining([evilKey]));
  });

  it('refuses hostile identifiers before any SQL exists', () => {
    expect(errorOf('SELECT country; DROP TABLE session FROM usersession').code).toBe('USQL_SYNTAX');
    expect(errorOf('SELECT "country" FROM usersession WHERE session_id = 1').code).toBe('USQL_UNKNOWN_FIELD');
    expect(errorOf('SELECT stringProperties.pg_sleep FROM usersession').code).toBe('USQL_UNKNOWN_PROPERTY');
    expect(errorOf('SELECT COUNT(*) FROM session').code).toBe('USQL_UNKNOWN_FIELD');
  });

  it('produces the same SQL text for any literal strings (only params change)', () => {
    const template = (a: string, b: string, c: string): string =>
      `SELECT country AS ${quote(c)}, COUNT(*) FROM usersession WHERE (country = ${quote(a)} OR userId LIKE ${quote(b)}) AND useraction.name IN (${quote(a)}, ${quote(c)}) AND usersession.stringProperties.loyalty_tier STARTSWITH ${quote(b)} GROUP BY country`;
    const reference = translate(template('x', 'y', 'z'));
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), fc.string({ unit: 'grapheme' }), (a, b, c) => {
        const result = translate(template(a, b, c));
        expect(result.sql).toBe(reference.sql);
        expect(result.params).toHaveLength(reference.params.length);
        expect(result.params).toContain(a);
        expect(result.columns[0]?.name).toBe(c);
      }),
      { numRuns: 300 },
    );
  });
});

describe('language details', () => {
  it('accepts aliases, both quote styles and case-insensitive names', () => {
    const result = translate('select COUNTRY as "The Country", count(*) AS n from UserSession group by "The Country" order by n desc');
    expect(result.columns).toEqual([
      { name: 'The Country', type: 'string' },
      { name: 'n', type: 'long' },
    ]);
  });

  it('types arithmetic: integer division stays long, dates minus dates are ms', () => {
    expect(translate('SELECT duration / 1000, duration / 2.5, endTime - startTime, startTime + DURATION("1h") FROM usersession').columns.map((c) => c.type)).toEqual([
      'long',
      'double',
      'long',
      'date',
    ]);
  });

  it('expands * and useraction.*', () => {
    expect(translate('SELECT * FROM userevent').columns.map((c) => c.name)).toEqual(['name', 'type', 'page', 'pageReferrer', 'startTime']);
    const nested = translate('SELECT useraction.* FROM usersession');
    expect(nested.columns.every((c) => c.type === 'array')).toBe(true);
  });

  it('applies offsetUTC to zone-less date literals', () => {
    const utc = translate("SELECT COUNT(*) FROM usersession WHERE startTime > '2026-11-22'");
    const plusOne = translate("SELECT COUNT(*) FROM usersession WHERE startTime > '2026-11-22'", { offsetUtcMinutes: 60 });
    expect(utc.params).toContain(Date.parse('2026-11-22T00:00:00Z'));
    expect(plusOne.params).toContain(Date.parse('2026-11-21T23:00:00Z'));
  });

  it('uses the default and maximum limits', () => {
    expect(translate('SELECT country FROM usersession').params.at(-1)).toBe(50);
    expect(translate('SELECT country FROM usersession', { defaultLimit: 10 }).params.at(-1)).toBe(10);
    expect(errorOf('SELECT country FROM usersession LIMIT 11', { maxLimit: 10, defaultLimit: 10 }).code).toBe('USQL_LIMIT');
  });

  it('rejects funnels outside the 2..10 steps', () => {
    const steps = Array.from({ length: 11 }, (_, i) => `useraction.name = 'a${i}'`).join(', ');
    expect(errorOf(`SELECT FUNNEL(${steps}) FROM usersession`).code).toBe('USQL_LIMIT');
  });

  it('reads a funnel\'s child table once and renders each step once', () => {
    const { sql, params } = translate(
      `SELECT FUNNEL(useraction.name = 'view cart' AS "Cart", useraction.name = 'checkout' AND country = 'AT' AS "Checkout", useraction.name = 'pay' AS "Paid") FROM usersession`,
    );
    expect(sql.match(/\buser_action\b/g)).toHaveLength(1);
    expect(sql).not.toMatch(/EXISTS/);
    expect(params.filter((p) => p === 'view cart' || p === 'checkout' || p === 'pay')).toHaveLength(3);
  });

  it('reads a funnel\'s steps on one text column as one IN, joined to the sessions only where a step needs a child row', () => {
    const names = translate(`SELECT FUNNEL(useraction.name = 'view cart', useraction.name IN ('checkout', 'pay')) FROM usersession`).sql;
    // One application in scope: the session id alone keys the flags.
    expect(names).toMatch(/AND \(fc\.name IN \(\$4::text, \$5::text, \$6::text\)\) GROUP BY fc\.session_id\)/);
    expect(names).toContain(' JOIN fa ON fa.session_id = s.session_id ');
    expect(names).not.toContain('LEFT JOIN');
    const twoApps = translate(`SELECT FUNNEL(useraction.name = 'view cart', useraction.name = 'pay') FROM usersession`, { applicationIds: ['app-1', 'app-2'] }).sql;
    expect(twoApps).toContain('GROUP BY fc.application_id, fc.session_id)');
    expect(twoApps).toContain(' JOIN fa ON fa.application_id = s.application_id AND fa.session_id = s.session_id ');
    // A first step that holds for a session without matching actions keeps every session.
    expect(translate(`SELECT FUNNEL(NOT useraction.name = 'pay', useraction.name = 'checkout') FROM usersession`).sql).toContain(' LEFT JOIN fa ON ');
    expect(translate(`SELECT FUNNEL(country = 'AT' OR useraction.name = 'pay', useraction.name = 'checkout') FROM usersession`).sql).toContain(' LEFT JOIN fa ON ');
    expect(translate(`SELECT FUNNEL(country = 'AT' AND useraction.name = 'pay', country = 'DE') FROM usersession`).sql).not.toContain('LEFT JOIN');
    // Mixed conditions stay an OR of the leaves.
    expect(translate(`SELECT FUNNEL(useraction.name = 'pay', useraction.duration > 100) FROM usersession`).sql).toMatch(/AND \(\(fc\.name = \$\d+::text\) OR \(fc\.duration > \$\d+::bigint\)\) GROUP BY/);
  });

  it('passes whole-number literals as bigint, so integer columns compare without a cast', () => {
    expect(translate('SELECT COUNT(*) FROM useraction WHERE duration > 5000').sql).toMatch(/c\.duration > \$\d+::bigint/);
  });

  it('explains applied limits', () => {
    expect(translate('SELECT country FROM usersession').explanations.join('\n')).toMatch(/LIMIT 50/);
  });
});
