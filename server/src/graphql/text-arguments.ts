import type { MiddlewareFn } from 'type-graphql';
import { BadInputError } from '../common/errors.js';
import { isMalformedText as isMalformed } from '../common/text.js';

/** Path of the first string in `value` that PostgreSQL cannot store faithfully, as the services name fields. */
function firstMalformed(value: unknown, path: string): string | null {
  if (typeof value === 'string') return isMalformed(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = firstMalformed(item, `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      const found = firstMalformed(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Refuses, before anything runs, an argument anywhere in the operation that holds such text, for every
 * field at once rather than in each service. An `input` argument's fields are named without it, like
 * the services name them (`observations[0].regionCode`).
 */
export const refuseMalformedText: MiddlewareFn = ({ args }, next) => {
  for (const [name, value] of Object.entries(args)) {
    const field = firstMalformed(value, name === 'input' ? '' : name);
    if (field !== null) throw new BadInputError(field || name, 'unicode', 'must be well-formed Unicode text without NUL characters');
  }
  return next();
};
