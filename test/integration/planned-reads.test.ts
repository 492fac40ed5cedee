import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultQueryLimits } from '../../src/config.ts';
import { Database, type Parameters, type Row } from '../../src/db/database.ts';
import type { PlannedStatement } from '../../src/db/planned-read.ts';
import type { ReadScope } from '../../src/db/read-scope.ts';
import { emptyDatabase, openTestDatabase } from '../support/database.ts';
import { GraphQLClient, loadRealSeed, type Variables } from '../support/graphql.ts';

// Planned nested reads (src/schema/planner.ts): a root list and the relation connections below
// it in one statement. The answers must be those of the per-level loaders, byte for byte, and
// what the planner leaves out must still be read by the loaders, never per result.

/** Records the statements each request ran, by name, and the request scopes they were charged to. */
class RecordingDatabase extends Database {
  statements: string[] = [];
  scopes = new Set<ReadScope>();

  override readWithin(scope: ReadScope, statement: string | PlannedStatement, parameters: Parameters): Promise<Row[]> {
    this.statements.push(typeof statement === 'string' ? statement : statement.name);
    this.scopes.add(scope);
    return super.readWithin(scope, statement, parameters);
  }

  reset(): void {
    this.statements = [];
    this.scopes.clear();
  }
}

const q3 = `query Q3($kind: OrganizationKind, $first: Int!) {
  organizations(filter: { kind: $kind }, orderBy: { field: ID }, first: $first) { edges { node { slug name
    memoranda(first: 10) { edges { node { slug name
      signatories(first: 5) { edges { onBehalfOf { slug } node { slug name
        positions(first: 5) { edges { title node { slug name } } } } } } } } } } } } }`;

/** Nested queries the planner covers in whole or in part; each must answer as the loaders do. */
const nested: [string, string, Variables][] = [
  ['Q3 as the benchmark sends it', q3, { first: 10 }],
  [
    'counts, page info and cursors at every level, by name',
    `{ organizations(first: 40) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { slug
        memoranda { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor date node { slug
          parties { totalCount edges { cursor node { slug } } }
          signatories { totalCount edges { date onBehalfOf { slug name } node { slug positions { totalCount edges { title startDate endDate note node { slug } } } } } } } } }
        people { totalCount edges { title node { slug } } }
        tlds { edges { role node { slug } } } } } } }`,
    {},
  ],
  [
    'evidence filters and backwards pages',
    `{ persons(first: 30) { edges { node { slug
        positions(evidence: [STATED], last: 2) { totalCount pageInfo { hasPreviousPage hasNextPage startCursor } edges { cursor title evidence node { slug } } }
        memoranda(evidence: [INFERRED, EXTERNAL]) { totalCount edges { node { slug } } } } } } }`,
    {},
  ],
  [
    'aliases of one field with different arguments, and a fragment',
    `query { organizations(first: 30) { edges { node { slug
        few: memoranda(first: 1) { totalCount edges { cursor node { slug } } }
        all: memoranda(first: 20) { edges { node { ...Memo } } }
        memoranda(first: 1) { pageInfo { hasNextPage } } } } } }
      fragment Memo on Memorandum { slug signatories { edges { node { slug } } } ... on Memorandum { parties(first: 3) { edges { node { slug } } } } }`,
    {},
  ],
  [
    '@include and @skip with variables',
    `query ($people: Boolean!, $noTlds: Boolean!) { organizations(first: 30) { edges { node { slug
        people @include(if: $people) { totalCount edges { title node { slug } } }
        tlds @skip(if: $noTlds) { edges { node { slug } } }
        memoranda { edges { node { slug signatories @include(if: $people) { edges { node { slug } } } } } } } } } }`,
    { people: true, noTlds: true },
  ],
  [
    'includeParts and interfaces, which the loaders read',
    `{ organizations(first: 30) { edges { node { slug
        people(includeParts: true) { totalCount edges { title at { slug } node { slug } } }
        partOf { edges { node { slug ... on Organization { memoranda { edges { node { slug } } } } } } } } } } }`,
    {},
  ],
  [
    'events with their participants and documents',
    `{ events(first: 20, orderBy: { field: DATE, direction: DESC }) { edges { node { slug
        participants(first: 3) { totalCount edges { role node { slug } } }
        organizers { edges { node { slug } } }
        topics { edges { node { slug coveredBy { totalCount } } } } } } } }`,
    {},
  ],
];

describe('planned nested reads', () => {
  let db: RecordingDatabase;
  let planned: GraphQLClient;
  let loaders: GraphQLClient;

  beforeAll(async () => {
    const opened = await openTestDatabase();
    db = new RecordingDatabase(opened.driver, opened.name, opened.transactionTimeoutMs);
    await loadRealSeed(db);
    const limits = { ...defaultQueryLimits, cost: 10_000_000 };
    planned = new GraphQLClient(db, { limits });
    loaders = new GraphQLClient(db, { limits, plannedReads: false });
  });

  afterAll(async () => {
    if (!db) return;
    await emptyDatabase(db);
    await db.close();
  });

  /** One request's answer as sent, with its statements and the Bolt exchanges its read scope counted. */
  async function measure(client: GraphQLClient, query: string, variables: Variables = {}) {
    db.reset();
    const { status, result } = await client.send<unknown>(query, variables);
    expect(db.scopes.size).toBeLessThanOrEqual(1);
    const [scope] = [...db.scopes];
    return { status, text: JSON.stringify(result), result, statements: [...db.statements], exchanges: scope?.roundTrips ?? 0 };
  }

  it.each(nested)('answers %s as the loaders do', async (_name, query, variables) => {
    const fromLoaders = await measure(loaders, query, variables);
    const fromPlan = await measure(planned, query, variables);
    expect(fromLoaders.result).not.toHaveProperty('errors');
    expect(fromPlan.text).toBe(fromLoaders.text);
    expect(fromPlan.status).toBe(fromLoaders.status);
    expect(fromPlan.statements).toContain('planned/entity-page-tree');
    expect(fromPlan.exchanges).toBeLessThan(fromLoaders.exchanges);
  });

  const q5 = 'query Q5($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 6) { nodes { slug } edges { key } } }';
  const gid = (type: string, slug: string) => Buffer.from(`${type}:${slug}`).toString('base64');

  it('answers a Q5-shaped request in one Bolt exchange: both ends and the paths, whatever the number of paths', async () => {
    const pairs: [string, string][] = [
      ['qrator-labs', 'body-itu'],
      [gid('Organization', 'qrator-labs'), 'msk-ix'],
      ['citadel', gid('Organization', 'msk-ix')],
    ];
    const counts: number[] = [];
    for (const [from, to] of pairs) {
      const { result, statements, exchanges } = await measure(planned, q5, { from, to });
      expect(result).not.toHaveProperty('errors');
      expect(statements).toEqual(['queries/shortest-paths']);
      expect(exchanges).toBe(1);
      counts.push((result as { data: { paths: unknown[] } }).data.paths.length);
    }
    // Results of different sizes, each in one exchange.
    expect(new Set(counts).size).toBeGreaterThan(1);
  });

  it('still says which end names nothing, with candidates, or names another type', async () => {
    const missing = await measure(planned, q5, { from: 'qrator-labs', to: 'msk-ixx' });
    const [error] = (missing.result as { errors: { message: string; extensions: Record<string, unknown> }[] }).errors;
    expect(error?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'to', ref: 'msk-ixx' });
    expect(error?.extensions.didYouMean).toEqual(expect.arrayContaining([expect.objectContaining({ slug: 'msk-ix' })]));
    const wrongType = await measure(planned, q5, { from: gid('Person', 'qrator-labs'), to: 'msk-ix' });
    const [typeError] = (wrongType.result as { errors: { message: string; extensions: Record<string, unknown> }[] }).errors;
    expect(typeError?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'from' });
    expect(typeError?.message).toContain('is an Organization');
    const same = await measure(planned, q5, { from: 'itu', to: 'body-itu' });
    expect((same.result as { errors: { extensions: Record<string, unknown> }[] }).errors[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'to',
    });
    expect(same.exchanges).toBe(1);
  });
});
