import { cypher, cypherFolder, statementsOf } from './cypher-files.ts';
import type { Database } from './database.ts';
import { refreshSearchForms } from './search-forms.ts';

/**
 * Applies cypher/schema/*.cypher in file-name order. Every statement says IF NOT EXISTS,
 * so running this at every start is safe; it waits until new indexes are online. Then the
 * stored search forms are brought up to the current rules when they are older (a no-op read
 * when they are not), since the search index reads them.
 */
export async function applySchemaMigrations(db: Database, onNotice?: (line: string) => void): Promise<number> {
  let applied = 0;
  for (const name of cypherFolder('schema')) {
    for (const statement of statementsOf(name)) {
      await db.runAutoCommit(statement);
      applied += 1;
    }
  }
  await db.runAutoCommit(cypher('admin/await-indexes'));
  await refreshSearchForms(db, onNotice);
  return applied;
}
