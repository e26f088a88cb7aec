import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { createPrismaClient } from '@trailmark/db';
import { createUser } from '@trailmark/services';
import { createTestDatabase } from '@trailmark/testing';
import type { TTestDatabase } from '@trailmark/testing';
import { launchChromium } from './browser';
import { startConsole } from './console-server';
import type { TConsoleServer } from './console-server';

const ADMIN = { email: 'e2e-admin@example.test', password: 'e2e password 123' };

let database: TTestDatabase;
let server: TConsoleServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = createPrismaClient(database.url);
  await createUser(db, { ...ADMIN, role: 'admin' });
  await db.$disconnect();
  server = await startConsole({ DATABASE_URL: database.url, TRAILMARK_SECRET: 'e2e-secret-'.padEnd(40, 'z'), LOG_LEVEL: 'warn' });
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await database?.drop();
});

describe('console: applications and properties', () => {
  it('sends an anonymous visitor to sign-in and rejects a wrong password', async () => {
    await page.goto(`${server.url}/apps`);
    await page.waitForURL('**/sign-in');
    await page.fill('#email', ADMIN.email);
    await page.fill('#password', 'wrong password');
    await page.click('button[type=submit]');
    await expectText(page, '[role=alert]', 'email or password is wrong');
  });

  it('signs in, creates an application and shows its ingest key and snippet', async () => {
    await page.fill('#password', ADMIN.password);
    await page.click('button[type=submit]');
    await page.waitForURL('**/apps');
    await expectText(page, '[data-testid=signed-in-as]', ADMIN.email);
    await page.fill('#name', 'Browser Shop <b>bold</b>');
    await page.fill('#allowedOrigins', 'https://shop.example');
    await page.click('form[aria-label="Create application"] button[type=submit]');
    await page.waitForURL(/\/apps\/[^/]+$/);
    // User-supplied text is shown as text, never as markup.
    expect(await page.textContent('h1')).toBe('Browser Shop <b>bold</b>');
    expect(await page.locator('h1 b').count()).toBe(0);
    expect(await page.textContent('[data-testid=ingest-key]')).toMatch(/^tmk_/);
    expect(await page.textContent('[data-testid=sdk-snippet]')).toContain('data-app=');
  });

  it('defines a property and shows it with its quota bar', async () => {
    await page.click('text=Event and session properties');
    await page.waitForURL('**/properties');
    await expectText(page, '[data-quota="Event properties"] .quota__count', '0 / 20');
    await page.fill('#key', 'cart_value');
    await page.selectOption('#scope', 'event');
    await page.selectOption('#dataType', 'double');
    await page.click('form[aria-label="Define property"] button[type=submit]');
    await page.waitForSelector('[data-property-key="cart_value"]');
    await expectText(page, '[data-quota="Event properties"] .quota__count', '1 / 20');
  });

  it('shows the error for an invalid key beside the key field', async () => {
    await page.fill('#key', '9lives');
    await page.click('form[aria-label="Define property"] button[type=submit]');
    const error = page.locator('[data-field-error="key"]');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/start with a letter/);
    await expectText(page, '[data-quota="Event properties"] .quota__count', '1 / 20');
  });
});

describe('console: sessions', () => {
  it('shows a live session marked provisional', async () => {
    const applicationId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '');
    const pool = new pg.Pool({ connectionString: database.url });
    const now = Date.now();
    await pool.query(
      `INSERT INTO event (application_id, session_id, event_id, instance_id, seq, type, ts, url, data)
       VALUES ($1, 's-live', 'e-1', 'i-1', 0, 'navigation', to_timestamp($2 / 1000.0), 'https://shop.example/', '{}'),
              ($1, 's-live', 'e-2', 'i-1', 0, 'user_action', to_timestamp($2 / 1000.0 + 1), 'https://shop.example/', '{"action_type":"load","name":"Loading of page /","duration":120}')`,
      [applicationId, now],
    );
    await pool.query(
      `INSERT INTO live_session (application_id, session_id, instance_id, first_ts, last_ts, event_count, ua)
       VALUES ($1, 's-live', 'i-1', to_timestamp($2 / 1000.0), to_timestamp($2 / 1000.0 + 1), 2, 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36')`,
      [applicationId, now],
    );
    await pool.end();
    await page.goto(`${server.url}/apps/${encodeURIComponent(applicationId)}/sessions`);
    await expectText(page, '[data-testid=live-sessions]', 's-live');
    await expectText(page, 'section[aria-label="Live sessions"] .badge', 'provisional');
  });
});

async function expectText(target: Page, selector: string, text: string): Promise<void> {
  await target.waitForFunction(
    ([sel, expected]) => Array.from(document.querySelectorAll(sel as string)).some((node) => node.textContent?.includes(expected as string)),
    [selector, text],
    { timeout: 15_000 },
  );
}
