import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { type ProxyRelation, ProxyRelationEnum } from '../../common/reporter.js';
import { staffViewer } from '../../common/viewer.js';
import { Client } from '../clients/client.entity.js';
import { ClientNode } from '../clients/client.type.js';
import { Clinic } from '../clinics/clinic.entity.js';
import { ClinicNode, TherapistNode } from '../clinics/clinic.type.js';
import { Therapist } from '../clinics/therapist.entity.js';
import type { RequestContext } from '../request/request-context.js';
import {
  apiTokenPolicy,
  createApiToken,
  issueSession,
  listApiTokens,
  liveTokensOf,
  revokeAccountApiToken,
  revokeApiToken,
  revokePresented,
} from './access.service.js';
import type { Account } from './account.entity.js';
import { accountIdOf, disableAccount, enableAccount, listAccounts, listPendingInvites, revokeEverything } from './account.service.js';
import {
  AccountNode,
  ApiTokenNode,
  ApiTokenPolicyNode,
  CreatedApiToken,
  CreatedInvite,
  PendingInviteNode,
  SignInResult,
  ViewerNode,
} from './account.type.js';
import type { AccountsContext } from './http-credentials.js';
import { acceptInvite, inviteClient, inviteTherapist } from './invite.service.js';
import { accessPolicy } from './secrets.js';
import { admittedAttempt } from './sign-in.middleware.js';
import { signIn } from './sign-in.service.js';

/** Signing in and out, and personal API tokens. */
@Resolver()
export class SessionResolver {
  // Public: listed in auth-checker.ts `publicOperations`.
  @Mutation(() => SignInResult, {
    description:
      'Signs in with email and password: sets the session cookie and returns the token for scripts. Every failure answers ' +
      'UNAUTHENTICATED alike; too many failures answer RATE_LIMITED with when to try again.',
  })
  async signIn(
    @Ctx() context: AccountsContext,
    @Arg('email', () => String, { description: 'The account email.' }) _email: string,
    @Arg('password', () => String, { description: 'The account password.' }) _password: string,
  ): Promise<SignInResult> {
    const { secret, token, account } = await signIn(context.em, admittedAttempt(context));
    context.credentials.startSession(secret, token.expiresAt);
    return SignInResult.from(secret, token, account.role);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Ends the session (or API token) this request was made with, and clears the cookie.' })
  async signOut(@Ctx() { em, viewer, credentials }: AccountsContext): Promise<boolean> {
    const ended = await revokePresented(em, viewer, credentials.presented);
    credentials.endSession();
    return ended;
  }

  @Authorized()
  @Mutation(() => Int, { description: "Ends all the account's sessions and API tokens, everywhere; returns how many." })
  async signOutEverywhere(@Ctx() { em, viewer, credentials }: AccountsContext): Promise<number> {
    const ended = await revokeEverything(em, accountIdOf(viewer));
    credentials.endSession();
    return ended;
  }

  @Authorized()
  @Query(() => [ApiTokenNode], { description: "The viewer's API tokens that still work, newest first." })
  async apiTokens(@Ctx() { em, viewer }: AccountsContext): Promise<ApiTokenNode[]> {
    return (await listApiTokens(em, viewer)).map((token) => ApiTokenNode.from(token));
  }

  @Authorized()
  @Query(() => ApiTokenPolicyNode, {
    description:
      "What the viewer may do with API tokens: whether they may make one, the longest lifetime for the account's role, the idle expiry.",
  })
  async apiTokenPolicy(@Ctx() { em, viewer }: AccountsContext): Promise<ApiTokenPolicyNode> {
    return Object.assign(new ApiTokenPolicyNode(), await apiTokenPolicy(em, viewer));
  }

  @Authorized()
  @Mutation(() => CreatedApiToken, { description: 'Makes a personal API token for scripts. Its secret is returned this once only.' })
  async createApiToken(
    @Ctx() { em, viewer }: AccountsContext,
    @Arg('name', () => String, { description: 'What the token is for, e.g. "nightly export".' }) name: string,
    @Arg('expiresInDays', () => Int, {
      defaultValue: accessPolicy.apiTokenDefaultDays,
      description:
        `Days until it stops working: at most ${Object.entries(accessPolicy.apiTokenMaxDaysByRole)
          .map(([role, days]) => `${days} for ${role}`)
          .join(', ')} (a CLIENT only when the clinic allows client tokens). ` +
        `Unused for ${accessPolicy.apiTokenIdleMs / 86_400_000} days, it stops working sooner.`,
    })
    expiresInDays: number,
  ): Promise<CreatedApiToken> {
    const { secret, token } = await createApiToken(em, viewer, name, expiresInDays);
    return Object.assign(new CreatedApiToken(), { token: secret, apiToken: ApiTokenNode.from(token) });
  }

  @Authorized()
  @Mutation(() => ApiTokenNode, { description: "Revokes one of the viewer's API tokens at once." })
  async revokeApiToken(
    @Ctx() { em, viewer }: AccountsContext,
    @Arg('id', () => ID, { description: 'The token to revoke.' }) id: string,
  ): Promise<ApiTokenNode> {
    return ApiTokenNode.from(await revokeApiToken(em, viewer, id));
  }
}

/** A clinic's accounts: invites, accepting one, disabling. */
@Resolver(() => AccountNode)
export class AccountResolver {
  @Authorized('ADMIN')
  @Query(() => [AccountNode], { description: "The accounts of the admin's clinic, by email." })
  async accounts(@Ctx() { em, viewer }: AccountsContext): Promise<AccountNode[]> {
    return accountNodes(em, await listAccounts(em, staffViewer(viewer)));
  }

  @Authorized('ADMIN')
  @Query(() => [PendingInviteNode], { description: "The admin's clinic's invites not yet accepted and not expired, newest first." })
  async pendingInvites(@Ctx() { em, viewer }: AccountsContext): Promise<PendingInviteNode[]> {
    return (await listPendingInvites(em, staffViewer(viewer))).map((invite) => PendingInviteNode.from(invite));
  }

  @Authorized('ADMIN')
  @Mutation(() => CreatedInvite, {
    description: 'Invites a therapist to the clinic; their therapist record is made when they accept. Returns the token to send them.',
  })
  async inviteTherapist(
    @Ctx() { em, viewer }: AccountsContext,
    @Arg('email', () => String, { description: 'The email their account will have.' }) email: string,
    @Arg('givenName', () => String, { description: 'Given (first) name.' }) givenName: string,
    @Arg('familyName', () => String, { description: 'Family (last) name.' }) familyName: string,
    @Arg('registrationNumber', () => String, { nullable: true, description: 'Professional registration or licence number.' })
    registrationNumber: string | null,
  ): Promise<CreatedInvite> {
    const { secret, invite } = await inviteTherapist(em, staffViewer(viewer), { email, givenName, familyName, registrationNumber });
    return CreatedInvite.from(secret, invite);
  }

  @Authorized('ADMIN', 'THERAPIST')
  @Mutation(() => CreatedInvite, { description: 'Invites a client of the clinic to the portal. Returns the token to send them.' })
  async inviteClient(
    @Ctx() { em, viewer }: AccountsContext,
    @Arg('clientId', () => ID, { description: 'The client record the account will belong to.' }) clientId: string,
    @Arg('email', () => String, { description: 'The email their account will have.' }) email: string,
    @Arg('proxyRelation', () => ProxyRelationEnum, {
      nullable: true,
      description:
        "The account is for a proxy, e.g. a child client's parent or guardian, with this relation: they see the client's " +
        'record as the client would, and their diary values are recorded as reported by a proxy. Null: the client themself.',
    })
    proxyRelation: ProxyRelation | null,
  ): Promise<CreatedInvite> {
    const { secret, invite } = await inviteClient(em, staffViewer(viewer), clientId, email, proxyRelation ?? null);
    return CreatedInvite.from(secret, invite);
  }

  // Public: listed in auth-checker.ts `publicOperations`.
  @Mutation(() => SignInResult, {
    description: 'Accepts an invite: makes the account with this password and signs it in (cookie and token, as signIn).',
  })
  async acceptInvite(
    @Ctx() { em, credentials }: AccountsContext,
    @Arg('token', () => String, { description: 'The invite token.' }) token: string,
    @Arg('password', () => String, { description: 'The new password: at least 12 characters, not a common one.' }) password: string,
  ): Promise<SignInResult> {
    const account = await acceptInvite(em, token, password);
    const session = await issueSession(em, account);
    credentials.startSession(session.secret, session.token.expiresAt);
    return SignInResult.from(session.secret, session.token, account.role);
  }

  @Authorized('ADMIN')
  @Mutation(() => AccountNode, {
    description: 'Disables an account of the clinic: it cannot sign in, and its sessions and tokens end at once.',
  })
  async disableAccount(
    @Ctx() { em, viewer }: AccountsContext,
    @Arg('accountId', () => ID, { description: 'The account to disable.' }) accountId: string,
  ): Promise<AccountNode> {
    const [node] = await accountNodes(em, [await disableAccount(em, staffViewer(viewer), accountId)]);
    return node as AccountNode;
  }

  @Authorized('ADMIN')
  @Mutation(() => AccountNode, {
    description:
      'Lets a disabled account of the clinic sign in again. Its old sessions and API tokens stay revoked; another clinic’s account answers NOT_FOUND.',
  })
  async enableAccount(
    @Ctx() { em, viewer }: AccountsContext,
    @Arg('accountId', () => ID, { description: 'The account to enable.' }) accountId: string,
  ): Promise<AccountNode> {
    const [node] = await accountNodes(em, [await enableAccount(em, staffViewer(viewer), accountId)]);
    return node as AccountNode;
  }

  @Authorized('ADMIN')
  @Mutation(() => ApiTokenNode, {
    description:
      "Revokes an API token of an account of the admin's clinic at once (see Account.apiTokens). Audited; any other id answers NOT_FOUND.",
  })
  async revokeAccountApiToken(
    @Ctx() { em, viewer }: AccountsContext,
    @Arg('id', () => ID, { description: 'The token to revoke.' }) id: string,
  ): Promise<ApiTokenNode> {
    return ApiTokenNode.from(await revokeAccountApiToken(em, staffViewer(viewer), id));
  }
}

/** Accounts with their live sessions and API tokens, counted in one query for all of them. */
async function accountNodes(em: EntityManager, accounts: readonly Account[]): Promise<AccountNode[]> {
  const live = await liveTokensOf(
    em,
    accounts.map((account) => account.id),
  );
  return accounts.map((account) =>
    AccountNode.from(account, { sessions: live.sessions.get(account.id) ?? 0, apiTokens: live.apiTokens.get(account.id) ?? [] }),
  );
}

/** Who is signed in: the account's role and the clinic, therapist or client record behind it. */
@Resolver(() => ViewerNode)
export class ViewerResolver {
  @Authorized()
  @Query(() => ViewerNode, { description: 'Who is signed in: role, and the clinic, therapist or client record behind the account.' })
  async viewer(@Ctx() { em, viewer }: RequestContext): Promise<ViewerNode> {
    const node: ViewerNode = Object.assign(new ViewerNode(), { clinic: null, therapist: null, client: null, proxyRelation: null });
    if (viewer.role === 'ANONYMOUS') throw new Error('unreachable: @Authorized admits signed-in viewers only');
    node.role = viewer.role;
    if (viewer.role === 'RESEARCHER') return node;
    node.clinic = ClinicNode.from(await em.findOneOrFail(Clinic, viewer.clinicId));
    if (viewer.role === 'CLIENT') {
      node.client = ClientNode.from(await em.findOneOrFail(Client, viewer.clientId));
      node.proxyRelation = viewer.proxyRelation ?? null;
    } else if (viewer.therapistId) node.therapist = TherapistNode.from(await em.findOneOrFail(Therapist, viewer.therapistId));
    return node;
  }
}

export const AccountsResolvers = [SessionResolver, AccountResolver, ViewerResolver] as const;
