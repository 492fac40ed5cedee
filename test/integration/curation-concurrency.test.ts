import { describe, expect, it } from 'vitest';
import { changesSince, entityInput, seededCurationSuite, seedSource } from '../support/curation.ts';
import type { GraphQLResult } from '../support/graphql.ts';

// 200 clients upsert the same new entity at once, then the same new relation: the writes queue
// on the entity's lock (and on the relation's ends), so exactly one creates it, the others find
// it unchanged, nobody sees an error of any kind, and the change log holds one record.

const clients = 200;

describe('concurrent upserts of one entity and of one relation', () => {
  // The writers of one entity queue on its lock, so the last waits for the 199 before it: on a
  // busy two-core machine longer than the default 10 s budget of one request, which is not what
  // this test is about.
  const suite = seededCurationSuite({ requestTimeoutMs: 60_000 });
  const { keys } = suite;

  async function all<T>(document: string, variables: Record<string, unknown>): Promise<GraphQLResult<T>[]> {
    const answers = await Promise.all(Array.from({ length: clients }, () => suite.api.send<T>(document, variables, keys.curator)));
    for (const { status } of answers) expect(status).toBe(200);
    return answers.map((answer) => answer.result);
  }

  const outcomes = (results: GraphQLResult<Record<string, { outcome: string }>>[], field: string) => {
    const counts: Record<string, number> = {};
    for (const result of results) {
      const outcome = result.data?.[field]?.outcome ?? 'none';
      counts[outcome] = (counts[outcome] ?? 0) + 1;
    }
    return counts;
  };

  it(`creates one entity for ${clients} simultaneous upserts`, async () => {
    const document =
      'mutation ($input: OrganizationInput!) { upsertOrganization(input: $input) { outcome organization { slug createdAt } } }';
    const results = await all<Record<string, { outcome: string; organization: { createdAt: string } }>>(document, {
      input: { ...entityInput('Organization', 'crowded-org'), country: 'RU' },
    });
    expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
    expect(outcomes(results, 'upsertOrganization')).toEqual({ CREATED: 1, UNCHANGED: clients - 1 });
    // One createdAt for all: nobody overwrote the first write.
    expect(new Set(results.map((result) => result.data?.upsertOrganization?.organization.createdAt)).size).toBe(1);
    const { organizations } = await suite.api.data<{ organizations: { totalCount: number } }>(
      '{ organizations(filter: { nameContains: "crowded-org" }) { totalCount } }',
    );
    expect(organizations.totalCount).toBe(1);
    const changes = await changesSince<{ entitySlug: string | null }>(suite.api, suite.seededAt, 'entitySlug');
    expect(changes.filter((change) => change.entitySlug === 'crowded-org')).toHaveLength(1);
  });

  it(`creates one relation for ${clients} simultaneous upserts`, async () => {
    const document = 'mutation ($input: CooperatesWithRelationInput!) { upsertCooperatesWithRelation(input: $input) { outcome key } }';
    const results = await all<Record<string, { outcome: string }>>(document, {
      input: { from: 'crowded-org', to: 'msk-ix', note: 'A crowded partnership.', sources: [{ id: seedSource }], evidence: 'STATED' },
    });
    expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
    expect(outcomes(results, 'upsertCooperatesWithRelation')).toEqual({ CREATED: 1, UNCHANGED: clients - 1 });
    const { organization } = await suite.api.data<{ organization: { cooperatesWith: { totalCount: number } } }>(
      '{ organization(slug: "crowded-org") { cooperatesWith { totalCount } } }',
    );
    expect(organization.cooperatesWith.totalCount).toBe(1);
    const changes = await changesSince<{ key: string | null }>(suite.api, suite.seededAt, 'key');
    expect(changes.filter((change) => change.key === 'COOPERATES_WITH|crowded-org|msk-ix||')).toHaveLength(1);
  });
});
