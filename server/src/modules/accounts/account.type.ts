import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../common/enum-of.js';
import { type ProxyRelation, ProxyRelationEnum } from '../../common/reporter.js';
import type { Role } from '../../common/viewer.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { ClientNode } from '../clients/client.type.js';
import { ClinicNode, RoleEnum, TherapistNode } from '../clinics/clinic.type.js';
import type { AccessToken } from './access-token.entity.js';
import type { Account } from './account.entity.js';
import type { Invite } from './invite.entity.js';
import { accessPolicy } from './secrets.js';

@ObjectType('SignInResult', { description: 'A new session: its token and how long it lasts.' })
export class SignInResult {
  @Field(() => String, {
    description:
      'The session token, a secret. Browsers also get it as an HttpOnly cookie; scripts send it as `Authorization: Bearer <token>`.',
  })
  token!: string;

  @Field(() => DateTimeScalar, { description: 'When the session ends at the latest.' })
  expiresAt!: Date;

  @Field(() => Int, { description: 'The session also ends after this many minutes without a request.' })
  idleTimeoutMinutes!: number;

  @Field(() => RoleEnum, { description: 'The role of the account signed in.' })
  role!: Role;

  static from(secret: string, token: AccessToken, role: Role): SignInResult {
    return Object.assign(new SignInResult(), {
      token: secret,
      expiresAt: token.expiresAt,
      idleTimeoutMinutes: accessPolicy.sessionIdleMs / 60_000,
      role,
    });
  }
}

@ObjectType('ApiToken', { description: 'A personal API token, without its secret.' })
export class ApiTokenNode {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => String, { description: 'The name its owner gave it.' })
  name!: string;

  @Field(() => DateTimeScalar, { description: 'When it was made.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When it stops working.' })
  expiresAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When it was last used, to the minute.' })
  lastUsedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was revoked, if it was.' })
  revokedAt!: Date | null;

  static from(token: AccessToken): ApiTokenNode {
    return Object.assign(new ApiTokenNode(), {
      id: token.id,
      name: token.name ?? '',
      createdAt: token.createdAt,
      expiresAt: token.expiresAt,
      lastUsedAt: token.lastUsedAt,
      revokedAt: token.revokedAt ?? null,
    });
  }
}

@ObjectType('CreatedApiToken', { description: 'A new API token and its secret, which is shown this once only.' })
export class CreatedApiToken {
  @Field(() => String, { description: 'The secret: send it as `Authorization: Bearer <token>`. It cannot be shown again.' })
  token!: string;

  @Field(() => ApiTokenNode, { description: 'The token as it is listed from now on.' })
  apiToken!: ApiTokenNode;
}

@ObjectType('CreatedInvite', { description: 'A new invite. Send its token to the invitee; it works once, until it expires.' })
export class CreatedInvite {
  @Field(() => ID, { description: 'Stable identifier of the invite.' })
  id!: string;

  @Field(() => String, { description: 'The one-time invite token, a secret: the invitee passes it to `acceptInvite`.' })
  token!: string;

  @Field(() => String, { description: 'The email the account will have.' })
  email!: string;

  @Field(() => RoleEnum, { description: 'The role the account will have.' })
  role!: Role;

  @Field(() => DateTimeScalar, { description: 'When the invite stops working.' })
  expiresAt!: Date;

  @Field(() => ProxyRelationEnum, { nullable: true, description: 'A client invite for a proxy: their relation to the client.' })
  proxyRelation!: ProxyRelation | null;

  static from(secret: string, invite: Invite): CreatedInvite {
    return Object.assign(new CreatedInvite(), {
      id: invite.id,
      token: secret,
      email: invite.email,
      role: invite.role,
      expiresAt: invite.expiresAt,
      proxyRelation: invite.proxyRelation ?? null,
    });
  }
}

export const accountStatuses = ['ACTIVE', 'DISABLED'] as const;
export type AccountStatus = (typeof accountStatuses)[number];
export const AccountStatusEnum = enumOf(accountStatuses);
registerEnumType(AccountStatusEnum, { name: 'AccountStatus', description: 'Whether an account may sign in.' });

@ObjectType('Account', { description: 'An account that signs in to Fascia.' })
export class AccountNode {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => String, { description: 'The sign-in email, in lower case.' })
  email!: string;

  @Field(() => RoleEnum, { description: 'What the account may do.' })
  role!: Role;

  @Field(() => String, {
    nullable: true,
    description: 'Name for display, when one was given (e.g. a clinic admin made on the command line).',
  })
  name!: string | null;

  @Field(() => ClinicNode, { nullable: true, description: 'The clinic of staff and clients; none for researchers.' })
  clinic!: ClinicNode | null;

  @Field(() => TherapistNode, { nullable: true, description: 'The therapist record of a therapist (or treating admin).' })
  therapist!: TherapistNode | null;

  @Field(() => ClientNode, { nullable: true, description: 'The client record of a client account.' })
  client!: ClientNode | null;

  @Field(() => DateTimeScalar, { description: 'When the account was made.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it last signed in with its password.' })
  lastSignInAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When an admin disabled it; a disabled account cannot sign in.' })
  disabledAt!: Date | null;

  @Field(() => AccountStatusEnum, { description: 'ACTIVE: may sign in; DISABLED: an admin disabled it.' })
  status!: AccountStatus;

  @Field(() => Int, { description: 'Sessions (signed-in browsers or scripts) that still work: not signed out, expired or idle.' })
  activeSessions!: number;

  @Field(() => [ApiTokenNode], { description: 'Its personal API tokens that still work, newest first.' })
  apiTokens!: ApiTokenNode[];

  /** From an account whose clinic, therapist and client are loaded, with its live sessions and tokens (`liveTokensOf`). */
  static from(
    account: Account,
    live: { sessions: number; apiTokens: readonly AccessToken[] } = { sessions: 0, apiTokens: [] },
  ): AccountNode {
    const clinic = account.clinic?.unwrap();
    const therapist = account.therapist?.unwrap();
    const client = account.client?.unwrap();
    return Object.assign(new AccountNode(), {
      id: account.id,
      email: account.email,
      role: account.role,
      name: account.name ?? null,
      clinic: clinic ? ClinicNode.from(clinic) : null,
      therapist: therapist ? TherapistNode.from(therapist) : null,
      client: client ? ClientNode.from(client) : null,
      createdAt: account.createdAt,
      lastSignInAt: account.lastSignInAt ?? null,
      disabledAt: account.disabledAt ?? null,
      status: account.disabledAt ? 'DISABLED' : 'ACTIVE',
      activeSessions: live.sessions,
      apiTokens: live.apiTokens.map((token) => ApiTokenNode.from(token)),
    });
  }
}

@ObjectType('PendingInvite', { description: 'An invite of the clinic not yet accepted and not expired (its token is never shown again).' })
export class PendingInviteNode {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => String, { description: 'The email the account will have.' })
  email!: string;

  @Field(() => RoleEnum, { description: 'The role the account will have.' })
  role!: Role;

  @Field(() => String, { nullable: true, description: "A therapist invite: the therapist's name as the admin typed it." })
  therapistName!: string | null;

  @Field(() => ClientNode, { nullable: true, description: 'A client invite: the client record the account will belong to.' })
  client!: ClientNode | null;

  @Field(() => DateTimeScalar, { description: 'When it was made.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When it stops working.' })
  expiresAt!: Date;

  /** From an invite whose client is loaded. */
  static from(invite: Invite): PendingInviteNode {
    const client = invite.client?.unwrap();
    return Object.assign(new PendingInviteNode(), {
      id: invite.id,
      email: invite.email,
      role: invite.role,
      therapistName: invite.role === 'THERAPIST' ? [invite.givenName, invite.familyName].filter(Boolean).join(' ') || null : null,
      client: client ? ClientNode.from(client) : null,
      createdAt: invite.createdAt,
      expiresAt: invite.expiresAt,
    });
  }
}

@ObjectType('ApiTokenPolicy', { description: "What the signed-in account may do with API tokens, by its role and its clinic's settings." })
export class ApiTokenPolicyNode {
  @Field(() => Boolean, { description: 'Whether the account may make API tokens.' })
  allowed!: boolean;

  @Field(() => String, { nullable: true, description: 'Why not, in words, when it may not.' })
  reason!: string | null;

  @Field(() => Int, { description: "The longest lifetime, in days, a token of the account's role may have." })
  maxDays!: number;

  @Field(() => Int, { description: 'The lifetime a new token gets when none is asked for, in days.' })
  defaultDays!: number;

  @Field(() => Int, { description: 'A token unused for this many days stops working, whatever its lifetime.' })
  idleDays!: number;
}

@ObjectType('Viewer', { description: 'Who is signed in, and the records behind the account.' })
export class ViewerNode {
  @Field(() => RoleEnum, { description: 'The role of the account.' })
  role!: Role;

  @Field(() => ClinicNode, { nullable: true, description: 'The clinic of staff and clients; none for researchers.' })
  clinic!: ClinicNode | null;

  @Field(() => TherapistNode, { nullable: true, description: 'The therapist record of a therapist (or treating admin).' })
  therapist!: TherapistNode | null;

  @Field(() => ClientNode, { nullable: true, description: 'The client record of a client account.' })
  client!: ClientNode | null;

  @Field(() => ProxyRelationEnum, {
    nullable: true,
    description: "Set when a client account belongs to a proxy for the client (e.g. a child's parent): their relation.",
  })
  proxyRelation!: ProxyRelation | null;
}
