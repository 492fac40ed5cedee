/**
 * The reads behind `conflicts` and the sides of a conflict: pages of conflicts, relationships by
 * key, and the relationships between two entities that a side may name.
 */
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import type { ConflictRow } from '../../domain/stored-entity.ts';
import type { RelationEnds, StoredRelation } from '../../domain/validate.ts';
import type { ReadScope } from '../read-scope.ts';
import { conflict, relationProperties } from '../rows.ts';
import type { EdgeRecord } from './graph.ts';
import type { StatementReader } from './lists.ts';

const conflictPageRow = z.object({ total: z.number(), rows: z.array(conflict) });

export interface ConflictPage {
  rows: ConflictRow[];
  /** How many conflicts there are in all with the same `about`; null unless asked for. */
  total: number | null;
}

/**
 * Up to `limit` conflicts after the slug `after`, in slug order; only those about `about` when
 * given. With `withTotal`, also how many there are in all, in the same statement.
 */
export async function loadConflictPage(
  scope: ReadScope,
  request: { about: string | null; after: string; limit: number; withTotal: boolean },
): Promise<ConflictPage> {
  const [row] = await scope.read(
    'queries/conflicts-page',
    { about: request.about, after: request.after, limit: neo4j.int(request.limit), withTotal: request.withTotal },
    conflictPageRow,
  );
  return { rows: row?.rows ?? [], total: request.withTotal ? (row?.total ?? 0) : null };
}

const keyedEdge = z.object({
  key: z.string(),
  id: z.string(),
  type: z.string(),
  from: z.string(),
  to: z.string(),
  props: relationProperties,
});

/** Relationships by key (type|from|to|role|title), in the order of `keys`, null where none has it. */
export async function loadRelationsByKey(scope: ReadScope, keys: readonly string[]): Promise<(EdgeRecord | null)[]> {
  const wanted = [...new Set(keys)].map((key) => {
    const [type = '', from = ''] = key.split('|');
    return { key, type, from };
  });
  const rows = await scope.read('queries/relations-by-key', { keys: wanted }, keyedEdge);
  const byKey = new Map(rows.map(({ key, ...edge }) => [key, edge]));
  return keys.map((key) => byKey.get(key) ?? null);
}

const storedRelation = z.object({ from: z.string(), to: z.string(), key: z.string() });

// An import may name many: asked in slices, as entity labels are (exchange.ts labelsOf).
const endsPerStatement = 10_000;

/** The relationships, of any type, stored from each `from` to its `to`; in a write, read inside its transaction. */
export async function relationsBetween(reader: StatementReader, ends: readonly RelationEnds[]): Promise<StoredRelation[]> {
  const found: StoredRelation[] = [];
  for (let at = 0; at < ends.length; at += endsPerStatement) {
    const slice = ends.slice(at, at + endsPerStatement).map(({ from, to }) => ({ from, to }));
    found.push(...(await reader.read('queries/relations-between', { ends: slice }, storedRelation)));
  }
  return found;
}
