import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { entitiesByIdParameters } from '../../src/db/repositories/entities.ts';
import { renameStoredEntities } from '../../src/db/repositories/redirects.ts';
import { seededCurationSuite, seedSource } from '../support/curation.ts';
import { readRows } from '../support/database.ts';

// Issue #15, item 3: every argument that names an entity takes a slug or a global ID, a former
// slug (and a global ID built from one) keeps naming the renamed entity everywhere, and a
// reference that names nothing is NOT_FOUND on its own field, with candidates from search.
// Over the real seed, whose bodies lost their "body-" prefix: "body-itu" is a former slug of "itu".

const suite = seededCurationSuite();

interface Candidate {
  slug: string;
  name: string;
  type: string;
}

const pathSlugs = (paths: { nodes: { slug: string }[] }[] | null) => (paths ?? []).map((path) => path.nodes.map((node) => node.slug));

describe('references: slugs, global IDs and former slugs', () => {
  it('paths(from: "qrator-labs", to: "body-itu") works: a slug and a former slug', async () => {
    const { paths } = await suite.api.data<{ paths: { nodes: { slug: string }[] }[] }>(
      '{ paths(from: "qrator-labs", to: "body-itu") { nodes { slug } } }',
    );
    expect(pathSlugs(paths)).toContainEqual(['qrator-labs', 'icann', 'coordination-center-ru', 'itu']);
    // The same with current slugs and with global IDs, old and new.
    for (const [from, to] of [
      ['qrator-labs', 'itu'],
      [encodeGlobalID('Organization', 'qrator-labs'), encodeGlobalID('Body', 'body-itu')],
      [encodeGlobalID('Organization', 'qrator-labs'), encodeGlobalID('Body', 'itu')],
    ]) {
      const again = await suite.api.data<{ paths: { nodes: { slug: string }[] }[] }>(
        'query ($from: ID!, $to: ID!) { paths(from: $from, to: $to) { nodes { slug } } }',
        { from, to },
      );
      expect(pathSlugs(again.paths), `${from} → ${to}`).toEqual(pathSlugs(paths));
    }
  });

  it('a former slug, and a global ID built from one, resolve in every lookup', async () => {
    const oldId = encodeGlobalID('Body', 'body-ispcp');
    const data = await suite.api.data<Record<string, { slug: string; id: string; formerSlugs?: string[] } | null>>(
      `query ($oldId: ID!) {
        byOldSlug: body(slug: "body-ispcp") { slug id formerSlugs }
        byNewSlug: body(slug: "ispcp") { slug id }
        entityOld: entity(ref: "body-ispcp") { slug id }
        entityDeprecated: entity(slug: "body-ispcp") { slug id }
        entityGlobal: entity(ref: $oldId) { slug id }
        node(id: $oldId) { ... on Entity { slug id } }
        icann: entity(slug: "icann") { slug id }
        wrongType: organization(slug: "icann") { slug id }
      }`,
      { oldId },
    );
    const ispcp = { slug: 'ispcp', id: encodeGlobalID('Body', 'ispcp') };
    expect(data).toEqual({
      byOldSlug: { ...ispcp, formerSlugs: ['body-ispcp'] },
      byNewSlug: ispcp,
      entityOld: ispcp,
      entityDeprecated: ispcp,
      entityGlobal: ispcp,
      node: ispcp,
      icann: { slug: 'icann', id: encodeGlobalID('Body', 'icann') },
      // ICANN is a Body: a typed lookup of another type finds nothing.
      wrongType: null,
    });
    const { nodes } = await suite.api.data<{ nodes: ({ slug: string } | null)[] }>(
      'query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Entity { slug } } }',
      { ids: [oldId, encodeGlobalID('Body', 'gnso'), encodeGlobalID('Organization', 'body-gnso'), encodeGlobalID('Body', 'body-gnso')] },
    );
    expect(nodes).toEqual([{ slug: 'ispcp' }, { slug: 'gnso' }, null, { slug: 'gnso' }]);
  });

  it('typed lookups take a global ID, and node(id:) and nodes(ids:) a slug', async () => {
    const data = await suite.api.data<Record<string, unknown>>(
      `query ($ispcp: ID!, $ispcpOld: String!, $mskIx: String!, $wrong: String!) {
        byGlobalId: body(slug: $ispcpOld) { slug }
        organization(slug: $mskIx) { slug }
        wrongType: organization(slug: $wrong) { slug }
        nodeBySlug: node(id: "body-itu") { __typename ... on Entity { slug } }
        nodeByGlobalId: node(id: $ispcp) { ... on Entity { slug } }
        nodes(ids: ["msk-ix", $ispcp, "no-such-slug"]) { ... on Entity { slug } }
      }`,
      {
        ispcp: encodeGlobalID('Body', 'ispcp'),
        ispcpOld: encodeGlobalID('Body', 'body-ispcp'),
        mskIx: encodeGlobalID('Organization', 'msk-ix'),
        // A global ID of another type names nothing in a typed lookup.
        wrong: encodeGlobalID('Body', 'msk-ix'),
      },
    );
    expect(data).toEqual({
      byGlobalId: { slug: 'ispcp' },
      organization: { slug: 'msk-ix' },
      wrongType: null,
      nodeBySlug: { __typename: 'Body', slug: 'itu' },
      nodeByGlobalId: { slug: 'ispcp' },
      nodes: [{ slug: 'msk-ix' }, { slug: 'ispcp' }, null],
    });
    // Neither a slug nor a global ID: refused, naming the argument.
    const error = await suite.api.error('{ node(id: "MSK IX") { id } }');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('neighborhood and timeline take slugs, former slugs and global IDs alike', async () => {
    const neighborhood = 'query ($id: ID!) { neighborhood(id: $id) { nodes { slug } } }';
    const bySlug = await suite.api.data<{ neighborhood: { nodes: { slug: string }[] } }>(neighborhood, { id: 'msk-ix' });
    expect(bySlug.neighborhood.nodes[0]?.slug).toBe('msk-ix');
    expect(await suite.api.data(neighborhood, { id: encodeGlobalID('Organization', 'msk-ix') })).toEqual(bySlug);
    const itu = await suite.api.data<{ neighborhood: { nodes: { slug: string }[] } }>(neighborhood, { id: 'body-itu' });
    expect(itu.neighborhood.nodes[0]?.slug).toBe('itu');

    const timeline = 'query ($actor: ID!) { timeline(actor: $actor) { edges { node { date other { slug } } } } }';
    const byName = await suite.api.data<{ timeline: { edges: unknown[] } }>(timeline, { actor: 'coordination-center-ru' });
    expect(byName.timeline.edges.length).toBeGreaterThan(0);
    expect(await suite.api.data(timeline, { actor: encodeGlobalID('Organization', 'coordination-center-ru') })).toEqual(byName);
  });

  it('entity(ref:) resolves a unique exact name or alias, ignoring case and accents', async () => {
    const query = 'query ($ref: ID!) { entity(ref: $ref) { __typename slug } }';
    for (const [ref, slug] of [
      ['ICANN', 'icann'],
      ['Internet Corporation for Assigned Names and Numbers', 'icann'],
      ['Минцифры России', 'ministry-digital-development'],
      ['андрей воробьев', 'andrey-vorobyev'],
      ['Telefónica', 'telefonica'],
      ['spam', 'topic-spam'],
      ['.рф', 'tld-rf'],
    ]) {
      const { entity } = await suite.api.data<{ entity: { slug: string } }>(query, { ref });
      expect(entity.slug, ref).toBe(slug);
    }
  });

  it('a name that several entities have is BAD_USER_INPUT listing them', async () => {
    // "Coordination Center" is a name or alias of the registry only; make a second one in a fresh entity.
    await suite.api.data(
      'mutation ($input: OrganizationInput!) { upsertOrganization(input: $input) { outcome } }',
      {
        input: {
          slug: 'second-msk-ix',
          name: 'Another exchange',
          aliases: ['MSK-IX'],
          kind: 'EXCHANGE_POINT',
          sources: [{ slug: seedSource }],
          evidence: 'STATED',
        },
      },
      suite.keys.curator,
    );
    const error = await suite.api.error('{ entity(ref: "MSK-IX") { slug } }');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'ref', ref: 'MSK-IX' });
    const listed = ((error.extensions?.didYouMean ?? []) as Candidate[]).map((candidate) => candidate.slug).sort();
    expect(listed).toEqual(['msk-ix', 'second-msk-ix']);
    expect(error.message).toContain('"msk-ix" (Organization)');
    // The slug still names one.
    expect((await suite.api.data<{ entity: { slug: string } }>('{ entity(ref: "msk-ix") { slug } }')).entity.slug).toBe('msk-ix');
  });
});

describe('references that name nothing', () => {
  it('NOT_FOUND on that field only, naming the reference, with didYouMean; the other aliases keep their data', async () => {
    const result = await suite.api.run<Record<string, unknown>>(`{
      good: paths(from: "qrator-labs", to: "icann", relationTypes: ["MEMBER_OF", "PART_OF"]) { nodes { slug } }
      bad: paths(from: "qrator", to: "icann") { nodes { slug } }
      around: neighborhood(id: "msk-ix") { nodes { slug } }
      lost: neighborhood(id: "mskix-exchange") { nodes { slug } }
      when: timeline(actor: "vorobyev") { edges { node { date } } }
      who: entity(ref: "Vorobyev Andrey Petrovich") { slug }
      server: serverInfo { version }
    }`);
    expect(pathSlugs(result.data?.good as { nodes: { slug: string }[] }[])).toEqual([['qrator-labs', 'ispcp', 'icann']]);
    expect((result.data?.around as { nodes: unknown[] } | undefined)?.nodes.length).toBeGreaterThan(1);
    expect(result.data?.server).toBeTruthy();
    expect(result.data).toMatchObject({ bad: null, lost: null, when: null, who: null });
    const byPath = new Map((result.errors ?? []).map((error) => [error.path?.[0], error]));
    expect([...byPath.keys()].sort()).toEqual(['bad', 'lost', 'when', 'who']);

    const bad = byPath.get('bad');
    expect(bad?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'from', ref: 'qrator' });
    expect(bad?.message).toContain('"qrator"');
    const candidates = bad?.extensions?.didYouMean as Candidate[];
    expect(candidates.length).toBeLessThanOrEqual(3);
    expect(candidates[0]).toEqual({ slug: 'qrator-labs', name: 'Qrator Labs', type: 'Organization' });
    const when = byPath.get('when');
    expect(when?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'actor', ref: 'vorobyev' });
    expect(((when?.extensions?.didYouMean ?? []) as Candidate[])[0]).toEqual({
      slug: 'andrey-vorobyev',
      name: 'Andrey Vorobyev',
      type: 'Person',
    });
    for (const error of [byPath.get('lost'), byPath.get('who')]) {
      expect(error?.extensions?.code).toBe('NOT_FOUND');
      const candidates = error?.extensions?.didYouMean as Candidate[];
      expect(Array.isArray(candidates) && candidates.length <= 3).toBe(true);
    }
  });

  it('lists as candidates only entities whose names resemble the reference, not those whose descriptions mention it', async () => {
    // A topic and ICANN, whose descriptions name Andrey Vorobyev, came second and third.
    const error = await suite.api.error('{ neighborhood(id: "vorobiev") { nodes { slug } } }');
    const listed = ((error.extensions?.didYouMean ?? []) as Candidate[]).map((candidate) => candidate.slug);
    expect(listed[0]).toBe('andrey-vorobyev');
    for (const slug of listed) expect(slug).toContain('vorobyev');
  });

  it('lists first the slugs one or two edits away, in a read and in a write', async () => {
    const firstOf = async (id: string) => {
      const error = await suite.api.error('query ($id: ID!) { neighborhood(id: $id) { nodes { slug } } }', { id });
      expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', ref: id });
      return ((error.extensions?.didYouMean ?? []) as Candidate[]).map((candidate) => candidate.slug);
    };
    // Search read "tld-rux" as the words "tld" and "rux", too short for a typo: any domain came.
    expect((await firstOf('tld-rux'))[0]).toBe('tld-ru');
    expect((await firstOf('ripm'))[0]).toBe('ripn');
    expect((await firstOf('coordination-centre-ru'))[0]).toBe('coordination-center-ru');
    // A former slug is a slug too: "body-itux" is one edit from itu's "body-itu".
    expect((await firstOf('body-itux'))[0]).toBe('itu');
    // Names still count: no slug is near "vorobiev", whose person is found by name.
    expect((await firstOf('vorobiev'))[0]).toBe('andrey-vorobyev');
    // A name one letter off, typed as a name, is near its slug.
    const named = await suite.api.error('{ neighborhood(id: "RIPM") { nodes { slug } } }');
    expect(((named.extensions?.didYouMean ?? []) as Candidate[])[0]?.slug).toBe('ripn');

    const write = await suite.api.error(
      `mutation { upsertManagesRelation(input: {
        from: "coordination-center-ru", to: "tld-rux", role: OPERATOR, sources: [{ slug: "${seedSource}" }], evidence: STATED
      }) { outcome } }`,
      {},
      suite.keys.curator,
    );
    const problems = (write.extensions?.problems ?? []) as { field: string; didYouMean?: Candidate[] }[];
    expect(problems.find((problem) => problem.field === 'input.to')?.didYouMean?.[0]?.slug).toBe('tld-ru');
    expect(write.message).toContain('did you mean "tld-ru"');
  });

  it('a global ID names its type: another type, or a slug no entity has, is NOT_FOUND', async () => {
    const query = 'query ($id: ID!) { neighborhood(id: $id) { nodes { slug } } }';
    const wrongType = await suite.api.error(query, { id: encodeGlobalID('Organization', 'icann') });
    expect(wrongType.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'id' });
    expect(wrongType.message).toContain('"icann" is a Body');
    const nobody = await suite.api.error(query, { id: encodeGlobalID('Person', 'no-such-person') });
    expect(nobody.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'id' });
    expect(nobody.message).toContain('no Person has the slug "no-such-person"');
  });

  it('text that is neither a slug nor a global ID is BAD_USER_INPUT, with the entities search finds for it', async () => {
    const error = await suite.api.error('{ neighborhood(id: "MSK-IX") { nodes { slug } } }');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', argument: 'id', ref: 'MSK-IX' });
    expect(error.message).toMatch(/did you mean .*"msk-ix"/);
    // Written as a slug, "ccTLD" is "cctld", which no entity has: the candidates are entities.
    const party = await suite.api.error('{ memoranda(filter: { party: "ccTLD" }) { totalCount } }');
    const didYouMean = z.object({ didYouMean: z.array(z.object({ slug: z.string() })) }).parse(party.extensions).didYouMean;
    expect(didYouMean.length).toBeGreaterThan(0);
    expect(didYouMean.map((candidate) => candidate.slug)).not.toContain('cctld');
    expect(party.message).not.toContain('"cctld"');
  });
});

describe('former slugs survive writes', () => {
  it('an upsert keeps the former slugs; an upsert to a former slug is refused', async () => {
    const upsertBody = 'mutation ($input: BodyInput!) { upsertBody(input: $input) { outcome body { slug formerSlugs description } } }';
    const { upsertBody: written } = await suite.api.data<{ upsertBody: { outcome: string; body: { formerSlugs: string[] } } }>(
      upsertBody,
      {
        input: {
          slug: 'sco',
          name: 'SCO',
          description: 'Rewritten.',
          kind: 'REGIONAL_ASSOCIATION',
          sources: [{ slug: seedSource }],
          evidence: 'STATED',
        },
      },
      suite.keys.curator,
    );
    expect(written).toMatchObject({ outcome: 'UPDATED', body: { formerSlugs: ['body-sco'], description: 'Rewritten.' } });
    const refused = await suite.api.error(
      upsertBody,
      { input: { slug: 'body-sco', name: 'SCO again', sources: [{ slug: seedSource }], evidence: 'STATED' } },
      suite.keys.curator,
    );
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.slug' });
    expect(refused.message).toContain('former slug of "sco"');
  });

  it('npm run seed renames a stored entity in place: relation keys follow, the old slug redirects, a rerun does nothing', async () => {
    await suite.api.data(
      `mutation {
        a: upsertOrganization(input: { slug: "old-name-registry", name: "A registry", kind: REGISTRY, sources: [{ slug: "${seedSource}" }], evidence: STATED }) { outcome }
        b: upsertManagesRelation(input: { from: "old-name-registry", to: "tld-vn", role: REGISTRAR, sources: [{ slug: "${seedSource}" }], evidence: STATED }) { outcome }
      }`,
      {},
      suite.keys.curator,
    );
    const renames = [{ from: 'old-name-registry', to: 'new-name-registry' }];
    expect(await renameStoredEntities(suite.db, renames, 'test')).toEqual(renames);
    expect(await renameStoredEntities(suite.db, renames, 'test')).toEqual([]);
    const [row] = await readRows(suite.db, 'queries/entities-by-id', entitiesByIdParameters(['old-name-registry']));
    expect(row).toMatchObject({ id: 'old-name-registry', props: { id: 'new-name-registry', formerSlugs: ['old-name-registry'] } });
    const { organization } = await suite.api.data<{ organization: { slug: string; tlds: { edges: { node: { slug: string } }[] } } }>(
      '{ organization(slug: "old-name-registry") { slug tlds { edges { node { slug } } } } }',
    );
    expect(organization).toEqual({ slug: 'new-name-registry', tlds: { edges: [{ node: { slug: 'tld-vn' } }] } });
    const { neighborhood } = await suite.api.data<{ neighborhood: { edges: { key: string }[] } }>(
      '{ neighborhood(id: "old-name-registry") { edges { key } } }',
    );
    expect(neighborhood.edges.map((edge) => edge.key)).toEqual(['MANAGES|new-name-registry|tld-vn|registrar|']);
  });
});
