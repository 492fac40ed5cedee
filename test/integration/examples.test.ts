import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, seedDataDir } from '../../src/config.ts';
import type { Database } from '../../src/db/database.ts';
import { loadSeedGraph } from '../../src/db/load.ts';
import { readSeedFolder, validateSeedFiles } from '../../src/domain/validate.ts';
import { type Example, examples, graphiqlTabs, loadExamples } from '../../src/examples/index.ts';
import { createGovgraphYoga } from '../../src/yoga.ts';
import { emptyDatabase, openTestDatabase } from '../support/database.ts';
import { testRequestTimeoutMs } from '../support/graphql.ts';
import { scannedFetch } from '../support/scanned-fetch.ts';

// The example queries GraphiQL opens with (src/examples), run against the real seed data:
// each must answer without errors, and with the facts the articles give.

interface GraphQLResult {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: unknown[] }[];
}

// Loose shapes for reading answers: the queries decide what is there.
// biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field below
type Answer = any;

const slugs = (sources: { slug: string }[]) => sources.map((source) => source.slug);
const names = (edges: { node: { name: string } }[]) => edges.map((edge) => edge.node.name);

const src000 = 'src-000-cctld-msk-ix-memorandum';
const src001 = 'src-001-cctld-oac-memorandum';
const src003 = 'src-003-qrator-labs-joins-ispcp';
const src004 = 'src-004-global-it-cooperation-rans-conference';
const coordinationCenter = 'Coordination Center for TLD .RU/.РФ';

describe('the example queries', () => {
  let db: Database;
  let yoga: ReturnType<typeof createGovgraphYoga>;

  async function post(body: Record<string, unknown>): Promise<GraphQLResult> {
    const response = await scannedFetch(
      'http://test/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      },
      { via: yoga },
    );
    return (await response.json()) as GraphQLResult;
  }

  function example(name: string): Example {
    const found = examples.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`no example named ${name}`);
    return found;
  }

  /** Runs an example exactly as GraphiQL's tab would, and returns its data; any error fails the test. */
  async function answer(name: string, variables?: Record<string, unknown>): Promise<Answer> {
    const { query, variables: own } = example(name);
    const result = await post({ query, variables: variables ?? own ?? {}, operationName: name });
    expect(result.errors).toBeUndefined();
    expect(result.data).toBeTruthy();
    return result.data;
  }

  beforeAll(async () => {
    db = await openTestDatabase();
    await emptyDatabase(db);
    await loadSeedGraph(db, validateSeedFiles(await readSeedFolder(seedDataDir)));
    yoga = createGovgraphYoga({ db, requestTimeoutMs: testRequestTimeoutMs });
  });

  afterAll(async () => {
    if (!db) return;
    await emptyDatabase(db);
    await db.close();
  });

  describe('the collection', () => {
    it('holds ServerInfo first, then 10 to 20 named questions, each read from its own file', () => {
      expect(examples[0]?.name).toBe('ServerInfo');
      expect(examples.length - 1).toBeGreaterThanOrEqual(10);
      expect(examples.length - 1).toBeLessThanOrEqual(20);
      expect(new Set(examples.map((e) => e.name)).size).toBe(examples.length);
      for (const e of examples) {
        expect(e.question, e.file).toMatch(/\?$/);
        expect(e.query.startsWith('#'), e.file).toBe(true);
        expect(e.query, e.file).toContain(`query ${e.name}`);
      }
      // Reading them again gives the same: nothing depends on import order or state.
      expect(loadExamples()).toEqual(examples);
    });

    it('gives every example whose operation takes variables a variables file, and no other', () => {
      for (const e of examples) expect(Boolean(e.variables), e.file).toBe(/query \w+\(/.test(e.query));
    });

    it('is listed in docs/api.md, each file with its question', () => {
      const listing = readFileSync(path.join(projectRoot, 'docs', 'api.md'), 'utf8');
      for (const e of examples) expect(listing, e.file).toContain(`src/examples/${e.file}`);
    });
  });

  describe('each answers without errors', () => {
    it.each(examples.map((e) => [e.name, e] as const))('%s', async (_name, e) => {
      const result = await post({ query: e.query, variables: e.variables ?? {}, operationName: e.name });
      expect(result.errors).toBeUndefined();
      expect(Object.values(result.data ?? {}).every((value) => value !== null)).toBe(true);
    });
  });

  // One check per example, with the facts it should find. The last test makes sure none is missed.
  const checks: Record<string, () => Promise<void>> = {
    async AllConflicts() {
      const { conflicts, ispcp } = await answer('AllConflicts');
      const su = conflicts.edges.find((edge: { node: { name: string } }) => edge.node.name === 'Who manages .su');
      expect(su.node.claims.map((claim: { relation: { from: { name: string } } }) => claim.relation.from.name).sort()).toEqual([
        'Foundation for Internet Development',
        'Russian Institute for Public Networks',
      ]);
      expect(conflicts.totalCount).toBe(conflicts.edges.length);
      for (const edge of conflicts.edges) {
        for (const claim of edge.node.claims) expect(claim.sources.length).toBeGreaterThan(0);
      }
      expect(ispcp.members.complete).toBe(false);
      expect(ispcp.members.completenessSources).toEqual([{ slug: 'src-003-qrator-labs-joins-ispcp' }]);
    },
    async OnlyWhatTheArticlesSay() {
      const { body, paths, kulikova } = await answer('OnlyWhatTheArticlesSay');
      expect(names(body.parents.edges).sort()).toEqual(['GNSO', 'ICANN']);
      expect(body.parents.edges.every((edge: { evidence: string }) => edge.evidence === 'STATED')).toBe(true);
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) for (const edge of path.edges) expect(edge.evidence).toBe('STATED');
      // Her employer is read, not stated: the position is there, marked INFERRED with its basis.
      expect(kulikova.positions.edges).toEqual([
        expect.objectContaining({ node: { name: 'ICANN' }, evidence: 'INFERRED', basis: expect.stringMatching(/employer/) }),
      ]);
    },
    async WhoSaidWhatAboutTheOewg() {
      const { body, topic } = await answer('WhoSaidWhatAboutTheOewg');
      const [proposal] = body.statementsAbout.edges;
      expect(body.statementsAbout.totalCount).toBe(1);
      expect(proposal.node.name).toBe('Proposal to bring internet governance into the UN OEWG');
      expect(proposal.node.date).toBe('2021-04');
      expect(proposal.node.provenance).toEqual([expect.objectContaining({ evidence: 'INFERRED' })]);
      // The quote is given to "the speaker": her attribution is read, with its basis.
      expect(proposal.node.speakers.edges).toEqual([
        expect.objectContaining({ node: { name: 'Natalia Babekina' }, evidence: 'INFERRED', basis: expect.stringMatching(/the speaker/) }),
      ]);
      expect(names(proposal.node.saidAt.edges)).toEqual(['Global Cooperation in IT']);
      expect(names(proposal.node.about.edges)).toContain('Internet governance');
      expect(topic.statements.totalCount).toBe(1);
    },
    async ServerInfo() {
      const { serverInfo } = await answer('ServerInfo');
      expect(serverInfo.version).toMatch(/^\d+\.\d+\.\d+/);
      expect(serverInfo.database.version).toMatch(/^5\./);
      expect(['community', 'enterprise']).toContain(serverInfo.database.edition);
    },

    async CoordinationCenterMemoranda() {
      const { organization } = await answer('CoordinationCenterMemoranda');
      expect(organization.name).toBe(coordinationCenter);
      const memoranda = organization.memoranda.edges.map((edge: Answer) => edge.node);
      expect(organization.memoranda.totalCount).toBe(memoranda.length);
      expect(memoranda.length).toBeGreaterThanOrEqual(6);
      const byName = (text: string) => memoranda.find((m: Answer) => m.name.includes(text));

      const mskIx = byName('Dissemination of Illegal Information');
      expect(names(mskIx.parties.edges)).toEqual(expect.arrayContaining([coordinationCenter, 'MSK-IX']));
      const mskIxSigners = mskIx.signatories.edges.map((edge: Answer) => [edge.node.name, edge.onBehalfOf.name, slugs(edge.sources)]);
      expect(mskIxSigners).toEqual(
        expect.arrayContaining([
          ['Andrey Vorobyev', coordinationCenter, [src000]],
          ['Alexei Platonov', 'MSK-IX', [src000]],
        ]),
      );

      // The Belarusian memorandum: signed in 2020, for the OAC by its head; the articles title it differently.
      const oac = byName('Counteract and Prevent Violations');
      expect(oac.date).toBe('2020');
      expect(oac.signatories.edges.map((edge: Answer) => [edge.node.name, edge.onBehalfOf.name])).toContainEqual([
        'Andrey Pavlyuchenko',
        'Operations and Analysis Center (OAC) under the President of the Republic of Belarus',
      ]);
      const titles = oac.claims.filter((claim: Answer) => claim.field === 'name');
      expect(titles).toHaveLength(2);
      expect(titles.map((claim: Answer) => slugs(claim.sources))).toEqual(expect.arrayContaining([[src000], [src001]]));
      expect(new Set(titles.map((claim: Answer) => claim.value)).size).toBe(2);

      expect(byName('RIPN').date).toBe('2021-02');
      // Every party of every memorandum cites a source.
      for (const m of memoranda) for (const edge of m.parties.edges) expect(edge.sources.length, m.name).toBeGreaterThan(0);
    },

    async WhoManagesSu() {
      const { tld } = await answer('WhoManagesSu');
      expect(tld.name).toBe('.su');
      expect(tld.managers.totalCount).toBe(2);
      const claims = Object.fromEntries(tld.managers.edges.map((edge: Answer) => [edge.node.slug, slugs(edge.sources)]));
      // Both conflicting claims, each with its own article.
      expect(claims).toEqual({ ripn: [src000], 'foundation-for-internet-development': [src001] });
      for (const edge of tld.managers.edges) {
        expect(edge.role).toBe('registry');
        expect(edge.sources[0].title).toBeTruthy();
      }
    },

    async RfByPunycode() {
      const { tld } = await answer('RfByPunycode');
      expect(tld).toMatchObject({ name: '.рф', unicode: '.рф', ascii: '.xn--p1ai', idn: true, type: 'country-code', country: 'RU' });
      expect(tld.externalFacts).toContain('ascii');
      expect(tld.idnCounterparts.edges.map((edge: Answer) => edge.node)).toEqual([{ name: '.ru', ascii: '.ru' }]);
      expect(tld.managers.edges.map((edge: Answer) => [edge.role, edge.node.name])).toEqual([['registry', coordinationCenter]]);
      expect(slugs(tld.managers.edges[0].sources)).toContain(src004);
    },

    async IspcpMembersAndAncestors() {
      const { body } = await answer('IspcpMembersAndAncestors');
      expect(body.aliases).toContain('ISPCP');
      expect(body.ancestors.map((a: Answer) => a.slug).sort()).toEqual(['gnso', 'icann']);
      const members = body.members.edges;
      expect(body.members.totalCount).toBe(members.length);
      expect(names(members)).toEqual(expect.arrayContaining(['Qrator Labs', 'DE-CIX', 'LINX', 'AT&T', 'Verizon', 'Comcast']));
      const qrator = members.find((edge: Answer) => edge.node.name === 'Qrator Labs');
      expect(qrator).toMatchObject({ startDate: '2018-12', node: { country: 'RU' } });
      for (const edge of members) expect(slugs(edge.sources)).toContain(src003);
    },

    async RansConferenceParticipants() {
      const { event } = await answer('RansConferenceParticipants');
      expect(event).toMatchObject({ edition: 19, startDate: '2021-04-27' });
      const roles = (edges: Answer[]) => edges.map((edge) => `${edge.node.name}: ${edge.role}`);
      const own = event.participants.edges.filter((edge: Answer) => edge.part === null);
      expect(roles(own)).toEqual(
        expect.arrayContaining(['Russian Association of Networks and Services: organizer', `${coordinationCenter}: supporter`]),
      );
      const inSection = event.participants.edges.filter((edge: Answer) => edge.part?.name === 'Global Cooperation in IT');
      expect(inSection[0].part.kind).toBe('section');
      expect(roles(inSection)).toEqual(
        expect.arrayContaining([
          'Andrey Vorobyev: moderator',
          'Andrey Vorobyev: speaker',
          'Vadim Glushchenko: speaker',
          'Natalia Babekina: speaker',
          'Mikhail Anisimov: commentator',
        ]),
      );
      expect(event.participants.totalCount).toBe(event.participants.edges.length);
      for (const edge of event.participants.edges) expect(edge.sources.length, edge.node.name).toBeGreaterThan(0);
    },

    async PersonPositions() {
      const { person } = await answer('PersonPositions');
      expect(person.aliases).toContain('Андрей Воробьёв');
      const director = person.positions.edges.find((edge: Answer) => edge.node.name === coordinationCenter);
      expect(director.title).toBe('Director');
      expect(slugs(director.sources)).toEqual(expect.arrayContaining([src000, src001, src004]));
      expect(person.memoranda.edges.length).toBeGreaterThanOrEqual(2);
      for (const edge of person.memoranda.edges) expect(edge.onBehalfOf.name).toBe(coordinationCenter);
      const eventRoles = person.events.edges.map((edge: Answer) => `${edge.node.name}: ${edge.role}`);
      expect(eventRoles).toEqual(expect.arrayContaining(['Global Cooperation in IT: moderator', 'Global Cooperation in IT: speaker']));
    },

    async SearchCyrillicAndLatin() {
      const { cyrillic, latin, domain, russianWord } = await answer('SearchCyrillicAndLatin');
      expect(cyrillic[0].node).toMatchObject({ __typename: 'Person', slug: 'andrey-vorobyev' });
      expect(cyrillic[0].matched).toMatch(/Воробь[её]в/);
      expect(latin[0].node.slug).toBe('andrey-vorobyev');
      expect(domain[0].node).toMatchObject({ __typename: 'Tld', slug: 'tld-rf', name: '.рф' });
      expect(russianWord[0].node).toMatchObject({ __typename: 'Topic', slug: 'topic-cybersecurity', name: 'Cybersecurity' });
    },

    async PathQratorLabsToIcann() {
      const { anyRelation, governanceChain } = await answer('PathQratorLabsToIcann');
      for (const path of [...anyRelation, ...governanceChain]) {
        expect(path.nodes[0].name).toBe('Qrator Labs');
        expect(path.nodes.at(-1).name).toBe('ICANN');
        expect(path.edges).toHaveLength(path.nodes.length - 1);
        for (const edge of path.edges) expect(edge.sources.length).toBeGreaterThan(0);
      }
      expect(anyRelation.length).toBeGreaterThan(0);
      expect(anyRelation[0].edges.length).toBeLessThanOrEqual(3);
      // The governance chain: a member of the ISPCP, which article 003 places in ICANN's ecosystem.
      expect(governanceChain).toHaveLength(1);
      const [chain] = governanceChain;
      expect(chain.nodes.map((n: Answer) => n.name)).toEqual([
        'Qrator Labs',
        'Internet Service Providers and Connectivity Providers constituency',
        'ICANN',
      ]);
      expect(chain.edges.map((e: Answer) => e.type)).toEqual(['MEMBER_OF', 'PART_OF']);
      expect(chain.edges[0].properties.startDate).toBe('2018-12');
      expect(slugs(chain.edges[0].sources)).toEqual([src003]);
    },

    async CoordinationCenterTimeline() {
      const timeline = (await answer('CoordinationCenterTimeline')).timeline.edges.map((edge: Answer) => edge.node);
      const dates = timeline.map((entry: Answer) => entry.date);
      expect(dates).toEqual([...dates].sort());
      const facts = timeline.map((entry: Answer) => `${entry.date} ${entry.edge.type} ${entry.other.name}`);
      expect(facts).toEqual(
        expect.arrayContaining([
          '2020 PARTY_TO Memorandum of Cooperation to Counteract and Prevent Violations on the Internet',
          '2021-02 PARTY_TO Memorandum between the Coordination Center and RIPN',
          '2021-04-27 PARTICIPATED_IN Global Cooperation in IT',
        ]),
      );
      for (const entry of timeline) expect(entry.edge.sources.length).toBeGreaterThan(0);
      // The conference's year is read from the context, and says so.
      const section = timeline.find((entry: Answer) => entry.other.name === 'Global Cooperation in IT');
      expect(section).toMatchObject({ kind: 'ENTITY', evidence: 'INFERRED', basis: expect.stringContaining('2021') });
    },

    async EverythingDated2021() {
      const { timeline } = await answer('EverythingDated2021');
      const facts = timeline.edges.map(
        ({ node }: Answer) => `${node.date} ${node.type} ${node.entity?.slug ?? `${node.edge.from.slug}>${node.edge.to.slug}`}`,
      );
      expect(facts).toEqual(
        expect.arrayContaining(['2018-12 MEMBER_OF qrator-labs>ispcp', '2021 PART_OF un-oewg>unga', '2021-02 Memorandum memo-cc-ripn']),
      );
      expect(facts).toContain('2021-06-01 Event event-oewg-organizational-session-2021');
      for (const { node } of timeline.edges) expect(node.sources.length).toBeGreaterThan(0);
    },

    async CoordinationCenterMemorandaSince2020() {
      const { memoranda } = await answer('CoordinationCenterMemorandaSince2020');
      // Dated ones only, oldest first: the undated memoranda with .CN, .VN, FAITID and MSK-IX are left out.
      expect(memoranda.nodes.map((memorandum: Answer) => `${memorandum.date} ${memorandum.slug}`)).toEqual([
        '2020 memo-cc-oac',
        '2021-02 memo-cc-ripn',
      ]);
      expect(memoranda.totalCount).toBe(2);
      const oac = memoranda.nodes[0].signatories.edges.map((edge: Answer) => `${edge.node.name} for ${edge.onBehalfOf?.name}`);
      expect(oac).toEqual(expect.arrayContaining([expect.stringMatching(/^Andrey Pavlyuchenko for Operations and Analysis Center/)]));
    },

    async WhatRestsOnOneArticle() {
      const { source } = await answer('WhatRestsOnOneArticle');
      const records = source.supports.edges.map(({ node }: Answer) => node.slug ?? `${node.type} ${node.from.slug}>${node.to.slug}`);
      // More than a page: the total counts them all, and the next page is announced.
      expect(source.supports.totalCount).toBeGreaterThan(records.length);
      expect(source.supports.pageInfo.hasNextPage).toBe(true);
      expect(records).toEqual(expect.arrayContaining(['msk-ix', 'memo-cc-msk-ix', 'MANAGES ripn>tld-su']));
      const alone = source.supports.edges.filter((edge: Answer) => edge.onlySource).map(({ node }: Answer) => node.slug ?? node.type);
      expect(alone).toEqual(expect.arrayContaining(['msk-ix', 'alexei-platonov']));
      expect(alone).not.toContain('coordination-center-ru');
      const oac = source.supports.edges.find(({ node }: Answer) => node.slug === 'memo-cc-oac');
      expect(oac.claims.map((claim: Answer) => claim.field)).toContain('name');
    },

    async MskIxNeighborhood() {
      const { neighborhood } = await answer('MskIxNeighborhood');
      expect(neighborhood.nodes[0].slug).toBe('msk-ix');
      expect(neighborhood.nodes.map((n: Answer) => n.slug)).toEqual(
        expect.arrayContaining(['alexei-platonov', 'coordination-center-ru', 'memo-cc-msk-ix', 'country-ru']),
      );
      const edges = neighborhood.edges.map((edge: Answer) => `${edge.from.slug} ${edge.type} ${edge.to.slug}`);
      expect(edges).toEqual(
        expect.arrayContaining([
          'alexei-platonov HOLDS_POSITION msk-ix',
          'msk-ix PARTY_TO memo-cc-msk-ix',
          // Between two neighbours, not touching MSK-IX itself.
          'alexei-platonov SIGNED memo-cc-msk-ix',
        ]),
      );
      for (const edge of neighborhood.edges) expect(slugs(edge.sources)).toContain(src000);
    },

    async GraphStats() {
      const { stats } = await answer('GraphStats');
      const entities = Object.fromEntries(stats.entities.map((row: Answer) => [row.type, row.count]));
      expect(entities.Source).toBe(5);
      expect(entities.Memorandum).toBeGreaterThanOrEqual(6);
      expect(entities.Tld).toBeGreaterThanOrEqual(9);
      const relations = Object.fromEntries(stats.relations.map((row: Answer) => [row.type, row.count]));
      expect(relations.MANAGES).toBeGreaterThanOrEqual(12);
      expect(stats.mostConnected[0].entity.name).toBe(coordinationCenter);
      const counts = stats.topTopics.map((row: Answer) => row.count);
      expect(counts).toHaveLength(5);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    },

    async OrganizationsPage() {
      const first = await answer('OrganizationsPage');
      const { russian, registries } = first;
      expect(russian.totalCount).toBeGreaterThan(5);
      expect(russian.edges).toHaveLength(5);
      expect(russian.pageInfo.hasNextPage).toBe(true);
      expect(russian.pageInfo.endCursor).toBe(russian.edges[4].cursor);
      // The next page, as the comment tells the researcher: after = endCursor.
      const second = await answer('OrganizationsPage', { after: russian.pageInfo.endCursor });
      expect(second.russian.totalCount).toBe(russian.totalCount);
      const page1 = names(russian.edges);
      const page2 = names(second.russian.edges);
      expect(page2.length).toBeGreaterThan(0);
      expect(page2.filter((name) => page1.includes(name))).toEqual([]);
      const cc = registries.edges.find((edge: Answer) => edge.node.name === coordinationCenter);
      expect(cc.node.country).toBe('RU');
      expect(names(cc.node.tlds.edges).sort()).toEqual(['.ru', '.рф']);
      expect(registries.totalCount).toBe(registries.edges.length);
    },

    async MemorandaOnPhishing() {
      const { memoranda } = await answer('MemorandaOnPhishing');
      expect(memoranda.totalCount).toBe(2);
      const found = memoranda.edges.map((edge: Answer) => edge.node);
      expect(found.map((m: Answer) => names(m.parties.edges).sort())).toEqual(
        expect.arrayContaining([
          [coordinationCenter, 'MSK-IX'].sort(),
          [coordinationCenter, 'Operations and Analysis Center (OAC) under the President of the Republic of Belarus'].sort(),
        ]),
      );
      for (const m of found) expect(names(m.topics.edges)).toEqual(expect.arrayContaining(['Phishing', 'Botnets']));
    },

    async UnOewgAndResolution() {
      const { body } = await answer('UnOewgAndResolution');
      expect(body.aliases).toContain('OEWG');
      expect(body.ancestors.map((a: Answer) => a.name)).toEqual(['UN General Assembly', 'United Nations']);
      const [established] = body.establishedBy.edges;
      expect(established.node).toMatchObject({ number: '75/240', date: '2020-12-31' });
      expect(names(established.node.issuedBy.edges)).toEqual(['UN General Assembly']);
      expect(slugs(established.sources)).toEqual([src004]);
      expect(body.children.edges.map((edge: Answer) => edge.node)).toContainEqual({
        __typename: 'Event',
        name: 'UN OEWG organizational session 2021',
      });
    },
  };

  describe('each finds what the articles say', () => {
    for (const [name, check] of Object.entries(checks)) it(name, check);

    it('covers every example', () => {
      expect(Object.keys(checks).sort()).toEqual(examples.map((e) => e.name).sort());
    });
  });

  describe('GraphiQL', () => {
    it('opens at /graphql in a browser with every example as a question, ServerInfo first', async () => {
      const response = await scannedFetch('http://test/graphql', { headers: { accept: 'text/html' } }, { via: yoga });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await response.text();
      expect(html).toContain('<title>govgraph · GraphiQL</title>');
      // GraphiQL is served by this server itself: nothing is fetched from a CDN.
      expect(html).not.toMatch(/https?:\/\//);

      // The page carries the examples as JSON (src/web/server/pages.ts); browser tests click them.
      const json = /<script type="application\/json" id="page-data">(.*?)<\/script>/s.exec(html)?.[1];
      expect(json).toBeDefined();
      const parsed = JSON.parse(json ?? '{}') as {
        examples: { name: string; question: string; query: string; variables: string | null }[];
      };
      const tabs = graphiqlTabs(examples);
      expect(parsed.examples).toEqual(
        examples.map((e, index) => ({ name: e.name, question: e.question, query: e.query, variables: tabs[index]?.variables ?? null })),
      );
      expect(parsed.examples[0]?.name).toBe('ServerInfo');
    });

    it('gives each tab with variables its variables as JSON', () => {
      const tabs = graphiqlTabs(examples);
      examples.forEach((e, index) => {
        expect(tabs[index]?.variables ? JSON.parse(tabs[index].variables) : undefined).toEqual(e.variables);
      });
    });
  });
});
