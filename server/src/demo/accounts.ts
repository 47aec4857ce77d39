import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { ProxyRelation } from '../common/reporter.js';
import type { Role } from '../common/viewer.js';
import { Account } from '../modules/accounts/account.entity.js';
import { createAccount } from '../modules/accounts/account.service.js';
import { Client } from '../modules/clients/client.entity.js';
import { Clinic } from '../modules/clinics/clinic.entity.js';
import { Therapist } from '../modules/clinics/therapist.entity.js';
import { scopeClients } from './demo-content.js';

/**
 * The demo accounts, one per role and a parent's proxy account; the README lists them. Demo passwords are public: a
 * database seeded with them is for trying Fascia out, never for real records.
 */
export const demoAccounts = {
  admin: { role: 'ADMIN', email: 'admin@harbourfront.example.com', password: 'harbourfront-admin-demo' },
  therapist: { role: 'THERAPIST', email: 'maya.chen@harbourfront.example.com', password: 'maya-chen-demo-2026' },
  client: { role: 'CLIENT', email: 'client@harbourfront.example.com', password: 'client-portal-demo' },
  researcher: { role: 'RESEARCHER', email: 'researcher@fascia.example.com', password: 'researcher-demo-2026' },
} as const satisfies Record<string, { role: Role; email: string; password: string }>;

/** The portal account of a parent for their child (Theo Lindqvist, the autistic child of the demo): a CLIENT account held by a proxy. */
export const demoProxyAccount = {
  role: 'CLIENT',
  email: 'parent@harbourfront.example.com',
  password: 'parent-portal-demo',
  name: 'Sara Lindqvist',
  proxyRelation: 'PARENT',
} as const satisfies { role: Role; email: string; password: string; name: string; proxyRelation: ProxyRelation };

/** The child the proxy account is for. */
export const demoProxyChild = scopeClients.find((client) => client.key === 'PROXY_CHILD') as (typeof scopeClients)[number];

/**
 * Adds the demo accounts to freshly seeded demo data (inside the seed's transaction): the admin
 * of the first clinic (who does not treat), its first therapist (Maya Chen), the first of its
 * clients by name, a researcher, and a parent's proxy account for their child. A second copy of the
 * demo data (seed --force) gets none.
 */
export async function seedDemoAccounts(tx: EntityManager, log: Logger): Promise<void> {
  if ((await tx.count(Account, { email: demoAccounts.admin.email })) > 0) {
    log.info('the demo accounts exist already: this copy of the demo data gets none');
    return;
  }
  const [clinic] = await tx.find(Clinic, {}, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: 1 });
  if (!clinic) throw new Error('seedDemoAccounts needs the demo clinics first');
  const [therapist] = await tx.find(Therapist, { clinic }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: 1 });
  const [client] = await tx.find(Client, { clinic }, { orderBy: { familyName: 'asc', givenName: 'asc', id: 'asc' }, limit: 1 });
  if (!therapist || !client) throw new Error('the first demo clinic has no therapist or no client');
  await createAccount(tx, { ...demoAccounts.admin, clinicId: clinic.id, publishedDemoPassword: true });
  await createAccount(tx, { ...demoAccounts.therapist, clinicId: clinic.id, therapistId: therapist.id, publishedDemoPassword: true });
  await createAccount(tx, { ...demoAccounts.client, clinicId: clinic.id, clientId: client.id, publishedDemoPassword: true });
  await createAccount(tx, { ...demoAccounts.researcher, publishedDemoPassword: true });
  const child = await tx.findOne(Client, { clinic, givenName: demoProxyChild.givenName, familyName: demoProxyChild.familyName });
  if (!child) throw new Error(`the demo data has no client ${demoProxyChild.givenName} ${demoProxyChild.familyName}`);
  await createAccount(tx, { ...demoProxyAccount, clinicId: clinic.id, clientId: child.id, publishedDemoPassword: true });
  log.info(
    `demo accounts: ${[...Object.values(demoAccounts), demoProxyAccount].map((account) => `${account.role} ${account.email}`).join(', ')}`,
  );
}
