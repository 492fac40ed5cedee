import type { EntityLabel } from '../../seed/graph.ts';
import type { Database, RoundTripCounter } from '../database.ts';
import { withPlainTimes } from '../values.ts';

/** An entity as stored: its slug, its label and every property. */
export interface EntityRecord {
  id: string;
  label: EntityLabel;
  props: Record<string, unknown>;
}

export function toEntityRecord(props: Record<string, unknown>): EntityRecord {
  return { id: String(props.id), label: props.label as EntityLabel, props: withPlainTimes(props) };
}

/** Entities in the order of `ids`, null where an id is unknown (DataLoader's contract). */
export async function loadEntitiesById(db: Database, ids: readonly string[], counter?: RoundTripCounter): Promise<(EntityRecord | null)[]> {
  const rows = await db.read<{ id: string; props: Record<string, unknown> }>('queries/entities-by-id', { ids: [...new Set(ids)] }, counter);
  const byId = new Map(rows.map((row) => [row.id, toEntityRecord(row.props)]));
  return ids.map((id) => byId.get(id) ?? null);
}
