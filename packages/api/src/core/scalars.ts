import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver, JSONResolver, LocalDateResolver } from 'graphql-scalars';

/** Calendar date as YYYY-MM-DD, kept as a string end to end (no time zone shifts). */
export const DateScalar = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD (RFC 3339 full-date).',
});

export const DateTimeScalar = DateTimeResolver;
export const JSONScalar = JSONResolver;
