import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { openTestDatabase } from '../support/database.ts';
import { GraphQLClient, loadRealSeed } from '../support/graphql.ts';

let db: Database;
let api: GraphQLClient;

beforeAll(async () => {
  db = await openTestDatabase();
  await loadRealSeed(db);
  api = new GraphQLClient(db);
});

afterAll(async () => {
  await db.close();
});

interface EvidenceEdge {
  node: { slug: string };
  role?: string | null;
  evidence: string;
  basis: string | null;
  citations: { source: { slug: string } | null; evidence: string; basis: string | null }[];
}

interface Page {
  edges: EvidenceEdge[];
}

const edgeFields = 'node { slug } evidence basis citations { source { slug } evidence basis }';

/**
 * One relation connection of one entity, read twice: with every kind of evidence, and with
 * `evidence: [STATED]`. Each claim the audit (seed/AUDIT.md) found not to be stated must be in
 * the first answer with its kind and basis, and absent from the second.
 */
async function bothWays(lookup: string, slug: string, connection: string, extra = ''): Promise<{ all: Page; stated: Page }> {
  const document = `query ($slug: String!) {
    all: ${lookup}(slug: $slug) { ... on Entity { slug } ${connection}(first: 50) { edges { ${edgeFields} ${extra} } } }
    stated: ${lookup}(slug: $slug) { ... on Entity { slug } ${connection}(first: 50, evidence: [STATED]) { edges { ${edgeFields} ${extra} } } }
  }`;
  const data = await api.data<{ all: Record<string, Page>; stated: Record<string, Page> }>(document, { slug });
  return { all: data.all[connection] as Page, stated: data.stated[connection] as Page };
}

function edgeTo(page: Page, slug: string): EvidenceEdge {
  const found = page.edges.find((edge) => edge.node.slug === slug);
  if (!found) throw new Error(`no edge to ${slug} in ${JSON.stringify(page.edges.map((edge) => edge.node.slug))}`);
  return found;
}

const slugs = (page: Page) => page.edges.map((edge) => edge.node.slug);

describe('the evidence of the claims issue #14 lists', () => {
  it.each([
    ['person', 'alexandra-kulikova', 'positions', 'icann', 'INFERRED'],
    ['body', 'gnso', 'parents', 'icann', 'EXTERNAL'],
    ['organization', 'msk-ix', 'locatedIn', 'country-ru', 'INFERRED'],
    ['organization', 'global-it-cooperation-competence-center', 'locatedIn', 'country-ru', 'INFERRED'],
    ['event', 'event-diplomatic-academy-iis-conference', 'locatedIn', 'country-ru', 'INFERRED'],
    ['event', 'event-diplomatic-academy-iis-round-table', 'locatedIn', 'country-ru', 'INFERRED'],
    ['organization', 'qrator-labs', 'cooperatesWith', 'icann', 'INFERRED'],
    ['memorandum', 'memo-cc-ripn', 'topics', 'topic-internet-abuse', 'INFERRED'],
    ['person', 'mikhail-anisimov', 'events', 'event-rans-2021-global-cooperation-in-it-section', 'INFERRED'],
  ])('%s %s → %s %s is %s, and left out under evidence: [STATED]', async (lookup, slug, connection, target, kind) => {
    const { all, stated } = await bothWays(lookup, slug, connection);
    const edge = edgeTo(all, target);
    expect(edge.evidence).toBe(kind);
    expect(edge.citations.map((citation) => citation.evidence)).toEqual(edge.citations.map(() => kind));
    if (kind === 'INFERRED') {
      expect(edge.basis).toMatch(/\S{3,}.*\./);
      expect(edge.citations.every((citation) => citation.basis === edge.basis)).toBe(true);
    } else {
      expect(edge.basis).toBeNull();
    }
    expect(slugs(stated)).not.toContain(target);
  });

  it('keeps what the articles do state under evidence: [STATED]', async () => {
    const ispcp = await bothWays('body', 'ispcp', 'parents');
    // 003 puts the ISPCP in the GNSO and in ICANN's ecosystem: both stated.
    expect(slugs(ispcp.stated).sort()).toEqual(['gnso', 'icann']);
    expect(edgeTo(ispcp.all, 'icann').citations).toEqual([
      { source: { slug: 'src-003-qrator-labs-joins-ispcp' }, evidence: 'STATED', basis: null },
    ]);
    const qrator = await bothWays('organization', 'qrator-labs', 'locatedIn');
    expect(slugs(qrator.stated)).toEqual(['country-ru']);
  });

  it('gives Anisimov a role the article supports, not "speaker"', async () => {
    const { all } = await bothWays('person', 'mikhail-anisimov', 'events', 'role');
    expect(edgeTo(all, 'event-rans-2021-global-cooperation-in-it-section').role).toBe('commentator');
  });

  it('marks the RANS conference dates as inferred, with a basis, and keeps the series and its organizer as stated', async () => {
    const { event } = await api.data<{
      event: {
        startDate: string;
        provenance: { field: string; value: string; evidence: string; basis: string | null; sources: { slug: string }[] }[];
        partOf: { edges: { node: { slug: string; organizers: { edges: { node: { slug: string }; evidence: string }[] } } }[] };
      };
    }>(`{ event(slug: "event-rans-ict-security-2021") {
      startDate
      provenance(field: "startDate") { field value evidence basis sources { slug } }
      partOf(evidence: [STATED]) { edges { node { slug ... on Event { organizers { edges { node { slug } evidence } } } } } }
    } }`);
    expect(event.startDate).toBe('2021-04-27');
    expect(event.provenance).toEqual([
      {
        field: 'startDate',
        value: '2021-04-27',
        evidence: 'INFERRED',
        basis: expect.stringContaining('sec21'),
        sources: [{ slug: 'src-004-global-it-cooperation-rans-conference' }],
      },
    ]);
    expect(event.partOf.edges).toEqual([
      {
        node: {
          slug: 'event-series-rans-ict-security',
          // RANS holds it every year, with the Coordination Center's support: both stated by 004.
          organizers: {
            edges: expect.arrayContaining([
              { node: { slug: 'rans' }, evidence: 'STATED' },
              { node: { slug: 'coordination-center-ru' }, evidence: 'STATED' },
            ]),
          },
        },
      },
    ]);
  });

  it("says which values have sources of their own and which take the record's", async () => {
    const { cc } = await api.data<{
      cc: { provenance: { field: string; value: string; evidence: string; sources: { slug: string }[]; sourcesFromRecord: boolean }[] };
    }>(`{ cc: organization(slug: "coordination-center-ru") {
      provenance { field value evidence sources { slug } sourcesFromRecord }
    } }`);
    const entry = (field: string, value?: string) =>
      cc.provenance.find((one) => one.field === field && (value === undefined || one.value === value));
    // The kind names the two articles that call it a registry: its own sources.
    expect(entry('kind')).toMatchObject({ value: 'registry', sourcesFromRecord: false });
    expect(entry('kind')?.sources).toHaveLength(2);
    // The description has no entry of its own: it lists the record's four sources, and says so.
    expect(entry('description')).toMatchObject({ evidence: 'STATED', sourcesFromRecord: true });
    expect(entry('description')?.sources).toHaveLength(4);
    // Outside knowledge cites nothing, and borrows nothing either.
    expect(entry('aliases', 'КЦ')).toMatchObject({ evidence: 'EXTERNAL', sources: [], sourcesFromRecord: false });
  });

  it('reads provenance by the field as the API shows it, and refuses a field the type does not have', async () => {
    const { memorandum } = await api.data<{ memorandum: { title: string; provenance: { field: string; value: string }[] } }>(
      '{ memorandum(slug: "memo-cc-oac") { title provenance(field: "title") { field value } } }',
    );
    // A memorandum's title is stored as its name: both titles the articles give, each its own entry.
    expect(memorandum.provenance.map((entry) => entry.field)).toEqual(['title', 'title']);
    expect(memorandum.provenance.map((entry) => entry.value)).toContain(memorandum.title);
    const error = await api.error('{ memorandum(slug: "memo-cc-oac") { provenance(field: "titel") { value } } }');
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'field',
      allowed: expect.arrayContaining(['title', 'date']),
    });
    expect(error.message).toContain('"titel"');
  });

  it('keeps each side of a conflict on the entity: its value with its own source, and the other as a claim', async () => {
    const { icann, faitid, bel } = await api.data<{
      icann: { kind: string; provenance: { value: string; evidence: string; sources: { slug: string }[] }[] };
      faitid: { provenance: { value: string; evidence: string; basis: string | null }[] };
      bel: { provenance: { value: string; sources: { slug: string }[] }[] };
    }>(`{
      icann: body(slug: "icann") { kind provenance(field: "kind") { value evidence sources { slug } } }
      faitid: organization(slug: "faitid") { provenance(field: "kind") { value evidence basis } }
      bel: tldBySlug(slug: "tld-bel") { provenance(field: "name") { value sources { slug } } }
    }`);
    expect(icann.provenance).toEqual([
      { value: 'international-organization', evidence: 'STATED', sources: [{ slug: 'src-004-global-it-cooperation-rans-conference' }] },
      { value: 'company', evidence: 'STATED', sources: [{ slug: 'src-002-international-information-security-report' }] },
    ]);
    // As its conflict has it: a foundation by its name (inferred), a registry by article 001.
    expect(faitid.provenance).toEqual([
      { value: 'foundation', evidence: 'INFERRED', basis: expect.stringContaining('Foundation') },
      { value: 'registry', evidence: 'STATED', basis: null },
    ]);
    expect(bel.provenance.map((entry) => entry.value)).toEqual(['.бел', '.BEL']);
  });

  it("no longer says the Coordination Center's anniversary fell in 2021, nor that 002 quotes ICANN", async () => {
    const { cc, icann } = await api.data<{ cc: { description: string }; icann: { description: string } }>(
      '{ cc: organization(slug: "coordination-center-ru") { description } icann: body(slug: "icann") { description } }',
    );
    expect(cc.description).not.toMatch(/anniversary in 2021/);
    expect(icann.description).not.toMatch(/quotes it/);
  });
});

describe('field provenance and claims', () => {
  it("shows that the OAC memorandum's year comes from article 000 alone, and each title from its own article", async () => {
    const { memorandum } = await api.data<{
      memorandum: { provenance: { field: string; value: string; evidence: string; sources: { slug: string }[] }[] };
    }>('{ memorandum(slug: "memo-cc-oac") { provenance { field value evidence sources { slug } } } }');
    const byField = (field: string) => memorandum.provenance.filter((entry) => entry.field === field);
    expect(byField('date')).toEqual([
      { field: 'date', value: '2020', evidence: 'STATED', sources: [{ slug: 'src-000-cctld-msk-ix-memorandum' }] },
    ]);
    expect(byField('name').map((entry) => [entry.value, entry.sources.map((source) => source.slug)])).toEqual([
      ['Memorandum of Cooperation to Counteract and Prevent Violations on the Internet', ['src-001-cctld-oac-memorandum']],
      ['Memorandum of Cooperation and Interaction on Combating Internet Abuse', ['src-000-cctld-msk-ix-memorandum']],
    ]);
  });

  it('marks a punycode form EXTERNAL, field by field, while the TLD itself is stated', async () => {
    const { tldBySlug } = await api.data<{
      tldBySlug: { evidence: string; externalFacts: string[]; provenance: { field: string; evidence: string }[] };
    }>('{ tldBySlug(slug: "tld-rf") { evidence externalFacts provenance(field: "ascii") { field evidence } } }');
    expect(tldBySlug).toEqual({
      evidence: 'STATED',
      externalFacts: ['ascii', 'aliases'],
      provenance: [{ field: 'ascii', evidence: 'EXTERNAL' }],
    });
  });

  it('gives a value of a list its own provenance: the punycode alias apart from the stated ones', async () => {
    const { rf, cc } = await api.data<{
      rf: { aliases: string[]; provenance: { value: string; evidence: string }[] };
      cc: { provenance: { value: string; evidence: string }[] };
    }>(`{
      rf: tldBySlug(slug: "tld-rf") { aliases provenance(field: "aliases") { value evidence } }
      cc: organization(slug: "coordination-center-ru") { provenance(field: "aliases") { value evidence } }
    }`);
    expect(rf.aliases).toEqual(['.РФ', '.xn--p1ai']);
    // The rest of the list together, as a list; each value with an entry of its own apart.
    expect(rf.provenance).toEqual([
      { value: '[".РФ"]', evidence: 'STATED' },
      { value: '.xn--p1ai', evidence: 'EXTERNAL' },
    ]);
    // The name the articles write is stated; the short form without .РФ, which no article writes,
    // and the Russian ones are outside knowledge.
    expect(cc.provenance).toEqual([
      { value: 'Coordination Center', evidence: 'STATED' },
      { value: 'Coordination Center for TLD .RU', evidence: 'EXTERNAL' },
      { value: 'Координационный центр доменов .RU/.РФ', evidence: 'EXTERNAL' },
      { value: 'КЦ', evidence: 'EXTERNAL' },
    ]);
  });
});

describe('the evidence argument on the graph walks', () => {
  const gid = encodeGlobalID;

  it('paths(evidence: [STATED]) leaves out hops that are not stated', async () => {
    const query = `query ($from: ID!, $to: ID!, $evidence: [Evidence!]) {
      paths(from: $from, to: $to, maxHops: 3, evidence: $evidence) { edges { type from { slug } to { slug } evidence } }
    }`;
    const variables = { from: gid('Organization', 'qrator-labs'), to: gid('Body', 'icann') };
    const any = await api.data<{ paths: { edges: { type: string; evidence: string }[] }[] }>(query, variables);
    expect(any.paths.length).toBeGreaterThan(0);
    // The shortest way, in one hop, is the planned cooperation: inferred.
    expect(any.paths[0]?.edges.map((edge) => [edge.type, edge.evidence])).toEqual([['COOPERATES_WITH', 'INFERRED']]);
    const stated = await api.data<{ paths: { edges: { type: string; evidence: string }[] }[] }>(query, {
      ...variables,
      evidence: ['STATED'],
    });
    expect(stated.paths.length).toBeGreaterThan(0);
    for (const path of stated.paths) for (const edge of path.edges) expect(edge.evidence).toBe('STATED');
    expect(stated.paths.map((path) => path.edges.map((edge) => edge.type))).toContainEqual(['MEMBER_OF', 'PART_OF']);
  });

  it('neighborhood and timeline take the same filter', async () => {
    const neighborhood = await api.data<{ neighborhood: { nodes: { slug: string }[]; edges: { evidence: string }[] } }>(
      `query ($id: ID!) { neighborhood(id: $id, evidence: [STATED]) { nodes { slug } edges { evidence } } }`,
      { id: gid('Organization', 'msk-ix') },
    );
    expect(neighborhood.neighborhood.nodes.map((node) => node.slug)).not.toContain('country-ru');
    expect(neighborhood.neighborhood.edges.every((edge) => edge.evidence === 'STATED')).toBe(true);

    // The link to the actor must pass the filter, as the date itself (kind ENTITY: an event's date).
    const timeline = `query ($actor: ID!, $evidence: [Evidence!]) {
      timeline(actor: $actor, evidence: $evidence) { edges { node { date evidence edge { type evidence } } } }
    }`;
    type Answer = { timeline: { edges: { node: { evidence: string; edge: { evidence: string } } }[] } };
    const entries = async (evidence?: string[]) =>
      (await api.data<Answer>(timeline, { actor: gid('Person', 'mikhail-anisimov'), evidence })).timeline.edges.map((edge) => edge.node);
    const everything = { timeline: await entries() };
    const stated = { timeline: await entries(['STATED']) };
    expect(everything.timeline.some((entry) => entry.edge.evidence === 'INFERRED')).toBe(true);
    expect(stated.timeline.length).toBeLessThan(everything.timeline.length);
    expect(stated.timeline.every((entry) => entry.edge.evidence === 'STATED' && entry.evidence === 'STATED')).toBe(true);
  });
});
