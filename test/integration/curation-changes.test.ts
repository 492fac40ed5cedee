import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/cypher-files.ts';
import type { Database } from '../../src/db/database.ts';
import { maxMutationsPerRequest } from '../../src/http/mutation-limit.ts';
import { entityInput, footprint, seedSource, testKeys } from '../support/curation.ts';
import { openTestDatabase } from '../support/database.ts';
import { GraphQLClient, loadRealSeed } from '../support/graphql.ts';

// The change log read back: oldest first, paged with keyset cursors over a known sequence of
// writes, filtered by time, with the entity as it is now (null once deleted), read from the
// Change(at, id) index. And the limits on writes: a cost per mutation, at most ten per request.

interface ChangeOut {
  id: string;
  at: string;
  by: string;
  action: string;
  operation: string;
  kind: string;
  entitySlug: string | null;
  entityType: string | null;
  entity: { slug: string; name: string } | null;
  fields: string[];
}

interface Page {
  changes: {
    edges: { cursor: string; node: ChangeOut }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
}

const pageQuery = `query ($since: DateTime!, $first: Int, $after: ChangeCursor) {
  changes(since: $since, first: $first, after: $after) {
    edges { cursor node { id at by action operation kind entitySlug entityType entity { slug name } fields } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

/** The operators of a statement's plan (EXPLAIN), each with its details, top first. */
async function explainedOperators(db: Database, statement: string, parameters: Record<string, unknown>): Promise<string[]> {
  const session = db.driver.session({ database: db.name });
  try {
    const result = await session.run(`EXPLAIN ${cypher(statement)}`, parameters);
    const operators: string[] = [];
    const walk = (plan: { operatorType: string; arguments: Record<string, unknown>; children: unknown[] }) => {
      operators.push(`${plan.operatorType} ${String(plan.arguments.Details ?? '')}`);
      for (const child of plan.children) walk(child as typeof plan);
    };
    walk(result.summary.plan as unknown as Parameters<typeof walk>[0]);
    return operators;
  } finally {
    await session.close();
  }
}

describe('the changes query', () => {
  let db: Database;
  let api: GraphQLClient;
  let since: string;
  const keys = testKeys();
  /** What the writes below should leave in the log, in order: action and slug. */
  const expected: string[] = [];

  const upsertTopic = (id: string, name?: string) =>
    api.data<{ upsertTopic: { operation: string } }>(
      'mutation ($input: TopicInput!) { upsertTopic(input: $input) { operation } }',
      { input: { ...entityInput('Topic', id), ...(name ? { name } : {}) } },
      keys.curator,
    );

  beforeAll(async () => {
    db = await openTestDatabase();
    await loadRealSeed(db);
    api = new GraphQLClient(db, { apiKeys: keys.entries });
    since = new Date().toISOString();
    for (const id of ['log-a', 'log-b', 'log-c', 'log-d', 'log-e']) {
      await upsertTopic(id);
      expected.push(`CREATED log-${id.slice(-1)}`);
    }
    await upsertTopic('log-b', 'Renamed B');
    expected.push('UPDATED log-b');
    await upsertTopic('log-c');
    await api.data('mutation { deleteTopic(id: "log-d") { deleted } }', {}, keys.admin);
    expected.push('DELETED log-d');
  });

  afterAll(async () => {
    await db?.close();
  });

  async function readAll(first: number): Promise<{ pages: Page['changes'][]; changes: ChangeOut[] }> {
    const pages: Page['changes'][] = [];
    let after: string | null = null;
    for (;;) {
      const { changes }: Page = await api.data<Page>(pageQuery, { since, first, after });
      pages.push(changes);
      if (!changes.pageInfo.hasNextPage) break;
      after = changes.pageInfo.endCursor;
    }
    return { pages, changes: pages.flatMap((page) => page.edges.map((edge) => edge.node)) };
  }

  it('pages forward through the writes, oldest first, with cursors', async () => {
    const { pages, changes } = await readAll(2);
    expect(changes.map((change) => `${change.action} ${change.entitySlug}`)).toEqual(expected);
    expect(pages.map((page) => page.edges.length)).toEqual([2, 2, 2, 1]);
    expect(pages[0]?.pageInfo.hasPreviousPage).toBe(false);
    expect(pages[1]?.pageInfo.hasPreviousPage).toBe(true);
    expect(pages.at(-1)?.pageInfo.hasNextPage).toBe(false);
    for (const page of pages) expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor);
    const times = changes.map((change) => Date.parse(change.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(changes.find((change) => change.action === 'UPDATED')?.fields).toEqual(['name']);
    expect(new Set(changes.map((change) => change.by))).toEqual(new Set(['curator', 'admin']));
    // Each mutation is one operation.
    expect(new Set(changes.map((change) => change.operation)).size).toBe(changes.length);
  });

  it('gives the entity as it is now, and null once it is deleted', async () => {
    const { changes } = await readAll(50);
    const bySlug = (slug: string) => changes.filter((change) => change.entitySlug === slug);
    expect(bySlug('log-b').map((change) => change.entity)).toEqual([
      { slug: 'log-b', name: 'Renamed B' },
      { slug: 'log-b', name: 'Renamed B' },
    ]);
    expect(bySlug('log-d').map((change) => change.entity)).toEqual([null, null]);
    expect(bySlug('log-d').map((change) => change.entityType)).toEqual(['TOPIC', 'TOPIC']);
  });

  it('reads only the changes at or after `since`', async () => {
    const { changes } = await readAll(50);
    const fourth = changes[3] as ChangeOut;
    const { changes: later } = await api.data<Page>(pageQuery, { since: fourth.at, first: 50 });
    expect(later.edges.map((edge) => edge.node.id)).toEqual(changes.slice(3).map((change) => change.id));
    const { changes: none } = await api.data<Page>(pageQuery, { since: new Date(Date.now() + 60_000).toISOString(), first: 50 });
    expect(none).toEqual({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
    // A cursor from before `since` starts at `since`.
    const { changes: firstPage } = await api.data<Page>(pageQuery, { since, first: 1 });
    const { changes: fromStart } = await api.data<Page>(pageQuery, { since: fourth.at, first: 50, after: firstPage.pageInfo.endCursor });
    expect(fromStart.edges.map((edge) => edge.node.id)).toEqual(changes.slice(3).map((change) => change.id));
  });

  it('continues within one transaction: a seed load shares one time over hundreds of changes', async () => {
    const { changes } = await api.data<Page>(pageQuery, { since: '2000-01-01T00:00:00Z', first: 100 });
    const seedTime = changes.edges[0]?.node.at;
    expect(changes.edges.every((edge) => edge.node.at === seedTime && edge.node.by === 'seed')).toBe(true);
    const next = await api.data<Page>(pageQuery, { since: '2000-01-01T00:00:00Z', first: 100, after: changes.pageInfo.endCursor });
    const ids = new Set(changes.edges.map((edge) => edge.node.id));
    expect(next.changes.edges.length).toBe(100);
    for (const edge of next.changes.edges) expect(ids.has(edge.node.id)).toBe(false);
    expect((next.changes.edges[0]?.node.id ?? '') > (changes.edges.at(-1)?.node.id ?? '')).toBe(true);
  });

  it('bounds first and checks cursors', async () => {
    for (const first of [0, 101]) {
      const error = await api.error(pageQuery, { since, first });
      // `argument` repeats `field` until it is removed (deprecated in CHANGELOG.md).
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first', argument: 'first' });
    }
    const error = await api.error(pageQuery, { since, first: 5, after: 'not-a-cursor' });
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after', argument: 'after' });
  });

  it('costs what the cost model says: first multiplies the selection', async () => {
    const { queryCost } = await api.data<{ queryCost: { cost: number } }>(
      'query ($since: DateTime!) { queryCost { cost } changes(since: $since, first: 10) { edges { node { id entity { slug } } } } }',
      { since },
    );
    // queryCost 1 + cost 1; changes 1 + 10 × (edges 1 + node 1 + id 1 + entity 1 + slug 1).
    expect(queryCost.cost).toBe(2 + 1 + 10 * 5);
  });

  it('reads the page from the Change(at, id) index, never scanning the log', async () => {
    const operators = await explainedOperators(db, 'curation/changes-page', { from: since, afterId: '', limit: neo4j.int(10) });
    const plan = operators.join('\n');
    const seeks = operators.filter((operator) => /^NodeIndexSeek/.test(operator) && /:Change\(at, ?id\)/.test(operator));
    expect(seeks, plan).toHaveLength(2);
    expect(
      operators.filter((operator) => /Scan/.test(operator)),
      plan,
    ).toEqual([]);
    // The index gives the order: no sort below the union's final top.
    expect(operators.filter((operator) => /^(Sort|Top)/.test(operator))).toHaveLength(1);
  });

  it("reads one entity's history, its own changes and those of its relations, from its start, page by page", async () => {
    await api.data(
      'mutation ($input: CoversRelationInput!) { upsertCoversRelation(input: $input) { operation } }',
      { input: { from: 'memo-cc-msk-ix', to: 'log-a', sources: [{ id: seedSource }], evidence: 'STATED' } },
      keys.curator,
    );
    const history = async (entity: string) => {
      const seen: Record<string, string | null>[] = [];
      let after: string | null = null;
      for (;;) {
        const {
          changes,
        }: { changes: { edges: { node: Record<string, string | null> }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } =
          await api.data(
            `query ($entity: ID!, $after: ChangeCursor) { changes(entity: $entity, first: 1, after: $after) {
              edges { node { action kind entitySlug relationType fromSlug toSlug } } pageInfo { hasNextPage endCursor } } }`,
            { entity, after },
          );
        seen.push(...changes.edges.map((edge) => edge.node));
        if (!changes.pageInfo.hasNextPage) return seen;
        after = changes.pageInfo.endCursor;
      }
    };
    const topic = { relationType: null, fromSlug: null, toSlug: null };
    expect(await history('log-a')).toEqual([
      { action: 'CREATED', kind: 'ENTITY', entitySlug: 'log-a', ...topic },
      { action: 'CREATED', kind: 'RELATION', entitySlug: null, relationType: 'COVERS', fromSlug: 'memo-cc-msk-ix', toSlug: 'log-a' },
    ]);
    expect((await history('log-b')).map((change) => change.action)).toEqual(['CREATED', 'UPDATED']);
    // Deleted since, and still followed by its slug.
    expect((await history('log-d')).map((change) => change.action)).toEqual(['CREATED', 'DELETED']);
    // The memorandum's history holds the new relation, after what the seed load wrote.
    expect((await history('memo-cc-msk-ix')).at(-1)).toMatchObject({ kind: 'RELATION', relationType: 'COVERS', toSlug: 'log-a' });
    // since still bounds it.
    const later = await api.data<Page>(
      'query ($since: DateTime!) { changes(entity: "log-b", since: $since) { edges { cursor node { action } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }',
      { since: new Date().toISOString() },
    );
    expect(later.changes.edges).toEqual([]);
  });

  it("reads an entity's history from the Change(entityId | from | to, at, id) indexes, never scanning the log", async () => {
    const operators = await explainedOperators(db, 'curation/entity-changes-page', {
      entity: 'log-a',
      from: since,
      afterId: '',
      limit: neo4j.int(10),
    });
    const plan = operators.join('\n');
    for (const end of ['entityId', 'from', 'to']) {
      const seeks = operators.filter(
        (operator) => /^NodeIndexSeek/.test(operator) && new RegExp(`:Change\\(${end}, ?at, ?id\\)`).test(operator),
      );
      expect(seeks, plan).toHaveLength(2);
    }
    expect(
      operators.filter((operator) => /Scan/.test(operator)),
      plan,
    ).toEqual([]);
  });
});

describe('limits on writes', () => {
  let db: Database;
  let api: GraphQLClient;
  const keys = testKeys();

  beforeAll(async () => {
    db = await openTestDatabase();
    api = new GraphQLClient(db, { apiKeys: keys.entries });
  });

  afterAll(async () => {
    await db?.close();
  });

  const aliased = (count: number) =>
    `mutation { ${Array.from({ length: count }, (_, i) => `t${i}: upsertTopic(input: { id: "limit-${i}", name: "Limit ${i}", sources: [{ source: { id: "src-limit", title: "Limits" } }], evidence: STATED }) { outcome }`).join(' ')} }`;

  it(`refuses more than ${maxMutationsPerRequest} mutations in one request, before running any`, async () => {
    const before = await footprint(db);
    const { status, result } = await api.send(aliased(maxMutationsPerRequest + 1), {}, keys.curator);
    expect(status).toBe(200);
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(
          `holds ${maxMutationsPerRequest + 1} mutation fields, over the limit of ${maxMutationsPerRequest}`,
        ),
        extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX' }),
      }),
    ]);
    expect(await footprint(db)).toEqual(before);
    // Fragments count too.
    const spread = `mutation { ...many } fragment many on Mutation { ${aliased(maxMutationsPerRequest + 1).slice('mutation { '.length, -2)} }`;
    expect((await api.send(spread, {}, keys.curator)).result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it(`runs ${maxMutationsPerRequest}, each in its own transaction, each with its cost`, async () => {
    const { status, result } = await api.send<Record<string, { outcome: string }>>(aliased(maxMutationsPerRequest), {}, keys.curator);
    expect(status).toBe(200);
    expect(result.errors).toBeUndefined();
    expect(Object.values(result.data ?? {}).map((payload) => payload.outcome)).toEqual(
      Array.from({ length: maxMutationsPerRequest }, () => 'CREATED'),
    );
    // Each write costs 100 (a transaction with its locks), plus its selection.
    expect((result as { extensions?: { cost?: { cost: number } } }).extensions?.cost?.cost).toBe(maxMutationsPerRequest * (100 + 1));
  });
});
