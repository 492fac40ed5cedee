import { randomUUID } from 'node:crypto';
import { Database, type TransactionRunner } from '../../db/database.ts';
import { DatabaseUnavailableError, isTransactionTimeout, isUnavailable, RequestTimeoutError } from '../../db/errors.ts';
import { SeedLoadError, type WriteScope } from '../../db/load.ts';
import { ConflictError, ForbiddenError, GovgraphError } from '../../domain/errors.ts';
import type { RequestContext } from '../context.ts';

/**
 * Runs one mutation's work in one write transaction, as the calling key, under a new change-log
 * operation: every statement of the work commits together or not at all, and a transient
 * failure (a deadlock between concurrent writers) runs the whole work again.
 *
 * The write may last no longer than what is left of the request's time budget, retries
 * included (Database.writeBefore): a write the client was told had timed out never commits.
 */
export async function runWrite<T>(context: RequestContext, work: (tx: TransactionRunner, scope: WriteScope) => Promise<T>): Promise<T> {
  const { caller } = context;
  // The scope-auth plugin refuses anonymous callers before this runs; this keeps `by` honest regardless.
  if (caller.kind !== 'key') throw new ForbiddenError('Forbidden: writing needs an API key.');
  const scope: WriteScope = { by: caller.name, operation: randomUUID(), load: null };
  try {
    const result = await context.db.writeBefore(
      { at: context.reads.deadline, budgetMs: context.reads.timeoutMs, signal: context.reads.signal, trace: context.reads.traceContext },
      Database.metadataOf({ requestId: context.requestId, operation: scope.operation }),
      (tx) => work(tx, scope),
    );
    forgetReads(context);
    // Committed: this process's cached answers go now, before the client hears back.
    context.feed?.wroteLocally(scope.operation);
    return result;
  } catch (error) {
    if (error instanceof GovgraphError) throw error;
    // The loader's own checks, hit only when another write got in between (an id taken by another kind, an end deleted).
    if (error instanceof SeedLoadError) throw new ConflictError(`${error.message}; another write changed the graph meanwhile, try again`);
    if (isTransactionTimeout(error)) throw new RequestTimeoutError(context.reads.timeoutMs, { cause: error });
    if (isUnavailable(error)) throw new DatabaseUnavailableError({ cause: error });
    throw error;
  }
}

/**
 * What this request has read may be stale after a write (a later field of the same request, the
 * payload's own connections): its loaders start again from the database.
 */
function forgetReads(context: RequestContext): void {
  context.loaders.entity.clearAll();
  context.loaders.relationPage.clearAll();
  context.loaders.ancestors.clearAll();
  context.loaders.relationByKey.clearAll();
}
