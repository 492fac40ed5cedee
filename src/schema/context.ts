import { randomUUID } from 'node:crypto';
import type { Context } from '@opentelemetry/api';
import type { ApiKeyRing, Caller } from '../auth/api-keys.ts';
import type { Database } from '../db/database.ts';
import { defaultRequestTimeoutMs, type ReadScope } from '../db/read-scope.ts';
import type { ChangeFeed } from '../services/change-feed.ts';
import type { MergeJobs } from '../services/merge-jobs.ts';
import { createLoaders, type Loaders } from './loaders.ts';

/** Lives for one request: its id, its database access, its loaders and its read scope. */
export interface RequestContext {
  requestId: string;
  /** For writes; every read goes through `reads`. */
  db: Database;
  /** The request's reads: its time budget, cancellation when the client goes away, its round-trip count. */
  reads: ReadScope;
  loaders: Loaders;
  /** Who sent the request, from its Authorization header: reading is public, writing needs a key. */
  caller: Caller;
  /** Whether root lists read the relation connections below them in the same statement (planner.ts). */
  plannedReads: boolean;
  /** This process's change feed (subscriptions, and telling the response cache of this request's writes); null in tools and some tests. */
  feed: ChangeFeed | null;
  /** This process's background merges (startMergeJob, mergeJob); null in tools and some tests. */
  mergeJobs: MergeJobs | null;
  /** Aborts when the client goes away: ends a subscription. */
  clientSignal: AbortSignal | undefined;
}

export interface RequestContextOptions {
  /** GOVGRAPH_REQUEST_TIMEOUT_MS. */
  requestTimeoutMs?: number;
  /** The configured API keys; without them every request is anonymous. */
  apiKeys?: ApiKeyRing;
  /** The id logs and transaction metadata carry (see http/request-id.ts); a new one by default. */
  requestId?: string;
  /** The request's trace, for the spans of its statements and batches. */
  traceContext?: Context;
  /** Planned nested reads (planner.ts); on unless false. */
  plannedReads?: boolean;
  feed?: ChangeFeed | null;
  mergeJobs?: MergeJobs | null;
}

export function createRequestContext(db: Database, request?: Request, options: RequestContextOptions = {}): RequestContext {
  const requestId = options.requestId ?? randomUUID();
  const reads = db.openScope({
    timeoutMs: options.requestTimeoutMs ?? defaultRequestTimeoutMs,
    clientSignal: request?.signal,
    requestId,
    traceContext: options.traceContext,
  });
  const caller: Caller = options.apiKeys?.identify(request?.headers.get('authorization') ?? null) ?? { kind: 'anonymous' };
  return {
    requestId,
    db,
    reads,
    loaders: createLoaders(reads),
    caller,
    plannedReads: options.plannedReads !== false,
    feed: options.feed ?? null,
    mergeJobs: options.mergeJobs ?? null,
    clientSignal: request?.signal,
  };
}

/**
 * A subscription outlives one request's budget: each event it sends is read under a budget and
 * loaders of its own (a change's `entity` as it is now, not as the first event found it).
 */
export function renewReads(context: RequestContext): void {
  const previous = context.reads;
  previous.dispose();
  context.reads = context.db.openScope({
    timeoutMs: previous.timeoutMs,
    clientSignal: context.clientSignal,
    requestId: context.requestId,
    traceContext: previous.traceContext,
  });
  context.loaders = createLoaders(context.reads);
}
