import { createHash } from 'node:crypto';
import { z } from 'zod';
import { cypher, cypherDir, cypherFolder, statementsOf } from './cypher-files.ts';
import type { Database } from './database.ts';
import { refreshSearchForms } from './search-forms.ts';

/** The name a schema statement creates: `CREATE [TEXT|FULLTEXT] INDEX|CONSTRAINT <name> …`. */
export function schemaObjectName(statement: string): string | undefined {
  return /^CREATE\s+(?:\w+\s+)?(?:INDEX|CONSTRAINT)\s+(\w+)/i.exec(statement)?.[1];
}

const createsIndex = /^CREATE\s+(?:\w+\s+)?INDEX\b/i;

/**
 * A file's statements in order, each run of consecutive index creations as one group (created in
 * one transaction, so filled by one scan: Database.createIndexesTogether), everything else alone.
 */
export function indexGroups(statements: readonly string[]): string[][] {
  const groups: string[][] = [];
  let open: string[] | null = null;
  for (const statement of statements) {
    if (!createsIndex.test(statement)) {
      groups.push([statement]);
      open = null;
    } else if (open) open.push(statement);
    else {
      open = [statement];
      groups.push(open);
    }
  }
  return groups;
}

const dropsObject = /^DROP\s+(?:INDEX|CONSTRAINT)\s+(\w+)/i;

/** For each file of a run, in order, the indexes and constraints that a later file of the run drops. */
export function droppedLater(files: readonly (readonly string[])[]): Set<string>[] {
  const result: Set<string>[] = [];
  const later = new Set<string>();
  for (let index = files.length - 1; index >= 0; index--) {
    result[index] = new Set(later);
    for (const statement of files[index] ?? []) {
      const object = dropsObject.exec(statement)?.[1];
      if (object) later.add(object);
    }
  }
  return result;
}

/** A schema file this database applied before was changed since: the database may not match it. */
export class MigrationChangedError extends Error {
  override name = 'MigrationChangedError';
}

export interface MigrationOptions {
  /**
   * The indexes and constraints to create now, for a load that creates the others after it has
   * written (src/db/load.ts, deferIndexes). Such a partial run records nothing.
   */
  only?: ReadonlySet<string>;
  /** The folder holding schema/*.cypher (tests use a copy of their own). */
  cypherDir?: string;
}

export interface MigrationOutcome {
  /** The files applied by this run, in order, named as cypher/ names them (schema/001-constraints). */
  applied: string[];
  /** Statements run. */
  statements: number;
  /**
   * Indexes and constraints not created because a later file of the same run drops them (a
   * database that never had them, a new store above all, would build them only to drop them).
   */
  superseded: string[];
}

const appliedRow = z.object({ name: z.string(), checksum: z.string(), appliedAt: z.string().nullable() });
const recordedRow = z.object({ checksum: z.string() });

/**
 * The checksum of a schema file: of its statements, comments and blank lines left out, so that
 * explaining a migration better does not count as changing it.
 */
function checksumOf(statements: readonly string[]): string {
  return createHash('sha256').update(statements.join(';\n')).digest('hex');
}

/**
 * Runs a schema statement again when Neo4j could not plan it because the schema kept changing
 * under it: the indexes of the groups before it coming online one after another (each is a new
 * schema state, and the planner starts over at each). Every schema statement here says IF NOT
 * EXISTS or IF EXISTS, so running one again is safe. Neo4j gives the refusal no code of its own
 * (a general 50N09), hence the message.
 */
export async function againWhileSchemaChanges<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= 20 || !(error instanceof Error) || !error.message.includes('insanely frequent schema changes')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/**
 * Applies the schema files cypher/schema/*.cypher this database has not applied yet, in
 * file-name order, and records each in a :Migration node (its name, the checksum of its
 * statements, when). A file recorded with the same checksum is skipped; one recorded with
 * another checksum was changed after it was applied, and the start is refused, naming it, before
 * any file is applied: a change to the schema goes in a new file. An index or constraint that a
 * later file of the same run drops is not created (MigrationOutcome.superseded). Then it waits
 * until new indexes are online, records the files, and brings the stored search forms up to the
 * current rules when they are older (a no-op read when they are not), since the search index
 * reads them. The records wait for the indexes, and a schema statement refused as planned amid
 * too many schema changes is run again (againWhileSchemaChanges): a statement planned while a
 * run's indexes come online one after another is planned again at each, and Neo4j gives up after
 * a few ("Could not compile query due to insanely frequent schema changes", seen once in CI, in
 * the bulk-load test's first load, after 015 added three indexes).
 *
 * Two processes starting at once may both apply a new file: every statement says IF NOT EXISTS
 * (or IF EXISTS), and the record is a MERGE on a uniqueness constraint, so the file is applied
 * as if once and recorded once. A file that failed halfway is not recorded, and is applied again
 * from its start at the next run.
 */
export async function applySchemaMigrations(
  db: Database,
  onNotice?: (line: string) => void,
  options: MigrationOptions = {},
): Promise<MigrationOutcome> {
  const dir = options.cypherDir ?? cypherDir;
  await db.runAutoCommit(cypher('admin/migration-constraint'));
  const scope = db.openScope({ timeoutMs: Number.POSITIVE_INFINITY, requestId: 'migrations' });
  const recorded = new Map((await scope.read('admin/migrations-applied', {}, appliedRow)).map((row) => [row.name, row]));
  const outcome: MigrationOutcome = { applied: [], statements: 0, superseded: [] };
  const pending: { name: string; statements: string[]; checksum: string }[] = [];
  for (const name of cypherFolder('schema', dir)) {
    const statements = statementsOf(name, dir);
    const checksum = checksumOf(statements);
    const before = recorded.get(name);
    if (!before) pending.push({ name, statements, checksum });
    else if (before.checksum !== checksum) throw changed(name, dir, before.appliedAt);
  }
  const droppedAfter = droppedLater(pending.map((file) => file.statements));
  const created: { name: string; checksum: string }[] = [];
  for (const [index, { name, statements, checksum }] of pending.entries()) {
    const dropped = droppedAfter[index] ?? new Set<string>();
    const chosen = statements.filter((statement) => {
      const object = schemaObjectName(statement);
      if (object !== undefined && dropped.has(object)) {
        outcome.superseded.push(object);
        return false;
      }
      return !options.only || (object !== undefined && options.only.has(object));
    });
    for (const group of indexGroups(chosen)) {
      await againWhileSchemaChanges(() =>
        group.length === 1 && group[0] !== undefined ? db.runAutoCommit(group[0]) : db.createIndexesTogether(group),
      );
    }
    outcome.statements += chosen.length;
    if (!options.only) created.push({ name, checksum });
  }
  await db.runAutoCommit(cypher('admin/await-indexes'));
  for (const { name, checksum } of created) {
    const [stored] = await db.write('admin/migration-record', { name, checksum }, recordedRow);
    // Another process recorded it first, from a file that differs from this one's.
    if (stored?.checksum !== checksum) throw changed(name, dir, null);
    outcome.applied.push(name);
  }
  if (outcome.applied.length > 0) onNotice?.(`schema migrations applied: ${outcome.applied.join(', ')}`);
  await refreshSearchForms(db, onNotice);
  return outcome;
}

function changed(name: string, dir: string, appliedAt: string | null): MigrationChangedError {
  const file = `${dir === cypherDir ? 'cypher' : dir}/${name}.cypher`;
  return new MigrationChangedError(
    `${file} was changed after this database applied it${appliedAt ? ` (at ${appliedAt})` : ''}: ` +
      'its statements no longer match the ones recorded. Put back the file as it was and make the change in a new ' +
      'schema file, which is applied once, after the others (docs/operations.md, "Schema migrations").',
  );
}
