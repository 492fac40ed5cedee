import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { searchEntities } from '../../src/db/repositories/lists.ts';
import type { EntityLabel } from '../../src/domain/graph.ts';
import { planSearch, type SearchStatementParameters, searchStatementParameters } from '../../src/domain/text/search-query.ts';
import { openTestDatabase } from '../support/database.ts';
import { loadRealSeed } from '../support/graphql.ts';

// Planning queries/search takes over a second on a warm JVM. Neo4j keys its plan cache by the
// statement's text and its parameters' types, and by default by the lengths of its string and
// list parameters too: every search of other words was planned again (1.4–3 s where a cached
// plan answers in tens of milliseconds). The statement's parameters are never null nor an empty
// `labels`, and the embedded Neo4j does not key plans by lengths, so searches of other words
// share a plan. Neo4j's own count of cached queries (db.clearQueryCaches) shows it.

/** Empties Neo4j's query caches and says how many queries they held. */
async function clearedQueries(db: Database): Promise<number> {
  const session = db.driver.session({ database: db.name });
  try {
    const result = await session.run('CALL db.clearQueryCaches()');
    const message = String(result.records[0]?.get(0) ?? '');
    const count = /cleared of (\d+) quer/.exec(message)?.[1];
    return count === undefined ? 0 : Number(count);
  } finally {
    await session.close();
  }
}

function parametersFor(text: string, labels: readonly EntityLabel[] | null = null): SearchStatementParameters {
  const plan = planSearch(text);
  if (!plan) throw new Error(`"${text}" plans no search`);
  return searchStatementParameters(plan, labels, 20);
}

describe('the search statement keeps one plan for searches of other words', () => {
  let db: Database;
  const embedded = inject('neo4j').embedded;

  beforeAll(async () => {
    db = await openTestDatabase();
    await loadRealSeed(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it('never sends a null, nor an empty list of labels', () => {
    for (const parameters of [parametersFor('RANS'), parametersFor('Vorobiev', ['Person']), parametersFor('head of the registry')]) {
      for (const [name, value] of Object.entries(parameters)) expect(value, name).not.toBeNull();
      expect(parameters.labels.length).toBeGreaterThan(0);
    }
    // No type asked: every label an entity of the graph has, conflicts (never searched) aside.
    expect(parametersFor('RANS').labels).not.toContain('Conflict');
    expect(parametersFor('RANS').labels).toContain('Statement');
  });

  // The lengths are a setting of the server (internal.cypher.use_parameter_size), which the
  // embedded Neo4j sets and a server of one's own may not.
  it.skipIf(!embedded)('plans a search of one word once, whatever the word, its typos and the types asked', async () => {
    const scope = db.openScope({ timeoutMs: 120_000, requestId: 'search-plans' });
    const oneWord = [
      parametersFor('Vorobiev'),
      // Too short for a typo: no fuzzy query, where the others have one.
      parametersFor('RANS'),
      parametersFor('internationalisation'),
      parametersFor('Rossvyaz', ['Organization']),
      parametersFor('ICANN', ['Organization', 'Body', 'Event']),
    ];
    const several = [
      parametersFor('head of the coordination center'),
      parametersFor('internet governance in Russia'),
      parametersFor('Qrator Labs'),
    ];
    // The searches of each group differ only in values, and in the lengths of their strings and lists.
    for (const group of [oneWord, several]) {
      const [first] = group;
      for (const parameters of group) {
        expect(parameters.words.length > 0).toBe((first?.words.length ?? 0) > 0);
        expect(parameters.typeLabels.length > 0).toBe((first?.typeLabels.length ?? 0) > 0);
      }
    }
    const oneOfEach = [oneWord[0], several[0]].filter((parameters) => parameters !== undefined);

    await clearedQueries(db);
    for (const parameters of oneOfEach) await searchEntities(scope, parameters);
    const afterOneOfEach = await clearedQueries(db);

    for (const parameters of [...oneWord, ...several]) await searchEntities(scope, parameters);
    const afterAll = await clearedQueries(db);

    // What the count sees: another view of the hits is another statement text, planned apart.
    for (const parameters of oneOfEach) await searchEntities(scope, parameters);
    await searchEntities(scope, parametersFor('Vorobiev'), ['id', 'label', 'name']);
    const withAnotherText = await clearedQueries(db);
    scope.dispose();

    expect(afterOneOfEach).toBeGreaterThan(0);
    expect(afterAll).toBe(afterOneOfEach);
    expect(withAnotherText).toBeGreaterThan(afterOneOfEach);
  });
});
