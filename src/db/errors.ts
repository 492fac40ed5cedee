import { isRetryableError } from 'neo4j-driver';

/**
 * The failures of a request's database access that a client should be told about by name.
 * They carry no driver message: that names the bolt address and sometimes the statement.
 * yoga turns them into GraphQL errors with extensions.code (src/http/request-budget.ts).
 */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
  readonly code = 'DATABASE_UNAVAILABLE';

  constructor(options?: { cause?: unknown }) {
    super('The database is unavailable. Try again in a few seconds.', options);
  }
}

export class RequestTimeoutError extends Error {
  override name = 'RequestTimeoutError';
  readonly code = 'TIMEOUT';
  readonly timeoutMs: number;

  constructor(timeoutMs: number, options?: { cause?: unknown }) {
    super(`The request took longer than its time budget of ${timeoutMs} ms and was stopped. Ask for less, or narrow the query.`, options);
    this.timeoutMs = timeoutMs;
  }
}

/** The client went away: nobody reads the answer, so the work stops. */
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
