import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { type EntityLabel, entityLabels } from '../../domain/graph.ts';
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
  label: EntityLabel | null;
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
  label: z.enum(entityLabels).nullable(),
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
  /** Only the changes of this entity (by slug) and of the relations that start or end at it; all when null. */
  entity?: string | null;
}

/** The changes after a keyset position, oldest first, in one round trip. */
export async function loadChangePage(scope: ReadScope, request: ChangePageRequest): Promise<ChangeRecord[]> {
  const position = { from: request.from, afterId: request.afterId, limit: neo4j.int(request.limit) };
  const entity = request.entity ?? null;
  const rows = await scope.read(
    entity === null ? 'curation/changes-page' : 'curation/entity-changes-page',
    entity === null ? position : { ...position, entity },
    z.object({ change: storedChange }),
  );
  return rows.map(({ change }) => ({ ...change, at: toDate(change.at) ?? new Date(change.atText), fields: change.fields ?? [] }));
}

/** A place in the change log: the (at, id) keyset of one change, or a time with id '' (before every change at it). */
export interface ChangePosition {
  /** Datetime text as Neo4j prints it (toString), or any ISO 8601 time. */
  at: string;
  id: string;
}

export const positionOf = (change: ChangeRecord): ChangePosition => ({ at: change.atText, id: change.id });

const datetimeText = /^(\d{4,}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?)(?:\.(\d{1,9}))?(Z|[+-]\d\d:?\d\d)?(?:\[[^\]]+\])?$/;

/**
 * Nanoseconds since the epoch of a datetime text. The text cannot be compared as it is: Neo4j
 * leaves out a zero fraction ("…:10Z" is earlier than "…:10.795Z", but sorts after it).
 */
export function instantOf(text: string): bigint {
  const match = datetimeText.exec(text);
  const whole = match ? Date.parse(`${match[1]}${match[3] ?? 'Z'}`) : Number.NaN;
  if (!match || Number.isNaN(whole)) throw new RangeError(`not a datetime: ${text}`);
  return BigInt(whole) * 1_000_000n + BigInt((match[2] ?? '').padEnd(9, '0'));
}

/** Orders positions as the change log does: by time, then id. */
export function comparePositions(a: ChangePosition, b: ChangePosition): number {
  const at = instantOf(a.at) - instantOf(b.at);
  if (at !== 0n) return at < 0n ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const watermarkRow = z.object({ oldestWrite: z.string().nullable(), now: z.string() });

/**
 * The change feed's low watermark (cypher/curation/open-writes.cypher): no change older than it
 * can still commit. The start of the oldest open write transaction, or the database's time when
 * none is open; `marginMs` earlier still, against a transaction caught between taking its start
 * time and being listed.
 */
export async function readWatermark(scope: ReadScope, database: string, marginMs: number): Promise<string> {
  const [row] = await scope.read('curation/open-writes', { database }, watermarkRow);
  if (!row) throw new Error('curation/open-writes returned no row');
  const oldest = row.oldestWrite !== null && instantOf(row.oldestWrite) < instantOf(row.now) ? row.oldestWrite : row.now;
  return new Date(Number(instantOf(oldest) / 1_000_000n) - marginMs).toISOString();
}
