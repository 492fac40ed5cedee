import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { NodeRow, PropertyValue, RelationRow, SeedGraph } from '../domain/graph.ts';
import { searchFormsVersion } from '../domain/text/search-forms.ts';
import { type ImporterTimes, type ImportFile, importArrayDelimiter, runBulkImport } from '../embedded/bulk-import.ts';
import type { EmbeddedNeo4j } from '../embedded/embedded-neo4j.ts';
import type { Database } from './database.ts';

/**
 * The first load of a large graph into an empty embedded store, through Neo4j's offline importer
 * rather than transactions. Java Flight Recorder on the transactional loader put two thirds of
 * Neo4j's time in committing (turning each property into records, then applying them and their
 * index updates), a cost no statement can avoid: about 0.4 ms of CPU per row even for a bare
 * CREATE. The importer writes the store files directly, in parallel stages.
 *
 * What it writes is what the transactional loader writes for a row it creates: the same
 * labels, keys and properties, the audit fields (createdAt/By, updatedAt/By, all at the load's
 * start), and one :Change per entity and relation under the load's operation. Being a new store
 * built offline, it is all-or-nothing by construction: should the importer fail, the store is
 * rebuilt empty. The indexes are created afterwards (src/db/load.ts) from one scan each.
 */

export interface BulkWriteScope {
  by: string;
  operation: string;
  /** The load's time, stamped on every row: the transactional loader's datetime.transaction(). */
  at: string;
}

type ColumnType = 'string' | 'float' | 'boolean' | 'string[]';

function columnTypeOf(value: PropertyValue): ColumnType {
  if (Array.isArray(value)) return 'string[]';
  if (typeof value === 'number') return 'float';
  if (typeof value === 'boolean') return 'boolean';
  return 'string';
}

/** The columns of one file: every property the rows hold, typed, in order of first appearance. */
function columnsOf(rows: readonly { props: Record<string, PropertyValue> }[]): Map<string, ColumnType> | string {
  const columns = new Map<string, ColumnType>();
  // for…in and one lookup per property, not Object.entries and a set: this runs over every
  // property of a load twice (bulkImportObstacle, writeImportFiles): 3.9 s of CPU at 1M the other
  // way, 1.1 s this way (V8's profiler, one run each).
  for (const row of rows) {
    const props = row.props;
    for (const key in props) {
      const value = props[key];
      if (value === undefined) continue;
      const type = columnTypeOf(value);
      const known = columns.get(key);
      if (known === undefined) columns.set(key, type);
      else if (known !== type) return `property "${key}" is a ${known} in one row and a ${type} in another`;
    }
  }
  return columns;
}

/**
 * Why this graph cannot go through the importer unchanged, or undefined when it can. The CSV
 * files cannot say "an empty list" (an empty field is no property, where a transaction stores
 * []), nor hold a list element with the list delimiter in it; a property of two types across
 * rows of one label has no column type. The loader then writes the graph with transactions.
 */
export function bulkImportObstacle(graph: SeedGraph): string | undefined {
  const groups = [...groupedBy(graph.nodes, (row) => row.label).values(), ...groupedBy(graph.relations, (row) => row.type).values()];
  for (const rows of groups) {
    const columns = columnsOf(rows);
    if (typeof columns === 'string') return columns;
    for (const row of rows) {
      for (const [key, value] of Object.entries(row.props)) {
        if (!Array.isArray(value)) continue;
        if (value.length === 0) return `property "${key}" holds an empty list`;
        if (value.some((element) => element === '' || element.includes(importArrayDelimiter))) {
          return `property "${key}" holds an empty text or a control character in a list`;
        }
      }
    }
  }
  return undefined;
}

/** The rows grouped by label or type, in first-seen order, each group in input order. */
export function groupedBy<T, K extends string>(rows: readonly T[], keyOf: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

const auditColumns = ['createdAt:datetime', 'createdBy', 'updatedAt:datetime', 'updatedBy'];

function cell(value: PropertyValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.join(importArrayDelimiter);
  return String(value);
}

/**
 * One CSV line as the importer reads it, without its end: every value quoted with its quotes
 * doubled, so that an empty text stays an empty text; a missing value is an empty, unquoted field,
 * which the importer reads as no property. Written here rather than by csv-stringify, which took
 * 47 s of a 1M-entity load's 199 (the files are 2.7M rows and as many change records).
 */
function csvLine(fields: readonly (string | undefined)[]): string {
  let line = '';
  for (let index = 0; index < fields.length; index++) {
    const field = fields[index];
    if (index > 0) line += ',';
    if (field !== undefined) line += `"${field.includes('"') ? field.replaceAll('"', '""') : field}"`;
  }
  return line;
}

/** What the file stream takes at once: big enough that a write costs little per line. */
const chunkLength = 1 << 20;

/**
 * Writes rows to one CSV file, waiting whenever the file's buffer is full. Returns whether a
 * field holds a line break, which the importer must then be told (runBulkImport).
 */
async function writeCsv(file: string, header: readonly string[], rows: Iterable<(string | undefined)[]>): Promise<boolean> {
  const output = createWriteStream(file);
  let chunk = `${csvLine(header)}\n`;
  let multiline = false;
  for (const row of rows) {
    const line = csvLine(row);
    multiline ||= line.includes('\n') || line.includes('\r');
    chunk += `${line}\n`;
    if (chunk.length >= chunkLength) {
      // A write error rejects the wait (the stream emits nothing between the waits).
      if (!output.write(chunk)) await once(output, 'drain');
      chunk = '';
    }
  }
  output.end(chunk);
  await once(output, 'close');
  return multiline;
}

function* entityLines(rows: readonly NodeRow[], columns: Map<string, ColumnType>, scope: BulkWriteScope) {
  const keys = [...columns.keys()];
  for (const row of rows) {
    yield [row.id, row.label, ...keys.map((key) => cell(row.props[key])), scope.at, scope.by, scope.at, scope.by];
  }
}

function* relationLines(rows: readonly RelationRow[], columns: Map<string, ColumnType>, scope: BulkWriteScope) {
  const keys = [...columns.keys()];
  for (const row of rows) {
    yield [row.from, row.to, row.key, ...keys.map((key) => cell(row.props[key])), scope.at, scope.by, scope.at, scope.by];
  }
}

// The change's id is a plain property, not an :ID column: no relationship points at a change, and
// an :ID column would put every change (most of a load's nodes) through the importer's id mapper,
// which encodes, sorts and checks each one for duplicates. The UUIDs are unique by construction.
const changeHeader = ['id', 'at:datetime', 'by', 'operation', 'action', 'kind', 'entityId', 'label', 'type', 'from', 'to', 'key'];

function* changeLines(graph: SeedGraph, scope: BulkWriteScope) {
  const common = [scope.at, scope.by, scope.operation, 'created'];
  for (const row of graph.nodes) yield [randomUUID(), ...common, 'entity', row.id, row.label, undefined, undefined, undefined, undefined];
  for (const row of graph.relations) yield [randomUUID(), ...common, 'relation', undefined, undefined, row.type, row.from, row.to, row.key];
}

function header(columns: Map<string, ColumnType>): string[] {
  return [...columns].map(([key, type]) => (type === 'string' ? key : `${key}:${type}`));
}

/** Writes the import files for `graph` into `dir`, and returns them for the importer. */
export async function writeImportFiles(graph: SeedGraph, dir: string, scope: BulkWriteScope): Promise<ImportFile[]> {
  const files: ImportFile[] = [];
  const next = (name: string) => path.join(dir, `${String(files.length + 1).padStart(3, '0')}-${name}.csv`);
  for (const [label, rows] of groupedBy(graph.nodes, (row) => row.label)) {
    const columns = columnsOf(rows);
    if (typeof columns === 'string') throw new Error(`${label}: ${columns}`);
    const file = next(label);
    // The label is also a property, as upsert-nodes.cypher writes it.
    const multiline = await writeCsv(file, ['id:ID', 'label', ...header(columns), ...auditColumns], entityLines(rows, columns, scope));
    files.push({ kind: 'nodes', labels: ['Entity', label], file, multiline });
  }
  for (const [type, rows] of groupedBy(graph.relations, (row) => row.type)) {
    const columns = columnsOf(rows);
    if (typeof columns === 'string') throw new Error(`${type}: ${columns}`);
    const file = next(type);
    const multiline = await writeCsv(
      file,
      [':START_ID', ':END_ID', 'key', ...header(columns), ...auditColumns],
      relationLines(rows, columns, scope),
    );
    files.push({ kind: 'relationships', type, file, multiline });
  }
  const changes = next('Change');
  const multiline = await writeCsv(changes, changeHeader, changeLines(graph, scope));
  files.push({ kind: 'nodes', labels: ['Change'], file: changes, multiline });
  // The forms were computed with the current rules as the rows were validated: the marker says
  // so, or the first start would rewrite every entity's forms (src/db/search-forms.ts).
  const marker = next('SearchForms');
  // An id column without a name stores no property: the marker has only its version.
  await writeCsv(marker, [':ID(SearchForms)', 'version:long'], [['search-forms', String(searchFormsVersion)]]);
  files.push({ kind: 'nodes', labels: ['SearchForms'], file: marker, multiline: false });
  return files;
}

/**
 * Whether the store holds anything besides what migrations write (the search forms' marker, the
 * :Migration records): the importer replaces the whole store, so a store with any entity, change
 * record or journal is loaded with transactions.
 */
export async function isStoreBlank(db: Database): Promise<boolean> {
  const scope = db.openScope({ timeoutMs: Number.POSITIVE_INFINITY, requestId: 'bulk-load' });
  return (await scope.read('admin/any-node', {}, z.unknown())).length === 0;
}

/** The steps of bulkLoad, in the order they run, each with what it is. */
export const bulkLoadStepTitles = {
  files: 'writing the CSV files',
  stop: 'stopping the database',
  import: "the importer, in the database's JVM",
  start: 'starting the database on the new store',
} as const;

/** Where a bulk load's time went: seconds per step. */
export type BulkLoadSteps = Record<keyof typeof bulkLoadStepTitles, number>;

/** A bulk load's seconds per step, and the importer's own account of its step. */
export interface BulkLoadTimes {
  steps: BulkLoadSteps;
  importer: ImporterTimes;
}

export interface BulkLoadOptions {
  by: string;
  operation: string;
  onStage?: (stage: string, percent: number) => void;
}

/**
 * Replaces the (blank) embedded store with `graph`: the import files are written beside the
 * store, the database stops, the importer builds the new store, the database starts again (all in
 * the embedded Neo4j's JVM, its Bolt port open throughout), and the files are removed. The caller
 * creates the indexes afterwards.
 */
export async function bulkLoad(store: EmbeddedNeo4j, graph: SeedGraph, options: BulkLoadOptions): Promise<BulkLoadTimes> {
  const dir = mkdtempSync(`${store.dataDir.replace(/\/+$/, '')}-import-`);
  try {
    const started = performance.now();
    const files = await writeImportFiles(graph, dir, { by: options.by, operation: options.operation, at: new Date().toISOString() });
    const written = (performance.now() - started) / 1000;
    const { importer, ...replaced } = await runBulkImport(store, files, { onStage: options.onStage });
    return { steps: { files: written, ...replaced }, importer };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
