import { type EntityManager, LockMode, type RequiredEntityData } from '@mikro-orm/postgresql';
import { BadInputError } from '../../common/errors.js';
import type { ProxyRelation } from '../../common/reporter.js';
import { checkText } from '../../common/validate.js';
import type { StaffViewer } from '../../common/viewer.js';
import { Client } from '../clients/client.entity.js';
import { getClient } from '../clients/client.service.js';
import { Therapist } from '../clinics/therapist.entity.js';
import { Account } from './account.entity.js';
import { ConflictError, checkNewEmail, createAccount } from './account.service.js';
import { Invite } from './invite.entity.js';
import { checkNewPassword } from './password.js';
import { accessPolicy, newSecret, secretHash } from './secrets.js';

/** An invite just made: the token exists only here, for the inviter to pass on. */
export interface IssuedInvite {
  secret: string;
  invite: Invite;
}

async function issueInvite(em: EntityManager, fields: Omit<RequiredEntityData<Invite>, 'tokenHash' | 'expiresAt'>): Promise<IssuedInvite> {
  const secret = newSecret();
  const invite = em.create(Invite, {
    ...fields,
    tokenHash: secretHash(secret),
    expiresAt: new Date(Date.now() + accessPolicy.inviteLifetimeMs),
  });
  await em.flush();
  return { secret, invite };
}

export interface TherapistInviteInput {
  email: string;
  givenName: string;
  familyName: string;
  registrationNumber?: string | null;
}

/** An admin invites a therapist to their clinic; the therapist record is made when the invite is accepted. */
export async function inviteTherapist(em: EntityManager, admin: StaffViewer, input: TherapistInviteInput): Promise<IssuedInvite> {
  checkText('givenName', input.givenName, 100, true);
  checkText('familyName', input.familyName, 100, true);
  checkText('registrationNumber', input.registrationNumber, 50);
  const email = await checkNewEmail(em, 'email', input.email);
  return issueInvite(em, {
    clinic: admin.clinicId,
    role: 'THERAPIST',
    email,
    invitedBy: admin.accountId,
    givenName: input.givenName.trim(),
    familyName: input.familyName.trim(),
    registrationNumber: input.registrationNumber?.trim() || null,
  });
}

/**
 * Staff invite a client of their clinic to the portal; another clinic's client answers NOT_FOUND. With
 * `proxyRelation`, the account is for a proxy (a child client's parent or guardian): they see the
 * client's record as the client would, and what they enter in the diary is recorded as proxy-reported.
 */
export async function inviteClient(
  em: EntityManager,
  staff: StaffViewer,
  clientId: string,
  email: string,
  proxyRelation: ProxyRelation | null = null,
): Promise<IssuedInvite> {
  const client = await getClient(em, staff, clientId);
  if ((await em.count(Account, { client: client.id })) > 0) throw new ConflictError('This client already has an account', 'clientId');
  const normalized = await checkNewEmail(em, 'email', email);
  return issueInvite(em, {
    clinic: staff.clinicId,
    role: 'CLIENT',
    email: normalized,
    invitedBy: staff.accountId,
    client: client.id,
    proxyRelation,
  });
}

/**
 * Turns an invite into an account with the chosen password. Once only: the invite row is locked,
 * so two acceptances at the same moment cannot both succeed.
 */
export async function acceptInvite(em: EntityManager, token: string, password: string): Promise<Account> {
  checkNewPassword('password', password);
  return em.transactional(async (tx) => {
    const invite =
      token.length <= 200 ? await tx.findOne(Invite, { tokenHash: secretHash(token) }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!invite) throw new BadInputError('token', 'invalid', 'is not a valid invite');
    if (invite.acceptedAt) throw new BadInputError('token', 'used', 'has already been used');
    if (invite.expiresAt <= new Date()) throw new BadInputError('token', 'expired', 'has expired: ask for a new invite');
    let therapistId: string | null = null;
    if (invite.role === 'THERAPIST') {
      const therapist = tx.create(Therapist, {
        clinic: invite.clinic,
        givenName: invite.givenName ?? '',
        familyName: invite.familyName ?? '',
        registrationNumber: invite.registrationNumber,
        email: invite.email,
      });
      await tx.flush();
      therapistId = therapist.id;
    } else if (invite.client && (await tx.count(Account, { client: invite.client.id })) > 0) {
      throw new ConflictError('This client already has an account');
    }
    const client = invite.client ? await tx.findOne(Client, { id: invite.client.id }, { fields: ['givenName', 'familyName'] }) : null;
    const account = await createAccount(tx, {
      email: invite.email,
      password,
      names: [invite.givenName, invite.familyName, client?.givenName, client?.familyName],
      role: invite.role,
      clinicId: invite.clinic.id,
      therapistId,
      clientId: invite.client?.id ?? null,
      proxyRelation: invite.proxyRelation,
    });
    tx.assign(invite, { acceptedAt: new Date(), account });
    await tx.flush();
    return account;
  });
}
