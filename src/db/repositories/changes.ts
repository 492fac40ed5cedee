import neo4j from 'neo4j-driver';
import type { Database, RoundTripCounter } from '../database.ts';
import { toDate } from '../values.ts';

/** One :Change record: who changed what, when, under which operation. */
export interface ChangeRecord {
  id: string;
  at: Date;
  /** The stored time in full (nanoseconds, zone): what a cursor must repeat to continue exactly. */
  atText: string;
  by: string;
  operation: string;
  action: 'created' | 'updated' | 'deleted';
  kind: 'entity' | 'relation';
  entityId: string | null;
  label: string | null;
  type: string | null;
  from: string | null;
  to: string | null;
  key: string | null;
  fields: string[];
}

type StoredChange = Omit<ChangeRecord, 'at'> & { at: unknown };

export interface ChangePageRequest {
  /** The time to read from, as datetime text (ISO 8601, any precision). */
  from: string;
  /** Among the changes at exactly `from`, only those with an id above this ('' for all). */
  afterId: string;
  limit: number;
}

/** The changes after a keyset position, oldest first, in one round trip. */
export async function loadChangePage(db: Database, request: ChangePageRequest, counter?: RoundTripCounter): Promise<ChangeRecord[]> {
  const rows = await db.read<{ change: StoredChange }>(
    'curation/changes-page',
    { from: request.from, afterId: request.afterId, limit: neo4j.int(request.limit) },
    counter,
  );
  return rows.map(({ change }) => ({ ...change, at: toDate(change.at) ?? new Date(change.atText), fields: change.fields ?? [] }));
}
