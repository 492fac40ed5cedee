import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { projectRoot } from '../../src/config.ts';
import { Database } from '../../src/db/database.ts';
import { connect } from '../../src/db/driver.ts';
import { readRows } from './database.ts';
import { waitUntilAsync } from './waiting.ts';

/** test/fixtures/cypher: minutes-long stand-ins for a few statements, and a way to see them run. Tests only. */
export const slowFixturesDir = path.join(projectRoot, 'test', 'fixtures', 'cypher');

let slowCypherDir: string | undefined;
/**
 * cypher/ with test/fixtures/cypher laid over it, in a folder of its own: the stand-ins replace
 * their statements and every other statement is the real one, so a request that reads
 * something else before the slow statement (an export resolving its slug) still gets there.
 */
function slowStatements(): string {
  if (slowCypherDir === undefined) {
    const dir = mkdtempSync(path.join(tmpdir(), 'govgraph-slow-cypher-'));
    cpSync(path.join(projectRoot, 'cypher'), dir, { recursive: true });
    cpSync(slowFixturesDir, dir, { recursive: true });
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    slowCypherDir = dir;
  }
  return slowCypherDir;
}

/**
 * A Database on the run's Neo4j whose statements come from cypher/ and test/fixtures/cypher:
 * serverInfo and a neighbourhood export's labels then run for minutes. Nothing in src/ can
 * reach these files.
 */
export async function openSlowDatabase(transactionTimeoutMs = 60000): Promise<Database> {
  return openDatabaseReading(slowStatements(), transactionTimeoutMs);
}

/** A Database on the run's Neo4j whose statements are read from `cypherDir`. */
export async function openDatabaseReading(cypherDir: string, transactionTimeoutMs = 60000): Promise<Database> {
  const settings = inject('neo4j');
  const driver = await connect({ ...settings, connectTimeoutMs: 10000 });
  return new Database(driver, settings.database, transactionTimeoutMs, { cypherDir });
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
