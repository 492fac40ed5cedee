/**
 * Bulk import: JSON seed files and CSV files, checked together by the seed validator (records
 * may refer to entities already stored), then written all or nothing by the seed loader. The
 * command line (cli/import.ts) and POST /admin/import (http/exchange/import-route.ts) both come here.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../db/database.ts';
import { type LoadOptions, type LoadSummary, loadSeedGraph } from '../db/load.ts';
import { labelsOf } from '../db/repositories/exchange.ts';
import { type SeedFile, SeedValidationError, validateSeedFilesAgainst } from '../domain/validate.ts';
import { readCsvText } from '../formats/csv-read.ts';

export type ImportFormat = 'json' | 'csv';

export type ImportOptions = Pick<
  LoadOptions,
  'batchSize' | 'singleTransactionRows' | 'onProgress' | 'onNotice' | 'staleLoadMs' | 'deferIndexes' | 'store'
> & {
  /** Who imports: recorded in the audit fields and the change log. */
  by: string;
  /** The HTTP request that imports, if any: its id goes into the transactions' metadata. */
  requestId?: string;
};

export function formatOfName(name: string): ImportFormat | undefined {
  const extension = path.extname(name).toLowerCase();
  return extension === '.json' ? 'json' : extension === '.csv' ? 'csv' : undefined;
}

/** One input as the validator takes it: JSON as it is, CSV turned into records. */
export function importFile(name: string, text: string, format: ImportFormat): SeedFile {
  return format === 'csv' ? readCsvText(name, text) : { path: name, text };
}

function missing(file: string, message: string): SeedValidationError {
  return new SeedValidationError([{ file, line: 1, column: 1, message }]);
}

/** Files as given, and every .json and .csv file of a folder, in name order. */
export async function readImportFiles(paths: readonly string[]): Promise<SeedFile[]> {
  const files: SeedFile[] = [];
  for (const given of paths) {
    const found = await stat(given).catch(() => undefined);
    if (!found) throw missing(given, 'no such file or folder');
    const names = found.isDirectory()
      ? (await readdir(given, { withFileTypes: true }))
          .filter((entry) => entry.isFile() && formatOfName(entry.name) !== undefined)
          .map((entry) => path.join(given, entry.name))
          .sort()
      : [given];
    if (names.length === 0) throw missing(given, 'no .json or .csv file in this folder');
    for (const name of names) {
      const format = formatOfName(name);
      if (!format) throw missing(name, 'expected a .json (seed format) or .csv file');
      files.push(importFile(name, await readFile(name, 'utf8'), format));
    }
  }
  return files;
}

export interface ImportResult {
  summary: LoadSummary;
  entities: number;
  relations: number;
}

/**
 * Checks every file before anything is written (SeedValidationError lists every problem),
 * then loads them (SeedLoadError when the database refuses).
 */
export async function importFiles(db: Database, files: readonly SeedFile[], options: ImportOptions): Promise<ImportResult> {
  // Validation may read many labels for a large file: bounded by each statement's timeout, not a request's.
  const reads = db.openScope({ timeoutMs: Number.POSITIVE_INFINITY, requestId: options.requestId });
  const graph = await validateSeedFilesAgainst(files, (ids) => labelsOf(reads, ids));
  options.onNotice?.(`checked ${graph.nodes.length} entities and ${graph.relations.length} relations`);
  const summary = await loadSeedGraph(db, graph, options);
  return { summary, entities: graph.nodes.length, relations: graph.relations.length };
}
