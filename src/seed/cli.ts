import { statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, seedDataDir } from '../config.ts';
import { DatabaseConnectError } from '../db/driver.ts';
import { openDatabase } from '../db/open.ts';
import { PrerequisiteError } from '../embedded/build.ts';
import { EmbeddedStartError } from '../embedded/embedded-neo4j.ts';
import { formatSummary, loadSeedGraph, SeedLoadError } from './load.ts';
import { progressBar } from './progress.ts';
import { readSeedFolder, SeedValidationError, validateSeedFiles } from './validate.ts';

const usage = `usage: npm run seed [-- <folder or .json file> …]

Validates the seed files (default: seed/data/), then upserts them into Neo4j in one
transaction: NEO4J_URI when set, otherwise the embedded database in GOVGRAPH_DATA_DIR
(stop a running "npm start" first: the embedded store admits one process at a time).`;

const log = (line: string) => process.stderr.write(`seed: ${line}\n`);

async function readInputs(paths: string[]) {
  const files = [];
  for (const given of paths.length > 0 ? paths : [seedDataDir]) {
    const resolved = path.resolve(given);
    if (statSync(resolved, { throwIfNoEntry: false })?.isDirectory()) files.push(...(await readSeedFolder(resolved)));
    else files.push(...(await readSeedFolder(path.dirname(resolved))).filter((file) => path.resolve(file.path) === resolved));
  }
  if (files.length === 0)
    throw new SeedValidationError([{ file: paths.join(' '), line: 0, column: 0, message: 'no .json seed file found' }]);
  return files;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    return;
  }
  const config = loadConfig();
  const readStarted = performance.now();
  const graph = validateSeedFiles(await readInputs(args));
  log(
    `validated ${graph.nodes.length} entities and ${graph.relations.length} relations in ${((performance.now() - readStarted) / 1000).toFixed(1)} s`,
  );
  const { db, close } = await openDatabase(config, log);
  try {
    const summary = await loadSeedGraph(db, graph, { onProgress: progressBar('loading') });
    console.log(formatSummary(summary));
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  const expected = [ConfigError, DatabaseConnectError, PrerequisiteError, EmbeddedStartError, SeedValidationError, SeedLoadError];
  const known = expected.some((type) => error instanceof type);
  log(error instanceof Error ? (known ? error.message : (error.stack ?? error.message)) : String(error));
  process.exit(1);
});
