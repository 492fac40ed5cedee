import { randomUUID } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { entityLabels, type NodeRow, type RelationRow, relationTypes, type SeedGraph } from '../domain/graph.ts';
import type { ImporterTimes } from '../embedded/bulk-import.ts';
import type { EmbeddedNeo4j } from '../embedded/embedded-neo4j.ts';
import { bulkImportObstacle, bulkLoad, bulkLoadStepTitles, groupedBy, isStoreBlank } from './bulk-load.ts';
import type { Database, TransactionRunner } from './database.ts';
import { isWorthRetrying } from './errors.ts';
import { applySchemaMigrations } from './migrations.ts';

export interface Outcome {
  created: number;
  updated: number;
  unchanged: number;
}

/** A bulk load's steps: bulkLoad's, then the schema created on the new store. */
export const loadStepTitles = { ...bulkLoadStepTitles, schema: 'creating the indexes, awaited' } as const;

export interface LoadSummary {
  /** The id of this load in the change log (:Change.operation). */
  operation: string;
  /**
   * How it was written: in one transaction, journaled over one transaction per batch, or by the
   * offline importer into a blank store.
   */
  method: 'transaction' | 'journaled' | 'bulk';
  /** Per label (Organization, …) and per relationship type (MANAGES, …). */
  nodes: Record<string, Outcome>;
  relations: Record<string, Outcome>;
  entities: number;
  seconds: number;
  /** A bulk load's seconds per step (loadStepTitles), in the order they ran. */
  steps?: Record<keyof typeof loadStepTitles, number>;
  /** A bulk load's importer step as the importer accounts for it. */
  importer?: ImporterTimes;
}

export interface LoadOptions {
  batchSize?: number;
  /**
   * Batches of a journaled load written at once, each in its own transaction (default 2, one
   * per core of a small machine: one batch is written while the next is sent).
   */
  parallelism?: number;
  /** Called after every batch with the rows written so far and the total. */
  onProgress?: (done: number, total: number) => void;
  /** The one transaction's timeout, for loads that fit in one (default an hour). */
  transactionTimeoutMs?: number;
  /**
   * Each batch's timeout in a journaled load (default 10 minutes). Not NEO4J_TX_TIMEOUT_MS, which
   * bounds API reads: a cold Neo4j took over 15 s for a first batch of 5,000 entities.
   */
  batchTimeoutMs?: number;
  /** Loads of more entities and relations than this are journaled over one transaction per batch. */
  singleTransactionRows?: number;
  /** Told when the loader undoes or finishes an interrupted load. */
  onNotice?: (line: string) => void;
  /** A journaled load whose last heartbeat (every 10 s) is older than this is taken to have died (default 2 minutes). */
  staleLoadMs?: number;
  /** Who is writing, recorded in the audit fields and the change log (default "seed"). */
  by?: string;
  /**
   * A journaled load into an empty database creates most indexes after writing, rather than
   * keeping them up to date as it writes (default false). Only where nothing else reads the
   * database meanwhile (an embedded Neo4j of the command line's own): until the load ends,
   * lists are slow and search fails for want of its full-text index.
   */
  deferIndexes?: boolean;
  /**
   * The embedded Neo4j this process started and owns (the command line's, the benchmark's). When
   * its store is blank and the load is journaled, the rows go through Neo4j's offline importer
   * instead (src/db/bulk-load.ts): the database is stopped meanwhile, so only where nothing else
   * uses it. Its indexes are then created after the load, as with deferIndexes.
   */
  store?: EmbeddedNeo4j;
}

export class SeedLoadError extends Error {
  override name = 'SeedLoadError';
}

const allowedLabels = new Set<string>(entityLabels);
const allowedTypes = new Set<string>(relationTypes);

function add(into: Record<string, Outcome>, key: string, row: Outcome): void {
  const total = into[key] ?? { created: 0, updated: 0, unchanged: 0 };
  into[key] = total;
  total.created += row.created;
  total.updated += row.updated;
  total.unchanged += row.unchanged;
}

function* batches<T>(rows: T[], size: number): Generator<T[]> {
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}

const outcome = { created: z.number(), updated: z.number(), unchanged: z.number() };
const nodeBatchResult = z.object({ label: z.string(), clashes: z.array(z.string()), ...outcome });
const relationBatchResult = z.object({ type: z.string(), ...outcome });
type RelationBatchResult = z.infer<typeof relationBatchResult>;

/** Who writes, under which change-log operation, and the journaled load if any. */
export interface WriteScope {
  by: string;
  operation: string;
  load: string | null;
}

export async function upsertNodes(tx: TransactionRunner, rows: NodeRow[], summary: LoadSummary, scope: WriteScope): Promise<void> {
  for (const row of rows) {
    // Labels reach Cypher as parameters ($(row.label)); this allowlist keeps them to ours.
    if (!allowedLabels.has(row.label)) throw new SeedLoadError(`entity "${row.id}": unknown label "${row.label}"`);
  }
  const results = await tx.run('seed/upsert-nodes', { rows, ...scope }, nodeBatchResult);
  const clashes = results.flatMap((result) => result.clashes);
  if (clashes.length > 0) {
    throw new SeedLoadError(
      `these ids already belong to an entity of another kind in the database: ${clashes.slice(0, 20).join(', ')}` +
        (clashes.length > 20 ? ` …and ${clashes.length - 20} more` : ''),
    );
  }
  for (const result of results) add(summary.nodes, result.label, result);
}

export async function upsertRelations(tx: TransactionRunner, rows: RelationRow[], summary: LoadSummary, scope: WriteScope): Promise<void> {
  for (const row of rows) {
    if (!allowedTypes.has(row.type)) throw new SeedLoadError(`relation "${row.key}": unknown type "${row.type}"`);
  }
  // One statement per type: written into the text, the type lets Neo4j use the key's index.
  const results: RelationBatchResult[] = [];
  for (const [type, group] of groupedBy(rows, (row) => row.type)) {
    results.push(...(await tx.run('seed/upsert-relations', { rows: group, type, ...scope }, relationBatchResult)));
  }
  const written = results.reduce((sum, result) => sum + result.created + result.updated + result.unchanged, 0);
  if (written !== rows.length) {
    throw new SeedLoadError(`${rows.length - written} relation(s) in this batch point at entities that are not in the database`);
  }
  for (const result of results) add(summary.relations, result.type, result);
}

/** One unit of work: a batch of entities or of relations. */
type Batch = { kind: 'nodes'; rows: NodeRow[] } | { kind: 'relations'; rows: RelationRow[] };

function* nodeBatches(graph: SeedGraph, size: number): Generator<Batch> {
  for (const rows of batches(graph.nodes, size)) yield { kind: 'nodes', rows };
}

/** Batches of one type each: the statement is written for one type. */
function* relationBatches(graph: SeedGraph, size: number): Generator<Batch> {
  for (const group of groupedBy(graph.relations, (row) => row.type).values()) {
    for (const rows of batches(group, size)) yield { kind: 'relations', rows };
  }
}

/** Entities first: relations need their ends. */
function* allBatches(graph: SeedGraph, size: number): Generator<Batch> {
  yield* nodeBatches(graph, size);
  yield* relationBatches(graph, size);
}

function writeBatch(tx: TransactionRunner, batch: Batch, summary: LoadSummary, scope: WriteScope): Promise<void> {
  return batch.kind === 'nodes' ? upsertNodes(tx, batch.rows, summary, scope) : upsertRelations(tx, batch.rows, summary, scope);
}

export function emptySummary(entities: number, operation = '', method: LoadSummary['method'] = 'transaction'): LoadSummary {
  return { operation, method, nodes: {}, relations: {}, entities, seconds: 0 };
}

function mergeInto(summary: LoadSummary, part: LoadSummary): void {
  for (const [label, outcome] of Object.entries(part.nodes)) add(summary.nodes, label, outcome);
  for (const [type, outcome] of Object.entries(part.relations)) add(summary.relations, type, outcome);
}

/**
 * Writes a validated seed graph: schema migrations first, then every entity and relation
 * upserted by id in UNWIND batches. A failure at any point leaves the database as it was,
 * and running it twice changes nothing.
 *
 * Up to `singleTransactionRows` rows (10,000: the seed, a researcher's file) go in one write
 * transaction: fully isolated, and rolled back by Neo4j itself. Larger loads would exceed
 * the server's transaction memory (a million entities need several GiB of transaction
 * state), so they are journaled instead: one transaction per batch, with enough recorded
 * in the database to undo the whole load when a batch fails, or at the next load when the
 * process died halfway.
 */
export async function loadSeedGraph(db: Database, graph: SeedGraph, options: LoadOptions = {}): Promise<LoadSummary> {
  const started = performance.now();
  const rows = graph.nodes.length + graph.relations.length;
  const journaled = rows > (options.singleTransactionRows ?? defaultSingleTransactionRows);
  if (journaled && options.store) {
    const obstacle = bulkImportObstacle(graph);
    if (obstacle === undefined && (await isStoreBlank(db))) {
      const summary = await loadInBulk(db, options.store, graph, options);
      summary.seconds = (performance.now() - started) / 1000;
      return summary;
    }
    if (obstacle !== undefined) options.onNotice?.(`written with transactions, not the offline importer: ${obstacle}`);
  }
  const deferIndexes = journaled && options.deferIndexes === true && (await isGraphEmpty(db)) && (await openLoads(db)).length === 0;
  await applySchemaMigrations(db, options.onNotice, deferIndexes ? { only: neededWhileLoading } : {});
  await finishInterruptedLoads(db, options);
  const summary = journaled ? await loadJournaled(db, graph, options, deferIndexes) : await loadInOneTransaction(db, graph, options);
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/**
 * What a load needs of the schema while it writes: the constraints through which it finds (and
 * locks) entities by id and relationships by key, and its journal's. An empty database gets the
 * others after a large load (deferIndexes): Neo4j then builds each from one scan. Kept up to date
 * row by row, they took most of the load's time: Java Flight Recorder put 56 % of Neo4j's samples
 * loading the 10k graph in commits, 39 % in index updates (range indexes and constraints on an
 * entity and its :Change record, a Lucene document per entity for search, refreshed at every
 * commit since the full-text index is not eventually consistent).
 */
const neededWhileLoading: ReadonlySet<string> = new Set([
  'entity_id',
  'seed_load_id',
  'seed_undo_load',
  ...relationTypes.map((type) => `${type.toLowerCase()}_key`),
]);

// One transaction grows slower as its uncommitted state grows: 27k rows took 74 s in one
// and 29 s journaled (10k generated entities, this 2-core machine). Below this size the
// isolation of a single transaction is worth its cost.
const defaultSingleTransactionRows = 10_000;
const defaultBatchSize = 5000;
const defaultParallelism = 2;

/** Into a blank store this process owns: the offline importer, then the indexes (applySchemaMigrations). */
async function loadInBulk(db: Database, store: EmbeddedNeo4j, graph: SeedGraph, options: LoadOptions): Promise<LoadSummary> {
  const operation = randomUUID();
  const summary = emptySummary(graph.nodes.length, operation, 'bulk');
  const total = graph.nodes.length + graph.relations.length;
  let shown = '';
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  const { steps, importer } = await bulkLoad(store, graph, {
    by: options.by ?? 'seed',
    operation,
    onStage: (stage, percent) => {
      // The importer reports every 5 %; a tenth is enough.
      const line = `bulk import: ${stage.toLowerCase()} ${percent - (percent % 10)}%`;
      if (line === shown) return;
      shown = line;
      options.onNotice?.(line);
    },
  });
  await db.forgetBookmarks();
  options.onNotice?.(`bulk import: the store is built and open again after ${seconds()} s; creating the indexes`);
  const schemaStarted = performance.now();
  await applySchemaMigrations(db, options.onNotice);
  summary.steps = { ...steps, schema: (performance.now() - schemaStarted) / 1000 };
  summary.importer = importer;
  options.onNotice?.(`bulk import: indexes online after ${seconds()} s`);
  for (const row of graph.nodes) add(summary.nodes, row.label, { created: 1, updated: 0, unchanged: 0 });
  for (const row of graph.relations) add(summary.relations, row.type, { created: 1, updated: 0, unchanged: 0 });
  options.onProgress?.(total, total);
  return summary;
}

async function loadInOneTransaction(db: Database, graph: SeedGraph, options: LoadOptions): Promise<LoadSummary> {
  const total = graph.nodes.length + graph.relations.length;
  const scope: WriteScope = { by: options.by ?? 'seed', operation: randomUUID(), load: null };
  let summary = emptySummary(graph.nodes.length, scope.operation);
  await db.writeTransaction(
    async (tx) => {
      // A retried transaction starts again from nothing: so must the counts.
      summary = emptySummary(graph.nodes.length, scope.operation);
      let done = 0;
      for (const batch of allBatches(graph, options.batchSize ?? defaultBatchSize)) {
        await writeBatch(tx, batch, summary, scope);
        done += batch.rows.length;
        options.onProgress?.(done, total);
      }
    },
    options.transactionTimeoutMs ?? 60 * 60 * 1000,
  );
  return summary;
}

async function loadJournaled(db: Database, graph: SeedGraph, options: LoadOptions, deferIndexes: boolean): Promise<LoadSummary> {
  const total = graph.nodes.length + graph.relations.length;
  const load = randomUUID();
  // The load's id doubles as its change-log operation, so undoing it can find its :Change records.
  const scope: WriteScope = { by: options.by ?? 'seed', operation: load, load };
  const summary = emptySummary(graph.nodes.length, load, 'journaled');
  await db.write('seed/journal-begin', { load });
  // The heartbeat is its own transaction on a timer, not a write in every batch: batches in
  // parallel would all wait for the one :SeedLoad node's lock, and a long batch still beats.
  const heartbeat = setInterval(() => {
    db.write('seed/journal-heartbeat', { load }).catch(() => {});
  }, heartbeatMs);
  heartbeat.unref();
  try {
    let done = 0;
    const write = async (batch: Batch) => {
      const part = await writeBatchAlone(db, batch, scope, options);
      mergeInto(summary, part);
      done += batch.rows.length;
      options.onProgress?.(done, total);
    };
    const size = options.batchSize ?? defaultBatchSize;
    const parallelism = options.parallelism ?? defaultParallelism;
    // Every entity is in before the first relation is written: relations need their ends.
    await inParallel(nodeBatches(graph, size), parallelism, write);
    await inParallel(relationBatches(graph, size), parallelism, write);
    if (deferIndexes) {
      options.onNotice?.('creating the indexes');
      // Part of the load: should a constraint fail, the load is undone.
      await applySchemaMigrations(db, options.onNotice);
    }
  } catch (error) {
    clearInterval(heartbeat);
    options.onNotice?.(`the load failed after some of its batches were written; undoing them`);
    try {
      // The undo finds the load's change records through their index.
      if (deferIndexes) await applySchemaMigrations(db, options.onNotice);
      await undoLoad(db, load);
    } catch (undoError) {
      throw new SeedLoadError(
        `the load failed (${error instanceof Error ? error.message : String(error)}) and undoing it failed too ` +
          `(${undoError instanceof Error ? undoError.message : String(undoError)}); the next load will undo it`,
      );
    }
    throw error;
  }
  clearInterval(heartbeat);
  await db.write('seed/journal-commit', { load });
  await clearJournal(db, load);
  return summary;
}

const heartbeatMs = 10_000;

/**
 * One batch in its own transaction, and its counts. A batch that loses a deadlock to another
 * batch of the same load (both creating relationships of one entity) is written again, here
 * rather than by the driver, whose retries stop after a few seconds, shorter than a batch.
 */
async function writeBatchAlone(db: Database, batch: Batch, scope: WriteScope, options: LoadOptions): Promise<LoadSummary> {
  for (let attempt = 1; ; attempt += 1) {
    let part = emptySummary(0);
    try {
      await db.writeTransaction(
        async (tx) => {
          // A retried transaction starts again from nothing: so must the counts.
          part = emptySummary(0);
          await writeBatch(tx, batch, part, scope);
        },
        options.batchTimeoutMs ?? 10 * 60 * 1000,
      );
      return part;
    } catch (error) {
      // Also a connection that a busy Neo4j did not hand out within the acquisition timeout
      // (a second batch or the heartbeat opening one while a batch runs): nothing was sent yet.
      if (attempt >= batchAttempts || !isWorthRetrying(error)) throw error;
      options.onNotice?.(`a batch of ${batch.rows.length} ${batch.kind} failed (${codeOf(error) || 'unavailable'}); writing it again`);
      await new Promise((resolve) => setTimeout(resolve, attempt * 500));
    }
  }
}

const batchAttempts = 5;

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : String(error);
}

/**
 * Runs `work` on every item, `workers` at a time. After a failure no new item starts; the
 * ones under way finish (their transactions commit or roll back), then the first error is thrown.
 */
async function inParallel<T>(items: Iterable<T>, workers: number, work: (item: T) => Promise<void>): Promise<void> {
  const iterator = items[Symbol.iterator]();
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    for (let next = iterator.next(); !next.done && !failure; next = iterator.next()) {
      try {
        await work(next.value);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, workers) }, worker));
  if (failure) throw failure.error;
}

/** Runs a statement that handles up to $batch journal entries until it handles none. */
async function drain(db: Database, statement: string, load: string, parameters: Record<string, unknown> = {}): Promise<void> {
  for (;;) {
    const [row] = await db.write(statement, { ...parameters, load, batch: neo4j.int(journalBatch) }, z.object({ done: z.number() }));
    if (!row || row.done === 0) return;
  }
}

const journalBatch = 10_000;

async function undoLoad(db: Database, load: string): Promise<void> {
  // Per type, so that each relationship is found through its key's index.
  for (const type of relationTypes) await drain(db, 'seed/undo-created-relations', load, { type });
  for (const type of relationTypes) await drain(db, 'seed/undo-relations', load, { type });
  await drain(db, 'seed/undo-updated-nodes', load);
  await drain(db, 'seed/undo-created-nodes', load);
  await drain(db, 'seed/undo-marked-nodes', load);
  await drain(db, 'seed/undo-changes', load);
  await db.write('seed/journal-end', { load });
}

async function clearJournal(db: Database, load: string): Promise<void> {
  await drain(db, 'seed/journal-clear-marks', load);
  await drain(db, 'seed/journal-clear-undo', load);
  await db.write('seed/journal-end', { load });
}

const defaultStaleLoadMs = 2 * 60 * 1000;

const openLoad = z.object({ load: z.string(), committed: z.boolean(), lastBatchAt: z.string(), ageMs: z.number() });

/** Journaled loads not yet finished: running, or interrupted. */
function openLoads(db: Database): Promise<z.infer<typeof openLoad>[]> {
  return db.openScope({ timeoutMs: Number.POSITIVE_INFINITY, requestId: 'load' }).read('seed/journal-open', {}, openLoad);
}

/**
 * Before a new load: a journaled load that died halfway is undone, and one that died while
 * clearing its journal is finished. One still writing (a recent heartbeat) stops this load
 * rather than have two loads undo each other.
 */
async function finishInterruptedLoads(db: Database, options: LoadOptions, whenLive: 'refuse' | 'leave' = 'refuse'): Promise<void> {
  for (const entry of await openLoads(db)) {
    if (entry.ageMs < (options.staleLoadMs ?? defaultStaleLoadMs)) {
      const message = `another load (${entry.load}) has been writing since ${entry.lastBatchAt}`;
      if (whenLive === 'refuse') throw new SeedLoadError(`${message}; wait until it ends`);
      options.onNotice?.(
        `${message}: left alone (if its process died, the next load, or a start at least ${options.staleLoadMs ?? defaultStaleLoadMs} ms after its last heartbeat, undoes it)`,
      );
      continue;
    }
    if (entry.committed) {
      options.onNotice?.(`finishing load ${entry.load}, interrupted while it cleared its journal`);
      await clearJournal(db, entry.load);
    } else {
      options.onNotice?.(`undoing load ${entry.load}, interrupted at ${entry.lastBatchAt} before it was complete`);
      await undoLoad(db, entry.load);
    }
  }
}

/**
 * At server start, before anything else writes: undoes the journaled loads whose process died
 * (a killed import), so their half-written batches do not linger until the next load. A load
 * whose last heartbeat is more recent than `staleLoadMs` may still be running in another process:
 * it is named and left alone. With the embedded Neo4j no other process can be writing, so the
 * server passes 0.
 */
export async function recoverInterruptedLoads(db: Database, options: Pick<LoadOptions, 'staleLoadMs' | 'onNotice'> = {}): Promise<void> {
  await finishInterruptedLoads(db, options, 'leave');
}

/** Whether the database holds no govgraph entity yet. */
export async function isGraphEmpty(db: Database): Promise<boolean> {
  const scope = db.openScope({ timeoutMs: Number.POSITIVE_INFINITY, requestId: 'start' });
  return (await scope.read('queries/any-entity', {}, z.unknown())).length === 0;
}

/** The summary as a small table for a terminal. */
export function formatSummary(summary: LoadSummary): string {
  const lines = ['kind                 created  updated  unchanged'];
  const section = (rows: Record<string, Outcome>) => {
    for (const [name, outcome] of Object.entries(rows).sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(
        `${name.padEnd(20)} ${String(outcome.created).padStart(7)}  ${String(outcome.updated).padStart(7)}  ${String(outcome.unchanged).padStart(9)}`,
      );
    }
  };
  section(summary.nodes);
  section(summary.relations);
  const relations = Object.values(summary.relations).reduce(
    (sum, outcome) => sum + outcome.created + outcome.updated + outcome.unchanged,
    0,
  );
  const perSecond = (count: number) => (summary.seconds > 0 ? Math.round(count / summary.seconds) : count);
  lines.push(
    `${summary.entities} entities and ${relations} relations in ${summary.seconds.toFixed(1)} s ` +
      `(${perSecond(summary.entities + relations)} rows/s, ${perSecond(summary.entities)} entities/s)`,
  );
  if (summary.steps) {
    lines.push(
      `steps: ${Object.entries(summary.steps)
        .map(([step, seconds]) => `${step} ${seconds.toFixed(1)} s`)
        .join(', ')}`,
    );
  }
  return lines.join('\n');
}
