import { statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, seedDataDir } from '../config.ts';
import { formatSummary, loadSeedGraph, SeedLoadError } from '../db/load.ts';
import { openDatabase } from '../db/open.ts';
import { renameStoredEntities, renamesIn } from '../db/repositories/redirects.ts';
import { readSeedFile, readSeedFolder, SeedValidationError, validateSeedFiles } from '../domain/validate.ts';
import { BulkImportError } from '../embedded/bulk-import.ts';
import { failCommand } from './failure.ts';
import { progressBar } from './progress.ts';

const usage = `usage: npm run seed [-- [options] <folder or .json file> …]

Validates the seed files (default: seed/data/), then upserts them into Neo4j:
NEO4J_URI when set, otherwise the embedded database in GOVGRAPH_DATA_DIR: the one a running
"npm start" serves, or else started here for the command's length.
All or nothing: up to --max-transaction-rows entities and relations are written in
one transaction; a larger load is journaled, one transaction per batch, and undone
as a whole if it fails (or by the next load if the process dies halfway).

options:
  --batch-size N             rows per UNWIND batch (default 5000)
  --max-transaction-rows N   largest load written in a single transaction (default 10000)`;

const log = (line: string) => process.stderr.write(`seed: ${line}\n`);

async function readInputs(paths: string[]) {
  const files = [];
  for (const given of paths.length > 0 ? paths : [seedDataDir]) {
    const resolved = path.resolve(given);
    const found = statSync(resolved, { throwIfNoEntry: false });
    if (!found) throw new SeedValidationError([{ file: given, line: 0, column: 0, message: 'no such file or folder' }]);
    if (found.isDirectory()) files.push(...(await readSeedFolder(resolved)));
    else files.push(await readSeedFile(resolved));
  }
  if (files.length === 0)
    throw new SeedValidationError([{ file: paths.join(' '), line: 0, column: 0, message: 'no .json seed file found' }]);
  return files;
}

function positiveInteger(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new ConfigError(`${option} must be a whole number of at least 1, got "${value}"`);
  return parsed;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      'batch-size': { type: 'string' },
      'max-transaction-rows': { type: 'string' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const batchSize = positiveInteger(values['batch-size'], '--batch-size');
  const singleTransactionRows = positiveInteger(values['max-transaction-rows'], '--max-transaction-rows');
  const config = loadConfig();
  const readStarted = performance.now();
  const graph = validateSeedFiles(await readInputs(positionals));
  log(
    `validated ${graph.nodes.length} entities and ${graph.relations.length} relations in ${((performance.now() - readStarted) / 1000).toFixed(1)} s`,
  );
  const { db, embedded, close } = await openDatabase(config, log, 'tool');
  try {
    // A database loaded before some entities were renamed: rename them in place, keeping their
    // old slugs as redirects, rather than load the new slugs beside them.
    for (const { from, to } of await renameStoredEntities(db, renamesIn(graph), 'seed')) log(`renamed ${from} → ${to}`);
    const summary = await loadSeedGraph(db, graph, {
      onProgress: progressBar('loading'),
      onNotice: log,
      batchSize,
      singleTransactionRows,
      // Nothing else reads a store this process started: an empty one gets its indexes after the load.
      deferIndexes: embedded !== undefined,
      // …and a blank one takes a large load through the offline importer.
      store: embedded,
    });
    console.log(formatSummary(summary));
  } finally {
    await close();
  }
}

main().catch((error: unknown) => failCommand(log, error, [BulkImportError, SeedValidationError, SeedLoadError]));
