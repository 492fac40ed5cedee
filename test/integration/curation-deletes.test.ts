import { describe, expect, it } from 'vitest';
import { changesSince, entityInput, footprint, seededCurationSuite, seedSource } from '../support/curation.ts';
import type { Variables } from '../support/graphql.ts';

// Deletes: an unknown slug is not an error; without cascade, anything still pointing at the
// entity refuses the delete (CONFLICT, listing it); with cascade, its relations go, and the
// signatures made on its behalf, and a deleted source leaves every citing list, taking with it the facts
// it leaves with no source. Every deletion and update is in the change log, under one operation.

interface DeleteOut {
  deleted: boolean;
  slug: string;
  entityType: string | null;
  operation: string | null;
  removedEntities: number;
  removedRelations: number;
  updatedEntities: number;
  updatedRelations: number;
}

const payload = 'deleted slug entityType operation removedEntities removedRelations updatedEntities updatedRelations';

interface ChangeOut {
  action: string;
  kind: string;
  entitySlug: string | null;
  key: string | null;
  fields: string[];
  operation: string;
  by: string;
}

describe('curation deletes', () => {
  const suite = seededCurationSuite();
  const { keys } = suite;

  const curate = (document: string, variables: Variables = {}) =>
    suite.api.data<Record<string, unknown>>(document, variables, keys.curator);
  const remove = async (label: string, id: string, cascade: boolean) =>
    (
      await suite.api.data<Record<string, DeleteOut>>(
        `mutation ($id: String!, $cascade: Boolean) { delete${label}(id: $id, cascade: $cascade) { ${payload} } }`,
        {
          id,
          cascade,
        },
        keys.admin,
      )
    )[`delete${label}`] as DeleteOut;
  const entity = (label: string, input: Record<string, unknown>) =>
    curate(`mutation ($input: ${label}Input!) { upsert${label}(input: $input) { outcome } }`, { input });
  const relation = (name: string, input: Record<string, unknown>) =>
    curate(`mutation ($input: ${name}RelationInput!) { upsert${name}Relation(input: $input) { outcome } }`, { input });
  const exists = async (slug: string) =>
    (await suite.api.data<{ entity: { slug: string } | null }>('query ($slug: String!) { entity(slug: $slug) { slug } }', { slug }))
      .entity !== null;
  const changesOf = async (operation: string | null): Promise<ChangeOut[]> =>
    (await changesSince<ChangeOut>(suite.api, suite.seededAt, 'action kind entitySlug key fields operation by')).filter(
      (change) => change.operation === operation,
    );

  it('answers deleted: false for an unknown slug, and writes nothing', async () => {
    const before = await footprint(suite.db);
    expect(await remove('Organization', 'no-such-organization', false)).toMatchObject({
      deleted: false,
      slug: 'no-such-organization',
      entityType: null,
      operation: null,
    });
    expect(await remove('Source', 'no-such-source', true)).toMatchObject({ deleted: false });
    expect(await footprint(suite.db)).toEqual(before);
  });

  it('deletes an entity nothing points at', async () => {
    await entity('Topic', entityInput('Topic', 'lonely-topic'));
    const result = await remove('Topic', 'lonely-topic', false);
    expect(result).toMatchObject({ deleted: true, entityType: 'TOPIC', removedRelations: 0 });
    expect(await exists('lonely-topic')).toBe(false);
    expect(await changesOf(result.operation)).toEqual([
      expect.objectContaining({ action: 'DELETED', kind: 'ENTITY', entitySlug: 'lonely-topic', by: 'admin' }),
    ]);
  });

  it('refuses to delete what relations point at, listing them, then deletes them with cascade', async () => {
    await entity('Organization', entityInput('Organization', 'linked-org'));
    await relation('LocatedIn', { from: 'linked-org', to: 'country-ru', sources: [{ id: seedSource }], evidence: 'STATED' });
    await relation('PartyTo', { from: 'linked-org', to: 'memo-cc-msk-ix', sources: [{ id: seedSource }], evidence: 'STATED' });
    const before = await footprint(suite.db);
    const { result } = await suite.api.send('mutation { deleteOrganization(id: "linked-org") { deleted } }', {}, keys.admin);
    expect(await footprint(suite.db)).toEqual(before);
    const error = result.errors?.[0];
    expect(error?.extensions).toMatchObject({
      code: 'CONFLICT',
      dependentCount: 2,
      dependents: [
        {
          kind: 'relation',
          type: 'LOCATED_IN',
          from: 'linked-org',
          to: 'country-ru',
          key: 'LOCATED_IN|linked-org|country-ru||',
          via: 'relation',
        },
        {
          kind: 'relation',
          type: 'PARTY_TO',
          from: 'linked-org',
          to: 'memo-cc-msk-ix',
          key: 'PARTY_TO|linked-org|memo-cc-msk-ix||',
          via: 'relation',
        },
      ],
    });
    expect(error?.message).toContain(
      'Organization "linked-org" is not deleted: 2 things still point at it: LOCATED_IN linked-org → country-ru',
    );
    expect(error?.message).toContain('cascade: true');

    const deleted = await remove('Organization', 'linked-org', true);
    expect(deleted).toMatchObject({ deleted: true, removedRelations: 2, removedEntities: 0, updatedRelations: 0 });
    expect(await exists('linked-org')).toBe(false);
    const changes = await changesOf(deleted.operation);
    expect(changes.map((change) => `${change.action} ${change.kind} ${change.entitySlug ?? change.key}`).sort()).toEqual([
      'DELETED ENTITY linked-org',
      'DELETED RELATION LOCATED_IN|linked-org|country-ru||',
      'DELETED RELATION PARTY_TO|linked-org|memo-cc-msk-ix||',
    ]);
    expect(await exists('country-ru')).toBe(true);
  });

  it('counts a signature made on behalf of an organization, and deletes it with cascade', async () => {
    await entity('Organization', entityInput('Organization', 'signer-org'));
    await entity('Person', entityInput('Person', 'signer-person'));
    await entity('Memorandum', entityInput('Memorandum', 'signed-memo'));
    await relation('Signed', {
      from: 'signer-person',
      to: 'signed-memo',
      onBehalfOf: 'signer-org',
      date: '2024',
      sources: [{ id: seedSource }],
      evidence: 'STATED',
    });
    const { result } = await suite.api.send('mutation { deleteOrganization(id: "signer-org") { deleted } }', {}, keys.admin);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      dependentCount: 1,
      dependents: [{ type: 'SIGNED', from: 'signer-person', to: 'signed-memo', via: 'onBehalfOf' }],
    });
    expect(result.errors?.[0]?.message).toContain('SIGNED signer-person → signed-memo was signed on behalf of it');

    // A signature needs its onBehalfOf: cleared, it would be a record the import refuses.
    const deleted = await remove('Organization', 'signer-org', true);
    expect(deleted).toMatchObject({ deleted: true, removedRelations: 1, updatedRelations: 0 });
    const { memorandum } = await suite.api.data<{
      memorandum: { signatories: { edges: { node: { slug: string } }[] } };
    }>('{ memorandum(slug: "signed-memo") { signatories { edges { node { slug } } } } }');
    expect(memorandum.signatories.edges).toEqual([]);
    expect(await changesOf(deleted.operation)).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'DELETED', kind: 'RELATION', key: 'SIGNED|signer-person|signed-memo||' })]),
    );
  });

  it('lists at most 20 dependents of a source, then counts the rest', async () => {
    const before = await footprint(suite.db);
    const { result } = await suite.api.send(`mutation { deleteSource(id: "${seedSource}") { deleted } }`, {}, keys.admin);
    expect(await footprint(suite.db)).toEqual(before);
    const extensions = result.errors?.[0]?.extensions as { code: string; dependents: unknown[]; dependentCount: number };
    expect(extensions.code).toBe('CONFLICT');
    expect(extensions.dependents).toHaveLength(20);
    expect(extensions.dependentCount).toBeGreaterThan(20);
    expect(result.errors?.[0]?.message).toContain(`…and ${extensions.dependentCount - 20} more`);
  });

  it('uncites a deleted source everywhere and deletes the facts it leaves with no source', async () => {
    await entity('Source', { id: 'src-doomed', title: 'A source to be withdrawn' });
    const doomed = { id: 'src-doomed' };
    const kept = { id: seedSource };
    // Only the doomed source: goes, with its relations.
    await entity('Organization', { ...entityInput('Organization', 'only-doomed'), sources: [doomed], evidence: 'STATED' });
    // Both: stays, cites one fewer.
    await entity('Organization', { ...entityInput('Organization', 'doomed-and-kept'), sources: [doomed, kept], evidence: 'STATED' });
    // Only a claim cites it: the claim goes.
    await entity('Organization', {
      ...entityInput('Organization', 'claim-doomed'),
      claims: [
        { field: 'name', value: 'A doomed Quillfeather name', sources: ['src-doomed'], evidence: 'STATED' },
        { field: 'name', value: 'A kept name', sources: ['src-doomed', seedSource], evidence: 'STATED' },
      ],
    });
    await relation('LocatedIn', { from: 'only-doomed', to: 'country-ru', sources: [kept], evidence: 'STATED' });
    await relation('LocatedIn', { from: 'doomed-and-kept', to: 'country-ru', sources: [doomed], evidence: 'STATED' });
    await relation('CooperatesWith', { from: 'doomed-and-kept', to: 'claim-doomed', sources: [doomed, kept], evidence: 'STATED' });

    // A claim's name is searched as the entity's: until its only source goes.
    const searchFinds = async (query: string) =>
      (
        await suite.api.data<{ search: { node: { slug: string } }[] }>(
          'query ($query: String!) { search(query: $query) { node { slug } } }',
          {
            query,
          },
        )
      ).search.map((hit) => hit.node.slug);
    expect(await searchFinds('Quillfeather')).toEqual(['claim-doomed']);

    const { result } = await suite.api.send('mutation { deleteSource(id: "src-doomed") { deleted } }', {}, keys.admin);
    const refusal = result.errors?.[0];
    expect(refusal?.extensions).toMatchObject({ code: 'CONFLICT', dependentCount: 5 });
    expect(refusal?.message).toContain('a claim of Organization "claim-doomed" cites it');
    expect(refusal?.message).toContain('LOCATED_IN doomed-and-kept → country-ru cites it');

    const deleted = await remove('Source', 'src-doomed', true);
    expect(deleted).toEqual({
      deleted: true,
      slug: 'src-doomed',
      entityType: 'SOURCE',
      operation: expect.any(String),
      removedEntities: 1,
      removedRelations: 2,
      updatedEntities: 2,
      updatedRelations: 1,
    });
    expect(await exists('src-doomed')).toBe(false);
    expect(await exists('only-doomed')).toBe(false);

    const after = await suite.api.data<{
      kept: {
        sources: { slug: string }[];
        updatedBy: string;
        locatedIn: { totalCount: number };
        cooperatesWith: { edges: { sources: { slug: string }[] }[] };
      };
      claimed: { claims: { value: string; sources: { slug: string }[] }[] };
    }>(`{
      kept: organization(slug: "doomed-and-kept") { sources { slug } updatedBy locatedIn { totalCount } cooperatesWith { edges { sources { slug } } } }
      claimed: organization(slug: "claim-doomed") { claims { value sources { slug } } }
    }`);
    expect(after.kept).toEqual({
      sources: [{ slug: seedSource }],
      updatedBy: 'admin',
      locatedIn: { totalCount: 0 },
      cooperatesWith: { edges: [{ sources: [{ slug: seedSource }] }] },
    });
    expect(after.claimed.claims).toEqual([{ value: 'A kept name', sources: [{ slug: seedSource }] }]);
    // The dropped claim's name no longer finds the entity; the kept one's still does. (The forms
    // were left as they were: an export imported again then rewrote them, an update naming no field.)
    expect(await searchFinds('Quillfeather')).toEqual([]);
    expect(await searchFinds('A kept name')).toContain('claim-doomed');

    const changes = await changesOf(deleted.operation);
    expect(changes.map((change) => `${change.action} ${change.entitySlug ?? change.key} ${change.fields.join(',')}`).sort()).toEqual([
      'DELETED LOCATED_IN|doomed-and-kept|country-ru|| ',
      'DELETED LOCATED_IN|only-doomed|country-ru|| ',
      'DELETED only-doomed ',
      'DELETED src-doomed ',
      'UPDATED COOPERATES_WITH|doomed-and-kept|claim-doomed|| sources',
      'UPDATED claim-doomed claims',
      'UPDATED doomed-and-kept sources',
    ]);
  });

  it('keeps the evidence of the citations a deleted source leaves, on entities and relations alike', async () => {
    await entity('Source', { id: 'src-withdrawn', title: 'A source read between the lines, then withdrawn' });
    const basis = 'Read from the withdrawn source, not said in it.';
    // The withdrawn source comes first and is cited otherwise than the record's own evidence:
    // the kept one's citation must not take its kind when the list shrinks.
    const cited = {
      sources: [{ id: 'src-withdrawn' }, { id: seedSource }],
      evidence: 'STATED',
      citations: [{ source: 'src-withdrawn', evidence: 'INFERRED', basis }],
    };
    await entity('Organization', {
      ...entityInput('Organization', 'outlives-withdrawn'),
      ...cited,
      // A field's value that only the withdrawn source supported reads as the record's own after it.
      provenance: [{ field: 'kind', evidence: 'INFERRED', basis, sources: ['src-withdrawn'] }],
    });
    await entity('Organization', { ...entityInput('Organization', 'outlives-withdrawn-too'), ...cited });
    await relation('CooperatesWith', { from: 'outlives-withdrawn', to: 'outlives-withdrawn-too', ...cited });
    const read = () =>
      suite.api.data<{
        organization: {
          citations: { evidence: string }[];
          provenance: { evidence: string; sources: { slug: string }[] }[];
          cooperatesWith: { edges: { citations: { evidence: string }[] }[] };
        };
        inferred: { nodes: { slug: string }[] };
        inferredRelations: { cooperatesWith: { totalCount: number } };
      }>(`{
        organization(slug: "outlives-withdrawn") {
          citations { evidence }
          provenance(field: "kind") { evidence sources { slug } }
          cooperatesWith { edges { citations { evidence } } }
        }
        inferred: organizations(evidence: [INFERRED], filter: { nameContains: "outlives-withdrawn" }) { nodes { slug } }
        inferredRelations: organization(slug: "outlives-withdrawn") { cooperatesWith(evidence: [INFERRED]) { totalCount } }
      }`);
    const before = await read();
    expect(before.organization.citations.map((citation) => citation.evidence)).toEqual(['INFERRED', 'STATED']);
    expect(before.organization.provenance).toEqual([{ evidence: 'INFERRED', sources: [{ slug: 'src-withdrawn' }] }]);
    expect(before.inferred.nodes).toHaveLength(2);
    expect(before.inferredRelations.cooperatesWith.totalCount).toBe(1);

    expect(await remove('Source', 'src-withdrawn', true)).toMatchObject({ deleted: true, updatedEntities: 2, updatedRelations: 1 });
    const after = await read();
    expect(after.organization.citations.map((citation) => citation.evidence)).toEqual(['STATED']);
    expect(after.organization.provenance).toEqual([{ evidence: 'STATED', sources: [{ slug: seedSource }] }]);
    expect(after.organization.cooperatesWith.edges.map((edge) => edge.citations.map((citation) => citation.evidence))).toEqual([
      ['STATED'],
    ]);
    // The filters read the same kinds as the citations: nothing inferred is left.
    expect(after.inferred.nodes).toEqual([]);
    expect(after.inferredRelations.cooperatesWith.totalCount).toBe(0);
  });

  it('deletes a relation by its identity, and answers false once it is gone', async () => {
    await relation('Manages', { from: 'msk-ix', to: 'tld-ru', role: 'OPERATOR', sources: [{ id: seedSource }], evidence: 'STATED' });
    const document = 'mutation { deleteManagesRelation(from: "msk-ix", to: "tld-ru", role: OPERATOR) { deleted key operation } }';
    const first = await suite.api.data<{ deleteManagesRelation: { deleted: boolean; key: string; operation: string | null } }>(
      document,
      {},
      keys.admin,
    );
    expect(first.deleteManagesRelation).toMatchObject({ deleted: true, key: 'MANAGES|msk-ix|tld-ru|operator|' });
    expect(await changesOf(first.deleteManagesRelation.operation)).toEqual([
      expect.objectContaining({ action: 'DELETED', kind: 'RELATION', key: 'MANAGES|msk-ix|tld-ru|operator|' }),
    ]);
    const second = await suite.api.data<{ deleteManagesRelation: { deleted: boolean; operation: string | null } }>(
      document,
      {},
      keys.admin,
    );
    expect(second.deleteManagesRelation).toEqual(expect.objectContaining({ deleted: false, operation: null }));
  });
});
