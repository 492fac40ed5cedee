import { describe, expect, it } from 'vitest';
import { entityInput, seededCurationSuite, seedSource } from '../support/curation.ts';
import { readStoredProps } from '../support/database.ts';
import type { Variables } from '../support/graphql.ts';

// Upserts are idempotent replacements, exactly like the seed loader: the same input twice gives
// CREATED then UNCHANGED and one change record; a changed field gives UPDATED naming it, with
// createdAt kept; an omitted optional field is removed; a seed record sent through the API
// changes nothing. The audit fields show on entities and on relation edges.

interface ChangeOut {
  action: string;
  operation: string;
  fields: string[];
  kind: string;
  entitySlug: string | null;
  key: string | null;
  by: string;
}

const changesQuery = `query ($since: DateTime!) {
  changes(since: $since, first: 100) { edges { node { action operation fields kind entitySlug key by } } }
}`;

const upsertOrganization = `mutation ($input: OrganizationInput!) {
  upsertOrganization(input: $input) {
    outcome operation
    organization { slug name description country createdAt createdBy updatedAt updatedBy }
    inlineSources { outcome source { slug title createdBy } }
  }
}`;

interface OrganizationWrite {
  upsertOrganization: {
    outcome: string;
    operation: string;
    organization: {
      slug: string;
      name: string;
      description: string | null;
      country: string | null;
      createdAt: string;
      createdBy: string;
      updatedAt: string;
      updatedBy: string;
    };
    inlineSources: { outcome: string; source: { slug: string; title: string; createdBy: string } }[];
  };
}

describe('curation upserts', () => {
  const suite = seededCurationSuite();
  const { keys } = suite;

  const write = <T>(document: string, variables: Variables) => suite.api.data<T>(document, variables, keys.curator);
  const stored = async (id: string) => (await readStoredProps(suite.db, [id]))[0]?.props;
  const changesSince = async (since: string) =>
    (await suite.api.data<{ changes: { edges: { node: ChangeOut }[] } }>(changesQuery, { since })).changes.edges.map((edge) => edge.node);

  it('creates, then leaves unchanged: same properties, one change record', async () => {
    const since = new Date().toISOString();
    const input = { ...entityInput('Organization', 'idem-org'), country: 'ru', description: 'First version.' };
    const first = await write<OrganizationWrite>(upsertOrganization, { input });
    expect(first.upsertOrganization).toMatchObject({
      outcome: 'CREATED',
      organization: { slug: 'idem-org', country: 'RU', createdBy: 'curator', updatedBy: 'curator' },
      inlineSources: [],
    });
    const afterFirst = await stored('idem-org');
    const second = await write<OrganizationWrite>(upsertOrganization, { input });
    expect(second.upsertOrganization.outcome).toBe('UNCHANGED');
    expect(second.upsertOrganization.organization).toEqual(first.upsertOrganization.organization);
    expect(await stored('idem-org')).toEqual(afterFirst);
    const changes = (await changesSince(since)).filter((change) => change.entitySlug === 'idem-org');
    expect(changes).toEqual([
      {
        action: 'CREATED',
        operation: first.upsertOrganization.operation,
        fields: [],
        kind: 'ENTITY',
        entitySlug: 'idem-org',
        key: null,
        by: 'curator',
      },
    ]);
  });

  it('updates a changed field, naming it, and keeps createdAt', async () => {
    const input = { ...entityInput('Organization', 'update-org'), description: 'Before.' };
    const created = await write<OrganizationWrite>(upsertOrganization, { input });
    const since = new Date().toISOString();
    const updated = await write<OrganizationWrite>(upsertOrganization, { input: { ...input, description: 'After.' } });
    expect(updated.upsertOrganization).toMatchObject({ outcome: 'UPDATED', organization: { description: 'After.' } });
    expect(updated.upsertOrganization.organization.createdAt).toBe(created.upsertOrganization.organization.createdAt);
    expect(Date.parse(updated.upsertOrganization.organization.updatedAt)).toBeGreaterThan(
      Date.parse(created.upsertOrganization.organization.createdAt),
    );
    expect(await changesSince(since)).toEqual([
      expect.objectContaining({
        action: 'UPDATED',
        fields: ['description'],
        entitySlug: 'update-org',
        operation: updated.upsertOrganization.operation,
      }),
    ]);
  });

  it('removes an optional field the input leaves out', async () => {
    const input = { ...entityInput('Organization', 'shrink-org'), country: 'RU', aliases: ['Shrink'] };
    await write(upsertOrganization, { input });
    const since = new Date().toISOString();
    const { aliases: _aliases, country: _country, ...smaller } = input;
    const result = await write<OrganizationWrite>(upsertOrganization, { input: smaller });
    expect(result.upsertOrganization).toMatchObject({ outcome: 'UPDATED', organization: { country: null } });
    const props = await stored('shrink-org');
    expect(props?.country).toBeUndefined();
    // An empty list is stored as no property (src/domain/validate.ts, withoutEmptyLists).
    expect(props).not.toHaveProperty('aliases');
    const [change] = await changesSince(since);
    expect(new Set(change?.fields)).toEqual(new Set(['aliases', 'country']));
  });

  it('upserts a source given inline in the same operation', async () => {
    const since = new Date().toISOString();
    const input = {
      ...entityInput('Organization', 'inline-org'),
      sources: [{ source: { id: 'src-inline-article', title: 'An inline article', date: '2024-03', language: 'ru' } }, { id: seedSource }],
    };
    const result = await write<OrganizationWrite>(upsertOrganization, { input });
    expect(result.upsertOrganization.inlineSources).toEqual([
      { outcome: 'CREATED', source: { slug: 'src-inline-article', title: 'An inline article', createdBy: 'curator' } },
    ]);
    const { organization } = await suite.api.data<{ organization: { sources: { slug: string }[] } }>(
      '{ organization(slug: "inline-org") { sources { slug } } }',
    );
    expect(organization.sources.map((source) => source.slug)).toEqual(['src-inline-article', seedSource]);
    const changes = await changesSince(since);
    expect(changes.map((change) => change.entitySlug).sort()).toEqual(['inline-org', 'src-inline-article']);
    expect(new Set(changes.map((change) => change.operation))).toEqual(new Set([result.upsertOrganization.operation]));
    const again = await write<OrganizationWrite>(upsertOrganization, { input });
    expect(again.upsertOrganization.outcome).toBe('UNCHANGED');
    expect(again.upsertOrganization.inlineSources[0]?.outcome).toBe('UNCHANGED');
  });

  it('writes a seed record through the API exactly as the seed loader did: unchanged', async () => {
    const before = await stored('msk-ix');
    const seed = suite.graph.nodes.find((node) => node.id === 'msk-ix');
    expect(seed).toBeDefined();
    const props = seed?.props as Record<string, unknown>;
    const input = {
      id: 'msk-ix',
      name: props.name,
      aliases: props.aliases,
      description: props.description,
      kind: String(props.kind).toUpperCase().replaceAll('-', '_'),
      country: props.country,
      sources: (props.sources as string[]).map((id) => ({ id })),
      evidence: props.evidence,
      provenance: JSON.parse(String(props.provenance)),
    };
    const result = await write<OrganizationWrite>(upsertOrganization, { input });
    expect(result.upsertOrganization.outcome).toBe('UNCHANGED');
    expect(result.upsertOrganization.organization.createdBy).toBe('seed');
    expect(await stored('msk-ix')).toEqual(before);
  });

  it('upserts a relation idempotently, and updates its fields by identity', async () => {
    const document = `mutation ($input: HoldsPositionRelationInput!) {
      upsertHoldsPositionRelation(input: $input) { outcome key from { slug } to { slug } operation }
    }`;
    type Out = {
      upsertHoldsPositionRelation: { outcome: string; key: string; from: { slug: string }; to: { slug: string }; operation: string };
    };
    const input = {
      from: 'andrey-vorobyev',
      to: 'msk-ix',
      title: 'Adviser',
      startDate: '2020',
      sources: [{ id: seedSource }],
      evidence: 'STATED',
    };
    const since = new Date().toISOString();
    const created = await write<Out>(document, { input });
    expect(created.upsertHoldsPositionRelation).toMatchObject({
      outcome: 'CREATED',
      key: 'HOLDS_POSITION|andrey-vorobyev|msk-ix||Adviser',
      from: { slug: 'andrey-vorobyev' },
      to: { slug: 'msk-ix' },
    });
    expect((await write<Out>(document, { input })).upsertHoldsPositionRelation.outcome).toBe('UNCHANGED');
    const updated = await write<Out>(document, { input: { ...input, note: 'Since the spring.' } });
    expect(updated.upsertHoldsPositionRelation.outcome).toBe('UPDATED');
    const changes = await changesSince(since);
    expect(changes).toEqual([
      expect.objectContaining({ action: 'CREATED', kind: 'RELATION', key: 'HOLDS_POSITION|andrey-vorobyev|msk-ix||Adviser', fields: [] }),
      expect.objectContaining({ action: 'UPDATED', kind: 'RELATION', fields: ['note'] }),
    ]);
    // A different title is a different claim, kept side by side.
    const other = await write<Out>(document, { input: { ...input, title: 'Board member' } });
    expect(other.upsertHoldsPositionRelation.outcome).toBe('CREATED');
  });

  it('shows the audit fields on entities and on relation edges', async () => {
    const { organization } = await suite.api.data<{
      organization: {
        createdBy: string;
        updatedBy: string;
        createdAt: string;
        people: { edges: { title: string | null; createdBy: string | null; createdAt: string | null; updatedBy: string | null }[] };
      };
    }>('{ organization(slug: "msk-ix") { createdBy updatedBy createdAt people { edges { title createdBy createdAt updatedBy } } } }');
    expect(organization).toMatchObject({ createdBy: 'seed', updatedBy: 'seed' });
    expect(Number.isNaN(Date.parse(organization.createdAt))).toBe(false);
    const byTitle = new Map(organization.people.edges.map((edge) => [edge.title, edge]));
    expect(byTitle.get('Director')).toMatchObject({ createdBy: 'seed' });
    expect(byTitle.get('Adviser')).toMatchObject({ createdBy: 'curator', updatedBy: 'curator' });
    expect(Number.isNaN(Date.parse(byTitle.get('Adviser')?.createdAt ?? ''))).toBe(false);
  });

  it("leaves the audit trail out of an Edge's properties", async () => {
    const { neighborhood } = await suite.api.data<{ neighborhood: { edges: { properties: Record<string, unknown> | null }[] } }>(
      '{ neighborhood(id: "T3JnYW5pemF0aW9uOm1zay1peA==", depth: 1) { edges { properties } } }',
    );
    expect(neighborhood.edges.length).toBeGreaterThan(0);
    for (const edge of neighborhood.edges) expect(Object.keys(edge.properties ?? {})).not.toContain('createdAt');
  });
});
