import { z } from 'zod';
import type { StoredEntity } from '../../domain/stored-entity.ts';
import type { ReadScope } from '../read-scope.ts';
import { entity } from '../rows.ts';

/** Entities in the order of `ids`, null where an id is unknown (DataLoader's contract). */
export async function loadEntitiesById(scope: ReadScope, ids: readonly string[]): Promise<(StoredEntity | null)[]> {
  const rows = await scope.read('queries/entities-by-id', { ids: [...new Set(ids)] }, z.object({ id: z.string(), props: entity }));
  const byId = new Map(rows.map((row) => [row.id, row.props]));
  return ids.map((id) => byId.get(id) ?? null);
}
