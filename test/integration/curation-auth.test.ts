import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.ts';
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

/** Upserts before deletes, so each delete has something of its own to delete; merges last. */
const order = (name: string) =>
  name.endsWith('Entities') ? 4 : name.startsWith('upsert') ? (name.endsWith('Relation') ? 1 : 0) : name.endsWith('Relation') ? 2 : 3;
const ordered = [...fields].sort((a, b) => order(a.name) - order(b.name) || a.name.localeCompare(b.name));

describe('auth on every mutation', () => {
  const suite = seededCurationSuite();
  const { keys } = suite;

  /** Arguments for the merge mutations: a dry run between two seed organizations; a real merge of two of its own to undo. */
  async function mergeArguments(name: string): Promise<Record<string, unknown>> {
    const [into, from] = suite.graph.nodes.filter((node) => node.label === 'Organization').map((node) => node.id);
    if (name === 'mergeEntities') return { into, from: [from], dryRun: true };
    const upsert = 'mutation ($input: OrganizationInput!) { upsertOrganization(input: $input) { outcome } }';
    await suite.api.data(upsert, { input: entityInput('Organization', 'auth-merge-survivor') }, keys.admin);
    await suite.api.data(upsert, { input: entityInput('Organization', 'auth-merge-merged') }, keys.admin);
    const { mergeEntities } = await suite.api.data<{ mergeEntities: { merge: string } }>(
      'mutation { mergeEntities(into: "auth-merge-survivor", from: ["auth-merge-merged"]) { merge } }',
      {},
      keys.admin,
    );
    return { merge: mergeEntities.merge, dryRun: false };
  }

  /** Valid arguments for a mutation field: its own entity, or a relation between seed entities. */
  async function argumentsFor(name: string): Promise<Record<string, unknown>> {
    if (name === 'mergeEntities' || name === 'unmergeEntities') return mergeArguments(name);
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

  it('covers every entity, statement, conflict, relation and merge mutation, 64 in all, each with a pinned scope', () => {
    expect(fields.length).toBe(64);
    const merges = ['mergeEntities', 'unmergeEntities'];
    for (const field of fields) {
      if (!merges.includes(field.name)) expect(entityLabelOf(field.name) ?? relationTypeOf(field.name), field.name).not.toBeNull();
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
      // A curate key may not delete, but an admin key may do everything a curate key may.
      if (scope === 'curate') expect((await suite.api.send(document, variables, keys.admin)).result.errors).toBeUndefined();
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
