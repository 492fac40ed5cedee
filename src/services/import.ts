/**
 * Bulk import: JSON seed files and CSV files, checked together by the seed validator (records
 * may refer to entities already stored), then written all or nothing by the seed loader. The
 * command line (cli/import.ts) comes to importFiles; POST /admin/import
 * (http/exchange/import-route.ts) to importBody, which checks in a worker thread.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Database } from '../db/database.ts';
import { type LoadOptions, type LoadSummary, loadSeedGraph } from '../db/load.ts';
import { relationsBetween } from '../db/repositories/conflicts.ts';
import { labelsOf } from '../db/repositories/exchange.ts';
import type { NodeRow, RelationRow, SeedGraph } from '../domain/graph.ts';
import { type SeedFile, SeedValidationError, type StoredGraph, validateSeedFilesAgainst } from '../domain/validate.ts';
import { type FromChecker, type ImportFormat, importFile, type ToChecker } from './import-check.ts';

export { type ImportFormat, importFile } from './import-check.ts';

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
  const graph = await validateSeedFilesAgainst(files, storedGraphIn(db, options));
  return loadChecked(db, graph, options);
}

function storedGraphIn(db: Database, options: ImportOptions): StoredGraph {
  // Validation may read many labels for a large file: bounded by each statement's timeout, not a request's.
  const reads = db.openScope({ timeoutMs: Number.POSITIVE_INFINITY, requestId: options.requestId });
  return { labels: (ids) => labelsOf(reads, ids), relations: (ends) => relationsBetween(reads, ends) };
}

async function loadChecked(db: Database, graph: SeedGraph, options: ImportOptions): Promise<ImportResult> {
  options.onNotice?.(`checked ${graph.nodes.length} entities and ${graph.relations.length} relations`);
  const summary = await loadSeedGraph(db, graph, options);
  return { summary, entities: graph.nodes.length, relations: graph.relations.length };
}

/** What became of an uploaded body; SeedValidationError, SeedLoadError and the database's errors are thrown. */
export type BodyImport = { outcome: 'imported'; result: ImportResult } | { outcome: 'too-large' } | { outcome: 'not-utf8' };

/**
 * importFiles for one uploaded file, read from `body` as it arrives. Decoding, parsing and
 * validation run in a worker thread, so the event loop goes on answering other clients; only
 * the label look-ups and the load run here, and both wait on the database. The body goes to the
 * worker piece by piece, so this thread never holds it whole; past `limit` bytes reading stops.
 */
export async function importBody(
  db: Database,
  body: ReadableStream<Uint8Array> | null,
  file: { name: string; format: ImportFormat; limit: number },
  options: ImportOptions,
): Promise<BodyImport> {
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url));
  const send = (message: ToChecker, transfer: ArrayBuffer[] = []) => worker.postMessage(message, transfer);
  try {
    const checked = checkedBy(worker, storedGraphIn(db, options));
    // Until the body has been read, the worker's answer (a problem or a crash) waits its turn.
    checked.catch(() => {});
    send({ kind: 'start', name: file.name, format: file.format });
    let total = 0;
    if (body) {
      const reader = body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > file.limit) {
          await reader.cancel().catch(() => {});
          return { outcome: 'too-large' };
        }
        // A copy of its own: the chunk may be a view into a buffer the server reuses, so it is not handed over itself.
        const bytes = new Uint8Array(value);
        send({ kind: 'chunk', bytes }, [bytes.buffer]);
      }
    }
    send({ kind: 'end' });
    options.onNotice?.(`the body has arrived (${total} bytes); parsing and checking it in a worker thread`);
    const graph = await checked;
    if (graph === 'not-utf8') return { outcome: 'not-utf8' };
    return { outcome: 'imported', result: await loadChecked(db, graph, options) };
  } finally {
    await worker.terminate();
  }
}

/** The worker's answer: the checked rows, or SeedValidationError with its problems, or the body was not UTF-8. */
function checkedBy(worker: Worker, stored: StoredGraph): Promise<SeedGraph | 'not-utf8'> {
  return new Promise((resolve, reject) => {
    const nodes: NodeRow[] = [];
    const relations: RelationRow[] = [];
    // Messages come from import-check.ts in this package: their shape is the FromChecker union.
    worker.on('message', (message: FromChecker) => {
      switch (message.kind) {
        case 'labels?':
          stored
            .labels(message.ids)
            .then((labels) => worker.postMessage({ kind: 'labels', labels: [...labels] } satisfies ToChecker), reject);
          return;
        case 'relations?':
          stored
            .relations(message.ends)
            .then((relations) => worker.postMessage({ kind: 'relations', relations: [...relations] } satisfies ToChecker), reject);
          return;
        case 'nodes':
          for (const row of message.rows) nodes.push(row);
          return;
        case 'relations':
          for (const row of message.rows) relations.push(row);
          return;
        case 'checked':
          resolve({ nodes, relations });
          return;
        case 'not-utf8':
          resolve('not-utf8');
          return;
        case 'refused': {
          const error = new SeedValidationError(message.problems);
          // The worker's message names each record as its format does ("row 12"); the problems alone cannot.
          error.message = message.message;
          reject(error);
          return;
        }
      }
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`the import's worker thread stopped (exit code ${code}) before it answered`)));
  });
}
