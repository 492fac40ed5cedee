import { isRetryableError } from 'neo4j-driver';
import { GovgraphError } from '../domain/errors.ts';

/**
 * The failures of a request's database access that a client is told about by name, with their
 * status: 503 tells a balancer or a client library to try again (Retry-After: 1 says when).
 * They carry no driver message, which names the bolt address and sometimes the statement: the
 * driver's error is their `cause`, for the log.
 */
export class DatabaseUnavailableError extends GovgraphError {
  constructor(options: { cause?: unknown } = {}) {
    super('DATABASE_UNAVAILABLE', 'The database is unavailable. Try again in a few seconds.', {
      http: { status: 503, headers: { 'retry-after': '1' } },
      cause: options.cause,
    });
  }
}

export class RequestTimeoutError extends GovgraphError {
  readonly timeoutMs: number;

  constructor(timeoutMs: number, options: { cause?: unknown } = {}) {
    super(
      'TIMEOUT',
      `The request took longer than its time budget of ${timeoutMs} ms and was stopped. Ask for less, or narrow the query.`,
      { details: { timeoutMs }, http: { status: 504 }, cause: options.cause },
    );
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The client went away: nobody reads the answer, so the work stops. Not a GovgraphError: there
 * is no one to tell, and yoga answers nothing (src/http/request-budget.ts).
 */
export class RequestCancelledError extends Error {
  override name = 'RequestCancelledError';

  constructor() {
    super('the client closed the connection');
  }
}

const unavailableCodes = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Cluster.NotALeader',
  'Neo.TransientError.Cluster.ReplicationFailure',
]);

const timeoutCodes = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

/** Whether the driver failed to reach or keep a database connection (as opposed to a bad statement). */
export function isUnavailable(error: unknown): boolean {
  if (unavailableCodes.has(codeOf(error))) return true;
  // The pool's acquisition timeout has no code of its own.
  return error instanceof Error && /Connection acquisition timed out/.test(error.message);
}

export function isTransactionTimeout(error: unknown): boolean {
  return timeoutCodes.has(codeOf(error));
}

/** Failures worth one more attempt on a fresh connection: a pooled connection that died with a restart. */
export function isWorthRetrying(error: unknown): boolean {
  return isUnavailable(error) || isRetryableError(error as Error);
}
