import type { MikroORM } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import { anonymous, type Viewer } from '../../common/viewer.js';
import type { RequestContext } from '../request/request-context.js';
import { authenticate } from './access.service.js';

/** The browser's session cookie. */
export const sessionCookieName = 'fascia_session';

/** The secret a request presents: `Authorization: Bearer <token>` first, else the session cookie. */
export function presentedSecret(request: Request): string | null {
  const bearer = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(request.headers.authorization ?? '');
  if (bearer?.[1]) return bearer[1];
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === sessionCookieName) return pair.slice(at + 1).trim() || null;
  }
  return null;
}

/** What the accounts resolvers need of the HTTP exchange: the presented secret, and the browser's cookie. */
export interface RequestCredentials {
  readonly presented: string | null;
  /** Gives the browser the session cookie, until the session's absolute expiry. */
  startSession(secret: string, expiresAt: Date): void;
  /** Tells the browser to forget its session cookie. */
  endSession(): void;
}

export type AccountsContext = RequestContext & { credentials: RequestCredentials };

/**
 * The cookie is HttpOnly (page scripts never see it), SameSite=Lax (other sites' forms and
 * fetches do not carry it; Apollo's CSRF prevention refuses simple cross-site requests too) and,
 * in production, Secure (HTTPS only). Outside production it works over plain http://localhost.
 */
export function requestCredentials(request: Request, response: Response, production: boolean): RequestCredentials {
  const flags = { httpOnly: true, sameSite: 'lax', secure: production, path: '/' } as const;
  return {
    presented: presentedSecret(request),
    startSession: (secret, expiresAt) => response.cookie(sessionCookieName, secret, { ...flags, expires: expiresAt }),
    endSession: () => response.clearCookie(sessionCookieName, flags),
  };
}

/** Adds the request's credentials to a GraphQL context. */
export function withCredentials(context: RequestContext, request: Request, response: Response, production: boolean): AccountsContext {
  return Object.assign(context, { credentials: requestCredentials(request, response, production) });
}

/**
 * `resolveViewer` of the HTTP app: a cookie or Bearer token → its (hashed) row → a live account
 * → the viewer, with the clinic, therapist or client record of the account. Anything else is
 * anonymous, and every operation but the public ones then answers UNAUTHENTICATED.
 */
export function createViewerResolver(orm: MikroORM): (request: Request) => Promise<Viewer> {
  return async (request) => {
    const secret = presentedSecret(request);
    return secret ? authenticate(orm.em.fork(), secret) : anonymous;
  };
}
