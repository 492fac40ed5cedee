import { GraphQLError } from 'graphql';

/** Errors a client can act on: they keep their message through masking and carry extensions.code. */
export function badUserInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });
}

export function notFound(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND', ...(argument ? { argument } : {}) } });
}
