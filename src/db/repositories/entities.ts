import { z } from 'zod';
import type { StoredEntity } from '../../domain/stored-entity.ts';
import type { ReadScope } from '../read-scope.ts';
import { entity } from '../rows.ts';

// Row schemas live at module level: zod compiles a schema on its first parse, so one built per
// call would be compiled again on every request.
const entityByIdRow = z.object({ id: z.string(), props: entity });

/** Entities in the order of `ids`, null where an id is unknown (DataLoader's contract). */
export async function loadEntitiesById(scope: ReadScope, ids: readonly string[]): Promise<(StoredEntity | null)[]> {
  const rows = await scope.read('queries/entities-by-id', { ids: [...new Set(ids)] }, entityByIdRow);
  const byId = new Map(rows.map((row) => [row.id, row.props]));
  return ids.map((id) => byId.get(id) ?? null);
}
