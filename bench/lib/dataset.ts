import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Database } from '../../src/db/database.ts';
import { connect } from '../../src/db/driver.ts';
import { loadSeedGraph } from '../../src/db/load.ts';
import { applySchemaMigrations } from '../../src/db/migrations.ts';
import { readSeedFile, validateSeedFiles } from '../../src/domain/validate.ts';
import type { EmbeddedNeo4j } from '../../src/embedded/embedded-neo4j.ts';
import { generate } from '../generate.ts';
import { commandLine, gitState, loadAverage } from './provenance.ts';
import type { LoadProvenance, LoadSummary } from './report.ts';

export interface LoadReport {
  entities: number;
  relations: number;
  fileBytes: number;
  generateSeconds: number;
  validateSeconds: number;
  loadSeconds: number;
  entitiesPerSecond: number;
  rowsPerSecond: number;
  /** How the loader wrote it (src/db/load.ts): the offline importer on a blank store. Absent in loads recorded before it existed. */
  method?: string;
  /** A bulk load's seconds per step (src/db/load.ts LoadSummary.steps). Absent in older records. */
  steps?: Record<string, number>;
  /** Its import step by the importer's own account (src/embedded/bulk-import.ts ImporterTimes). Absent in older records. */
  importer?: { setup: number; preparing: number; stages: Record<string, number> };
}

/** Generates the synthetic graph and loads it with the project's own loader (validation, then upserts). */
export async function generateAndLoad(
  db: Database,
  entities: number,
  file: string,
  onProgress?: (done: number, total: number) => void,
  store?: EmbeddedNeo4j,
): Promise<LoadReport> {
  let started = performance.now();
  const generated = await generate(entities, 42, file);
  const generateSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const graph = validateSeedFiles([await readSeedFile(file)]);
  const validateSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  // The benchmark's own database, loaded as the command line loads its own: a blank one through
  // the offline importer, its indexes after the load.
  const summary = await loadSeedGraph(db, graph, { onProgress, deferIndexes: true, store });
  const loadSeconds = (performance.now() - started) / 1000;
  return {
    entities: graph.nodes.length,
    relations: generated.relations,
    fileBytes: statSync(file).size,
    generateSeconds,
    validateSeconds,
    loadSeconds,
    entitiesPerSecond: graph.nodes.length / loadSeconds,
    rowsPerSecond: (graph.nodes.length + graph.relations.length) / loadSeconds,
    method: summary.method,
    ...(summary.steps ? { steps: summary.steps } : {}),
    ...(summary.importer ? { importer: summary.importer } : {}),
  };
}

/** The statements of bench/cypher/indexes.cypher: the indexes B and C get on their own labels. */
export function benchIndexStatements(): string[] {
  return readFileSync(new URL('../cypher/indexes.cypher', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n')
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

/** Creates B's and C's indexes (bench/cypher/indexes.cypher) and waits until they are online. */
export async function ensureBenchIndexes(db: Database): Promise<void> {
  for (const statement of benchIndexStatements()) await db.runAutoCommit(statement);
  await db.runAutoCommit('CALL db.awaitIndexes(600)');
}

/** Drops them again (the CI test shares its database with other test files). */
export async function dropBenchIndexes(db: Database): Promise<void> {
  for (const statement of benchIndexStatements()) {
    const name = /CREATE INDEX (\w+)/.exec(statement)?.[1];
    if (name) await db.runAutoCommit(`DROP INDEX ${name} IF EXISTS`);
  }
}

export interface OpenedSize {
  load: LoadSummary;
}

/**
 * Makes one size's database ready: generates and loads the graph, or, in a --reuse folder that
 * already holds it, reuses it and reports the original load's figures and provenance (kept in
 * loaded-<size>.json), marked as reused, after applying the schema files added since. Then adds
 * B's and C's indexes.
 */
export async function openSize(
  neo4j: { uri: string; username: string; password: string; database: string },
  entities: number,
  work: string,
  reuseAllowed: boolean,
  log: (line: string) => void,
  store?: EmbeddedNeo4j,
): Promise<OpenedSize> {
  const driver = await connect({ ...neo4j, connectTimeoutMs: 10000 });
  const db = new Database(driver, neo4j.database, 60 * 60 * 1000);
  try {
    const record = path.join(work, `loaded-${entities}.json`);
    let load: LoadSummary;
    if (reuseAllowed && existsSync(record)) {
      const saved: unknown = JSON.parse(readFileSync(record, 'utf8'));
      load = reusedLoad(saved, work);
      log(`reusing the ${entities} graph loaded in ${work}${load.original ? ` on ${load.original.loadedAt}` : ''}`);
      // The schema files added since that load (new indexes), as a server start applies them:
      // the statements of the code measured may seek them.
      const { applied } = await applySchemaMigrations(db);
      if (applied.length > 0) log(`applied the schema files added since: ${applied.join(', ')}`);
    } else {
      const loadAverageBefore = loadAverage();
      let lastShown = performance.now();
      const report = await generateAndLoad(
        db,
        entities,
        path.join(work, `graph-${entities}.json`),
        (done, total) => {
          if (performance.now() - lastShown > 10000 || done === total) {
            lastShown = performance.now();
            log(`loading ${entities}: ${done}/${total} rows`);
          }
        },
        store,
      );
      const original: LoadProvenance = {
        loadedAt: new Date().toISOString(),
        commit: gitState().commit,
        command: commandLine().command,
        loadAverageBefore,
        loadAverageAfter: loadAverage(),
      };
      writeFileSync(record, JSON.stringify({ report, original }, null, 2));
      load = { reused: false, folder: null, report, original };
    }
    const r = load.report;
    log(
      `${load.reused ? 'reused' : 'loaded'} ${r.entities} entities and ${r.relations} relations` +
        `${load.reused ? ', originally' : ''} in ${r.loadSeconds.toFixed(1)} s (${Math.round(r.entitiesPerSecond)} entities/s, ${Math.round(r.rowsPerSecond)} rows/s)`,
    );
    await ensureBenchIndexes(db);
    return { load };
  } finally {
    await db.close();
  }
}

function isLoadReport(value: unknown): value is LoadReport {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'loadSeconds') === 'number';
}

function isProvenance(value: unknown): value is LoadProvenance {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'loadedAt') === 'string';
}

/** loaded-<size>.json as written above, or as earlier versions wrote it (the bare LoadReport, no provenance). */
function reusedLoad(saved: unknown, folder: string): LoadSummary {
  if (typeof saved === 'object' && saved !== null) {
    const report: unknown = Reflect.get(saved, 'report');
    const original: unknown = Reflect.get(saved, 'original');
    if (isLoadReport(report)) return { reused: true, folder, report, original: isProvenance(original) ? original : null };
  }
  if (isLoadReport(saved)) return { reused: true, folder, report: saved, original: null };
  throw new Error(`${folder}: its loaded-*.json is not a load record; remove it to load again`);
}
