import { GraphQLScalarType } from 'graphql';
import { DateTimeISOResolver, LocalDateResolver } from 'graphql-scalars';

/** An instant as an ISO 8601 string with offset, e.g. `2026-03-02T09:30:00.000Z`. */
export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeISOResolver.toConfig(),
  name: 'DateTime',
  description: 'An instant in time as an ISO 8601 string with a time zone offset, e.g. 2026-03-02T09:30:00.000Z.',
});

/** A calendar date with no time zone, e.g. a date of birth or a series start date. */
export const LocalDateScalar = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  name: 'LocalDate',
  description: 'A calendar date without time zone, YYYY-MM-DD.',
});
