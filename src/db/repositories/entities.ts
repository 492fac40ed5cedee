import { z } from 'zod';
import type { EntityLabel } from '../../domain/graph.ts';
import type { ReadScope } from '../read-scope.ts';
import { entity } from '../rows.ts';

/** An entity as stored: its slug, its label and every property. */
export interface EntityRecord {
  id: string;
  label: EntityLabel;
  props: Record<string, unknown>;
}

/** Entities in the order of `ids`, null where an id is unknown (DataLoader's contract). */
export async function loadEntitiesById(scope: ReadScope, ids: readonly string[]): Promise<(EntityRecord | null)[]> {
  const rows = await scope.read('queries/entities-by-id', { ids: [...new Set(ids)] }, z.object({ id: z.string(), props: entity }));
  const byId = new Map(rows.map((row) => [row.id, row.props]));
  return ids.map((id) => byId.get(id) ?? null);
}
