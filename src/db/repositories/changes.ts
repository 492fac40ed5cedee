import neo4j from 'neo4j-driver';
import { z } from 'zod';
import type { ReadScope } from '../read-scope.ts';
import { toDate } from '../values.ts';

/** What a :Change record says was done; merges add theirs (cypher/curation/merge-entities, unmerge-entities). */
export const changeActions = ['created', 'updated', 'deleted', 'merged', 'merged-into', 'unmerged', 'restored'] as const;

/** One :Change record: who changed what, when, under which operation. */
export interface ChangeRecord {
  id: string;
  at: Date;
  /** The stored time in full (nanoseconds, zone): what a cursor must repeat to continue exactly. */
  atText: string;
  by: string;
  operation: string;
  action: (typeof changeActions)[number];
  kind: 'entity' | 'relation';
  entityId: string | null;
  label: string | null;
  type: string | null;
  from: string | null;
  to: string | null;
  key: string | null;
  fields: string[];
}

const nullableText = z.string().nullable();
const storedChange = z.object({
  id: z.string(),
  at: z.unknown(),
  atText: z.string(),
  by: z.string(),
  operation: z.string(),
  action: z.enum(changeActions),
  kind: z.enum(['entity', 'relation']),
  entityId: nullableText,
  label: nullableText,
  type: nullableText,
  from: nullableText,
  to: nullableText,
  key: nullableText,
  fields: z.array(z.string()).nullable(),
});

export interface ChangePageRequest {
  /** The time to read from, as datetime text (ISO 8601, any precision). */
  from: string;
  /** Among the changes at exactly `from`, only those with an id above this ('' for all). */
  afterId: string;
  limit: number;
}

/** The changes after a keyset position, oldest first, in one round trip. */
export async function loadChangePage(scope: ReadScope, request: ChangePageRequest): Promise<ChangeRecord[]> {
  const rows = await scope.read(
    'curation/changes-page',
    { from: request.from, afterId: request.afterId, limit: neo4j.int(request.limit) },
    z.object({ change: storedChange }),
  );
  return rows.map(({ change }) => ({ ...change, at: toDate(change.at) ?? new Date(change.atText), fields: change.fields ?? [] }));
}
