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

interface RelationEdge {
  node: { slug: string };
  evidence: string;
  basis: string | null;
}

interface StatementNode {
  slug: string;
  name: string;
  summary: string;
  date: string | null;
  evidence: string;
  sources: { slug: string }[];
  provenance: { field: string; value: string; evidence: string; basis: string | null }[];
  speakers: { edges: RelationEdge[] };
  saidAt: { edges: RelationEdge[] };
  about: { edges: RelationEdge[] };
}

interface StatementPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; evidence: string; basis: string | null; node: StatementNode }[];
}

const relationEdges = 'edges { node { slug } evidence basis }';
const statementFields = `slug name summary date evidence sources { slug } provenance(field: "date") { field value evidence basis }
  speakers(first: 5) { ${relationEdges} } saidAt(first: 5) { ${relationEdges} } about(first: 20) { ${relationEdges} }`;

const slugsOf = (edges: readonly { node: { slug: string } }[]) => edges.map((edge) => edge.node.slug);

function edgeTo(edges: readonly RelationEdge[], slug: string): RelationEdge {
  const found = edges.find((edge) => edge.node.slug === slug);
  if (!found) throw new Error(`no edge to ${slug} in ${JSON.stringify(slugsOf(edges))}`);
  return found;
}

describe("the ministry speaker's statements (Natalia Babekina, article 004)", () => {
  let page: StatementPage;
  let stated: StatementPage;

  beforeAll(async () => {
    const data = await api.data<{ person: { all: StatementPage; stated: StatementPage } }>(
      `{ person(slug: "natalia-babekina") {
          all: statements(first: 10) { totalCount pageInfo { hasNextPage endCursor } edges { cursor evidence basis node { ${statementFields} } } }
          stated: statements(first: 10, evidence: [STATED]) { totalCount pageInfo { hasNextPage endCursor } edges { cursor evidence basis node { ${statementFields} } } }
      } }`,
    );
    page = data.person.all;
    stated = data.person.stated;
  });

  const statement = (slug: string): StatementNode => {
    const found = page.edges.find((edge) => edge.node.slug === slug);
    if (!found) throw new Error(`no statement ${slug} in ${JSON.stringify(slugsOf(page.edges))}`);
    return found.node;
  };

  it('lists her four statements, each said at the Global Cooperation in IT section in April 2021, citing article 004', () => {
    expect(page.totalCount).toBe(4);
    expect(slugsOf(page.edges).sort()).toEqual([
      'statement-babekina-dialogue-with-society',
      'statement-babekina-glocalization',
      'statement-babekina-oewg-internet-governance',
      'statement-babekina-safe-internet-concept',
    ]);
    for (const { node } of page.edges) {
      expect(slugsOf(node.speakers.edges)).toEqual(['natalia-babekina']);
      expect(slugsOf(node.saidAt.edges)).toEqual(['event-rans-2021-global-cooperation-in-it-section']);
      expect(node.sources.map((source) => source.slug)).toEqual(['src-004-global-it-cooperation-rans-conference']);
      expect(node.evidence).toBe('STATED');
      expect(node.summary.length).toBeGreaterThan(40);
    }
  });

  it('keeps the date at month precision, and says the date is read, not stated', () => {
    for (const { node } of page.edges) {
      expect(node.date).toBe('2021-04');
      expect(node.provenance).toHaveLength(1);
      expect(node.provenance[0]).toMatchObject({ field: 'date', value: '2021-04', evidence: 'INFERRED' });
      expect(node.provenance[0]?.basis).toMatch(/April 27-28.*2021/);
    }
  });

  it('has her propose the OEWG for internet governance: about the OEWG, its resolution, its June session, the ITU and internet governance', () => {
    const oewg = statement('statement-babekina-oewg-internet-governance');
    expect(slugsOf(oewg.about.edges).sort()).toEqual([
      'doc-unga-res-75-240',
      'event-oewg-organizational-session-2021',
      'itu',
      'topic-internet-governance',
      'un-oewg',
    ]);
    expect(oewg.about.edges.every((edge) => edge.evidence === 'STATED')).toBe(true);
    expect(oewg.summary).toMatch(/Open-Ended Working Group/);
    // The article quotes "the speaker" here: that it is Babekina is a reading, with its basis.
    const speaker = edgeTo(oewg.speakers.edges, 'natalia-babekina');
    expect(speaker.evidence).toBe('INFERRED');
    expect(speaker.basis).toMatch(/"the speaker"/);
  });

  it('has her speak about glocalization and multipolarity, as the article states', () => {
    const glocalization = statement('statement-babekina-glocalization');
    expect(slugsOf(glocalization.about.edges).sort()).toEqual(['topic-glocalization', 'topic-multipolarity']);
    expect(edgeTo(glocalization.speakers.edges, 'natalia-babekina')).toMatchObject({ evidence: 'STATED', basis: null });
  });

  it('leaves the OEWG proposal out under evidence: [STATED], since only its attribution to her is read', () => {
    expect(stated.totalCount).toBe(3);
    expect(slugsOf(stated.edges)).not.toContain('statement-babekina-oewg-internet-governance');
    expect(page.edges.find((edge) => edge.node.slug === 'statement-babekina-oewg-internet-governance')).toMatchObject({
      evidence: 'INFERRED',
    });
  });
});

/** Every statement of one connection, read `size` at a time with first/after, and in one page. */
async function pagedBoth(lookup: string, slug: string, connection: string, size: number): Promise<{ paged: string[]; whole: string[] }> {
  const document = `query ($slug: String!, $first: Int!, $after: String) {
    entity: ${lookup}(slug: $slug) { ${connection}(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { slug } } } }
  }`;
  type Answer = {
    entity: Record<
      string,
      { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { slug: string } }[] }
    >;
  };
  const whole = await api.data<Answer>(document, { slug, first: 50 });
  const all = whole.entity[connection];
  if (!all) throw new Error(`no ${connection} on ${lookup} ${slug}`);
  expect(all.pageInfo.hasNextPage).toBe(false);
  expect(all.edges).toHaveLength(all.totalCount);
  const paged: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 20; pages += 1) {
    const answer: Answer = await api.data<Answer>(document, { slug, first: size, after });
    const part = answer.entity[connection];
    if (!part) throw new Error(`no ${connection} on ${lookup} ${slug}`);
    expect(part.edges.length).toBeLessThanOrEqual(size);
    paged.push(...slugsOf(part.edges));
    if (!part.pageInfo.hasNextPage) break;
    after = part.pageInfo.endCursor;
  }
  return { paged, whole: slugsOf(all.edges) };
}

describe('statements from every side, paged with first and after', () => {
  it.each([
    ['person', 'andrey-vorobyev', 'statements', 2, 5],
    ['organization', 'qrator-labs', 'statements', 1, 2],
    ['event', 'event-rans-2021-global-cooperation-in-it-section', 'statements', 3, 8],
    ['event', 'event-diplomatic-academy-iis-conference', 'statements', 1, 2],
    ['topic', 'topic-internet-governance', 'statements', 1, 1],
    ['topic', 'topic-global-it-cooperation', 'statements', 2, 3],
    ['body', 'icann', 'statements', 1, 1],
    ['body', 'icann', 'statementsAbout', 3, 7],
  ])('%s %s → %s, %i at a time: the same %i statements as one page, each once', async (lookup, slug, connection, size, count) => {
    const { paged, whole } = await pagedBoth(lookup, slug, connection, size);
    expect(whole).toHaveLength(count);
    expect(paged).toEqual(whole);
    expect(new Set(paged).size).toBe(count);
    expect(whole.every((statement) => statement.startsWith('statement-'))).toBe(true);
  });

  it('answers the director of the Coordination Center on pressure and on the Ukrainian proposal, said at the Diplomatic Academy', async () => {
    const data = await api.data<{ event: { statements: { edges: { node: StatementNode }[] } } }>(
      `{ event(slug: "event-diplomatic-academy-iis-conference") { statements(first: 10) { edges { node { ${statementFields} } } } } }`,
    );
    const bySlug = new Map(data.event.statements.edges.map((edge) => [edge.node.slug, edge.node]));
    const pressure = bySlug.get('statement-vorobyev-pressure-on-internet-infrastructure');
    const proposal = bySlug.get('statement-vorobyev-ukrainian-proposal');
    expect(slugsOf(pressure?.speakers.edges ?? [])).toEqual(['andrey-vorobyev']);
    expect(edgeTo(pressure?.about.edges ?? [], 'icann')).toMatchObject({ evidence: 'INFERRED' });
    expect(edgeTo(pressure?.about.edges ?? [], 'topic-pressure-on-internet-infrastructure')).toMatchObject({ evidence: 'STATED' });
    expect(slugsOf(proposal?.about.edges ?? [])).toEqual(
      expect.arrayContaining(['event-ukraine-request-to-icann', 'ukrainian-government', 'icann-board']),
    );
    expect(proposal?.date).toBeNull();
  });

  it('says who cited the regional associations and who welcomed Qrator Labs into the ISPCP', async () => {
    const data = await api.data<{
      eaeu: { statementsAbout: { edges: { node: StatementNode }[] } };
      ispcp: { statementsAbout: { edges: { node: StatementNode }[] } };
    }>(
      `{ eaeu: body(slug: "eaeu") { statementsAbout(first: 10) { edges { node { ${statementFields} } } } }
         ispcp: body(slug: "ispcp") { statementsAbout(first: 10) { edges { node { ${statementFields} } } } } }`,
    );
    const associations = data.eaeu.statementsAbout.edges.map((edge) => edge.node);
    expect(associations.map((node) => node.slug)).toEqual(['statement-glushchenko-regional-integration']);
    expect(slugsOf(associations[0]?.speakers.edges ?? [])).toEqual(['vadim-glushchenko']);
    expect(slugsOf(associations[0]?.about.edges ?? [])).toEqual(expect.arrayContaining(['eaeu', 'brics', 'sco']));
    const welcome = data.ispcp.statementsAbout.edges
      .map((edge) => edge.node)
      .find((node) => node.slug === 'statement-kulikova-welcomes-qrator-labs');
    expect(slugsOf(welcome?.speakers.edges ?? [])).toEqual(['alexandra-kulikova']);
    expect(slugsOf(welcome?.about.edges ?? [])).toEqual(expect.arrayContaining(['qrator-labs', 'ispcp', 'gnso']));
    expect(welcome?.date).toBe('2018-12-21');
    expect(welcome?.provenance[0]).toMatchObject({ field: 'date', evidence: 'INFERRED' });
  });

  it('looks a statement up by slug, and lists statements about a topic', async () => {
    const data = await api.data<{
      statement: { slug: string; speakers: { edges: RelationEdge[] } } | null;
      statements: { totalCount: number; edges: { node: { slug: string } }[] };
    }>(`{
      statement(slug: "statement-anisimov-universal-acceptance") { slug speakers(first: 1) { ${relationEdges} } }
      statements(first: 10, filter: { topic: "topic-internet-governance" }) { totalCount edges { node { slug } } }
    }`);
    expect(data.statement?.slug).toBe('statement-anisimov-universal-acceptance');
    expect(slugsOf(data.statement?.speakers.edges ?? [])).toEqual(['mikhail-anisimov']);
    expect(slugsOf(data.statements.edges)).toEqual(['statement-babekina-oewg-internet-governance']);
  });
});

describe('searching statements', () => {
  interface Hit {
    node: { slug: string; __typename: string };
    matchedField: string | null;
    allWords: boolean;
  }

  const search = async (query: string, types: string[] | null = null): Promise<Hit[]> =>
    (
      await api.data<{ search: Hit[] }>(
        'query ($query: String!, $types: [EntityType!]) { search(query: $query, types: $types, first: 10) { node { slug __typename } matchedField allWords } }',
        {
          query,
          types,
        },
      )
    ).search;

  it('finds a statement by words of its summary alone', async () => {
    const [first] = await search('world no longer unipolar', ['STATEMENT']);
    expect(first).toMatchObject({ node: { slug: 'statement-babekina-glocalization', __typename: 'Statement' }, matchedField: 'SUMMARY' });
  });

  it('finds a statement by its speaker and its subject, ahead of other statements on the subject', async () => {
    const hits = await search('Babekina OEWG');
    const statements = hits.filter((hit) => hit.node.__typename === 'Statement');
    expect(statements[0]).toMatchObject({ node: { slug: 'statement-babekina-oewg-internet-governance' }, allWords: true });
  });

  it('finds what the Coordination Center director said about pressure', async () => {
    const [first] = await search('Vorobyev pressure', ['STATEMENT']);
    expect(first?.node.slug).toBe('statement-vorobyev-pressure-on-internet-infrastructure');
    expect(first?.allWords).toBe(true);
  });
});
