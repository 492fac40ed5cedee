import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateAndLoad } from '../../bench/lib/dataset.ts';
import { type BenchServer, checkEquivalence, ensureBenchDependencies, startServer } from '../../bench/lib/harness.ts';
import { drawParams, queryNames, type System, systems } from '../../bench/lib/mix.ts';
import type { Database } from '../../src/db/database.ts';
import { emptyDatabase, openTestDatabase } from '../support/database.ts';

/**
 * The benchmark's correctness gate, without its timings: govgraph (A), @neo4j/graphql 7 (B) and
 * the hand-written Cypher (C) answer the same 200 parameter sets of the query mix alike, on a
 * generated graph loaded with the project's loader. The graph is smaller than the benchmark's
 * S (4k entities instead of 10k) so that loading it stays within a test's budget.
 */
const entities = 4000;

describe('benchmark systems A, B and C', () => {
  let db: Database;
  let folder: string;
  const servers: Partial<Record<System, BenchServer>> = {};

  beforeAll(async () => {
    ensureBenchDependencies();
    db = await openTestDatabase();
    await emptyDatabase(db);
    folder = mkdtempSync(path.join(tmpdir(), 'govgraph-bench-test-'));
    await generateAndLoad(db, entities, path.join(folder, 'graph.json'));
    const settings = inject('neo4j');
    for (const system of systems) servers[system] = await startServer(system, settings);
  }, 180000);

  afterAll(async () => {
    for (const server of Object.values(servers)) await server.stop();
    await emptyDatabase(db);
    await db.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('return equal normalized answers for 200 parameter sets', async () => {
    const params = drawParams(entities, 200 / queryNames.length);
    expect(params).toHaveLength(200);
    const { mismatches } = await checkEquivalence(servers as Record<System, BenchServer>, params);
    expect(mismatches.map((mismatch) => `#${mismatch.index} ${JSON.stringify(mismatch.params)}: ${mismatch.detail}`)).toEqual([]);
  }, 120000);
});
