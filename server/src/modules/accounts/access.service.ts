import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '../../common/errors.js';
import type { ProxyRelation } from '../../common/reporter.js';
import { checkInteger, checkText, isUuid } from '../../common/validate.js';
import { anonymous, ForbiddenError, type Role, type StaffViewer, type Viewer } from '../../common/viewer.js';
import { preparedStatement, runPrepared } from '../../db/prepared.js';
import { Clinic } from '../clinics/clinic.entity.js';
import { AccessToken, type AccessTokenKind } from './access-token.entity.js';
import type { Account } from './account.entity.js';
import { accountIdOf, viewerOf } from './account.service.js';
import { accessPolicy, newSecret, secretHash } from './secrets.js';

const dayMs = 24 * 3600 * 1000;

/** A credential just made: the secret exists only here, the database keeps its hash. */
export interface IssuedToken {
  secret: string;
  token: AccessToken;
}

/** Makes a session or API token for an account (joins the caller's transaction). */
export async function issueToken(
  em: EntityManager,
  account: Pick<Account, 'id'>,
  kind: AccessTokenKind,
  options: { lifetimeMs: number; name?: string | null; now?: Date },
): Promise<IssuedToken> {
  const now = options.now ?? new Date();
  const secret = newSecret();
  const token = em.create(AccessToken, {
    account: account.id,
    kind,
    tokenHash: secretHash(secret),
    name: options.name ?? null,
    expiresAt: new Date(now.getTime() + options.lifetimeMs),
    lastUsedAt: now,
  });
  await em.flush();
  return { secret, token };
}

export function issueSession(em: EntityManager, account: Pick<Account, 'id'>): Promise<IssuedToken> {
  return issueToken(em, account, 'SESSION', { lifetimeMs: accessPolicy.sessionLifetimeMs });
}

/**
 * What `authenticate` needs of a token and its account, in one indexed lookup. It runs on
 * every request, so it is a prepared statement reading only these columns.
 */
const presentedToken = preparedStatement(
  'presented_token',
  `select t.id, t.kind, t.expires_at, t.last_used_at, t.revoked_at,
    a.id as account_id, a.role, a.disabled_at, a.clinic_id, a.therapist_id, a.client_id, a.proxy_relation
  from access_token t join account a on a.id = t.account_id
  where t.token_hash = ?`,
);

interface PresentedTokenRow {
  id: string;
  kind: AccessTokenKind;
  expires_at: string | Date;
  last_used_at: string | Date;
  revoked_at: string | Date | null;
  account_id: string;
  role: Role;
  disabled_at: string | Date | null;
  clinic_id: string | null;
  therapist_id: string | null;
  client_id: string | null;
  proxy_relation: ProxyRelation | null;
}

/** Why a stored credential no longer counts, or null while it does. */
function ended(token: PresentedTokenRow, now: Date): string | null {
  if (token.revoked_at) return 'revoked';
  if (new Date(token.expires_at) <= now) return 'expired';
  if (token.kind === 'SESSION' && now.getTime() - new Date(token.last_used_at).getTime() > accessPolicy.sessionIdleMs) return 'idle';
  if (token.kind === 'API' && now.getTime() - new Date(token.last_used_at).getTime() > accessPolicy.apiTokenIdleMs) return 'idle';
  if (token.disabled_at) return 'disabled';
  return null;
}

/**
 * The viewer a presented secret stands for. Anything unknown, revoked, expired, idle or of a
 * disabled account is anonymous. Notes the use at most once a minute, so that reading does
 * not write on every request.
 */
export async function authenticate(em: EntityManager, secret: string, now = new Date()): Promise<Viewer> {
  if (secret.length > 200) return anonymous;
  const [token] = await runPrepared<PresentedTokenRow>(em, presentedToken, [secretHash(secret)]);
  if (!token || ended(token, now)) return anonymous;
  if (now.getTime() - new Date(token.last_used_at).getTime() >= accessPolicy.lastUsedResolutionMs) {
    await em.nativeUpdate(AccessToken, { id: token.id }, { lastUsedAt: now });
  }
  return viewerOf({
    id: token.account_id,
    role: token.role,
    clinic: token.clinic_id ? { id: token.clinic_id } : null,
    therapist: token.therapist_id ? { id: token.therapist_id } : null,
    client: token.client_id ? { id: token.client_id } : null,
    proxyRelation: token.proxy_relation,
  });
}

/** Ends the session or token a request was made with (if it is the viewer's own); returns whether one ended. */
export async function revokePresented(em: EntityManager, viewer: Viewer, secret: string | null): Promise<boolean> {
  if (!secret) return false;
  const accountId = accountIdOf(viewer);
  return (
    (await em.nativeUpdate(
      AccessToken,
      { tokenHash: secretHash(secret), account: accountId, revokedAt: null },
      { revokedAt: new Date() },
    )) > 0
  );
}

/** The viewer's API tokens that still work, newest first. */
export async function listApiTokens(em: EntityManager, viewer: Viewer, now = new Date()): Promise<AccessToken[]> {
  const tokens = await em.find(
    AccessToken,
    { account: accountIdOf(viewer), kind: 'API', revokedAt: null, expiresAt: { $gt: now } },
    { orderBy: { createdAt: 'desc', id: 'asc' } },
  );
  // Unused for too long, a token has stopped working (see `ended`): not listed as one that works.
  return tokens.filter((token) => now.getTime() - token.lastUsedAt.getTime() <= accessPolicy.apiTokenIdleMs);
}

/** What the viewer may do with API tokens: whether they may make one, the longest lifetime, the idle expiry. */
export interface ApiTokenPolicy {
  allowed: boolean;
  /** Why not, in words, when not allowed. */
  reason: string | null;
  maxDays: number;
  defaultDays: number;
  idleDays: number;
}

export async function apiTokenPolicy(em: EntityManager, viewer: Viewer): Promise<ApiTokenPolicy> {
  const maxDays = viewer.role === 'ANONYMOUS' ? 0 : accessPolicy.apiTokenMaxDaysByRole[viewer.role];
  let reason: string | null = null;
  if (viewer.role === 'CLIENT') {
    // A client's portal is for reading their own record in the page: a long-lived secret for it is a risk
    // most clinics do not need, so it is off unless the clinic turns it on (docs/api.md#api-tokens).
    const clinic = await em.findOneOrFail(Clinic, viewer.clinicId, { fields: ['clientApiTokensAllowed'] });
    if (!clinic.clientApiTokensAllowed) reason = 'Your clinic does not allow client accounts to make API tokens';
  }
  return {
    allowed: reason === null && maxDays > 0,
    reason,
    maxDays,
    defaultDays: Math.min(accessPolicy.apiTokenDefaultDays, maxDays),
    idleDays: accessPolicy.apiTokenIdleMs / dayMs,
  };
}

/** A personal API token; its secret is shown once, to the caller, and never again. */
export async function createApiToken(em: EntityManager, viewer: Viewer, name: string, expiresInDays: number): Promise<IssuedToken> {
  const policy = await apiTokenPolicy(em, viewer);
  if (policy.reason) throw new ForbiddenError(policy.reason);
  checkText('name', name, 100, true);
  checkInteger('expiresInDays', expiresInDays, 1, policy.maxDays);
  return issueToken(em, { id: accountIdOf(viewer) }, 'API', { name: name.trim(), lifetimeMs: expiresInDays * dayMs });
}

/** Revokes one of the viewer's API tokens; anyone else's answers NOT_FOUND. */
export async function revokeApiToken(em: EntityManager, viewer: Viewer, id: string): Promise<AccessToken> {
  const token = isUuid(id) ? await em.findOne(AccessToken, { id, account: accountIdOf(viewer), kind: 'API' }) : null;
  if (!token) throw new NotFoundError('API token', id);
  token.revokedAt ??= new Date();
  await em.flush();
  return token;
}

/** Live sessions and API tokens of some accounts, in one query (the accounts page lists them all). */
export async function liveTokensOf(
  em: EntityManager,
  accountIds: readonly string[],
  now = new Date(),
): Promise<{ sessions: Map<string, number>; apiTokens: Map<string, AccessToken[]> }> {
  const sessions = new Map<string, number>();
  const apiTokens = new Map<string, AccessToken[]>();
  if (accountIds.length === 0) return { sessions, apiTokens };
  const tokens = await em.find(
    AccessToken,
    { account: { $in: [...accountIds] }, revokedAt: null, expiresAt: { $gt: now } },
    { orderBy: { createdAt: 'desc', id: 'asc' } },
  );
  for (const token of tokens) {
    const idleMs = token.kind === 'SESSION' ? accessPolicy.sessionIdleMs : accessPolicy.apiTokenIdleMs;
    // Idle ones have ended (see `ended`), though nothing was written when they did.
    if (now.getTime() - token.lastUsedAt.getTime() > idleMs) continue;
    const accountId = token.account.id;
    if (token.kind === 'SESSION') sessions.set(accountId, (sessions.get(accountId) ?? 0) + 1);
    else apiTokens.set(accountId, [...(apiTokens.get(accountId) ?? []), token]);
  }
  return { sessions, apiTokens };
}

/**
 * An admin revokes an API token of an account of their clinic (e.g. of someone who left, or a leaked one).
 * Another clinic's token, a session, or an unknown id answers NOT_FOUND alike.
 */
export async function revokeAccountApiToken(em: EntityManager, admin: StaffViewer, tokenId: string): Promise<AccessToken> {
  const token = isUuid(tokenId)
    ? await em.findOne(AccessToken, { id: tokenId, kind: 'API', account: { clinic: admin.clinicId } }, { populate: ['account'] })
    : null;
  if (!token) throw new NotFoundError('API token', tokenId);
  token.revokedAt ??= new Date();
  await em.flush();
  return token;
}
