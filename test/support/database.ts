import { inject } from 'vitest';
import { Database } from '../../src/db/database.ts';
import { connect } from '../../src/db/driver.ts';

/** A Database on the run's Neo4j (embedded or NEO4J_URI). Close it in afterAll. */
export async function openTestDatabase(): Promise<Database> {
  const settings = inject('neo4j');
  const driver = await connect({ ...settings, connectTimeoutMs: 10000 });
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

export interface GraphSize {
  nodes: number;
  nodeProperties: number;
  relationships: number;
  relationshipProperties: number;
}

/** Counts everything in the database, to show a series of requests changed nothing. */
export async function graphSize(db: Database): Promise<GraphSize> {
  const [row] = await db.read('admin/graph-size');
  const number = (value: unknown) => Number(value ?? 0);
  return {
    nodes: number(row?.nodes),
    nodeProperties: number(row?.nodeProperties),
    relationships: number(row?.relationships),
    relationshipProperties: number(row?.relationshipProperties),
  };
}
