import type { EmbeddedNeo4j } from './embedded-neo4j.ts';

/** One file of the offline importer: nodes with their labels, or relationships of one type. */
export type ImportFile = (
  | { kind: 'nodes'; labels: readonly string[]; file: string }
  | { kind: 'relationships'; type: string; file: string }
) & {
  /** Whether a field of the file holds a line break. */
  multiline: boolean;
};

export interface BulkImportOptions {
  /** The importer's stages as they advance: "Node import", "Relationship import", … and a percentage. */
  onStage?: (stage: string, percent: number) => void;
}

/**
 * Where the importer's time went, as it reports it: `setup` is the importer's own until its clock
 * starts (the rest of the import step's seconds: reading its arguments and configuration), `preparing` what its clock counts
 * before the first stage (a thread dump found it reading a sample of every file to estimate the
 * store: CsvInput.sample), then each stage it times ("Node import", …).
 */
export interface ImporterTimes {
  setup: number;
  preparing: number;
  stages: Record<string, number>;
}

export class BulkImportError extends Error {
  override name = 'BulkImportError';
}

/**
 * The character between the elements of a list in the import files: a control character that no
 * govgraph text holds (src/db/bulk-load.ts refuses a graph where one does), so no list can be split
 * where it should not.
 */
export const importArrayDelimiter = '\u001F';

/** What a store replacement took: seconds to stop the database, for the importer, and to start it again. */
export interface StoreReplacementTimes {
  stop: number;
  import: number;
  start: number;
  importer: ImporterTimes;
}

/**
 * Replaces the embedded Neo4j's store with one built from the files by Neo4j's offline importer,
 * in the running JVM (EmbeddedNeo4j.replaceStore). The files are CSV with a header row naming each
 * column's property and type, strings quoted, quotes doubled, and lists joined by
 * importArrayDelimiter. Throws a BulkImportError with the importer's last words should it fail (or
 * with the JVM's exit, should the JVM die first);
 * the database is then open on an empty store.
 */
export async function runBulkImport(
  store: Pick<EmbeddedNeo4j, 'replaceStore'>,
  files: readonly ImportFile[],
  options: BulkImportOptions = {},
): Promise<StoreReplacementTimes> {
  const started = performance.now();
  const args = [
    '--overwrite-destination=true',
    '--id-type=string',
    // Fields that may span lines make the importer read every file on one thread (Neo4j 5.26's
    // per-file alternative, --multiline-fields-format=v2, failed on files over its 4 MB buffer:
    // "found CR outside a text cell"), so only a graph whose values hold line breaks asks for it.
    // The search forms do not: their lines end at U+2028 (src/domain/text/search-forms.ts).
    `--multiline-fields=${files.some((entry) => entry.multiline)}`,
    `--array-delimiter=U+${importArrayDelimiter.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`,
    '--report-file=/dev/null',
    // Not --verbose: it replaces the stage progress read below with a view without percentages
    // (StoreImport.java prints a failure's causes itself).
    // The database before the files: --nodes and --relationships take every argument after them
    // that is not an option as one more file.
    'neo4j',
    ...files.map((entry) =>
      entry.kind === 'nodes' ? `--nodes=${entry.labels.join(':')}=${entry.file}` : `--relationships=${entry.type}=${entry.file}`,
    ),
  ];
  // The importer's last words say what went wrong; the rest is progress.
  const tail: string[] = [];
  const progress = stageReader(options.onStage ?? (() => {}));
  const timings = timingReader();
  const replaced = await store
    .replaceStore(args, (line) => {
      tail.push(line.replace(/^GOVGRAPH_IMPORT_CAUSE /, ''));
      if (tail.length > 40) tail.shift();
      progress(line);
      timings.read(line);
    })
    .catch((error: unknown) => {
      // The JVM died before answering (killed, out of memory): as failed an import as any.
      throw new BulkImportError(error instanceof Error ? error.message : String(error), { cause: error });
    });
  if (replaced.code !== 0) {
    throw new BulkImportError(`the bulk import failed (exit ${replaced.code}):\n${tail.join('\n')}`);
  }
  const importing = Math.max(0, (performance.now() - started) / 1000 - replaced.stopSeconds - replaced.startSeconds);
  return { stop: replaced.stopSeconds, import: importing, start: replaced.startSeconds, importer: timings.times(importing) };
}

/**
 * Reads the importer's progress, line by line, and reports each stage's percentages. Neo4j 5.26
 * prints a stage as "(1/4) Node import 2026-12-02 06:34:52.948+0000", a few estimates, then rows
 * of dots each ending in a percentage: "..........  80% ∆0ms [4s 287ms]" (test/unit/bulk-import.test.ts
 * holds a whole captured run).
 */
export function stageReader(onStage: (stage: string, percent: number) => void): (line: string) => void {
  let stage = '';
  return (line) => {
    const heading = /^\(\d+\/\d+\) (.+?) \d{4}-\d\d-\d\d /.exec(line);
    if (heading?.[1]) stage = heading[1];
    const percent = / (\d{1,3})% ∆/.exec(line);
    if (percent?.[1] && stage) onStage(stage, Number(percent[1]));
  };
}

/** Seconds of a duration as Neo4j prints one: "519ms", "2s 85ms", "1m 3s 7ms", "1h 2m 3s". */
export function importerSeconds(text: string): number | undefined {
  const parts = [...text.matchAll(/(\d+)(ms|h|m|s)\b/g)];
  if (parts.length === 0) return undefined;
  const unit: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };
  return parts.reduce((sum, [, amount, name]) => sum + Number(amount) * (unit[name ?? ''] ?? 0), 0);
}

/**
 * Reads the importer's own timings: "Node import COMPLETED in 8s 562ms" for each stage, and
 * "IMPORT DONE in 15s 777ms." for the whole import (test/unit/bulk-import.test.ts holds a
 * captured run).
 */
export function timingReader(): { read: (line: string) => void; times: (wholeSeconds: number) => ImporterTimes } {
  const stages: Record<string, number> = {};
  let done: number | undefined;
  return {
    read: (line) => {
      const text = line.trim();
      const stage = /^(.+?) COMPLETED in (.+)$/.exec(text);
      const seconds = stage?.[1] && stage[2] ? importerSeconds(stage[2]) : undefined;
      if (stage?.[1] && seconds !== undefined) stages[stage[1]] = seconds;
      const whole = /^IMPORT DONE in (.+?)\.?$/.exec(text);
      if (whole?.[1]) done = importerSeconds(whole[1]);
    },
    times: (wholeSeconds) => {
      const staged = Object.values(stages).reduce((sum, seconds) => sum + seconds, 0);
      const importing = done ?? staged;
      return { setup: Math.max(0, wholeSeconds - importing), preparing: Math.max(0, importing - staged), stages };
    },
  };
}
