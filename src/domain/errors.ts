import { type ASTNode, GraphQLError } from 'graphql';

/**
 * The errors a client may read, for every layer: the message is shown as written, and the
 * answer carries `extensions: { code, ...details }`, one code key and the facts beside it
 * (docs/api.md, "Limits and errors"). Whatever else is thrown (a bug, a driver failure, a
 * configuration or start-up problem) stays a plain Error, and yoga masks it as "Unexpected
 * error." (INTERNAL_SERVER_ERROR): that is what keeps Cypher and addresses out of answers.
 *
 * GovgraphError is a GraphQLError so that graphql-js, graphql-jit and yoga pass it through as it
 * is: graphql keeps a thrown GraphQLError's extensions when it adds the path, validation rules
 * report it directly, and yoga masks only what is not a GraphQLError. Its `http` (status,
 * headers) is read by yoga and never sent. The routes outside GraphQL (/export, /admin/import)
 * answer `{ error: { code, message } }` with the same codes (src/http/exchange/http-answers.ts).
 */

export type ErrorCode =
  | 'BAD_REQUEST'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'DATABASE_UNAVAILABLE'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'QUERY_TOO_COMPLEX'
  | 'REQUEST_ENTITY_TOO_LARGE'
  | 'TIMEOUT'
  | 'TOO_MANY_REQUESTS';

/** What yoga makes of an error's answer: its status and headers (`spec`: see refusedBeforeExecution). */
export interface HttpAnswer {
  status: number;
  headers?: Record<string, string>;
  spec?: boolean;
}

/**
 * A request refused before it runs (parsing, validation, the limits): 400 for clients that
 * accept application/graphql-response+json, 200 for those that accept only application/json,
 * as the GraphQL-over-HTTP spec asks. yoga gives its own validation errors the same.
 */
export const refusedBeforeExecution: HttpAnswer = { status: 400, spec: true };

/** Facts beside the code; `code` and `http` are the base class's own. */
export type ErrorDetails = { readonly [key: string]: unknown } & { code?: never; http?: never };

/** The one mapping from an error to its extensions. Mutable, as yoga adds to a validation error's. */
export function errorExtensions(code: ErrorCode, details: ErrorDetails = {}, http?: HttpAnswer): Record<string, unknown> {
  return { code, ...details, ...(http ? { http: { ...http } } : {}) };
}

export interface GovgraphErrorOptions {
  details?: ErrorDetails;
  /** Absent: the status is yoga's (200 with the error beside any data). */
  http?: HttpAnswer;
  /** Where in the document, for an error reported by a validation rule. */
  nodes?: ASTNode | readonly ASTNode[];
  /** For the server log only: never part of an answer. */
  cause?: unknown;
}

export class GovgraphError extends GraphQLError {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options: GovgraphErrorOptions = {}) {
    super(message, { nodes: options.nodes, extensions: errorExtensions(code, options.details, options.http) });
    this.code = code;
    // Not GraphQLError's originalError: yoga would mask an error whose originalError is no GraphQLError.
    if (options.cause !== undefined) this.cause = options.cause;
  }
}

/**
 * Names the argument or input path an error is about: `field` ("first", "input.sources[0].id",
 * or a variable's path). Errors about a read's argument said so in `argument` until 0.2; it
 * repeats `field` until it is removed (CHANGELOG.md, "Deprecated").
 */
function naming(where: { argument?: string; field?: string }): { field?: string; argument?: string } {
  if (where.argument !== undefined) return { field: where.argument, argument: where.argument };
  return where.field === undefined ? {} : { field: where.field };
}

/** One thing wrong with a write's input: the argument path (e.g. "input.endDate") and why. */
export interface InputProblem {
  field: string;
  message: string;
  /** For an id that names nothing: the id, as a read's NOT_FOUND gives it. */
  ref?: string;
  /** The entities search finds for `ref`, best first, as a read's NOT_FOUND lists them. */
  didYouMean?: readonly { slug: string; name: string; type: string }[];
}

/** An argument out of range or malformed, or a write's input refused: the client's to fix. */
export class BadUserInputError extends GovgraphError {
  /** `details`: facts beside the field, e.g. the values allowed or the entities a name is ambiguous between. */
  constructor(
    message: string,
    where: { argument?: string; field?: string; problems?: readonly InputProblem[] } = {},
    details: ErrorDetails = {},
  ) {
    super('BAD_USER_INPUT', message, {
      details: { ...details, ...naming(where), ...(where.problems ? { problems: [...where.problems] } : {}) },
    });
  }

  /**
   * A write's input refused: the message names each argument path and its reason, `field` the
   * first path, so a client can point at it, and `problems` all of them.
   */
  static of(problems: readonly InputProblem[]): BadUserInputError {
    const message = problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
    return new BadUserInputError(message || 'invalid input', { field: problems[0]?.field ?? 'input', problems });
  }
}

/**
 * An ID or reference that names nothing (of the kind asked for). `details`: what a client can
 * try instead (a reference's `didYouMean`).
 */
export class NotFoundError extends GovgraphError {
  constructor(message: string, where: { argument?: string } = {}, details: ErrorDetails = {}) {
    super('NOT_FOUND', message, { details: { ...details, ...naming(where) } });
  }
}

/**
 * Refused: no key, a key without the scope, a request that looks cross-site (403), or
 * introspection while it is off (refused before execution, like any validation error).
 */
export class ForbiddenError extends GovgraphError {
  constructor(message: string, options: { http?: HttpAnswer; nodes?: ASTNode } = {}) {
    super('FORBIDDEN', message, { http: options.http ?? { status: 403 }, nodes: options.nodes });
  }
}

/** A write that the graph as it is does not allow (deleting what others point at), or a write raced by another. */
export class ConflictError extends GovgraphError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('CONFLICT', message, { details });
  }
}

/** A query over one of the limits (tokens, depth, aliases, directives, cost, mutations): `details` say which and by how much. */
export class QueryTooComplexError extends GovgraphError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('QUERY_TOO_COMPLEX', message, { details, http: refusedBeforeExecution });
  }
}

/**
 * A body over the limit. Connection: close, because the rest of the body is never read: a client
 * must not send its next request on this socket.
 */
export class RequestTooLargeError extends GovgraphError {
  constructor(message: string) {
    super('REQUEST_ENTITY_TOO_LARGE', message, { http: { status: 413, headers: { connection: 'close' } } });
  }
}

/** A request that is wrong as a whole (the routes' parameters; yoga gives GraphQL's own). */
export class BadRequestError extends GovgraphError {
  constructor(message: string) {
    super('BAD_REQUEST', message, { http: { status: 400 } });
  }
}

/**
 * A client over its quota (requests or cost per window, src/http/quotas.ts): 429 with
 * Retry-After, the seconds until the quota it ran out of starts again.
 */
export class TooManyRequestsError extends GovgraphError {
  readonly retryAfterSeconds: number;

  constructor(message: string, details: { quota: 'requests' | 'cost' | 'subscriptions'; limit: number; retryAfterSeconds: number }) {
    super('TOO_MANY_REQUESTS', message, {
      details,
      http: { status: 429, headers: { 'retry-after': String(details.retryAfterSeconds) } },
    });
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}
