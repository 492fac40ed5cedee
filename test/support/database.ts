import { inject } from 'vitest';
import { z } from 'zod';
import { Database } from '../../src/db/database.ts';
import { connect } from '../../src/db/driver.ts';
import { entitiesByIdParameters } from '../../src/db/repositories/entities.ts';
import { type GraphState, stateOf } from './graph-state.ts';

/** A Database on the run's Neo4j (embedded or NEO4J_URI). Close it in afterAll. */
export async function openTestDatabase(): Promise<Database> {
  const settings = inject('neo4j');
  // Generous for the same reason as testRequestTimeoutMs: a loaded machine, not a test of connecting.
  const driver = await connect({ ...settings, connectTimeoutMs: 60000 });
  return new Database(driver, settings.database, 60000);
}

/** Removes every node and relationship, in batches so a large graph does not exhaust memory. */
export async function emptyDatabase(db: Database): Promise<void> {
  // CALL … IN TRANSACTIONS needs an auto-commit transaction, which only session.run gives.
  const session = db.driver.session({ database: db.name });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

const contentsRow = z.object({
  nodes: z.array(z.object({ id: z.string(), labels: z.array(z.string()), properties: z.record(z.string(), z.unknown()) })),
  relationships: z.array(z.object({ type: z.string(), from: z.string(), to: z.string(), properties: z.record(z.string(), z.unknown()) })),
});

/**
 * A hash of everything in the database, every property of every node and relationship, the
 * change log included: equal before and after shows that a series of requests changed nothing.
 */
export async function graphState(db: Database): Promise<GraphState> {
  const scope = db.openScope({ timeoutMs: 60_000, requestId: 'test' });
  try {
    const [contents] = await scope.read('admin/graph-contents', {}, contentsRow);
    if (!contents) throw new Error('admin/graph-contents returned no row');
    return stateOf(contents);
  } finally {
    scope.dispose();
  }
}

/** Rows of a named statement, unparsed: for tests that look at what is stored. */
export function readRows(db: Database, statement: string, parameters: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  return db.openScope({ timeoutMs: 60_000, requestId: 'test' }).read(statement, parameters, z.record(z.string(), z.unknown()));
}

/** Stored properties of these entities, by the statement the API reads them with. */
export function readStoredProps(db: Database, ids: readonly string[]): Promise<{ id: string; props: Record<string, unknown> }[]> {
  const row = z.object({ id: z.string(), props: z.record(z.string(), z.unknown()) });
  return db.openScope({ timeoutMs: 60_000, requestId: 'test' }).read('queries/entities-by-id', entitiesByIdParameters(ids), row);
}
