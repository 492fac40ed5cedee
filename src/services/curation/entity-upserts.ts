/**
 * Entity upserts: an entity and the sources it gives inline, checked together as seed records
 * against the stored graph and written with the seed loader's statement, inside the caller's
 * write transaction (the upsert mutations, an accepted ingestion proposal).
 */
import type { TransactionRunner } from '../../db/database.ts';
import type { WriteScope } from '../../db/load.ts';
import { readEntities, upsertEntityRow, type WriteOutcome } from '../../db/repositories/curation.ts';
import { BadUserInputError } from '../../domain/errors.ts';
import type { StoredEntity } from '../../domain/stored-entity.ts';
import { type InlineSourceResult, inlineSourceRecords, inputSlugProblems, readBack, upsertInlineSources } from './citations.ts';
import { checkWrite, type Input, seedRecord, slugField, slugOf } from './records.ts';

export interface EntityWriteResult {
  outcome: WriteOutcome;
  entity: StoredEntity;
  operation: string;
  inlineSources: InlineSourceResult[];
}

/**
 * An upsert replaces the whole record, but an entity's former slugs are redirects, not one of
 * its fields: they are kept (null when there are none, so that the record has no such field).
 * A slug that is another entity's former slug is refused: a new entity there would take the
 * old slug's meaning away from the entity it redirects to.
 */
async function keptFormerSlugs(tx: TransactionRunner, id: string, field: string): Promise<string[] | null> {
  const [stored] = await readEntities(tx, [id]);
  if (!stored) return null;
  if (stored.id !== id) {
    throw BadUserInputError.of([
      { field, message: `"${id}" is a former slug of "${stored.id}" (${stored.label}); write to "${stored.id}" instead` },
    ]);
  }
  return stored.formerSlugs.length > 0 ? [...stored.formerSlugs] : null;
}

/** Checks and writes an entity of a seed collection ("organizations") and the sources it gives inline. */
export async function upsertEntity(tx: TransactionRunner, scope: WriteScope, collection: string, input: Input): Promise<EntityWriteResult> {
  const problems = inputSlugProblems(input, true);
  if (problems.length > 0) throw BadUserInputError.of(problems);
  const id = String(slugOf(input));
  const formerSlugs = await keptFormerSlugs(tx, id, `input.${slugField(input)}`);
  const graph = await checkWrite(tx, [
    { collection, record: seedRecord({ ...input, formerSlugs }), place: 'input', inputNames: { id: slugField(input) } },
    ...inlineSourceRecords(input),
  ]);
  const own = graph.nodes.find((row) => row.id === id);
  if (!own) throw new Error(`the validated input lost its own record "${id}"`);
  const inlineRows = graph.nodes.filter((row) => row !== own);
  const inline = await upsertInlineSources(tx, scope, inlineRows);
  const outcome = await upsertEntityRow(tx, own, scope);
  const { stored, inlineSources } = await readBack(tx, [id], inline);
  const entity = stored.get(id);
  if (!entity) throw new Error(`"${id}" was written but cannot be read back`);
  return { outcome, entity, operation: scope.operation, inlineSources };
}
