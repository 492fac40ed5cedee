import { randomUUID } from 'node:crypto';
import type { ApiKeyRing, Caller } from './auth/api-keys.ts';
import type { Database, RoundTripCounter } from './db/database.ts';
import { defaultRequestTimeoutMs, type RequestBudget, startRequestBudget } from './http/request-budget.ts';
import { createLoaders, type Loaders } from './loaders.ts';

/** Lives for one request: its id, its database access, its loaders and its round-trip count. */
export interface RequestContext {
  requestId: string;
  db: Database;
  queries: RoundTripCounter;
  loaders: Loaders;
  /** The request's time budget (also in queries.scope): every read ends when it does, or when the client goes away. */
  budget: RequestBudget;
  /** Who sent the request, from its Authorization header: reading is public, writing needs a key. */
  caller: Caller;
}

export interface RequestContextOptions {
  /** GOVGRAPH_REQUEST_TIMEOUT_MS. */
  requestTimeoutMs?: number;
  /** The configured API keys; without them every request is anonymous. */
  apiKeys?: ApiKeyRing;
}

const requestIds = new WeakMap<Request, string>();

/** The client's x-request-id when it is a sane token, else a new UUID; the same for one request wherever asked. */
export function requestIdOf(request: Request): string {
  let id = requestIds.get(request);
  if (id === undefined) {
    const given = request.headers.get('x-request-id');
    id = given && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    requestIds.set(request, id);
  }
  return id;
}

export function createRequestContext(db: Database, request?: Request, options: RequestContextOptions = {}): RequestContext {
  const requestId = request ? requestIdOf(request) : randomUUID();
  const budget = startRequestBudget(options.requestTimeoutMs ?? defaultRequestTimeoutMs, request?.signal);
  const queries: RoundTripCounter = { roundTrips: 0, scope: budget };
  const caller: Caller = options.apiKeys?.identify(request?.headers.get('authorization') ?? null) ?? { kind: 'anonymous' };
  return { requestId, db, queries, loaders: createLoaders(db, queries), budget, caller };
}
