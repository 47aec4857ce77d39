import { describe, expect, test } from 'vitest';
import { RequestError } from '../../graphql/errors';
import { controlFor, createKeyRing, errorProps, fieldMessage, formErrorOf } from './field-errors';

const badInput = (field: string, message: string) =>
  new RequestError({ kind: 'graphql', errors: [{ message, extensions: { code: 'BAD_USER_INPUT', field, rule: 'range' } }] });

describe('server errors at their inputs', () => {
  const controls = new Map([
    ['observations[0].value', 'pain-NECK--pre'],
    ['questionnaireResponses[0]', 'questionnaire'],
  ]);

  test('a field the form has lands at its input, worded as a sentence without the path', () => {
    expect(formErrorOf(badInput('observations[0].value', 'observations[0].value: must be between 0 and 10 (got 11)'), controls)).toEqual({
      controlId: 'pain-NECK--pre',
      message: 'Must be between 0 and 10 (got 11).',
    });
  });

  test('a nested field falls back to its nearest parent with an input', () => {
    expect(controlFor('questionnaireResponses[0].answers[4].value', controls)).toBe('questionnaire');
    expect(controlFor('somethingElse', controls)).toBeNull();
  });

  test('anything else goes above the form, in words', () => {
    expect(formErrorOf(badInput('seriesId', 'seriesId: unknown'), controls)).toEqual({
      controlId: null,
      message: 'Some of the details were not accepted: seriesId: unknown.',
    });
    expect(formErrorOf(new RequestError({ kind: 'network' }), controls).message).toBe(
      'Could not reach the Fascia server. Check your connection and try again.',
    );
    expect(
      formErrorOf(new RequestError({ kind: 'graphql', errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] }), controls).message,
    ).toMatch(/only a therapist/);
  });

  test('the input is marked invalid and described by its message', () => {
    const error = { controlId: 'a', message: 'Bad.' };
    expect(errorProps('a', error)).toEqual({ 'aria-invalid': true, 'aria-describedby': 'a-error' });
    expect(errorProps('b', error)).toEqual({});
  });

  test('fieldMessage keeps a message that names no field', () => {
    expect(fieldMessage('must be a whole number', 'durationMinutes')).toBe('Must be a whole number.');
  });
});

test('idempotency keys: the same input retried keeps its key; changed input gets a new one', () => {
  const ring = createKeyRing();
  const first = ring.keyFor({ value: 3 });
  expect(first).toMatch(/^[0-9a-f]{32}$/);
  expect(ring.keyFor({ value: 3 })).toBe(first);
  const second = ring.keyFor({ value: 4 });
  expect(second).not.toBe(first);
  expect(ring.keyFor({ value: 3 })).not.toBe(first);
});
