import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { formatSummary, SeedLoadError } from '../db/load.ts';
import { openDatabase } from '../db/open.ts';
import { SeedValidationError } from '../domain/validate.ts';
import { BulkImportError } from '../embedded/bulk-import.ts';
import { importFiles, readImportFiles } from '../services/import.ts';
import { failCommand } from './failure.ts';
import { progressBar } from './progress.ts';

const usage = `usage: npm run import -- [options] <file or folder> …

Imports files of the seed format (.json) and CSV files (.csv): a CSV of entities has the
columns label, id and the record fields; a CSV of relations has type, from, to and the
relation fields (see "npm run export -- --format csv"). A folder stands for every .json and
.csv file in it. Records may refer to entities already in the database.

Every file is checked first, all together; if any has a problem, each problem is listed
(file:line:column, record and field) and nothing is written. Then the import is all or
nothing: up to --max-transaction-rows entities and relations go in one transaction; a larger
import is written batch by batch and undone as a whole if it fails. If the process dies
halfway, the next import or seed undoes it, and so does the next server start.

Uses NEO4J_URI when set, otherwise the embedded database in GOVGRAPH_DATA_DIR: the one a running
"npm start" serves, or else started here for the command's length.

options:
  --as NAME                  who imports, recorded in the audit fields and the change log (default "import")
  --batch-size N             rows per UNWIND batch (default 5000)
  --max-transaction-rows N   largest import written in a single transaction (default 10000)`;

const log = (line: string) => process.stderr.write(`import: ${line}\n`);

function positiveInteger(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new ConfigError(`${option} must be a whole number of at least 1, got "${value}"`);
  return parsed;
}

function writerName(value: string | undefined): string {
  if (value === undefined) return 'import';
  if (!/^[A-Za-z0-9][\w.@-]{0,63}$/.test(value)) {
    throw new ConfigError(`--as must be 1–64 letters, digits, ".", "@", "_" or "-" (starting with a letter or digit), got "${value}"`);
  }
  return value;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      as: { type: 'string' },
      'batch-size': { type: 'string' },
      'max-transaction-rows': { type: 'string' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  if (positionals.length === 0) throw new ConfigError(`name the files or folders to import\n\n${usage}`);
  const by = writerName(values.as);
  const batchSize = positiveInteger(values['batch-size'], '--batch-size');
  const singleTransactionRows = positiveInteger(values['max-transaction-rows'], '--max-transaction-rows');
  const config = loadConfig();
  const files = await readImportFiles(positionals);
  const { db, embedded, close } = await openDatabase(config, log, 'tool');
  try {
    const { summary } = await importFiles(db, files, {
      by,
      batchSize,
      singleTransactionRows,
      // The embedded store admits this process only: any load still open in it is dead.
      staleLoadMs: embedded ? 0 : config.staleLoadMs,
      // Nothing else reads a store this process started: an empty one gets its indexes after the load.
      deferIndexes: embedded !== undefined,
      // …and a blank one takes a large import through the offline importer.
      store: embedded,
      onProgress: progressBar('importing', 2000),
      onNotice: log,
    });
    console.log(formatSummary(summary));
  } finally {
    await close();
  }
}

main().catch((error: unknown) => failCommand(log, error, [BulkImportError, SeedValidationError, SeedLoadError]));
