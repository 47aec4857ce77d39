import { BadInputError } from '@fascia/server/common/errors.js';
import { expect, test } from 'vitest';

test('bad input names its field', () => {
  const e = new BadInputError('value', 'range', 'must be between 0 and 10');
  expect(e.message).toBe('value: must be between 0 and 10');
  expect(e.code).toBe('BAD_USER_INPUT');
});
