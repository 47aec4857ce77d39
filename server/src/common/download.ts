import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; null is an empty field (NA in R, NaN in pandas). */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (fields: readonly unknown[]) => `${fields.map(csvField).join(',')}\r\n`;

/**
 * The CSRF protection of /graphql (Apollo Server's csrfPrevention) for the CSV downloads' POSTs: a browser sends
 * a cross-site POST without a preflight only with a "simple" content type, so JSON or a preflight header is
 * required. Returns the refusal's message, or null when the request may go on.
 */
export function crossSiteRefusal(request: Request): string | null {
  if (request.is('application/json') || request.get('apollo-require-preflight') || request.get('x-apollo-operation-name')) return null;
  return (
    'This request has been blocked as a potential Cross-Site Request Forgery (CSRF): send a JSON body ' +
    "(content-type: application/json) or a non-empty 'apollo-require-preflight' header."
  );
}

/** The audit trail's request details of a download; the id is also sent back in `X-Request-Id`, as for GraphQL requests. */
export function requestInfo(request: Request): { requestId: string; address: string } {
  const requestId = randomUUID();
  request.res?.setHeader('x-request-id', requestId);
  return { requestId, address: request.ip ?? '' };
}

export type Answer = (status: number, code: string, message: string, extra?: Record<string, unknown>) => void;

/** A download's refusal as JSON, shaped like a GraphQL error. */
export function answerWith(response: Response): Answer {
  return (status, code, message, extra = {}) => {
    response.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });
  };
}
