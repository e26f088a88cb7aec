import { translateUsql, type TUsqlTranslateOptions } from '../src/index';
import { ACTIONS, DEFINITIONS, ERRORS, EVENTS, FRAME, NOW, SESSIONS } from './fixtures/dataset';
import { createScratchDatabase, insertRows, type TScratchDatabase } from './pg-scratch';

let db: TScratchDatabase;

const baseOptions: TUsqlTranslateOptions = {
  definitions: [...DEFINITIONS],
  applicationIds: ['app1'],
  timeFrame: FRAME,
  now: NOW,
};

async function run(query: string, options: Partial<TUsqlTranslateOptions> = {}): Promise<unknown[][]> {
  const translation = translateUsql(query, { ...baseOptions, ...options });
  const result = await db.client.query({ text: translation.sql, values: translation.params, rowMode: 'array' });
  return result.rows as unknown[][];
}

const sortRows = (rows: unknown[][]): unknown[][] => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

beforeAll(async () => {
  db = await createScratchDatabase();
  await insertRows(db.client, 'session', SESSIONS);
  await insertRows(db.client, 'user_action', ACTIONS);
  await insertRows(db.client, 'user_event', EVENTS);
  await insertRows(db.client, 'user_error', ERRORS);
});

afterAll(async () => {
  await db?.drop();
});

describe('USQL.md §7 examples on PostgreSQL', () => {
  it('1. counts sessions per country, most first', async () => {
    const rows = await run('SELECT country, COUNT(*) FROM usersession GROUP BY country ORDER BY COUNT(*) DESC LIMIT 10');
    expect(rows[0]).toEqual(['US', 2]);
    expect(sortRows(rows)).toEqual([['AT', 1], ['CA', 1], ['US', 2]]);
  });

  it('2. filters, orders and returns dates as epoch ms', async () => {
    const rows = await run(
      "SELECT userId, startTime, duration FROM usersession WHERE userActionCount > 3 AND userType = 'REAL_USER' ORDER BY startTime DESC LIMIT 20",
    );
    expect(rows).toEqual([['a@example.com', Date.parse('2026-11-22T10:00:00Z'), 4800]]);
  });

  it('3. checks each child condition on its own', async () => {
    expect(await run("SELECT COUNT(*) FROM usersession WHERE useraction.name = 'login' AND useraction.name = 'checkout'")).toEqual([[2]]);
  });

  it('4. queries user actions with STARTSWITH', async () => {
    const rows = await run("SELECT name, duration FROM useraction WHERE name STARTSWITH 'Loading of page' AND duration > 1000 ORDER BY duration DESC");
    expect(rows).toEqual([
      ['Loading of page /cart', 2500],
      ['Loading of page /home', 1500],
    ]);
  });

  it('5. returns the child values of each session as a list', async () => {
    const rows = await run("SELECT browserFamily, useraction.name FROM usersession WHERE useraction.name = 'checkout' LIMIT 5");
    expect(sortRows(rows)).toEqual(
      sortRows([
        ['Chrome', ['view cart', 'checkout', 'pay', 'Loading of page /home', 'login']],
        ['Firefox', ['view cart', 'checkout']],
        ['Chrome', ['login', 'checkout', 'Loading of page /cart', 'view cart']],
      ]),
    );
  });

  it('6. buckets start times into 5-minute slots', async () => {
    const rows = await run("SELECT DATETIME(startTime, 'HH:mm', '5m') AS t, COUNT(*) FROM usersession GROUP BY t");
    expect(sortRows(rows)).toEqual([['08:00', 1], ['10:00', 1], ['11:00', 1], ['11:55', 1]]);
  });

  it('6b. respects offsetUTC in date formatting', async () => {
    const rows = await run("SELECT DATETIME(startTime, 'yyyy-MM-dd HH:mm E', 'hour') AS t, COUNT(*) FROM usersession WHERE country = 'AT' GROUP BY t", {
      offsetUtcMinutes: 60,
    });
    expect(rows).toEqual([['2026-11-22 12:00 Sun', 1]]);
  });

  it('7. groups by the month of the start time', async () => {
    expect(await run('SELECT MONTH(startTime) AS month, COUNT(*) FROM usersession GROUP BY month')).toEqual([[11, 4]]);
  });

  it('8. TOP keeps frequent groups and lists frequent values', async () => {
    const rows = await run('SELECT TOP(country, 20), TOP(browserFamily, 3), COUNT(*) FROM usersession GROUP BY country');
    expect(sortRows(rows)).toEqual([['AT', ['Safari'], 1], ['CA', ['Firefox'], 1], ['US', ['Chrome'], 2]]);
    const top1 = await run('SELECT TOP(country, 1), COUNT(*) FROM usersession GROUP BY country');
    expect(top1).toEqual([['US', 2]]);
  });

  it('9. FUNNEL counts sessions matching steps 1..k', async () => {
    const rows = await run(
      `SELECT FUNNEL(useraction.name = 'view cart' AS "Cart", useraction.name = 'checkout' AS "Checkout", useraction.name = 'pay' AS "Paid") FROM usersession`,
    );
    expect(rows).toEqual([[4, 3, 1]]);
  });

  it('9b. FUNNEL counts sessions without a matching action when the first step holds without one', async () => {
    // s2, s3, s4 have no `pay` (s4 no action of the steps at all); s2 and s3 checked out.
    expect(await run(`SELECT FUNNEL(NOT useraction.name = 'pay' AS "No pay", useraction.name = 'checkout' AS "Checkout") FROM usersession`)).toEqual([[3, 2]]);
    expect(await run(`SELECT FUNNEL(country = 'AT' AS "AT", useraction.name IN ('view cart', 'pay') AS "Cart or paid") FROM usersession`)).toEqual([[1, 1]]);
  });

  it('9c. FUNNEL keeps the sessions of several applications apart', async () => {
    // app2 reuses the session id s1; its actions must not count for app1's s1 and vice versa.
    const rows = await run(`SELECT FUNNEL(useraction.name = 'view cart', useraction.name = 'checkout', useraction.name = 'evil') FROM usersession`, {
      applicationIds: ['app1', 'app2'],
    });
    expect(rows).toEqual([[5, 4, 1]]);
  });

  it('10. CONDITION aggregates over matching rows only', async () => {
    const rows = await run(
      "SELECT COUNT(*), CONDITION(COUNT(*), WHERE hasError = true) AS withErrors, CONDITION(AVG(duration), WHERE country = 'AT') FROM usersession",
    );
    expect(rows).toEqual([[4, 2, 3000]]);
  });

  it('11. FILTER keeps groups by their aggregate of child values', async () => {
    const rows = await run('SELECT isp, AVG(useraction.duration) FILTER > 500 AS slow FROM usersession GROUP BY isp ORDER BY slow DESC');
    expect(rows).toEqual([
      ['Vodafone', 762.5],
      ['Comcast', 700],
    ]);
  });

  it('12. DISTINCT KEYS lists the defined keys present', async () => {
    expect(await run('SELECT DISTINCT KEYS(stringProperties) FROM useraction')).toEqual([['payment_method']]);
    const perRow = await run("SELECT KEYS(stringProperties) FROM useraction WHERE name = 'Loading of page /home'");
    expect(perRow).toEqual([[['payment_method']]]);
  });

  it('13. groups by a typed property with MEDIAN and PERCENTILE', async () => {
    const rows = await run(
      'SELECT stringProperties.payment_method, COUNT(*), MEDIAN(duration), PERCENTILE(duration, 90) FROM useraction WHERE doubleProperties.cart_value > 100 GROUP BY stringProperties.payment_method',
    );
    expect(rows).toHaveLength(1);
    const [method, count, median, p90] = rows[0] as [string, number, number, number];
    expect([method, count, median]).toEqual(['card', 2, 2000]);
    expect(p90).toBeCloseTo(2400, 6);
  });

  it('14. sums a session property per tier', async () => {
    const rows = await run(
      'SELECT usersession.stringProperties.loyalty_tier AS tier, SUM(usersession.longProperties.basket_items) FROM usersession GROUP BY tier',
    );
    expect(sortRows(rows)).toEqual(sortRows([['gold', 8], ['silver', 1], [null, null]]));
  });

  it('15. IN, LIKE wildcards and $NOW - DURATION', async () => {
    const rows = await run(
      `SELECT userId FROM usersession WHERE country IN ('US', 'CA') AND userId LIKE '*@example.?om' AND startTime > $NOW - DURATION("1d")`,
    );
    expect(rows).toEqual([['a@example.com']]);
  });
});

describe('more of the language on PostgreSQL', () => {
  it('includes invalid sessions only when WHERE names isInvalid', async () => {
    expect(await run('SELECT COUNT(*) FROM usersession')).toEqual([[4]]);
    expect(await run('SELECT COUNT(*) FROM usersession WHERE isInvalid = true')).toEqual([[1]]);
    expect(await run('SELECT COUNT(*) FROM usersession WHERE isInvalid = false OR isInvalid = true')).toEqual([[5]]);
  });

  it('keeps integer division integer and supports MOD', async () => {
    expect(await run("SELECT duration / 1000, duration MOD 1000, duration % 7 FROM usersession WHERE userId = 'a@example.com'")).toEqual([[4, 800, 4800 % 7]]);
    expect(await run("SELECT duration / 1000.0 FROM usersession WHERE userId = 'a@example.com'")).toEqual([[4.8]]);
  });

  it('compares IP addresses as ranges', async () => {
    const rows = await run("SELECT userId FROM usersession WHERE ip BETWEEN '10.0.0.0' AND '10.0.255.255' ORDER BY userId");
    expect(rows).toEqual([['a@example.com'], ['d@example.com']]);
  });

  it('parses the date literal formats', async () => {
    for (const literal of ['2026-11-22T09:00:00+00:00', '2026-11-22 09:00', '2026/11/22 09', '11/22/2026', '22.11.2026 09:00:00']) {
      const rows = await run(`SELECT COUNT(*) FROM usersession WHERE startTime >= '${literal}'`);
      expect(rows).toEqual([[3]]);
    }
    expect(await run('SELECT COUNT(*) FROM usersession WHERE startTime BETWEEN $TIME_FRAME_START AND $TIME_FRAME_END')).toEqual([[4]]);
  });

  it('uses usersession fields from a child query and child rows of other sessions never mix', async () => {
    const rows = await run("SELECT name, usersession.country FROM useraction WHERE usersession.userId = 'b@example.net' ORDER BY startTime");
    expect(rows).toEqual([
      ['view cart', 'CA'],
      ['checkout', 'CA'],
    ]);
  });

  it('selects userevent and usererror rows', async () => {
    expect(await run('SELECT name, type, page FROM userevent ORDER BY startTime')).toEqual([
      ['Home', 'PageChange', '/home'],
      ['Buy', 'Click', '/cart'],
    ]);
    expect(await run('SELECT COUNT(*) FROM usererror WHERE status >= 500')).toEqual([[1]]);
    expect(await run("SELECT COUNT(*) FROM usersession WHERE usererror.type = 'HttpError'")).toEqual([[1]]);
  });

  it('selects JSON, *, property maps, dates and booleans', async () => {
    const [json] = (await run("SELECT JSON FROM usersession WHERE userId = 'a@example.com'"))[0] as [Record<string, unknown>];
    expect(json).toMatchObject({ userId: 'a@example.com', country: 'US', duration: 4800, hasError: true, startTime: Date.parse('2026-11-22T10:00:00Z') });
    const star = await run("SELECT * FROM userevent WHERE name = 'Home'");
    expect(star[0]).toHaveLength(5);
    expect(await run("SELECT stringProperties, dateProperties.signup_date, booleanProperties.is_vip FROM usersession WHERE userId = 'a@example.com'")).toEqual([
      [{ loyalty_tier: 'gold' }, Date.parse('2026-01-15T00:00:00Z'), true],
    ]);
  });

  it('aggregates dates and counts distinct values', async () => {
    expect(await run('SELECT MIN(startTime), MAX(startTime), COUNT(DISTINCT country), COUNT(userId) FROM usersession')).toEqual([
      [Date.parse('2026-11-10T08:00:00Z'), Date.parse('2026-11-22T11:59:00Z'), 3, 4],
    ]);
    expect(await run("SELECT HOUR(MAX(startTime)), YEAR(startTime), DAY(startTime), MINUTE(startTime) FROM usersession WHERE country = 'AT' GROUP BY startTime")).toEqual([[11, 2026, 22, 59]]);
  });

  it('mixes session and child aggregates without double counting sessions', async () => {
    expect(await run('SELECT COUNT(*), SUM(duration), COUNT(useraction.name), MAX(useraction.duration) FROM usersession')).toEqual([
      [4, 4800 + 1200 + 60000 + 3000, 12, 2500],
    ]);
  });

  it('orders by aliases and aggregates, and applies DISTINCT as grouping', async () => {
    expect(await run('SELECT DISTINCT country FROM usersession ORDER BY country')).toEqual([['AT'], ['CA'], ['US']]);
    expect(await run('SELECT country AS c, SUM(duration) AS total FROM usersession GROUP BY c ORDER BY total DESC, c LIMIT 2')).toEqual([
      ['US', 64800],
      ['AT', 3000],
    ]);
  });

  it('treats hostile literals as plain values', async () => {
    expect(await run("SELECT COUNT(*) FROM usersession WHERE country = '''; DROP TABLE session; --'")).toEqual([[0]]);
    expect(await run("SELECT COUNT(*) FROM usersession WHERE userId LIKE '%$1%' OR userId = '/* x */'")).toEqual([[0]]);
    expect(await run('SELECT COUNT(*) FROM usersession')).toEqual([[4]]);
  });
});

describe('further functions on PostgreSQL', () => {
  it('evaluates child conditions inside CONDITION on the same action row', async () => {
    expect(await run("SELECT CONDITION(AVG(useraction.duration), WHERE useraction.type = 'Load'), CONDITION(COUNT(*), WHERE useraction.name = 'pay') FROM usersession")).toEqual([
      [2000, 1],
    ]);
  });

  it('formats and buckets dates, and adds calendar durations', async () => {
    expect(await run("SELECT DATETIME(MAX(startTime)), DATETIME(MIN(startTime), 'yyyy-MM-dd', 'week') FROM usersession")).toEqual([['2026-11-22 11:59', '2026-11-09']]);
    expect(await run("SELECT startTime + DURATION(\"1M\"), startTime - DURATION(\"1h\") FROM usersession WHERE country = 'AT'")).toEqual([
      [Date.parse('2026-12-22T11:59:00Z'), Date.parse('2026-11-22T10:59:00Z')],
    ]);
  });

  it('reads child properties from a session query', async () => {
    expect(await run('SELECT COUNT(*) FROM usersession WHERE useraction.doubleProperties.cart_value > 100')).toEqual([[2]]);
    expect(await run("SELECT useraction.stringProperties.payment_method, KEYS(stringProperties) FROM usersession WHERE userId = 'b@example.net'")).toEqual([
      [[null, 'paypal'], ['loyalty_tier']],
    ]);
    expect(await run('SELECT booleanProperties.is_vip, COUNT(*) FROM useraction WHERE booleanProperties.is_vip = true GROUP BY booleanProperties.is_vip')).toEqual([[true, 1]]);
  });

  it('lists the most frequent values without grouping', async () => {
    expect(await run('SELECT TOP(country, 2), COUNT(*) FROM usersession')).toEqual([[['US', 'AT'], 4]]);
  });

  it('accepts bare boolean conditions, NOT IN and NOT BETWEEN', async () => {
    expect(await run('SELECT COUNT(*) FROM usersession WHERE hasError')).toEqual([[2]]);
    expect(await run("SELECT COUNT(*) FROM usersession WHERE NOT country IN ('US') AND duration NOT BETWEEN 0 AND 1000")).toEqual([[2]]);
    expect(await run("SELECT COUNT(*) FROM usersession WHERE country NOT IN ('US', 'CA') OR bounce = true")).toEqual([[1]]);
  });
});

describe('tenant isolation', () => {
  const leakQueries = [
    'SELECT userSessionId, applicationId, userId, browserFamily FROM usersession',
    'SELECT applicationId, COUNT(*) FROM usersession GROUP BY applicationId',
    'SELECT name, usersession.applicationId, usersession.userId FROM useraction',
    'SELECT userId, useraction.name, useraction.duration FROM usersession',
    "SELECT userId FROM usersession WHERE useraction.name = 'evil' OR userId STARTSWITH 'evil'",
    'SELECT name, page FROM userevent',
    'SELECT name, page FROM usererror',
    'SELECT DISTINCT KEYS(stringProperties), COUNT(*) FROM useraction',
    'SELECT stringProperties.payment_method, MAX(doubleProperties.cart_value) FROM useraction GROUP BY stringProperties.payment_method',
    'SELECT JSON FROM usersession',
    'SELECT TOP(browserFamily, 10), COUNT(*), MAX(useraction.duration) FROM usersession GROUP BY browserFamily',
  ];

  it.each(leakQueries)('never returns another application’s rows: %s', async (query) => {
    const rows = await run(`${query} LIMIT 5000`.replace(/ LIMIT 5000$/, query.includes('LIMIT') ? '' : ' LIMIT 5000'), {});
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/evil|app2|EvilBrowser|99999|1000000/i);
  });

  it('sees only the other application when asked for it', async () => {
    expect(await run('SELECT COUNT(*) FROM usersession', { applicationIds: ['app2'] })).toEqual([[2]]);
    expect(await run('SELECT COUNT(*) FROM usersession', { applicationIds: ['app1', 'app2'] })).toEqual([[6]]);
    expect(await run('SELECT COUNT(*) FROM usersession', { applicationIds: ['nobody'] })).toEqual([[0]]);
  });

  it('bounds child rows by their session start time', async () => {
    expect(await run("SELECT COUNT(*) FROM useraction WHERE name = 'checkout'")).toEqual([[3]]);
    expect(await run("SELECT COUNT(*) FROM useraction WHERE name = 'checkout'", { timeFrame: { start: FRAME.start, end: Date.parse('2026-11-15T00:00:00Z') } })).toEqual([[1]]);
  });
});
