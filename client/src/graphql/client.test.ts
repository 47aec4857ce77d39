import { describe, expect, test, vi } from 'vitest';
import { request } from './client';
import { RequestError } from './errors';
import { ViewerDocument } from './generated/graphql';

describe('request', () => {
  const viewer = {
    viewer: { therapist: { id: 't', givenName: 'Tess', familyName: 'T' }, clinic: { id: 'c', name: 'C', timeZone: 'UTC' } },
  };
  const json = (body: unknown, init: ResponseInit = {}) =>
    new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' }, ...init });

  test('posts the document as JSON (what Apollo CSRF prevention accepts) and returns data', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => json({ data: viewer }));
    await expect(request(ViewerDocument, {}, { fetch })).resolves.toEqual(viewer);
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/graphql');
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(init?.body))).toEqual({ query: ViewerDocument.toString(), variables: {} });
  });

  test('GraphQL errors become a RequestError with a readable message, code and reference', async () => {
    const fetch = async () =>
      json({
        data: null,
        errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'abc-123' } }],
      });
    const error = await request(ViewerDocument, {}, { fetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestError);
    expect(error).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId: 'abc-123' });
    expect((error as RequestError).message).toMatch(/reference abc-123/);
  });

  test('bad input keeps the field for a form to point at', async () => {
    const fetch = async () =>
      json(
        { errors: [{ message: 'first: must be 1-100', extensions: { code: 'BAD_USER_INPUT', field: 'first', rule: 'range' } }] },
        { status: 200 },
      );
    await expect(request(ViewerDocument, {}, { fetch })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  test('a network failure and a non-JSON answer are told apart', async () => {
    await expect(
      request(ViewerDocument, {}, { fetch: async () => Promise.reject(new TypeError('Failed to fetch')) }),
    ).rejects.toMatchObject({
      code: 'NETWORK',
      message: 'Could not reach the Fascia server. Check your connection and try again.',
    });
    const gateway = async () => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'x-request-id': 'r-9' } });
    await expect(request(ViewerDocument, {}, { fetch: gateway })).rejects.toMatchObject({ code: 'HTTP_502', requestId: 'r-9' });
  });

  test('an aborted request rejects with the abort, not a message for the user', async () => {
    const controller = new AbortController();
    const fetch = (_url: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    const pending = request(ViewerDocument, {}, { fetch, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
