import type { ErrorCode } from '../../domain/errors.ts';

/**
 * The JSON answers of the exchange routes: `{ error: { code, message } }`, with the codes of the
 * GraphQL API's errors (src/domain/errors.ts) and two of HTTP's own. A route sets the status
 * itself: NOT_FOUND is 404 here, where in GraphQL it is an error beside the rest of the data.
 */
export type RouteErrorCode = ErrorCode | 'INTERNAL_SERVER_ERROR' | 'METHOD_NOT_ALLOWED' | 'UNSUPPORTED_MEDIA_TYPE';

export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}

export function errorAnswer(status: number, code: RouteErrorCode, message: string, headers: Record<string, string> = {}): Response {
  return jsonAnswer(status, { error: { code, message } }, headers);
}

/** 503 for a database that does not answer, whether a read said so (DatabaseUnavailableError) or the driver did. */
export function unavailableAnswer(): Response {
  return errorAnswer(503, 'DATABASE_UNAVAILABLE', 'The database is unavailable. Try again in a few seconds.');
}

/**
 * 500 for what a route did not expect (a bug, a missing file): the error goes to the log, and the
 * answer says only what GraphQL's masked errors say. Rethrown, the server's fallback would send
 * the error's stack, with paths and Cypher, as the body.
 */
export function internalErrorAnswer(): Response {
  return errorAnswer(500, 'INTERNAL_SERVER_ERROR', 'Unexpected error. The server log has the details.');
}
