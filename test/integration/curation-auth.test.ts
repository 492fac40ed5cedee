import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.ts';
import { sourceSlugOf } from '../../src/services/ingest/ingest.ts';
import {
  entityInput,
  entityLabelOf,
  footprint,
  mutationDocument,
  mutationFields,
  relationInput,
  relationTypeOf,
  seededCurationSuite,
} from '../support/curation.ts';
import type { RequestOptions } from '../support/graphql.ts';
import { mutationScopes, pinnedScope, type Scope } from '../support/mutation-scopes.ts';

// Who may write: every mutation field of the built schema (so a new one cannot slip past), sent by
// nobody, by a revoked key, by a key the server does not know and by a key with too small a scope,
// is refused with FORBIDDEN and HTTP 403, leaving no node, relationship, property or change record
// behind; the key with the right scope succeeds. The right scope comes from the hand-written table
// in test/support/mutation-scopes.ts, never from the schema itself.

const fields = mutationFields(schema);

/** The review queue's mutations, which act on what ingestSource queued. */
const queueMutations = ['ingestSource', 'acceptProposal', 'rejectProposal', 'linkMention'];
const mergeMutations = ['mergeEntities', 'unmergeEntities', 'startMergeJob', 'startUnmergeJob'];

/**
 * Upserts before deletes, so each delete has something of its own to delete; then merges; the
 * review queue last, ingestSource first in it, so that the others find proposals and mentions.
 */
const order = (name: string) =>
  queueMutations.includes(name)
    ? 5 + queueMutations.indexOf(name)
    : mergeMutations.includes(name)
      ? 4
      : name.startsWith('upsert')
        ? name.endsWith('Relation')
          ? 1
          : 0
        : name.endsWith('Relation')
          ? 2
          : 3;

// Two positions the seed holds already, so accepting them adds a citation and nothing else.
const queuedArticle =
  'Alexei Platonov, director of MSK-IX, said the exchange grew. Andrey Vorobyev, director of the Coordination Center, noted the same.';
const ordered = [...fields].sort((a, b) => order(a.name) - order(b.name) || a.name.localeCompare(b.name));

describe('auth on every mutation', () => {
  const suite = seededCurationSuite();
  const { keys } = suite;

  /** Arguments for the merge mutations: a dry run between two seed organizations; a real merge of two of its own to undo. */
  async function mergeArguments(name: string): Promise<Record<string, unknown>> {
    const [into, from] = suite.graph.nodes.filter((node) => node.label === 'Organization').map((node) => node.id);
    if (name === 'mergeEntities') return { into, from: [from], dryRun: true };
    // The others merge (or undo a merge of) two entities of their own, named after the mutation.
    const survivor = `auth-${name}-survivor`.toLowerCase();
    const merged = `auth-${name}-merged`.toLowerCase();
    const upsert = 'mutation ($input: OrganizationInput!) { upsertOrganization(input: $input) { outcome } }';
    await suite.api.data(upsert, { input: entityInput('Organization', survivor) }, keys.admin);
    await suite.api.data(upsert, { input: entityInput('Organization', merged) }, keys.admin);
    if (name === 'startMergeJob') return { into: survivor, from: [merged] };
    const { mergeEntities } = await suite.api.data<{ mergeEntities: { merge: string } }>(
      'mutation ($into: ID!, $from: [ID!]!) { mergeEntities(into: $into, from: $from) { merge } }',
      { into: survivor, from: [merged] },
      keys.admin,
    );
    return name === 'startUnmergeJob' ? { merge: mergeEntities.merge } : { merge: mergeEntities.merge, dryRun: false };
  }

  /** Waits until no merge job is queued or running (the test's own timeout bounds the wait). */
  async function jobsFinished(): Promise<void> {
    for (;;) {
      const { records } = await suite.db.driver.executeQuery(
        "MATCH (j:MergeJob) WHERE j.status IN ['queued', 'running', 'committed'] RETURN count(j) AS open",
        {},
        { database: suite.db.name },
      );
      if (Number(records[0]?.get('open')) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** A pending proposal of the queued article (a relation between known entities, for accepting). */
  async function pendingProposal(relation: boolean): Promise<string> {
    const { proposals } = await suite.api.data<{
      proposals: { edges: { node: { id: string; kind: string; to: { slug: string | null } | null } }[] };
    }>('query { proposals(status: PENDING, first: 100) { edges { node { id kind to { slug } } } } }', {}, keys.admin);
    const found = proposals.edges.find(({ node }) => !relation || (node.kind === 'RELATION' && node.to?.slug));
    if (!found) throw new Error('the queued article has no pending proposal left');
    return found.node.id;
  }

  /** Valid arguments for a mutation field, read afresh for the review queue's (a decided proposal cannot be decided again). */
  async function argumentsFor(name: string): Promise<Record<string, unknown>> {
    if (mergeMutations.includes(name)) return mergeArguments(name);
    if (name === 'ingestSource') return { input: { content: queuedArticle } };
    if (name === 'acceptProposal') return { id: await pendingProposal(true) };
    if (name === 'rejectProposal') return { id: await pendingProposal(false) };
    if (name === 'linkMention') {
      const { mentions } = await suite.api.data<{ mentions: { id: string }[] }>(
        'query ($source: String!) { mentions(source: $source) { id } }',
        { source: sourceSlugOf(queuedArticle) },
        keys.admin,
      );
      return { mention: mentions[0]?.id, entity: 'msk-ix' };
    }
    return fixedArgumentsFor(name);
  }

  /** Valid arguments for a mutation field: its own entity, or a relation between seed entities. */
  function fixedArgumentsFor(name: string): Record<string, unknown> {
    const label = entityLabelOf(name);
    const type = relationTypeOf(name);
    const id = `auth-${(label ?? 'x').toLowerCase()}`;
    if (type) {
      const input = relationInput(type, suite.graph);
      if (name.startsWith('upsert')) return { input };
      const { from, to, role, title } = input;
      return { from, to, ...(role === undefined ? {} : { role }), ...(title === undefined ? {} : { title }) };
    }
    if (!label) throw new Error(`no fixture for the mutation ${name}: add one to argumentsFor`);
    // A conflict has nothing hanging on it, so its delete takes no cascade.
    if (label === 'Conflict' && name.startsWith('delete')) return { slug: id };
    return name.startsWith('upsert') ? { input: entityInput(label, id) } : { id, cascade: true };
  }

  it('covers every entity, statement, conflict, relation, merge and review-queue mutation, 70 in all, each with a pinned scope', () => {
    expect(fields.length).toBe(70);
    for (const field of fields) {
      if (queueMutations.includes(field.name) || mergeMutations.includes(field.name)) continue;
      expect(entityLabelOf(field.name) ?? relationTypeOf(field.name), field.name).not.toBeNull();
    }
    expect(fields.map((field) => field.name).sort()).toEqual(Object.keys(mutationScopes).sort());
  });

  for (const field of ordered) {
    // A mutation without a line in the table still gets a test, which fails until it has one.
    const scope: Scope | undefined = pinnedScope(field.name);
    if (scope === undefined) {
      it(`${field.name} has a scope in test/support/mutation-scopes.ts`, () => {
        expect.fail(`add ${field.name} to test/support/mutation-scopes.ts with the scope it must need`);
      });
      continue;
    }
    it(`${field.name} needs "${scope}"`, async () => {
      const document = mutationDocument(field);
      const variables = await argumentsFor(field.name);
      const refused: [string, RequestOptions][] = [
        ['anonymous', {}],
        ['a revoked key', keys.revoked],
        ['an unknown key', keys.unknown],
        ...(scope === 'admin' ? ([['a curate key', keys.curator]] as [string, RequestOptions][]) : []),
        ['a malformed header', { authorization: 'Basic dXNlcjpwYXNz' }],
      ];
      const before = await footprint(suite.db);
      for (const [who, request] of refused) {
        const { status, result } = await suite.api.send(document, variables, request);
        expect({ who, status, data: result.data ?? null, codes: result.errors?.map((error) => error.extensions?.code) }).toEqual({
          who,
          status: 403,
          data: null,
          codes: ['FORBIDDEN'],
        });
        expect(result.errors?.[0]?.message).toContain(`"${scope}"`);
      }
      expect(await footprint(suite.db)).toEqual(before);

      const { status, result } = await suite.api.send(document, variables, scope === 'admin' ? keys.admin : keys.curator);
      expect(result.errors).toBeUndefined();
      expect(status).toBe(200);
      // A job runs after the answer: it ends before the next test takes its footprint.
      if (field.name.endsWith('Job')) await jobsFinished();
      // A curate key may not delete, but an admin key may do everything a curate key may.
      if (scope === 'curate') {
        const again = queueMutations.includes(field.name) ? await argumentsFor(field.name) : variables;
        expect((await suite.api.send(document, again, keys.admin)).result.errors).toBeUndefined();
      }
    });
  }

  it('recorded the writes of the right keys, by key name, and none of the refused ones', async () => {
    const { changes } = await suite.api.data<{ changes: { edges: { node: { by: string } }[] } }>(
      'query ($since: DateTime!) { changes(since: $since, first: 100) { edges { node { by } } } }',
      { since: suite.seededAt },
    );
    expect(new Set(changes.edges.map((edge) => edge.node.by))).toEqual(new Set(['curator', 'admin']));
  });
});
