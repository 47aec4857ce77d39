import { BadInputError } from '@fascia/server/common/errors.js';
import { expect, test } from 'vitest';

test('bad input names its field', () => {
  const e = new BadInputError('value', 'range', 'must be between 0 and 10');
  expect(e.message).toBe('value: must be between 0 and 10');
  expect(e.code).toBe('BAD_USER_INPUT');
});

test('a nested error keeps its rule and names the full path', () => {
  const nested = new BadInputError('answers[3].value', 'range', 'must be from 0 to 5').under('questionnaireResponses[0]');
  expect(nested.field).toBe('questionnaireResponses[0].answers[3].value');
  expect(nested.rule).toBe('range');
  expect(nested.message).toBe('questionnaireResponses[0].answers[3].value: must be from 0 to 5');
});
