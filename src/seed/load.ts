import type { Database, TransactionRunner } from '../db/database.ts';
import { applySchemaMigrations } from '../db/migrations.ts';
import { entityLabels, type NodeRow, type RelationRow, relationTypes, type SeedGraph } from './graph.ts';

export interface Outcome {
  created: number;
  updated: number;
  unchanged: number;
}

export interface LoadSummary {
  /** Per label (Organization, …) and per relationship type (MANAGES, …). */
  nodes: Record<string, Outcome>;
  relations: Record<string, Outcome>;
  entities: number;
  seconds: number;
}

export interface LoadOptions {
  batchSize?: number;
  /** Called after every batch with the rows written so far and the total. */
  onProgress?: (done: number, total: number) => void;
  /** The one transaction's timeout; a million entities take minutes. */
  transactionTimeoutMs?: number;
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

interface NodeBatchResult extends Outcome {
  label: string;
  clashes: string[];
}

interface RelationBatchResult extends Outcome {
  type: string;
}

async function upsertNodes(tx: TransactionRunner, rows: NodeRow[], summary: LoadSummary): Promise<void> {
  for (const row of rows) {
    // Labels reach Cypher as parameters ($(row.label)); this allowlist keeps them to ours.
    if (!allowedLabels.has(row.label)) throw new SeedLoadError(`entity "${row.id}": unknown label "${row.label}"`);
  }
  const results = await tx.run<NodeBatchResult>('seed/upsert-nodes', { rows });
  const clashes = results.flatMap((result) => result.clashes);
  if (clashes.length > 0) {
    throw new SeedLoadError(
      `these ids already belong to an entity of another kind in the database: ${clashes.slice(0, 20).join(', ')}` +
        (clashes.length > 20 ? ` …and ${clashes.length - 20} more` : ''),
    );
  }
  for (const result of results) add(summary.nodes, result.label, result);
}

async function upsertRelations(tx: TransactionRunner, rows: RelationRow[], summary: LoadSummary): Promise<void> {
  for (const row of rows) {
    if (!allowedTypes.has(row.type)) throw new SeedLoadError(`relation "${row.key}": unknown type "${row.type}"`);
  }
  const results = await tx.run<RelationBatchResult>('seed/upsert-relations', { rows });
  const written = results.reduce((sum, result) => sum + result.created + result.updated + result.unchanged, 0);
  if (written !== rows.length) {
    throw new SeedLoadError(`${rows.length - written} relation(s) in this batch point at entities that are not in the database`);
  }
  for (const result of results) add(summary.relations, result.type, result);
}

/**
 * Writes a validated seed graph: schema migrations first, then every entity and relation
 * upserted by id in UNWIND batches, all inside one write transaction, so a failure at any
 * point leaves the database exactly as it was. Running it twice changes nothing.
 */
export async function loadSeedGraph(db: Database, graph: SeedGraph, options: LoadOptions = {}): Promise<LoadSummary> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 5000;
  await applySchemaMigrations(db);
  const total = graph.nodes.length + graph.relations.length;
  const summary: LoadSummary = { nodes: {}, relations: {}, entities: graph.nodes.length, seconds: 0 };
  await db.writeTransaction(
    async (tx) => {
      // A retried transaction starts again from nothing: so must the counts.
      summary.nodes = {};
      summary.relations = {};
      let done = 0;
      for (const batch of batches(graph.nodes, batchSize)) {
        await upsertNodes(tx, batch, summary);
        done += batch.length;
        options.onProgress?.(done, total);
      }
      for (const batch of batches(graph.relations, batchSize)) {
        await upsertRelations(tx, batch, summary);
        done += batch.length;
        options.onProgress?.(done, total);
      }
    },
    options.transactionTimeoutMs ?? 60 * 60 * 1000,
  );
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/** Whether the database holds no govgraph entity yet. */
export async function isGraphEmpty(db: Database): Promise<boolean> {
  return (await db.read('queries/any-entity')).length === 0;
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
  const rate = summary.seconds > 0 ? Math.round(summary.entities / summary.seconds) : summary.entities;
  lines.push(`${summary.entities} entities in ${summary.seconds.toFixed(1)} s (${rate} entities/s)`);
  return lines.join('\n');
}
