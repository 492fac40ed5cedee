/**
 * The citations of a write: each names a stored source by slug, or gives a source in full, which
 * is checked with the write and upserted in its transaction, before the record that cites it.
 */
import type { TransactionRunner } from '../../db/database.ts';
import type { WriteScope } from '../../db/load.ts';
import { readEntities, upsertEntityRow, type WriteOutcome } from '../../db/repositories/curation.ts';
import type { NodeRow } from '../../domain/graph.ts';
import type { StoredEntity } from '../../domain/stored-entity.ts';
import { citationsOf, type Input, seedRecord, slugField, slugProblems, type WriteRecord } from './records.ts';

/** What a write did to one source it was given in full. */
export interface InlineSourceResult {
  outcome: WriteOutcome;
  source: StoredEntity;
}

/** Every slug problem of an input: its own (withOwn), then its citations' and their inline sources'. */
export function inputSlugProblems(input: Input, withOwn: boolean): { field: string; message: string }[] {
  return [
    ...(withOwn ? slugProblems(input, 'input') : []),
    ...citationsOf(input).flatMap((citation, index) =>
      citation.source
        ? slugProblems(citation.source, `input.sources[${index}].source`)
        : slugProblems(citation as Input, `input.sources[${index}]`),
    ),
  ];
}

/** The sources given in full among an input's citations, each as a record at its argument path. */
export function inlineSourceRecords(input: Input): WriteRecord[] {
  return citationsOf(input).flatMap((citation, index) =>
    citation.source
      ? [
          {
            collection: 'sources',
            record: seedRecord(citation.source),
            place: `input.sources[${index}].source`,
            inputNames: { id: slugField(citation.source) },
          },
        ]
      : [],
  );
}

/** What a write did to one inline source, by slug. */
export interface InlineOutcome {
  id: string;
  outcome: WriteOutcome;
}

/** Upserts the checked rows of a write's inline sources, in citation order; what it did to each. */
export async function upsertInlineSources(tx: TransactionRunner, scope: WriteScope, rows: readonly NodeRow[]): Promise<InlineOutcome[]> {
  const outcomes: InlineOutcome[] = [];
  for (const row of rows) outcomes.push({ id: row.id, outcome: await upsertEntityRow(tx, row, scope) });
  return outcomes;
}

/**
 * The entities a write touched (`ids`, and its inline sources), as its transaction sees them
 * after the write, by slug; and what it did to each inline source, with the source as stored now.
 */
export async function readBack(
  tx: TransactionRunner,
  ids: readonly string[],
  inline: readonly InlineOutcome[],
): Promise<{ stored: Map<string, StoredEntity>; inlineSources: InlineSourceResult[] }> {
  const stored = new Map((await readEntities(tx, [...ids, ...inline.map((source) => source.id)])).map((entity) => [entity.id, entity]));
  const inlineSources = inline.flatMap(({ id, outcome }) => {
    const source = stored.get(id);
    return source ? [{ outcome, source }] : [];
  });
  return { stored, inlineSources };
}
