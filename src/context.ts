import { randomUUID } from 'node:crypto';
import type { Database, RoundTripCounter } from './db/database.ts';
import { createLoaders, type Loaders } from './loaders.ts';

/** Lives for one request: its id, its database access, its loaders and its round-trip count. */
export interface RequestContext {
  requestId: string;
  db: Database;
  queries: RoundTripCounter;
  loaders: Loaders;
}

export function createRequestContext(db: Database, request?: Request): RequestContext {
  const given = request?.headers.get('x-request-id');
  const requestId = given && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
  const queries = { roundTrips: 0 };
  return { requestId, db, queries, loaders: createLoaders(db, queries) };
}
