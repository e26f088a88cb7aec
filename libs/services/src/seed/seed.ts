import type { PrismaClient } from '@trailmark/db';
import { createUser } from '../auth/users';
import { createApplication } from '../applications/applications';
import { addPropertyPack, defineProperty } from '../properties/properties';

export const DEMO_ADMIN = { email: 'admin@trailmark.local', password: 'trailmark-demo' } as const;
export const DEMO_APPLICATION_NAME = 'Demo Shop';

// The properties the §7 example beacon carries, so the demo traffic lands typed.
const DEMO_PROPERTIES = [
  { key: 'cart_value', dataType: 'double', scope: 'event', displayName: 'Cart value' },
  { key: 'payment_method', dataType: 'string', scope: 'event', displayName: 'Payment method' },
  { key: 'loyalty_tier', dataType: 'string', scope: 'session', displayName: 'Loyalty tier' },
  { key: 'basket_items', dataType: 'long', scope: 'session', sessionAggregation: 'max', displayName: 'Basket items' },
  { key: 'is_logged_in', dataType: 'boolean', scope: 'both', displayName: 'Logged in' },
  { key: 'signup_date', dataType: 'date', scope: 'session', displayName: 'Signed up' },
] as const;

export interface TSeedResult {
  admin: { email: string; password: string; created: boolean };
  application: { id: string; name: string; ingestKey: string; created: boolean } | null;
}

/** Idempotent: a second run finds what the first made and creates nothing. */
export async function seedDatabase(db: PrismaClient, options: { demo: boolean }): Promise<TSeedResult> {
  const existingAdmin = await db.user.findUnique({ where: { email: DEMO_ADMIN.email } });
  if (!existingAdmin) await createUser(db, { ...DEMO_ADMIN, role: 'admin' });
  const admin = { ...DEMO_ADMIN, created: !existingAdmin };
  if (!options.demo) return { admin, application: null };

  const existingApp = await db.application.findFirst({ where: { name: DEMO_APPLICATION_NAME } });
  if (existingApp) return { admin, application: { id: existingApp.id, name: existingApp.name, ingestKey: existingApp.ingestKey, created: false } };
  const app = await createApplication(db, { name: DEMO_APPLICATION_NAME, allowedOrigins: ['*'] });
  for (const property of DEMO_PROPERTIES) await defineProperty(db, app.id, property);
  await addPropertyPack(db, app.id, 'marketing_campaign', { scope: 'session' });
  return { admin, application: { id: app.id, name: app.name, ingestKey: app.ingestKey, created: true } };
}
