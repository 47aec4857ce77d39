/**
 * Domain errors. Services throw these; the GraphQL layer maps each code to an
 * `extensions.code` in one place (graphql/format-error.ts). Anything else is
 * unexpected and gets masked.
 */
export type DomainErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Path of the offending input field, e.g. `observations[2].value`. */
    readonly field?: string,
    /** Short machine-readable name of the rule that failed, e.g. `range`. */
    readonly rule?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Bad input: names the field and the rule it broke. */
export class BadInputError extends DomainError {
  constructor(field: string, rule: string, message: string) {
    super('BAD_USER_INPUT', `${field}: ${message}`, field, rule);
    this.name = 'BadInputError';
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', `${what} ${id} was not found`);
    this.name = 'NotFoundError';
  }
}
