import { cypher, cypherFolder, statementsOf } from './cypher-files.ts';
import type { Database } from './database.ts';

/**
 * Applies cypher/schema/*.cypher in file-name order. Every statement says IF NOT EXISTS,
 * so running this at every start is safe; it waits until new indexes are online.
 */
export async function applySchemaMigrations(db: Database): Promise<number> {
  let applied = 0;
  for (const name of cypherFolder('schema')) {
    for (const statement of statementsOf(name)) {
      await db.runAutoCommit(statement);
      applied += 1;
    }
  }
  await db.runAutoCommit(cypher('admin/await-indexes'));
  return applied;
}
