import { describe, expect, it } from 'vitest';
import { statementsOf } from '../../src/db/cypher-files.ts';
import { droppedLater, indexGroups } from '../../src/db/migrations.ts';

// A schema file's index creations are sent together, so that Neo4j fills them with one scan of
// the store; constraints (which fill and check their index before they return) and drops go
// alone, in the file's order.

describe('index groups of a schema file', () => {
  it('puts consecutive index creations of every kind in one group, and everything else alone, in order', () => {
    const statements = [
      'CREATE CONSTRAINT change_id IF NOT EXISTS FOR (c:Change) REQUIRE c.id IS UNIQUE',
      'CREATE INDEX change_at IF NOT EXISTS FOR (c:Change) ON (c.at, c.id)',
      'CREATE TEXT INDEX name_text IF NOT EXISTS FOR (n:Entity) ON (n.nameKey)',
      'create fulltext index search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name]',
      'DROP INDEX entity_search IF EXISTS',
      'CREATE INDEX change_operation IF NOT EXISTS FOR (c:Change) ON (c.operation)',
    ];
    expect(indexGroups(statements)).toEqual([
      [statements[0]],
      [statements[1], statements[2], statements[3]],
      [statements[4]],
      [statements[5]],
    ]);
  });

  it('keeps every statement of the real files, each once', () => {
    for (const file of ['schema/001-constraints', 'schema/002-range-indexes', 'schema/005-change-log', 'schema/008-relation-dates']) {
      const statements = statementsOf(file);
      expect(indexGroups(statements).flat()).toEqual(statements);
    }
    // The range indexes of 002 and the relation date indexes of 008: one population job each.
    expect(indexGroups(statementsOf('schema/002-range-indexes'))).toHaveLength(1);
    expect(indexGroups(statementsOf('schema/008-relation-dates'))).toHaveLength(1);
  });
});

describe('what a later file of a run drops', () => {
  it('names, for each file, the indexes and constraints any later file drops, and not its own drops', () => {
    const files = [
      ['CREATE INDEX a IF NOT EXISTS FOR (n:X) ON (n.a)', 'CREATE TEXT INDEX b IF NOT EXISTS FOR (n:X) ON (n.b)'],
      ['DROP INDEX b IF EXISTS', 'CREATE CONSTRAINT c IF NOT EXISTS FOR (n:X) REQUIRE n.c IS UNIQUE'],
      ['drop constraint c if exists', 'CREATE INDEX b IF NOT EXISTS FOR (n:X) ON (n.b, n.a)'],
    ];
    expect(droppedLater(files)).toEqual([new Set(['b', 'c']), new Set(['c']), new Set()]);
  });

  it('finds the real files: 013 drops the text index 002 creates', () => {
    const real = ['schema/002-range-indexes', 'schema/013-drop-name-key-text'].map((file) => statementsOf(file));
    expect(droppedLater(real)[0]).toEqual(new Set(['entity_name_key_text']));
  });
});
