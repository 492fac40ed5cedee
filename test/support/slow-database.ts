import path from 'node:path';
import { inject } from 'vitest';
import { projectRoot } from '../../src/config.ts';
import { Database } from '../../src/db/database.ts';
import { connect } from '../../src/db/driver.ts';
import { readRows } from './database.ts';
import { waitUntilAsync } from './waiting.ts';

/** test/fixtures/cypher: a minutes-long queries/server-info and a way to see it run. Tests only. */
export const slowCypherDir = path.join(projectRoot, 'test', 'fixtures', 'cypher');

/**
 * A Database on the run's Neo4j whose statements come from test/fixtures/cypher: serverInfo
 * then runs for minutes. Nothing in src/ can reach these files.
 */
export async function openSlowDatabase(transactionTimeoutMs = 60000): Promise<Database> {
  const settings = inject('neo4j');
  const driver = await connect({ ...settings, connectTimeoutMs: 10000 });
  return new Database(driver, settings.database, transactionTimeoutMs, { cypherDir: slowCypherDir });
}

/** How many transactions run the slow statement right now. */
export async function runningSlowStatements(db: Database): Promise<number> {
  const [row] = await readRows(db, 'running-slow');
  return Number(row?.running ?? 0);
}

/** Waits (bounded) until the slow statement runs `count` times in Neo4j. */
export function waitForSlowStatements(db: Database, count: number, timeoutMs: number): Promise<boolean> {
  return waitUntilAsync(async () => (await runningSlowStatements(db)) === count, timeoutMs);
}
