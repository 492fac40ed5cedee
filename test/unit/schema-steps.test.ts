import { describe, expect, it } from 'vitest';
import { statementsOf } from '../../src/db/cypher-files.ts';
import { schemaSteps } from '../../src/db/migrations.ts';

// How a schema file's statements are sent: its consecutive index creations in one transaction,
// so that Neo4j fills them with one scan of the store; its consecutive constraint creations two
// at a time (each fills and checks its index before it returns); drops alone, in the file's order.

describe('the steps of a schema file', () => {
  it('groups consecutive index creations of every kind, and consecutive constraints, keeping the order', () => {
    const statements = [
      'CREATE CONSTRAINT change_id IF NOT EXISTS FOR (c:Change) REQUIRE c.id IS UNIQUE',
      'CREATE CONSTRAINT seed_load_id IF NOT EXISTS FOR (l:SeedLoad) REQUIRE l.id IS UNIQUE',
      'CREATE INDEX change_at IF NOT EXISTS FOR (c:Change) ON (c.at, c.id)',
      'CREATE TEXT INDEX name_text IF NOT EXISTS FOR (n:Entity) ON (n.nameKey)',
      'create fulltext index search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name]',
      'DROP INDEX entity_search IF EXISTS',
      'DROP INDEX entity_search_v1 IF EXISTS',
      'CREATE INDEX change_operation IF NOT EXISTS FOR (c:Change) ON (c.operation)',
      'CREATE CONSTRAINT mention_id IF NOT EXISTS FOR (m:Mention) REQUIRE m.id IS UNIQUE',
    ];
    expect(schemaSteps(statements)).toEqual([
      { kind: 'constraints', statements: statements.slice(0, 2) },
      { kind: 'indexes', statements: statements.slice(2, 5) },
      { kind: 'alone', statements: [statements[5]] },
      { kind: 'alone', statements: [statements[6]] },
      { kind: 'indexes', statements: [statements[7]] },
      { kind: 'constraints', statements: [statements[8]] },
    ]);
  });

  it('keeps every statement of the real files, each once, in order', () => {
    for (const file of ['schema/001-constraints', 'schema/002-range-indexes', 'schema/005-change-log', 'schema/007-relation-keys']) {
      const statements = statementsOf(file);
      expect(schemaSteps(statements).flatMap((step) => step.statements)).toEqual(statements);
    }
    // One population job for 002's range and text indexes and one for 008's relation date indexes;
    // 001's and 007's constraints go two at a time.
    expect(schemaSteps(statementsOf('schema/002-range-indexes')).map((step) => step.kind)).toEqual(['indexes']);
    expect(schemaSteps(statementsOf('schema/008-relation-dates')).map((step) => step.kind)).toEqual(['indexes']);
    expect(schemaSteps(statementsOf('schema/001-constraints')).map((step) => step.kind)).toEqual(['constraints']);
    expect(schemaSteps(statementsOf('schema/007-relation-keys')).map((step) => step.kind)).toEqual(['constraints']);
  });
});
