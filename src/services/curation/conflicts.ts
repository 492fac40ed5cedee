/**
 * Conflict upserts: a conflict is checked and written as a record of the seed format's
 * `conflicts` collection is, against the stored graph (its subjects, sources and the
 * relationships its sides name must exist). The input calls the sides `claims`, as the read side
 * does; the record calls them `sides` (an entity's `claims` are something else). A conflict is
 * deleted as any entity is (deletes.ts): nothing points at it.
 */
import type { TransactionRunner } from '../../db/database.ts';
import type { WriteScope } from '../../db/load.ts';
import { readEntities, upsertEntityRow, type WriteOutcome } from '../../db/repositories/curation.ts';
import { BadUserInputError } from '../../domain/errors.ts';
import type { StoredEntity } from '../../domain/stored-entity.ts';
import { checkWrite, type Input, slugOf, slugProblems, withoutNulls } from './records.ts';

export interface ConflictWriteResult {
  outcome: WriteOutcome;
  conflict: StoredEntity;
  operation: string;
}

/** The seed record for a conflict input: `slug` is its id, `claims` its sides. */
function conflictRecord(input: Input): Input {
  const { slug: _slug, claims, ...rest } = withoutNulls(input) as Input;
  return { id: slugOf(input), ...rest, sides: claims };
}

/** Checks and writes a conflict: created, or all its fields replaced. */
export async function upsertConflict(tx: TransactionRunner, scope: WriteScope, input: Input): Promise<ConflictWriteResult> {
  const problems = slugProblems(input, 'input');
  if (problems.length > 0) throw BadUserInputError.of(problems);
  const id = String(slugOf(input));
  const graph = await checkWrite(tx, [
    { collection: 'conflicts', record: conflictRecord(input), place: 'input', inputNames: { id: 'slug', sides: 'claims' } },
  ]);
  const [row] = graph.nodes;
  if (!row) throw new Error(`the validated input lost its record "${id}"`);
  const outcome = await upsertEntityRow(tx, row, scope);
  const [conflict] = await readEntities(tx, [id]);
  if (!conflict) throw new Error(`"${id}" was written but cannot be read back`);
  return { outcome, conflict, operation: scope.operation };
}
