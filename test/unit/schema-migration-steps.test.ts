import { describe, expect, it } from 'vitest';
import { cypherFolder, statementsOf } from '../../src/db/cypher-files.ts';
import { migrationSteps } from '../../src/db/migrations.ts';

// The index creations of the files a run applies are sent together, after everything else, so
// that Neo4j fills them all with one scan of the store; constraints (which fill and check their
// index before they return) and drops go alone, in the files' order, and a drop of an index the
// group creates comes after it.

describe('the steps of a migration run', () => {
  it('puts every index creation, of every kind, in one last group, and everything else alone, in order', () => {
    const statements = [
      'CREATE CONSTRAINT change_id IF NOT EXISTS FOR (c:Change) REQUIRE c.id IS UNIQUE',
      'CREATE INDEX change_at IF NOT EXISTS FOR (c:Change) ON (c.at, c.id)',
      'CREATE TEXT INDEX name_text IF NOT EXISTS FOR (n:Entity) ON (n.nameKey)',
      'create fulltext index search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name]',
      'DROP INDEX entity_search IF EXISTS',
      'CREATE CONSTRAINT merge_job_id IF NOT EXISTS FOR (j:MergeJob) REQUIRE j.id IS UNIQUE',
      'CREATE INDEX change_operation IF NOT EXISTS FOR (c:Change) ON (c.operation)',
    ];
    expect(migrationSteps(statements)).toEqual([
      [statements[0]],
      [statements[4]],
      [statements[5]],
      [statements[1], statements[2], statements[3], statements[6]],
    ]);
  });

  it('creates an index before a later statement drops it, as the files say', () => {
    const statements = [
      'CREATE INDEX old_name IF NOT EXISTS FOR (n:Entity) ON (n.name)',
      'CREATE INDEX kept IF NOT EXISTS FOR (n:Entity) ON (n.kind)',
      'DROP INDEX old_name IF EXISTS',
      'CREATE INDEX new_name IF NOT EXISTS FOR (n:Entity) ON (n.name, n.id)',
    ];
    expect(migrationSteps(statements)).toEqual([[statements[0], statements[1]], [statements[2]], [statements[3]]]);
  });

  it('runs every statement of the real files once, with one population job for all their indexes', () => {
    const statements = cypherFolder('schema').flatMap((file) => statementsOf(file));
    const steps = migrationSteps(statements);
    expect(steps.flat().sort()).toEqual([...statements].sort());
    const groups = steps.filter((step) => step.length > 1);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toEqual(statements.filter((statement) => /^CREATE\s+(\w+\s+)?INDEX/i.test(statement)));
    expect(steps.at(-1)).toBe(groups[0]);
  });
});
