import { z } from 'zod';
import type { StoredEntity } from '../../domain/stored-entity.ts';
import type { ReadScope } from '../read-scope.ts';
import { rowRecordParameters, viewedRecord } from '../record-view.ts';
import { entity, parseRows } from '../rows.ts';

// Row schemas live at module level: zod compiles a schema on its first parse, so one built per
// call would be compiled again on every request.
const entityByIdRow = z.object({ id: z.string(), props: entity });
const viewedByIdRow = z.object({ id: z.string(), props: z.array(z.unknown()) });

/** The parameters of queries/entities-by-id (its record slot included). */
export function entitiesByIdParameters(ids: readonly string[], view: readonly string[] | null = null): Record<string, unknown> {
  return { ids: [...new Set(ids)], ...rowRecordParameters(view) };
}

/**
 * Entities in the order of `ids`, null where an id is unknown (DataLoader's contract). With a
 * view (src/db/record-view.ts), only its properties are read: the records are partial and answer
 * only the selection the view was made for.
 */
export async function loadEntitiesById(
  scope: ReadScope,
  ids: readonly string[],
  view: readonly string[] | null = null,
): Promise<(StoredEntity | null)[]> {
  const parameters = entitiesByIdParameters(ids, view);
  const rows =
    view === null
      ? await scope.read('queries/entities-by-id', parameters, entityByIdRow)
      : parseRows(
          'queries/entities-by-id',
          (await scope.read('queries/entities-by-id', parameters, viewedByIdRow)).map((row) => ({
            id: row.id,
            props: viewedRecord(view, row.props),
          })),
          entityByIdRow,
        );
  const byId = new Map(rows.map((row) => [row.id, row.props]));
  return ids.map((id) => byId.get(id) ?? null);
}
