import { GraphQLError } from 'graphql';

/** Errors a client can act on: they keep their message through masking and carry extensions.code. */
export function badUserInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });
}

export function notFound(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND', ...(argument ? { argument } : {}) } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/**
 * A query over one of the limits (depth, aliases, tokens, directives, cost). `spec` lets yoga
 * answer 400 to clients that accept application/graphql-response+json and 200 to those that
 * only accept application/json, as the GraphQL-over-HTTP spec asks for requests that fail
 * before execution.
 */
export function queryTooComplex(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400, spec: true }, ...extensions } });
}
