import { randomBytes } from 'node:crypto';
import type { ProxyRelation } from '@fascia/server/common/reporter.js';
import type { Role, TherapistViewer, Viewer } from '@fascia/server/common/viewer.js';
import { issueSession } from '@fascia/server/modules/accounts/access.service.js';
import { createAccount, viewerOf } from '@fascia/server/modules/accounts/account.service.js';
import { Clinic } from '@fascia/server/modules/clinics/clinic.entity.js';
import { Therapist } from '@fascia/server/modules/clinics/therapist.entity.js';
import type { TestDatabase } from './database.js';

/** A real account (password hashed as in production) with a session token made straight in the database. */
export interface TestAccount<V extends Viewer = Viewer> {
  accountId: string;
  email: string;
  password: string;
  /** A live session token: `api.actAs(account)` sends it as `Authorization: Bearer`. */
  token: string;
  viewer: V;
}

export interface TestAccountOptions {
  role: Role;
  clinicId?: string | null;
  therapistId?: string | null;
  clientId?: string | null;
  /** A CLIENT account held by the client's proxy (e.g. a child's parent): their relation. */
  proxyRelation?: ProxyRelation | null;
  email?: string;
  password?: string;
}

/** An account of any role; the records its role needs must exist. Its token skips signing in, to keep tests fast. */
export async function createTestAccount(db: TestDatabase, options: TestAccountOptions): Promise<TestAccount> {
  const em = db.orm.em.fork();
  const email = options.email ?? `${options.role.toLowerCase()}-${randomBytes(4).toString('hex')}@test.example.com`;
  const password = options.password ?? `test password ${randomBytes(6).toString('hex')}`;
  const account = await createAccount(em, { ...options, email, password });
  const { secret } = await issueSession(em, account);
  return { accountId: account.id, email, password, token: secret, viewer: viewerOf(account) };
}

/** A therapist's viewer (for calling services directly) together with their account (for the API). */
export type TherapistAccount = TherapistViewer & Omit<TestAccount, 'viewer'>;

/**
 * A clinic with one therapist and their THERAPIST account. The result is the therapist's
 * viewer (for calling services directly) with the account's token, email and password.
 */
export async function createClinicWithTherapist(
  db: TestDatabase,
  options: { clinicName?: string; timeZone?: string; research?: boolean } = {},
): Promise<TherapistAccount> {
  const em = db.orm.em.fork();
  const clinic = em.create(Clinic, {
    name: options.clinicName ?? 'Test clinic',
    timeZone: options.timeZone ?? 'UTC',
    // Research participation is the clinic admin's choice; a new clinic is opted out unless asked.
    researchOptedInAt: options.research ? new Date() : null,
  });
  const therapist = em.create(Therapist, {
    clinic,
    givenName: 'Tess',
    familyName: 'Therapist',
    registrationNumber: 'LMT-1',
  });
  await em.flush();
  const { viewer: _viewer, ...account } = await createTestAccount(db, {
    role: 'THERAPIST',
    clinicId: clinic.id,
    therapistId: therapist.id,
  });
  return { role: 'THERAPIST', therapistId: therapist.id, clinicId: clinic.id, ...account };
}
