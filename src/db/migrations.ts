import { cypher, cypherFolder, statementsOf } from './cypher-files.ts';
import type { Database } from './database.ts';
import { refreshSearchForms } from './search-forms.ts';

/** The name a schema statement creates: `CREATE [TEXT|FULLTEXT] INDEX|CONSTRAINT <name> …`. */
export function schemaObjectName(statement: string): string | undefined {
  return /^CREATE\s+(?:\w+\s+)?(?:INDEX|CONSTRAINT)\s+(\w+)/i.exec(statement)?.[1];
}

/**
 * Applies cypher/schema/*.cypher in file-name order. Every statement says IF NOT EXISTS,
 * so running this at every start is safe; it waits until new indexes are online. Then the
 * stored search forms are brought up to the current rules when they are older (a no-op read
 * when they are not), since the search index reads them. `only` names the indexes and
 * constraints to create now (default all), for a load that creates the others after it has
 * written (src/db/load.ts, deferIndexes).
 */
export async function applySchemaMigrations(db: Database, onNotice?: (line: string) => void, only?: ReadonlySet<string>): Promise<number> {
  let applied = 0;
  for (const name of cypherFolder('schema')) {
    for (const statement of statementsOf(name)) {
      const object = schemaObjectName(statement);
      if (only && (object === undefined || !only.has(object))) continue;
      await db.runAutoCommit(statement);
      applied += 1;
    }
  }
  await db.runAutoCommit(cypher('admin/await-indexes'));
  await refreshSearchForms(db, onNotice);
  return applied;
}
