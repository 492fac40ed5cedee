/** The reads behind `conflicts` and the sides of a conflict: pages of conflicts, relationships by key. */
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import type { ConflictRow } from '../../domain/stored-entity.ts';
import type { ReadScope } from '../read-scope.ts';
import { conflict, relationProperties } from '../rows.ts';
import type { EdgeRecord } from './graph.ts';

const conflictRow = z.object({ props: conflict });

/** Up to `limit` conflicts after the slug `after`, in slug order; only those about `about` when given. */
export async function loadConflictPage(scope: ReadScope, about: string | null, after: string, limit: number): Promise<ConflictRow[]> {
  const rows = await scope.read('queries/conflicts-page', { about, after, limit: neo4j.int(limit) }, conflictRow);
  return rows.map((row) => row.props);
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
