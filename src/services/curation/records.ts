/**
 * Write inputs as seed records. The inputs mirror the seed format field for field, so a write is
 * checked by the seed format's rules, on records (src/domain/validate.ts checkRecordsAgainst),
 * and written by the seed loader's upserts: one set of rules, whether a fact comes from a seed
 * file or from the API.
 */
import type { TransactionRunner } from '../../db/database.ts';
import { relationsBetween } from '../../db/repositories/conflicts.ts';
import { labelsOf } from '../../db/repositories/curation.ts';
import type { StatementReader } from '../../db/repositories/lists.ts';
import { BadUserInputError, type InputProblem } from '../../domain/errors.ts';
import type { SeedGraph } from '../../domain/graph.ts';
import type { JsonPath } from '../../domain/positions.ts';
import { checkRecordsAgainst, fieldName, type LocatedRecord } from '../../domain/validate.ts';
import { candidatesFor, didYouMeanHint } from '../candidates.ts';

/** A write's input as the API hands it over: the fields of an input object. */
export type Input = Record<string, unknown>;

/**
 * One record of a write, placed at the argument path its problems are reported under (e.g.
 * "input" or "input.sources[1].source").
 */
export interface WriteRecord extends LocatedRecord {
  /** What the input calls the record's fields it names otherwise, e.g. id → "slug", sides → "claims". */
  inputNames: Readonly<Record<string, string>>;
}

/** One citation of a write input: a stored source by slug, or a source given in full. */
export interface Citation {
  slug?: string | null;
  /** Deprecated: the old name of `slug`. */
  id?: string | null;
  source?: Input | null;
}

/** An input's citations (its `sources`). */
export function citationsOf(input: Input): Citation[] {
  return Array.isArray(input.sources) ? (input.sources as Citation[]) : [];
}

/**
 * Write inputs call an entity's slug `slug`, as the read side does (`id` is the Relay global ID
 * there). The old name, `id`, is still taken for one release, deprecated: both mean the slug.
 */
export function slugOf(input: Input): string | undefined {
  const given = input.slug ?? input.id;
  return typeof given === 'string' ? given : undefined;
}

/** Which of the two names an input used for its slug, so that a problem is reported under it. */
export function slugField(input: Input): 'slug' | 'id' {
  return input.slug == null && input.id != null ? 'id' : 'slug';
}

/**
 * The problems of the slug of an input (a record, a citation, an inline source) at `path`:
 * missing, or given under both names with two values.
 */
export function slugProblems(input: Input, path: string): { field: string; message: string }[] {
  if (input.slug == null && input.id == null) return [{ field: `${path}.slug`, message: 'missing: give the slug' }];
  if (input.slug != null && input.id != null && input.slug !== input.id) {
    return [{ field: `${path}.slug`, message: 'give "slug" or the deprecated "id", not both' }];
  }
  return [];
}

/** ISO codes are stored in upper case; the CountryCode scalar also accepts "ru". */
const upperCased = new Set(['country', 'code']);

/**
 * The seed record for an entity or relation input: the same fields, citations as slugs, URLs as
 * text; absent and null fields are left out, which is how an upsert removes them.
 */
export function seedRecord(input: Input): Input {
  const record: Input = {};
  const slug = slugOf(input);
  if (slug !== undefined) record.id = slug;
  for (const [field, value] of Object.entries(input)) {
    if (value === null || value === undefined || field === 'slug' || field === 'id') continue;
    if (field === 'sources' && Array.isArray(value)) {
      record.sources = citationsOf(input).map(
        (citation) => slugOf(citation as Input) ?? (citation.source ? slugOf(citation.source) : undefined),
      );
    } else if (Array.isArray(value)) {
      record[field] = value.map(withoutNulls);
    } else if (value instanceof URL) {
      record[field] = value.href;
    } else if (upperCased.has(field) && typeof value === 'string') {
      record[field] = value.toUpperCase();
    } else {
      record[field] = value;
    }
  }
  return record;
}

/** An input value (a claim, a citation's evidence, a conflict's side) as seed data: null fields left out at every depth. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, entry]) => entry !== null && entry !== undefined)
      .map(([key, entry]) => [key, withoutNulls(entry)]),
  );
}

/**
 * Checks a write's records as seed records are checked, against the entities the database holds
 * now: read (and locked) inside the write's own transaction, so that what was checked is what
 * the write commits on. Each problem becomes BAD_USER_INPUT at its argument path, e.g.
 * "input.endDate: endDate "2019" is before startDate "2021"".
 */
export async function checkWrite(tx: TransactionRunner, records: readonly WriteRecord[]): Promise<SeedGraph> {
  const reader: StatementReader = { read: (statement, parameters, row) => tx.run(statement, parameters, row) };
  const check = await checkRecordsAgainst(records, {
    labels: (ids) => labelsOf(tx, ids),
    relations: (ends) => relationsBetween(reader, ends),
  });
  if (check.ok) return check.graph;
  let searched = 0;
  const problems: InputProblem[] = [];
  for (const problem of check.problems) {
    const field = argumentPath(records[problem.record], problem.path);
    const unknown = problem.unknown;
    if (!unknown || searched++ >= maxSearchedIds) {
      problems.push({ field, message: problem.message, ...(unknown ? { ref: unknown.ref } : {}) });
      continue;
    }
    // As a read's reference that names nothing: what the curator may have meant, of the types the place takes.
    const didYouMean = await candidatesFor(reader, unknown.ref, unknown.types);
    const hint = didYouMeanHint(didYouMean);
    problems.push({ field, message: `${problem.message}${hint}`, ref: unknown.ref, didYouMean });
  }
  throw BadUserInputError.of(problems);
}

// Each unknown id costs one search statement: a write with many gets candidates for the first few.
const maxSearchedIds = 5;

/** A field of a record as the input names it: ["claims", 0, "sources"] of "input" → "input.claims[0].sources". */
function argumentPath(record: WriteRecord | undefined, path: JsonPath): string {
  const place = record?.place ?? 'input';
  const [first, ...rest] = path;
  if (first === undefined) return place;
  const named = typeof first === 'string' ? (record?.inputNames[first] ?? first) : first;
  return `${place}.${fieldName([named, ...rest])}`;
}
