/**
 * The checking half of an import, the part that costs CPU: decoding the body, parsing it (JSON
 * or CSV) and validating every record. POST /admin/import runs it in a worker thread
 * (import-worker.ts), so that a large import does not hold up every other request on the event
 * loop; `npm run import` runs the same functions in its own thread. What crosses between the
 * threads is defined here.
 */
import type { MessagePort } from 'node:worker_threads';
import type { EntityLabel, NodeRow, RelationRow } from '../domain/graph.ts';
import {
  type RelationEnds,
  type SeedFile,
  type SeedProblem,
  SeedValidationError,
  type StoredGraph,
  type StoredRelation,
  validateSeedFilesAgainst,
} from '../domain/validate.ts';
import { readCsvText } from '../formats/csv-read.ts';

export type ImportFormat = 'json' | 'csv';

/** One input as the validator takes it: JSON as it is, CSV turned into records. */
export function importFile(name: string, text: string, format: ImportFormat): SeedFile {
  return format === 'csv' ? readCsvText(name, text) : { path: name, text };
}

/** From the thread that reads the body to the worker. */
export type ToChecker =
  | { kind: 'start'; name: string; format: ImportFormat }
  /** A piece of the body, in order; copied for the worker, so the reader keeps nothing. */
  | { kind: 'chunk'; bytes: Uint8Array }
  | { kind: 'end' }
  /** The answer to `labels?`: which of the ids the database holds, as what. */
  | { kind: 'labels'; labels: [string, EntityLabel][] }
  /** The answer to `relations?`: the relationships stored between those ends. */
  | { kind: 'relations'; relations: StoredRelation[] };

/** From the worker back. */
export type FromChecker =
  | { kind: 'not-utf8' }
  /** The checks across records need to know which of these ids the database holds. */
  | { kind: 'labels?'; ids: string[] }
  /** A conflict's sides name relationships: which are stored between these ends. */
  | { kind: 'relations?'; ends: RelationEnds[] }
  | { kind: 'refused'; message: string; problems: SeedProblem[] }
  | { kind: 'nodes'; rows: NodeRow[] }
  | { kind: 'relations'; rows: RelationRow[] }
  /** Every row has been sent. */
  | { kind: 'checked' };

/**
 * Rows go back in slices: each message is copied into the reading thread as one synchronous
 * step, and a slice keeps that step short where the whole graph of a 50 MB file would not.
 */
const rowsPerMessage = 2000;
const idsPerMessage = 10_000;

/** The worker's side: reads the body as it arrives, checks it once whole, and sends the rows or the problems back. */
export function serveImportCheck(port: MessagePort): void {
  let file: { name: string; format: ImportFormat } | undefined;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  let notUtf8 = false;
  const waiting: ((labels: ReadonlyMap<string, EntityLabel>) => void)[] = [];
  const waitingRelations: ((relations: readonly StoredRelation[]) => void)[] = [];

  const decode = (bytes?: Uint8Array) => {
    if (notUtf8) return;
    try {
      parts.push(bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode());
    } catch {
      // Reported once the whole body has arrived: a body over the limit gets 413 first, as before.
      notUtf8 = true;
      parts.length = 0;
    }
  };

  // Messages come from the route in this package: their shape is the ToChecker union.
  port.on('message', (message: ToChecker) => {
    switch (message.kind) {
      case 'start':
        file = { name: message.name, format: message.format };
        return;
      case 'chunk':
        decode(message.bytes);
        return;
      case 'labels':
        waiting.shift()?.(new Map(message.labels));
        return;
      case 'relations':
        waitingRelations.shift()?.(message.relations);
        return;
      case 'end': {
        decode();
        if (notUtf8 || !file) {
          port.postMessage({ kind: 'not-utf8' } satisfies FromChecker);
          return;
        }
        const text = parts.join('');
        parts.length = 0;
        const ask = (ids: string[]) =>
          new Promise<ReadonlyMap<string, EntityLabel>>((resolve) => {
            waiting.push(resolve);
            port.postMessage({ kind: 'labels?', ids } satisfies FromChecker);
          });
        // In slices, as the rows go back: one message of every id of a large file would take long to copy in.
        const storedLabels = async (ids: string[]) => {
          const labels = new Map<string, EntityLabel>();
          for (let at = 0; at < ids.length; at += idsPerMessage)
            for (const entry of await ask(ids.slice(at, at + idsPerMessage))) labels.set(...entry);
          return labels;
        };
        // Few: only a conflict's sides name relationships.
        const relations = (ends: RelationEnds[]) =>
          new Promise<readonly StoredRelation[]>((resolve) => {
            waitingRelations.push(resolve);
            port.postMessage({ kind: 'relations?', ends } satisfies FromChecker);
          });
        void check(port, importFile(file.name, text, file.format), { labels: storedLabels, relations });
        return;
      }
    }
  });
}

async function check(port: MessagePort, file: SeedFile, stored: StoredGraph): Promise<void> {
  try {
    const graph = await validateSeedFilesAgainst([file], stored);
    for (let at = 0; at < graph.nodes.length; at += rowsPerMessage)
      port.postMessage({ kind: 'nodes', rows: graph.nodes.slice(at, at + rowsPerMessage) } satisfies FromChecker);
    for (let at = 0; at < graph.relations.length; at += rowsPerMessage)
      port.postMessage({ kind: 'relations', rows: graph.relations.slice(at, at + rowsPerMessage) } satisfies FromChecker);
    port.postMessage({ kind: 'checked' } satisfies FromChecker);
  } catch (error) {
    if (!(error instanceof SeedValidationError)) throw error;
    port.postMessage({ kind: 'refused', message: error.message, problems: error.problems } satisfies FromChecker);
  }
}
