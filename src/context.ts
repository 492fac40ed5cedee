import { randomUUID } from 'node:crypto';
import type { Database, RoundTripCounter } from './db/database.ts';

/** Lives for one request: its id, its database access and its round-trip count. */
export interface RequestContext {
  requestId: string;
  db: Database;
  queries: RoundTripCounter;
}

export function createRequestContext(db: Database, request?: Request): RequestContext {
  const given = request?.headers.get('x-request-id');
  const requestId = given && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
  return { requestId, db, queries: { roundTrips: 0 } };
}
