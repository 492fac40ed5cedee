import { describe, expect, it } from 'vitest';
import { renameStoredEntities } from '../../src/db/repositories/redirects.ts';
import { seededCurationSuite, seedSource } from '../support/curation.ts';

// A signatory's onBehalfOf is stored as a slug on the SIGNED relationship, and merges and
// renames do not rewrite it: the entity it names must still be found after either, through the
// same redirects every other reference follows (former slugs), on a memorandum's page of
// signatories, a person's page of memoranda and a page nested below it. An unmerge gives the slug
// back to the entity it named.

const suite = seededCurationSuite();
const cite = [{ id: seedSource }];

async function admin<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  return suite.api.data<T>(query, variables, suite.keys.admin);
}

interface Signatories {
  memorandum: { signatories: { edges: { node: { slug: string }; onBehalfOf: { __typename: string; slug: string } | null }[] } };
  person: {
    memoranda: {
      edges: {
        onBehalfOf: { slug: string } | null;
        node: { slug: string; signatories: { edges: { onBehalfOf: { slug: string } | null }[] } };
      }[];
    };
  };
}

/** What each read path answers for the signing's onBehalfOf: the memorandum's page, the person's, and one nested below it. */
async function onBehalfOfSlugs(): Promise<{ byMemorandum: unknown; byPerson: unknown; nested: unknown }> {
  const data = await suite.api.data<Signatories>(`{
    memorandum(slug: "behalf-memo") { signatories { edges { node { slug } onBehalfOf { __typename slug } } } }
    person(slug: "behalf-signer") {
      memoranda { edges { onBehalfOf { slug } node { slug signatories { edges { onBehalfOf { slug } } } } } }
    }
  }`);
  return {
    byMemorandum: data.memorandum.signatories.edges.map((edge) => [edge.node.slug, edge.onBehalfOf?.__typename, edge.onBehalfOf?.slug]),
    byPerson: data.person.memoranda.edges.map((edge) => edge.onBehalfOf?.slug),
    nested: data.person.memoranda.edges.flatMap((edge) => edge.node.signatories.edges.map((signing) => signing.onBehalfOf?.slug)),
  };
}

const expected = (slug: string) => ({ byMemorandum: [['behalf-signer', 'Organization', slug]], byPerson: [slug], nested: [slug] });

describe("a signatory's onBehalfOf after merges and renames", () => {
  it('names the organization it was signed for', async () => {
    await admin(
      `mutation ($a: OrganizationInput!, $b: OrganizationInput!, $p: PersonInput!, $m: MemorandumInput!) {
        a: upsertOrganization(input: $a) { outcome } b: upsertOrganization(input: $b) { outcome }
        p: upsertPerson(input: $p) { outcome } m: upsertMemorandum(input: $m) { outcome }
      }`,
      {
        a: { slug: 'behalf-alpha', name: 'Behalf Alpha Registry', kind: 'REGISTRY', sources: cite, evidence: 'STATED' },
        b: { slug: 'behalf-beta', name: 'Behalf Beta Registry', kind: 'REGISTRY', sources: cite, evidence: 'STATED' },
        p: { slug: 'behalf-signer', name: 'Behalf Signer', sources: cite, evidence: 'STATED' },
        m: { slug: 'behalf-memo', name: 'Behalf Memorandum', sources: cite, evidence: 'STATED' },
      },
    );
    await admin(`mutation ($s: SignedRelationInput!) { upsertSignedRelation(input: $s) { outcome } }`, {
      s: { from: 'behalf-signer', to: 'behalf-memo', onBehalfOf: 'behalf-beta', sources: cite, evidence: 'STATED' },
    });
    expect(await onBehalfOfSlugs()).toEqual(expected('behalf-beta'));
  });

  it('names the survivor once the organization is merged into another, and the organization again once unmerged', async () => {
    const { mergeEntities } = await admin<{ mergeEntities: { changed: boolean; merge: string } }>(
      'mutation { mergeEntities(into: "behalf-alpha", from: ["behalf-beta"]) { changed merge } }',
      {},
    );
    expect(mergeEntities.changed).toBe(true);
    expect(await onBehalfOfSlugs()).toEqual(expected('behalf-alpha'));
    await admin('mutation ($merge: ID!) { unmergeEntities(merge: $merge) { changed } }', { merge: mergeEntities.merge });
    expect(await onBehalfOfSlugs()).toEqual(expected('behalf-beta'));
  });

  it('names the organization by its new slug once it is renamed', async () => {
    const renamed = await renameStoredEntities(suite.db, [{ from: 'behalf-beta', to: 'behalf-gamma' }], 'test');
    expect(renamed).toEqual([{ from: 'behalf-beta', to: 'behalf-gamma' }]);
    expect(await onBehalfOfSlugs()).toEqual(expected('behalf-gamma'));
  });
});
