import { describe, expect, test } from 'vitest';
import { describeFailure, describeGraphQLError, messageOf, RequestError } from './errors';

describe('describeGraphQLError', () => {
  test('bad input keeps the server wording, which names the field and the rule', () => {
    expect(
      describeGraphQLError({
        message: 'dateOfBirth: must not be in the future',
        extensions: { code: 'BAD_USER_INPUT', field: 'dateOfBirth', rule: 'not-future' },
      }),
    ).toBe('Some of the details were not accepted: dateOfBirth: must not be in the future.');
  });

  test('not found says what may have happened, without ids', () => {
    expect(describeGraphQLError({ message: 'Treatment series 0c6f… was not found', extensions: { code: 'NOT_FOUND' } })).toBe(
      'This record could not be found. It may have been removed, or it belongs to another clinic.',
    );
  });

  test('a masked server error gives the reference that is in the server log', () => {
    expect(
      describeGraphQLError({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-42' } }),
    ).toBe('Something went wrong on the server. Please try again in a moment. If it keeps happening, tell support the reference req-42.');
    expect(describeGraphQLError({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } })).toBe(
      'Something went wrong on the server. Please try again in a moment.',
    );
  });

  test('a query the server does not understand means the page is outdated', () => {
    expect(describeGraphQLError({ message: 'Cannot query field "x"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })).toMatch(
      /Reload the page/,
    );
  });

  test('signed out, not allowed and rate limited are explained', () => {
    expect(describeGraphQLError({ message: 'x', extensions: { code: 'UNAUTHENTICATED' } })).toMatch(/^You are signed out/);
    expect(describeGraphQLError({ message: 'x', extensions: { code: 'FORBIDDEN' } })).toMatch(/not allowed to do this/);
    expect(describeGraphQLError({ message: 'Too many attempts; try again after 10:15', extensions: { code: 'RATE_LIMITED' } })).toBe(
      'Too many attempts; try again after 10:15.',
    );
  });

  test('an unknown code never shows the raw message', () => {
    expect(describeGraphQLError({ message: 'TypeError: x is undefined' })).toBe('Something unexpected went wrong. Please try again.');
  });
});

describe('describeFailure', () => {
  test('network and HTTP failures', () => {
    expect(describeFailure({ kind: 'network' })).toBe('Could not reach the Fascia server. Check your connection and try again.');
    expect(describeFailure({ kind: 'http', status: 502 })).toBe(
      'The server is not answering properly (error 502). Please try again in a moment.',
    );
    expect(describeFailure({ kind: 'http', status: 403 })).toBe('You are not allowed to see this. Sign in again and retry.');
  });

  test('the first GraphQL error decides', () => {
    expect(
      describeFailure({
        kind: 'graphql',
        errors: [
          { message: 'gone', extensions: { code: 'NOT_FOUND' } },
          { message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        ],
      }),
    ).toMatch(/could not be found/);
  });
});

test('messageOf: request errors speak for themselves; anything else is a page bug', () => {
  expect(messageOf(new RequestError({ kind: 'network' }))).toMatch(/Could not reach/);
  expect(messageOf(new TypeError('x is undefined'))).toBe('Something went wrong in this page. Reload it and try again.');
});
