import type { TransactionRunner } from '../../db/database.ts';
import { labelsOf } from '../../db/repositories/curation.ts';
import { BadUserInputError } from '../../domain/errors.ts';
import type { SeedGraph } from '../../domain/graph.ts';
import { type SeedFile, SeedValidationError, validateSeedFilesAgainst } from '../../domain/validate.ts';
import type { InputFile } from './records.ts';

/**
 * Checks a write's records as the seed validator checks seed files, against the entities the
 * database holds now: read (and locked) inside the write's own transaction, so that what was
 * checked is what the write commits on. Each problem becomes BAD_USER_INPUT at its argument
 * path, e.g. "input.endDate: endDate "2019" is before startDate "2021"".
 */
export async function checkAgainstDatabase(tx: TransactionRunner, files: readonly InputFile[]): Promise<SeedGraph> {
  // One "file" per record, named by its argument path: a problem's file then says which record it is in.
  const seedFiles: SeedFile[] = files.map((file) => ({ path: file.path, text: JSON.stringify(file.content) }));
  try {
    return await validateSeedFilesAgainst(seedFiles, (ids) => labelsOf(tx, ids));
  } catch (error) {
    if (!(error instanceof SeedValidationError)) throw error;
    const slugFields = new Map(files.map((file) => [file.path, file.slugField]));
    throw BadUserInputError.of(
      error.problems.map((problem) => ({
        field: problem.field === undefined ? problem.file : `${problem.file}.${inputField(problem.field, slugFields.get(problem.file))}`,
        message: problem.message,
      })),
    );
  }
}

/** A record's field as its input names it: the record's `id` is the input's `slug` (or the deprecated `id`). */
function inputField(field: string, slugField: 'slug' | 'id' | undefined): string {
  return field === 'id' ? (slugField ?? 'slug') : field;
}
