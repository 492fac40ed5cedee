/**
 * The CSV export: a file of entities (nodes.csv) and one of relations (edges.csv), with the
 * columns the CSV import reads (fields.ts: nodeColumns, edgeColumns) and the cells it decodes
 * (csv-cells.ts). Rows come in the order of the JSON export.
 */
import { stringify } from 'csv-stringify/sync';
import type { ReadScope } from '../../db/read-scope.ts';
import { type ExportScope, entityPages, relationPages, type Wanted } from '../../db/repositories/exchange.ts';
import { encodeCell } from '../../formats/csv-cells.ts';
import { edgeColumns, entityCollectionFields, nodeColumns } from '../../formats/fields.ts';
import { entityRecord, relationRecord, type SeedRecord } from '../../formats/records.ts';
import type { ExportTally } from './export.ts';

export type CsvPart = 'nodes' | 'edges';

// csv-stringify quotes a cell only when it must (a comma, a quote, a line break).
const options = { record_delimiter: 'unix' } as const;

function header(columns: readonly string[]): string {
  return stringify([[...columns]], options);
}

function rows(columns: readonly string[], records: readonly SeedRecord[]): string {
  return stringify(
    records.map((record) => columns.map((column) => encodeCell(column, record[column]))),
    options,
  );
}

export async function* csvChunks(
  reads: ReadScope,
  scope: ExportScope,
  wanted: Wanted,
  part: CsvPart,
  tally: ExportTally,
): AsyncGenerator<string> {
  if (part === 'nodes') {
    yield header(nodeColumns);
    for (const { label } of entityCollectionFields) {
      if (!wanted.labels.includes(label)) continue;
      for await (const page of entityPages(reads, scope, label)) {
        tally.entities += page.length;
        if (page.length > 0)
          yield rows(
            nodeColumns,
            page.map((entity) => ({ label, ...entityRecord(entity) })),
          );
      }
    }
    return;
  }
  yield header(edgeColumns);
  for (const type of wanted.types) {
    for await (const page of relationPages(reads, scope, type)) {
      tally.relations += page.length;
      if (page.length > 0) yield rows(edgeColumns, page.map(relationRecord));
    }
  }
}
