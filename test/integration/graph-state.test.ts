import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { emptyDatabase, graphState, openTestDatabase } from '../support/database.ts';

// The "changed nothing" oracle on a real Neo4j: one change to one property, label or
// relationship, of the kind a stray write would make, changes graphState's hash though not one
// count moves; undoing it brings the hash back.

describe('graphState sees every change', () => {
  let db: Database;
  const write = async (text: string) => {
    await db.driver.executeQuery(text, {}, { database: db.name });
  };

  beforeAll(async () => {
    db = await openTestDatabase();
    await emptyDatabase(db);
    await write(`
      CREATE (org:Entity:Organization {id: 'msk-ix', name: 'MSK-IX', aliases: ['ММТС'], edition: 3, ratio: 0.5})
      CREATE (tld:Entity:Tld {id: 'tld-ru', name: '.ru', idn: false})
      CREATE (org)-[:MANAGES {role: 'operator', sources: ['src-a'], evidence: 'STATED'}]->(tld)
      CREATE (:Change {by: 'seed', at: datetime('2021-02-03T04:05:06Z'), day: date('2021-02-03')})
    `);
  });

  afterAll(async () => {
    await emptyDatabase(db);
    await db?.close();
  });

  it('reads the same state twice', async () => {
    const state = await graphState(db);
    expect(state).toMatchObject({ nodes: 3, relationships: 1, changes: 1 });
    expect(await graphState(db)).toEqual(state);
  });

  const changes: [string, string, string][] = [
    [
      'SET n.name = …, the case counts alone miss',
      "MATCH (n {id: 'msk-ix'}) SET n.name = 'MSK-IX (hacked)'",
      "MATCH (n {id: 'msk-ix'}) SET n.name = 'MSK-IX'",
    ],
    [
      'an integer turned into the same digits as a string',
      "MATCH (n {id: 'msk-ix'}) SET n.edition = '3'",
      "MATCH (n {id: 'msk-ix'}) SET n.edition = 3",
    ],
    ['a float', "MATCH (n {id: 'msk-ix'}) SET n.ratio = 0.25", "MATCH (n {id: 'msk-ix'}) SET n.ratio = 0.5"],
    ['a list item', "MATCH (n {id: 'msk-ix'}) SET n.aliases = ['MMTS']", "MATCH (n {id: 'msk-ix'}) SET n.aliases = ['ММТС']"],
    ['a boolean', "MATCH (n {id: 'tld-ru'}) SET n.idn = true", "MATCH (n {id: 'tld-ru'}) SET n.idn = false"],
    ['a label', "MATCH (n {id: 'tld-ru'}) SET n:Topic", "MATCH (n {id: 'tld-ru'}) REMOVE n:Topic"],
    ['a relationship property', "MATCH ()-[r:MANAGES]->() SET r.role = 'registry'", "MATCH ()-[r:MANAGES]->() SET r.role = 'operator'"],
    [
      'a relationship turned round',
      'MATCH (a)-[r:MANAGES]->(b) CREATE (b)-[s:MANAGES]->(a) SET s = properties(r) DELETE r',
      'MATCH (a)-[r:MANAGES]->(b) CREATE (b)-[s:MANAGES]->(a) SET s = properties(r) DELETE r',
    ],
    [
      'a date-time in the change log, by one second',
      "MATCH (c:Change) SET c.at = datetime('2021-02-03T04:05:07Z')",
      "MATCH (c:Change) SET c.at = datetime('2021-02-03T04:05:06Z')",
    ],
    [
      'a property removed and another added',
      "MATCH (c:Change) REMOVE c.by SET c.who = 'seed'",
      "MATCH (c:Change) REMOVE c.who SET c.by = 'seed'",
    ],
  ];

  it.each(changes)('%s: the hash changes, the counts do not, and undoing it restores the hash', async (_what, change, undo) => {
    const before = await graphState(db);
    await write(change);
    const after = await graphState(db);
    expect({ nodes: after.nodes, relationships: after.relationships, changes: after.changes }).toEqual({
      nodes: before.nodes,
      relationships: before.relationships,
      changes: before.changes,
    });
    expect(after.hash).not.toBe(before.hash);
    await write(undo);
    expect(await graphState(db)).toEqual(before);
  });
});
