import { GraphQLError, Kind, type ValueNode } from 'graphql';
import { CountryCodeResolver, NonEmptyStringResolver } from 'graphql-scalars';
import { partialDateProblem } from '../domain/dates.ts';
import { BadUserInputError } from '../domain/errors.ts';
import { regionCodeOf } from '../domain/regions.ts';
import { builder } from './builder.ts';

/**
 * graphql wraps what a scalar throws: into a validation error for a literal (its code is then
 * the thrown one's, or GRAPHQL_VALIDATION_FAILED), into a variable's error for a variable
 * (BAD_USER_INPUT, src/http/query-limits.ts). A value of the wrong kind is graphql's usual
 * validation error; a string that is no real date is the client's input to fix.
 */
function parsePartialDate(value: unknown): string {
  if (typeof value !== 'string') throw new GraphQLError('PartialDate must be a string such as "2021", "2021-02" or "2021-02-15"');
  const problem = partialDateProblem(value);
  if (problem) throw new BadUserInputError(`invalid PartialDate: ${problem}`);
  return value;
}

/**
 * The parseLiteral of a scalar written as a string. graphql reports a GraphQLError thrown by
 * parseLiteral as it is, without the literal's place (its own wrapping, with the place, is only
 * for other errors). So a refusal is thrown again pointing at the value: the answer gives its
 * line and column, and src/http/literal-paths.ts the argument path.
 */
function stringLiteral(kindRefusal: string, parse: (text: string) => string): (node: ValueNode) => string {
  return (node) => {
    try {
      if (node.kind !== Kind.STRING) throw new GraphQLError(kindRefusal);
      return parse(node.value);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      throw new GraphQLError(error.message, { nodes: node, extensions: error.extensions });
    }
  };
}

/** Dates with the precision their source gives; a month or day is never invented. */
export const PartialDate = builder.scalarType('PartialDate', {
  description:
    'A calendar date with the precision its source gives: a year ("2020"), a month ("2021-02") or a day ("2018-12-21"). ' +
    'As an input, a partial date stands for all the days it covers.',
  serialize: (value) => String(value),
  parseValue: parsePartialDate,
  parseLiteral: stringLiteral('PartialDate must be a string such as "2021-02"', parsePartialDate),
});

/**
 * graphql-scalars' NonEmptyString, with its refusal in words: its own message, "Value cannot be
 * an empty string: ", ends in the empty value. Where is added: the variable's path by graphql,
 * the literal's place by stringLiteral.
 */
function parseNonEmptyString(value: unknown): string {
  if (typeof value !== 'string') throw new GraphQLError(`NonEmptyString must be a string, not ${value === null ? 'null' : typeof value}`);
  if (value.trim() === '') throw new BadUserInputError('must not be empty or blank: write the value, or leave an optional field out');
  return value;
}

export const NonEmptyString = builder.scalarType('NonEmptyString', {
  description: NonEmptyStringResolver.description ?? 'A string that is neither empty nor blank.',
  serialize: (value) => String(value),
  parseValue: parseNonEmptyString,
  parseLiteral: stringLiteral('NonEmptyString must be a string', parseNonEmptyString),
});

/**
 * graphql-scalars' CountryCode, refusing in words: its own message ("Value is not a valid
 * country code: Russia") neither says what the code is nor, for a name written where the code
 * belongs, which code to write, though the read filters take names ("country: \"Russia\"").
 */
function parseCountryCode(value: unknown): string {
  if (typeof value !== 'string') throw new GraphQLError('CountryCode must be a string such as "RU"');
  try {
    return String(CountryCodeResolver.parseValue(value));
  } catch {
    const shown = JSON.stringify(value.slice(0, 60));
    const code = regionCodeOf(value);
    const hint = code ? `: for ${value.trim()} write "${code}"` : ', two letters such as "RU"';
    throw new BadUserInputError(`${shown} is not an ISO 3166-1 alpha-2 country code${hint}`);
  }
}

export const CountryCode = builder.scalarType('CountryCode', {
  description: CountryCodeResolver.description ?? 'A country code as defined by ISO 3166-1 alpha-2',
  serialize: (value) => String(CountryCodeResolver.serialize(value)),
  parseValue: parseCountryCode,
  parseLiteral: stringLiteral('CountryCode must be a string such as "RU"', parseCountryCode),
});
