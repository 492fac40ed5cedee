import { GraphQLError } from 'graphql';

/** Errors a client can act on: they keep their message through masking and carry extensions.code. */
export function badUserInput(message: string, argument?: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}), ...extensions } });
}

export function notFound(message: string, argument?: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND', ...(argument ? { argument } : {}), ...extensions } });
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

/** One thing wrong with a write's input: the argument path (e.g. "input.endDate") and why. */
export interface InputProblem {
  field: string;
  message: string;
}

/**
 * A write's input refused: the message names each argument path and its reason, and
 * extensions.field the first path, so a client can point at the field (every problem is in
 * extensions.problems).
 */
export function invalidInput(problems: readonly InputProblem[]): GraphQLError {
  const message = problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
  return new GraphQLError(message || 'invalid input', {
    extensions: { code: 'BAD_USER_INPUT', field: problems[0]?.field ?? 'input', problems: [...problems] },
  });
}

/** A write that the current state of the graph does not allow (e.g. deleting what others point at). */
export function conflict(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT', ...extensions } });
}

/** ['input', 'sources', 0, 'id'] → "input.sources[0].id" */
export function argumentPath(path: readonly (string | number)[]): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}
