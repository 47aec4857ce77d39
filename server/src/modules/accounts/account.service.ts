import { type EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { BadInputError, DomainError, NotFoundError } from '../../common/errors.js';
import type { ProxyRelation } from '../../common/reporter.js';
import { checkEmail, checkText, isUuid } from '../../common/validate.js';
import { anonymous, type Role, type StaffViewer, type Viewer } from '../../common/viewer.js';
import { AccessToken } from './access-token.entity.js';
import { Account } from './account.entity.js';
import { Invite } from './invite.entity.js';
import { checkNewPassword, hashPassword } from './password.js';

/** Emails are compared and stored trimmed and in lower case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface NewAccount {
  email: string;
  password: string;
  role: Role;
  /** Name for display, 1-200 characters. */
  name?: string | null;
  clinicId?: string | null;
  therapistId?: string | null;
  clientId?: string | null;
  /** A client account held by a proxy for the client: their relation. */
  proxyRelation?: ProxyRelation | null;
  /** Names of the person, which the password must not contain. */
  names?: readonly (string | null | undefined)[];
  /** The demo data's published passwords only: they name their accounts, and are public anyway. */
  publishedDemoPassword?: boolean;
}

export class ConflictError extends DomainError {
  constructor(message: string, field?: string) {
    super('CONFLICT', message, field, field ? 'taken' : undefined);
    this.name = 'ConflictError';
  }
}

const emailTaken = () => new ConflictError('An account with this email already exists', 'email');

/** The conflict a unique index of the account table reported, in words. */
function takenBy(error: UniqueConstraintViolationException): ConflictError {
  if (error.message.includes('account_therapist_id_unique'))
    return new ConflictError('This therapist already has an account', 'therapistId');
  if (error.message.includes('account_client_id_unique')) return new ConflictError('This client already has an account', 'clientId');
  return emailTaken();
}

/** Refuses an email that is malformed or already has an account; returns it normalised. */
export async function checkNewEmail(em: EntityManager, field: string, email: string): Promise<string> {
  const normalized = normalizeEmail(email);
  if (normalized === '') throw new BadInputError(field, 'required', 'is required');
  checkEmail(field, normalized);
  if ((await em.count(Account, { email: normalized })) > 0) throw emailTaken();
  return normalized;
}

/**
 * Creates an account with a new password, checked against the password rules and hashed.
 * Joins the caller's transaction; the records the role needs must exist already.
 */
export async function createAccount(em: EntityManager, input: NewAccount): Promise<Account> {
  checkNewPassword(
    'password',
    input.password,
    input.publishedDemoPassword ? {} : { email: input.email, names: [input.name, ...(input.names ?? [])] },
  );
  checkText('name', input.name, 200);
  const email = await checkNewEmail(em, 'email', input.email);
  const passwordHash = await hashPassword(input.password);
  const account = em.create(Account, {
    email,
    passwordHash,
    role: input.role,
    name: input.name?.trim() || null,
    clinic: input.clinicId ?? null,
    therapist: input.therapistId ?? null,
    client: input.clientId ?? null,
    proxyRelation: input.proxyRelation ?? null,
  });
  try {
    await em.flush();
  } catch (error) {
    // Two at once (or a record that has an account already): the unique indexes decide.
    if (error instanceof UniqueConstraintViolationException) throw takenBy(error);
    throw error;
  }
  return account;
}

/** Who an account acts as in the API: its role and the clinic, therapist or client record behind it. */
export function viewerOf(
  account: Pick<Account, 'id' | 'role'> & {
    clinic?: { id: string } | null;
    therapist?: { id: string } | null;
    client?: { id: string } | null;
    proxyRelation?: ProxyRelation | null;
  },
): Viewer {
  const clinicId = account.clinic?.id;
  switch (account.role) {
    case 'RESEARCHER':
      return { role: 'RESEARCHER', accountId: account.id };
    case 'CLIENT':
      if (!clinicId || !account.client) return anonymous;
      return { role: 'CLIENT', accountId: account.id, clinicId, clientId: account.client.id, proxyRelation: account.proxyRelation ?? null };
    case 'ADMIN':
    case 'THERAPIST':
      if (!clinicId) return anonymous;
      return { role: account.role, accountId: account.id, clinicId, therapistId: account.therapist?.id ?? null };
    default:
      return anonymous;
  }
}

/** The account behind a signed-in viewer; the system acting on its own (seeding) has none. */
export function accountIdOf(viewer: Viewer): string {
  if (viewer.role !== 'ANONYMOUS' && viewer.accountId) return viewer.accountId;
  throw new DomainError('UNAUTHENTICATED', 'Sign in first');
}

/** The accounts of an admin's clinic, by email, with their therapist and client records. */
export async function listAccounts(em: EntityManager, admin: StaffViewer): Promise<Account[]> {
  return em.find(Account, { clinic: admin.clinicId }, { orderBy: { email: 'asc' }, populate: ['clinic', 'therapist', 'client'] });
}

/** Revokes every live session and API token of an account; returns how many. */
export async function revokeEverything(em: EntityManager, accountId: string, now = new Date()): Promise<number> {
  return em.nativeUpdate(AccessToken, { account: accountId, revokedAt: null }, { revokedAt: now });
}

/**
 * An admin disables an account of their clinic: it can no longer sign in and all its sessions
 * and tokens end at once. Another clinic's account answers like a missing one.
 */
export async function disableAccount(em: EntityManager, admin: StaffViewer, accountId: string): Promise<Account> {
  const account = await clinicAccount(em, admin, accountId);
  if (account.id === admin.accountId) throw new BadInputError('accountId', 'self', 'is your own account: another admin must disable it');
  const now = new Date();
  account.disabledAt ??= now;
  await em.flush();
  await revokeEverything(em, account.id, now);
  return account;
}

/** An account of the admin's clinic, with its records; anything else answers NOT_FOUND. */
async function clinicAccount(em: EntityManager, admin: StaffViewer, accountId: string): Promise<Account> {
  const account = isUuid(accountId)
    ? await em.findOne(Account, { id: accountId, clinic: admin.clinicId }, { populate: ['clinic', 'therapist', 'client'] })
    : null;
  if (!account) throw new NotFoundError('Account', accountId);
  return account;
}

/**
 * An admin lets a disabled account of their clinic sign in again. Its old sessions and tokens stay
 * revoked: the person signs in afresh and makes new tokens.
 */
export async function enableAccount(em: EntityManager, admin: StaffViewer, accountId: string): Promise<Account> {
  const account = await clinicAccount(em, admin, accountId);
  account.disabledAt = null;
  await em.flush();
  return account;
}

/** The clinic's invites not yet accepted and not expired, newest first. */
export async function listPendingInvites(em: EntityManager, admin: StaffViewer, now = new Date()): Promise<Invite[]> {
  return em.find(
    Invite,
    { clinic: admin.clinicId, acceptedAt: null, expiresAt: { $gt: now } },
    { orderBy: { createdAt: 'desc', id: 'asc' }, populate: ['client'] },
  );
}
