/**
 * Domain errors. Services throw these; the GraphQL layer maps each code to an
 * `extensions.code` in one place (graphql/format-error.ts). Anything else is
 * unexpected and gets masked.
 */
export type DomainErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'RATE_LIMITED'
  /** Research: the cohort differs from an earlier released one by 1 to k - 1 clients. */
  | 'COHORT_OVERLAP';

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
  constructor(
    override readonly field: string,
    override readonly rule: string,
    /** The message without the field name. */
    readonly detail: string,
  ) {
    super('BAD_USER_INPUT', `${field}: ${detail}`, field, rule);
    this.name = 'BadInputError';
  }

  /** The same error for a field nested under `prefix`, e.g. `questionnaireResponses[0]`. */
  under(prefix: string): BadInputError {
    return prefix ? new BadInputError(`${prefix}.${this.field}`, this.rule, this.detail) : this;
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', `${what} ${id} was not found`);
    this.name = 'NotFoundError';
  }
}
