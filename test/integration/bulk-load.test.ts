import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { seedDataDir } from '../../src/config.ts';
import { isStoreBlank, writeImportFiles } from '../../src/db/bulk-load.ts';
import { Database } from '../../src/db/database.ts';
import { connect } from '../../src/db/driver.ts';
import { type LoadSummary, loadSeedGraph } from '../../src/db/load.ts';
import { searchEntities } from '../../src/db/repositories/lists.ts';
import type { SeedGraph } from '../../src/domain/graph.ts';
import { planSearch, searchStatementParameters } from '../../src/domain/text/search-query.ts';
import { readSeedFolder, validateSeedFiles } from '../../src/domain/validate.ts';
import { BulkImportError, runBulkImport } from '../../src/embedded/bulk-import.ts';
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from '../../src/embedded/embedded-neo4j.ts';
import { emptyDatabase } from '../support/database.ts';

// The offline importer replaces a whole store: these tests run on an embedded Neo4j of their own.

const contentsRow = z.object({
  nodes: z.array(z.object({ id: z.string(), labels: z.array(z.string()), properties: z.record(z.string(), z.unknown()) })),
  relationships: z.array(z.object({ type: z.string(), from: z.string(), to: z.string(), properties: z.record(z.string(), z.unknown()) })),
});

/** A value with its Neo4j type, so that a float stored as an integer, or a list as a text, differs. */
const typedValue = z.object({ value: z.unknown(), type: z.string() });

/**
 * Everything the store holds, as comparable text: nodes and relationships by their contents,
 * every property with its Neo4j type. What differs between two loads of one graph by nature is
 * left out: the audit times, the change records' own ids, times and operation, and when each
 * schema migration was recorded.
 */
async function storeContents(db: Database): Promise<{ nodes: string[]; relationships: string[] }> {
  const scope = db.openScope({ timeoutMs: 120_000, requestId: 'test' });
  const [contents] = await scope.read('admin/graph-contents', {}, contentsRow);
  if (!contents) throw new Error('no contents');
  const types = await scope.read('admin/graph-property-types', {}, z.object({ owner: z.string(), key: z.string(), type: z.string() }));
  const typeOf = new Map(types.map((row) => [`${row.owner}\u0000${row.key}`, row.type]));
  // appliedAt: when a :Migration record was written (src/db/migrations.ts).
  const variable = new Set(['createdAt', 'updatedAt', 'appliedAt']);
  const changeOwn = new Set(['id', 'at', 'operation']);
  const describe = (owner: string, labels: readonly string[], properties: Record<string, unknown>) => {
    const kept = Object.keys(properties)
      .filter((key) => !variable.has(key) && !(labels.includes('Change') && changeOwn.has(key)))
      .sort()
      .map((key) => [key, typedValue.parse({ value: properties[key], type: typeOf.get(`${owner}\u0000${key}`) ?? '?' })]);
    return JSON.stringify([labels.toSorted(), kept]);
  };
  const byElement = new Map(contents.nodes.map((node) => [node.id, describe(node.id, node.labels, node.properties)]));
  return {
    nodes: [...byElement.values()].sort(),
    relationships: contents.relationships
      .map((rel) =>
        JSON.stringify([
          rel.type,
          byElement.get(rel.from),
          byElement.get(rel.to),
          describe(`${rel.from}>${rel.to}:${rel.type}:${String(rel.properties.key)}`, [rel.type], rel.properties),
        ]),
      )
      .sort(),
  };
}

/** A Database on an embedded store's default database, with the patience a first start on a busy machine needs. */
async function openOn(store: EmbeddedNeo4j): Promise<Database> {
  return new Database(
    await connect({ uri: store.uri, username: 'neo4j', password: '', database: 'neo4j', connectTimeoutMs: 120_000 }),
    'neo4j',
    120_000,
  );
}

function created(summary: LoadSummary): number {
  return [...Object.values(summary.nodes), ...Object.values(summary.relations)].reduce((sum, outcome) => sum + outcome.created, 0);
}

function changedOrKept(summary: LoadSummary): { created: number; updated: number; unchanged: number } {
  const totals = { created: 0, updated: 0, unchanged: 0 };
  for (const outcome of [...Object.values(summary.nodes), ...Object.values(summary.relations)]) {
    totals.created += outcome.created;
    totals.updated += outcome.updated;
    totals.unchanged += outcome.unchanged;
  }
  return totals;
}

describe('a large first load into a blank embedded store goes through the offline importer', () => {
  let folder: string;
  let embedded: EmbeddedNeo4j;
  let db: Database;
  let graph: SeedGraph;
  let rows: number;
  // Every load here is "large": above 0 rows, a load is journaled, and a blank store it owns is bulk-imported.
  const large = { singleTransactionRows: 0, deferIndexes: true };

  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'govgraph-bulk-'));
    embedded = await startEmbeddedNeo4j({ dataDir: path.join(folder, 'store'), readyTimeoutMs: 300_000, pageCacheMb: 128 });
    db = await openOn(embedded);
    graph = validateSeedFiles(await readSeedFolder(seedDataDir));
    rows = graph.nodes.length + graph.relations.length;
  }, 600_000);

  afterAll(async () => {
    await db?.close();
    await embedded?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('writes exactly what the transactional loader writes, types and change log included', async () => {
    const byTransactions = await loadSeedGraph(db, graph, large);
    expect(byTransactions.method).toBe('journaled');
    const expected = await storeContents(db);
    expect(expected.nodes.length).toBeGreaterThan(graph.nodes.length);

    await emptyDatabase(db);
    expect(await isStoreBlank(db)).toBe(true);
    const notices: string[] = [];
    const bulk = await loadSeedGraph(db, graph, { ...large, store: embedded, onNotice: (line) => notices.push(line) });
    expect(bulk.method).toBe('bulk');
    // Where its time went, step by step, each a share of the whole.
    const steps: Record<string, number> = bulk.steps ?? {};
    expect(Object.keys(steps)).toEqual(['files', 'stop', 'import', 'start', 'schema']);
    expect(Object.values(steps).every((seconds) => seconds > 0)).toBe(true);
    expect(Object.values(steps).reduce((sum, seconds) => sum + seconds, 0)).toBeLessThanOrEqual(bulk.seconds);
    // The importer's stages reach the loader's progress, each to its end.
    for (const stage of ['node import', 'relationship import', 'relationship linking', 'post processing'])
      expect(notices).toContain(`bulk import: ${stage} 100%`);
    // And the importer's own account of its step: its four stages, within the step's seconds.
    const importer = bulk.importer ?? { setup: 0, preparing: 0, stages: {} };
    expect(Object.keys(importer.stages)).toEqual(['Node import', 'Relationship import', 'Relationship linking', 'Post processing']);
    const accounted = importer.setup + importer.preparing + Object.values(importer.stages).reduce((sum, seconds) => sum + seconds, 0);
    expect(importer.setup).toBeGreaterThan(0);
    const importStep = steps.import ?? 0;
    expect(accounted).toBeGreaterThan(0.9 * importStep);
    expect(accounted).toBeLessThanOrEqual(importStep + 0.01);
    expect(created(bulk)).toBe(rows);
    const actual = await storeContents(db);
    // What one store holds and the other lacks, so that a failure shows the records that differ.
    const difference = (a: string[], b: string[]) => {
      const other = new Set(b);
      return a.filter((entry) => !other.has(entry)).slice(0, 3);
    };
    expect({
      onlyTransactions: [...difference(expected.nodes, actual.nodes), ...difference(expected.relationships, actual.relationships)],
      onlyBulk: [...difference(actual.nodes, expected.nodes), ...difference(actual.relationships, expected.relationships)],
    }).toEqual({ onlyTransactions: [], onlyBulk: [] });
    expect(actual).toEqual(expected);
  }, 600_000);

  it('leaves a store that the transactional loader then finds unchanged, row for row', async () => {
    const again = await loadSeedGraph(db, graph, { ...large, store: embedded });
    // Not blank any more: written with transactions, and nothing to write.
    expect(again.method).toBe('journaled');
    expect(changedOrKept(again)).toEqual({ created: 0, updated: 0, unchanged: rows });
  }, 600_000);

  it('answers reads through every index once the load returns: search finds a seeded entity', async () => {
    const plan = planSearch('Qrator Labs');
    if (!plan) throw new Error('no search parameters');
    const hits = await searchEntities(db.openScope({ timeoutMs: 60_000 }), searchStatementParameters(plan, ['Organization'], 5));
    expect(hits.map((hit) => hit.entity.id)).toContain('qrator-labs');
  }, 120_000);

  it('keeps line breaks in values as written, the importer then reading fields across lines', async () => {
    await emptyDatabase(db);
    // The seed holds none (the search forms' lines end at U+2028): the loads above read every
    // file in parallel. Here one entity's text and one relation's text span lines.
    const [entity] = graph.nodes;
    const relation = graph.relations.find((row) => Object.values(row.props).some((value) => typeof value === 'string'));
    if (!entity || !relation) throw new Error('the seed has no entity or no relation with a text');
    const key = Object.keys(relation.props).find((name) => typeof relation.props[name] === 'string') ?? '';
    const entityText = 'first line\nsecond line\r\nthird line';
    const relationText = 'one\ntwo';
    const spanning: SeedGraph = {
      ...graph,
      nodes: graph.nodes.map((row) => (row === entity ? { ...row, props: { ...row.props, description: entityText } } : row)),
      relations: graph.relations.map((row) => (row === relation ? { ...row, props: { ...row.props, [key]: relationText } } : row)),
    };
    expect((await loadSeedGraph(db, spanning, { ...large, store: embedded })).method).toBe('bulk');
    const [contents] = await db.openScope({ timeoutMs: 120_000, requestId: 'test' }).read('admin/graph-contents', {}, contentsRow);
    expect(contents?.nodes.find((node) => node.properties.id === entity.id)?.properties.description).toBe(entityText);
    expect(contents?.relationships.find((rel) => rel.properties.key === relation.key)?.properties[key]).toBe(relationText);
    expect(contents?.nodes.length).toBeGreaterThan(graph.nodes.length);
  }, 600_000);

  it('leaves a blank store that takes the next load when the importer fails', async () => {
    await emptyDatabase(db);
    const first = graph.nodes[0];
    if (!first) throw new Error('the seed has no entity');
    // A relation to an entity that is not in the graph: the importer refuses it.
    const broken: SeedGraph = {
      ...graph,
      relations: [
        ...graph.relations,
        { key: 'MEMBER_OF|nobody|nowhere||', type: 'MEMBER_OF', from: 'nobody', to: first.id, props: { sources: ['x'] } },
      ],
    };
    await expect(loadSeedGraph(db, broken, { ...large, store: embedded })).rejects.toThrow(
      // What was wrong, named: the importer's causes, not only its outermost "Error importing csv file.".
      /bulk import failed[\s\S]*referring to missing node nobody/,
    );
    expect(await isStoreBlank(db)).toBe(true);
    // The same running database takes the next load: the importer runs in its JVM again.
    const next = await loadSeedGraph(db, graph, { ...large, store: embedded });
    expect([next.method, created(next)]).toEqual(['bulk', rows]);
  }, 600_000);

  it('removes the store a JVM that dies during the import may have left half-built, so that the next start is blank', async () => {
    const dataDir = path.join(folder, 'dies');
    const dying = await startEmbeddedNeo4j({ dataDir, readyTimeoutMs: 300_000, pageCacheMb: 64 });
    const files = await writeImportFiles(graph, mkdtempSync(path.join(folder, 'files-')), {
      by: 'test',
      operation: 'dies',
      at: new Date().toISOString(),
    });
    let killed = false;
    const replacing = runBulkImport(dying, files, {
      onStage: () => {
        if (killed) return;
        killed = true;
        process.kill(dying.pid, 'SIGKILL');
      },
    });
    await expect(replacing).rejects.toThrow(/exited with code .* while replacing its store/);
    await expect(replacing).rejects.toBeInstanceOf(BulkImportError);
    expect(killed).toBe(true);
    expect(existsSync(path.join(dataDir, 'data', 'databases', 'neo4j'))).toBe(false);
    const again = await startEmbeddedNeo4j({ dataDir, readyTimeoutMs: 300_000, pageCacheMb: 64 });
    const againDb = await openOn(again);
    try {
      expect(await isStoreBlank(againDb)).toBe(true);
    } finally {
      await againDb.close();
      await again.stop();
    }
  }, 600_000);
});
