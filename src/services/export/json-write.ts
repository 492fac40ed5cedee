/**
 * The JSON export: one file in the seed format holding every collection (empty ones too), each
 * record with its fields in export order, records by slug, relations by type, ends and key.
 * The same graph always gives the same bytes, so an export can be diffed, and re-imported.
 */
import type { ReadScope } from '../../db/read-scope.ts';
import { type ExportScope, entityPages, relationPages, type Wanted } from '../../db/repositories/exchange.ts';
import { relationsCollection } from '../../domain/rules.ts';
import { entityCollectionFields } from '../../formats/fields.ts';
import { entityRecord, relationRecord, type SeedRecord } from '../../formats/records.ts';
import type { ExportTally } from './export.ts';

/** A record as it sits in its collection's array: four spaces in, two more per level. */
function indented(record: SeedRecord): string {
  return `    ${JSON.stringify(record, null, 2).replaceAll('\n', '\n    ')}`;
}

/** `"name": [` … `]`, writing each page's records as they come; `last` leaves out the comma after it. */
async function* collection(name: string, pages: AsyncIterable<SeedRecord[]>, last: boolean): AsyncGenerator<string> {
  yield `  ${JSON.stringify(name)}: [`;
  let written = 0;
  for await (const records of pages) {
    if (records.length === 0) continue;
    yield `${written === 0 ? '\n' : ',\n'}${records.map(indented).join(',\n')}`;
    written += records.length;
  }
  yield `${written === 0 ? ']' : '\n  ]'}${last ? '\n' : ',\n'}`;
}

async function* mapped<T>(
  pages: AsyncIterable<T[]> | Iterable<T[]>,
  toRecord: (item: T) => SeedRecord,
  count: (n: number) => void,
): AsyncGenerator<SeedRecord[]> {
  for await (const page of pages) {
    count(page.length);
    yield page.map(toRecord);
  }
}

export async function* jsonChunks(reads: ReadScope, scope: ExportScope, wanted: Wanted, tally: ExportTally): AsyncGenerator<string> {
  yield '{\n';
  for (const { collection: name, label } of entityCollectionFields) {
    const pages = wanted.labels.includes(label) ? entityPages(reads, scope, label) : [];
    yield* collection(
      name,
      mapped(pages, entityRecord, (n) => (tally.entities += n)),
      false,
    );
  }
  yield* collection(relationsCollection, relationRecords(reads, scope, wanted, tally), true);
  yield '}\n';
}

async function* relationRecords(reads: ReadScope, scope: ExportScope, wanted: Wanted, tally: ExportTally): AsyncGenerator<SeedRecord[]> {
  for (const type of wanted.types) yield* mapped(relationPages(reads, scope, type), relationRecord, (n) => (tally.relations += n));
}
