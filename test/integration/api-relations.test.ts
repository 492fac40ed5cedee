import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import type { SeedGraph } from '../../src/domain/graph.ts';
import { openTestDatabase } from '../support/database.ts';
import { GraphQLClient, loadRealSeed } from '../support/graphql.ts';

/** A reference that names nothing: NOT_FOUND naming the argument and the reference, with candidates from search (issue #15). */
const notFound = (argument: string) => ({
  code: 'NOT_FOUND',
  field: argument,
  argument,
  ref: expect.any(String),
  didYouMean: expect.any(Array),
});

// Relation connections over the real seed: every edge with its own fields and its sources, the
// conflicting claims of seed/CONFLICTS.md side by side, and the errors for bad arguments.

const src000 = 'src-000-cctld-msk-ix-memorandum';
const src001 = 'src-001-cctld-oac-memorandum';
const src002 = 'src-002-international-information-security-report';
const src003 = 'src-003-qrator-labs-joins-ispcp';
const src004 = 'src-004-global-it-cooperation-rans-conference';

type Slugged = { slug: string };

interface Connection<E> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: E[];
}

const slugsOf = (sources: Slugged[]) => sources.map((source) => source.slug);

describe('the API over the real seed data: relations with evidence, and bad arguments', () => {
  let db: Database;
  let api: GraphQLClient;
  let graph: SeedGraph;

  const relationsOf = (type: string, end: 'from' | 'to', slug: string) => graph.relations.filter((r) => r.type === type && r[end] === slug);

  beforeAll(async () => {
    db = await openTestDatabase();
    graph = await loadRealSeed(db);
    api = new GraphQLClient(db);
  });

  afterAll(async () => {
    await db?.close();
  });

  describe('memoranda: parties and signatories', () => {
    type Result = {
      memorandum: {
        title: string;
        date: string | null;
        aliases: string[];
        claims: { field: string; value: string; sources: Slugged[] }[];
        parties: Connection<{ node: { __typename: string; slug: string }; sources: Slugged[]; note: string | null }>;
        signatories: Connection<{
          node: Slugged & { name: string };
          onBehalfOf: { __typename: string; slug: string } | null;
          sources: Slugged[];
        }>;
        topics: Connection<{ node: Slugged }>;
      };
    };
    const query = `query ($slug: String!) {
      memorandum(slug: $slug) {
        title date aliases claims { field value sources { slug } }
        parties { totalCount edges { node { __typename slug } sources { slug } note } }
        signatories { totalCount edges { node { slug name } onBehalfOf { __typename slug } sources { slug } } }
        topics(first: 100) { totalCount edges { node { slug } } }
      }
    }`;

    it('the MSK-IX memorandum: two parties, two signatories each on behalf of his organization, with sources', async () => {
      const { memorandum } = await api.data<Result>(query, { slug: 'memo-cc-msk-ix' });
      expect(memorandum.title).toBe('Memorandum of Cooperation on Combating the Dissemination of Illegal Information');
      expect(memorandum.date).toBeNull();
      expect(memorandum.parties.totalCount).toBe(2);
      expect(memorandum.parties.edges.map((edge) => [edge.node.__typename, edge.node.slug, slugsOf(edge.sources)])).toEqual([
        ['Organization', 'coordination-center-ru', [src000]],
        ['Organization', 'msk-ix', [src000]],
      ]);
      expect(memorandum.signatories.totalCount).toBe(2);
      expect(
        memorandum.signatories.edges.map((edge) => [
          edge.node.name,
          edge.onBehalfOf?.__typename,
          edge.onBehalfOf?.slug,
          slugsOf(edge.sources),
        ]),
      ).toEqual([
        ['Alexei Platonov', 'Organization', 'msk-ix', [src000]],
        ['Andrey Vorobyev', 'Organization', 'coordination-center-ru', [src000]],
      ]);
      const covers = relationsOf('COVERS', 'from', 'memo-cc-msk-ix').map((r) => r.to);
      expect(memorandum.topics.totalCount).toBe(covers.length);
      expect(memorandum.topics.edges.map((edge) => edge.node.slug).sort()).toEqual([...covers].sort());
      expect(covers).toContain('topic-phishing');
    });

    it('the OAC memorandum keeps both titles as claims, each citing its own article', async () => {
      const { memorandum } = await api.data<Result>(query, { slug: 'memo-cc-oac' });
      expect(memorandum.title).toBe('Memorandum of Cooperation to Counteract and Prevent Violations on the Internet');
      expect(memorandum.date).toBe('2020');
      expect(memorandum.claims.map((claim) => [claim.field, claim.value, slugsOf(claim.sources)])).toEqual(
        expect.arrayContaining([
          ['name', 'Memorandum of Cooperation and Interaction on Combating Internet Abuse', [src000]],
          ['name', 'Memorandum of Cooperation to Counteract and Prevent Violations on the Internet', [src001]],
        ]),
      );
      expect(memorandum.signatories.edges.map((edge) => [edge.node.slug, edge.onBehalfOf?.slug, slugsOf(edge.sources)])).toEqual([
        ['andrey-pavlyuchenko', 'oac-belarus', [src001]],
        ['andrey-vorobyev', 'coordination-center-ru', [src001]],
      ]);
    });

    it('the cybersecurity memorandum: three parties, the foundation on article 001 alone, with a note', async () => {
      const { memorandum } = await api.data<Result>(query, { slug: 'memo-cc-faitid-cybersecurity' });
      const parties = memorandum.parties.edges.map((edge) => [edge.node.slug, slugsOf(edge.sources)]);
      expect(parties).toEqual(
        expect.arrayContaining([
          ['coordination-center-ru', [src000, src001]],
          ['faitid', [src000, src001]],
          ['foundation-for-internet-development', [src001]],
        ]),
      );
      expect(memorandum.parties.totalCount).toBe(relationsOf('PARTY_TO', 'to', 'memo-cc-faitid-cybersecurity').length);
      const foundation = memorandum.parties.edges.find((edge) => edge.node.slug === 'foundation-for-internet-development');
      expect(foundation?.note).toMatch(/001/);
    });
  });

  it('a person: positions with organization and title, memoranda signed, events with roles', async () => {
    const { vorobyev, kulikova } = await api.data<{
      vorobyev: {
        positions: Connection<{ title: string | null; node: { __typename: string; slug: string; name: string }; sources: Slugged[] }>;
        memoranda: Connection<{ node: Slugged; onBehalfOf: Slugged | null }>;
        events: Connection<{ role: string | null; node: Slugged }>;
      };
      kulikova: { positions: Connection<{ title: string | null; note: string | null; node: { __typename: string; slug: string } }> };
    }>(`{
      vorobyev: person(slug: "andrey-vorobyev") {
        positions { totalCount edges { title node { __typename slug name } sources { slug } } }
        memoranda { totalCount edges { node { slug } onBehalfOf { slug } } }
        events(first: 50) { totalCount edges { role node { slug } } }
      }
      kulikova: person(slug: "alexandra-kulikova") { positions { edges { title note node { __typename slug } } } }
    }`);
    expect(vorobyev.positions.edges.map((edge) => [edge.node.__typename, edge.node.slug, edge.node.name, edge.title])).toEqual([
      ['Organization', 'coordination-center-ru', 'Coordination Center for TLD .RU/.РФ', 'Director'],
    ]);
    expect(slugsOf(vorobyev.positions.edges[0]?.sources ?? [])).toEqual(expect.arrayContaining([src000, src001, src002, src004]));
    expect(vorobyev.memoranda.edges.map((edge) => [edge.node.slug, edge.onBehalfOf?.slug])).toEqual([
      ['memo-cc-msk-ix', 'coordination-center-ru'],
      ['memo-cc-oac', 'coordination-center-ru'],
    ]);
    // Two roles at one event are two relations, each listed.
    const roles = vorobyev.events.edges.map((edge) => `${edge.node.slug} ${edge.role}`);
    expect(roles).toEqual(
      expect.arrayContaining([
        'event-diplomatic-academy-iis-conference participant',
        'event-diplomatic-academy-iis-conference speaker',
        'event-rans-2021-global-cooperation-in-it-section moderator',
        'event-rans-2021-global-cooperation-in-it-section speaker',
      ]),
    );
    expect(vorobyev.events.totalCount).toBe(relationsOf('PARTICIPATED_IN', 'from', 'andrey-vorobyev').length);
    // A position in a body (not an organization), inferred: its evidence and basis say so (evidence.test.ts).
    expect(kulikova.positions.edges).toEqual([
      {
        title: 'Head of Global Stakeholder Engagement in Eastern Europe and Central Asia',
        note: null,
        node: { __typename: 'Body', slug: 'icann' },
      },
    ]);
  });

  it('.su has two managers, because two articles disagree: both claims, each with its own source', async () => {
    const { su, by } = await api.data<{
      su: { managers: Connection<{ role: string | null; note: string | null; node: Slugged; sources: Slugged[] }> };
      by: { managers: Connection<{ role: string | null; node: Slugged; sources: Slugged[] }> };
    }>(`{
      su: tld(name: ".SU") { managers { totalCount edges { role note node { slug } sources { slug } } } }
      by: tld(name: ".by") { managers { totalCount edges { role node { slug } sources { slug } } } }
    }`);
    expect(su.managers.totalCount).toBe(2);
    expect(su.managers.edges.map((edge) => [edge.node.slug, edge.role, slugsOf(edge.sources)])).toEqual([
      ['foundation-for-internet-development', 'registry', [src001]],
      ['ripn', 'registry', [src000]],
    ]);
    expect(su.managers.edges.every((edge) => edge.note !== null)).toBe(true);
    // The OAC: registrar in one article, registry in the other; one organization, two claims.
    expect(by.managers.edges.map((edge) => [edge.node.slug, edge.role, slugsOf(edge.sources)])).toEqual(
      expect.arrayContaining([
        ['oac-belarus', 'registrar', [src000]],
        ['oac-belarus', 'registry', [src001]],
      ]),
    );
  });

  it('bodies: ancestors nearest first, parents, children and members with paging', async () => {
    type Body = {
      ancestors: { __typename: string; slug: string }[];
      parents: Connection<{ node: Slugged; sources: Slugged[] }>;
      children: Connection<{ node: Slugged }>;
    };
    const result = await api.data<{ ispcp: Body; oewg: Body; icann: Body; gnso: Body }>(`{
      ispcp: body(slug: "ispcp") { ...B }
      oewg: body(slug: "un-oewg") { ...B }
      icann: body(slug: "icann") { ...B }
      gnso: body(slug: "gnso") { ...B }
    }
    fragment B on Body {
      ancestors { __typename slug }
      parents { totalCount edges { node { slug } sources { slug } } }
      children(first: 50) { totalCount edges { node { slug } } }
    }`);
    // Article 003 puts the ISPCP both in the GNSO and in ICANN's ecosystem: two parents, two ancestors.
    expect(result.ispcp.ancestors).toHaveLength(2);
    expect(result.ispcp.ancestors).toEqual(
      expect.arrayContaining([
        { __typename: 'Body', slug: 'gnso' },
        { __typename: 'Body', slug: 'icann' },
      ]),
    );
    expect(result.ispcp.parents.edges.map((edge) => [edge.node.slug, slugsOf(edge.sources)])).toEqual([
      ['gnso', [src003]],
      ['icann', [src003]],
    ]);
    expect(result.oewg.ancestors.map((body) => body.slug)).toEqual(['unga', 'un']);
    expect(result.icann.ancestors).toEqual([]);
    expect(result.gnso.ancestors.map((body) => body.slug)).toEqual(['icann']);
    expect(result.gnso.children.edges.map((edge) => edge.node.slug)).toEqual(['ispcp']);
    expect(result.icann.children.edges.map((edge) => edge.node.slug)).toEqual(expect.arrayContaining(['gnso', 'icann-board']));
    expect(result.icann.children.totalCount).toBe(relationsOf('PART_OF', 'to', 'icann').length);
  });

  it('relation connections page with first/after and last/before, without duplicates or gaps', async () => {
    type Members = { body: { members: Connection<{ startDate: string | null; node: Slugged }> } };
    const query = `query ($first: Int, $after: String, $last: Int, $before: String) {
      body(slug: "ispcp") {
        members(first: $first, after: $after, last: $last, before: $before) {
          totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { startDate node { slug } }
        }
      }
    }`;
    const all = (await api.data<Members>(query, { first: 100 })).body.members;
    const expected = relationsOf('MEMBER_OF', 'to', 'ispcp').map((r) => r.from);
    expect(all.totalCount).toBe(expected.length);
    expect(all.edges.map((edge) => edge.node.slug).sort()).toEqual([...expected].sort());
    expect(all.edges.find((edge) => edge.node.slug === 'qrator-labs')?.startDate).toBe('2018-12');

    const forward: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Members['body']['members'] = (await api.data<Members>(query, { first: 3, after })).body.members;
      expect(page.totalCount).toBe(expected.length);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      forward.push(...page.edges.map((edge) => edge.node.slug));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(forward).toEqual(all.edges.map((edge) => edge.node.slug));

    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const page: Members['body']['members'] = (await api.data<Members>(query, { last: 3, before })).body.members;
      backward.unshift(...page.edges.map((edge) => edge.node.slug));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(backward).toEqual(forward);
  });

  it('relation connections order by date or by name, both ways, and page in that order', async () => {
    type Memoranda = {
      organization: { memoranda: Connection<{ date: string | null; node: Slugged & { date: string | null; name: string } }> };
    };
    const query = `query ($orderBy: RelationOrder, $first: Int, $after: String, $last: Int, $before: String) {
      organization(slug: "coordination-center-ru") {
        memoranda(orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
          totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { date node { slug date name } }
        }
      }
    }`;
    const read = async (variables: Record<string, unknown>) => (await api.data<Memoranda>(query, variables)).organization.memoranda;
    const dateOf = (slug: string) => {
      const value = graph.nodes.find((node) => node.id === slug)?.props.dateFrom;
      return typeof value === 'string' ? value : '';
    };
    const keyed = relationsOf('PARTY_TO', 'from', 'coordination-center-ru').map((r) => ({ slug: r.to, date: dateOf(r.to), key: r.key }));
    // Undated memoranda first, then by the memorandum's first day; ties by the relationship key.
    const ascending = [...keyed]
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((memo) => memo.slug);
    expect(keyed.filter((memo) => memo.date !== '').length).toBeGreaterThan(1);

    const byDate = await read({ orderBy: { field: 'DATE' }, first: 100 });
    expect(byDate.edges.map((edge) => edge.node.slug)).toEqual(ascending);
    const latestFirst = await read({ orderBy: { field: 'DATE', direction: 'DESC' }, first: 100 });
    expect(latestFirst.edges.map((edge) => edge.node.slug)).toEqual([...ascending].reverse());
    expect(latestFirst.totalCount).toBe(ascending.length);
    const byName = (await read({ orderBy: { field: 'NAME', direction: 'DESC' }, first: 100 })).edges.map((edge) => edge.node.slug);
    expect(byName).toEqual((await read({ first: 100 })).edges.map((edge) => edge.node.slug).reverse());

    // Pages of two, forwards and backwards, in the order asked for, give the same list.
    const orderBy = { field: 'DATE', direction: 'DESC' };
    const forward: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Memoranda['organization']['memoranda'] = await read({ orderBy, first: 2, after });
      forward.push(...page.edges.map((edge) => edge.node.slug));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(forward).toEqual([...ascending].reverse());
    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const page: Memoranda['organization']['memoranda'] = await read({ orderBy, last: 2, before });
      backward.unshift(...page.edges.map((edge) => edge.node.slug));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(backward).toEqual(forward);

    // A cursor holds a place in one order: by date it is no place in the list by name.
    const first = await read({ orderBy, first: 2 });
    const crossed = await api.error(query, { orderBy: { field: 'NAME' }, first: 2, after: first.pageInfo.endCursor });
    expect(crossed.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(crossed.message).toContain('ordered by DATE');
    const byNameCursor = (await read({ first: 2 })).pageInfo.endCursor;
    expect((await api.error(query, { orderBy, last: 2, before: byNameCursor })).extensions).toMatchObject({ field: 'before' });
    // An evidence kind there is none of is refused with the kinds there are, as a kind filter's
    // is: they are the data's values. An order field is the schema's vocabulary, which
    // test/attack keeps unlisted with introspection off.
    const unknownKind = await api.error('{ organization(slug: "coordination-center-ru") { memoranda(evidence: [SAID]) { totalCount } } }');
    expect(unknownKind.extensions).toMatchObject({ code: 'BAD_USER_INPUT', allowed: ['EXTERNAL', 'INFERRED', 'STATED'] });
    // Either direction of one order takes the other's cursors: a place by date is a place by date.
    expect((await read({ orderBy: { field: 'DATE' }, first: 2, after: first.pageInfo.endCursor })).edges.length).toBeGreaterThan(0);
  });

  it('events: participants with their roles, organizers only, the parts of a conference', async () => {
    const { section, conference } = await api.data<{
      section: {
        participants: Connection<{ role: string | null; node: { __typename: string; slug: string }; sources: Slugged[] }>;
        organizers: Connection<{ role: string | null; node: Slugged }>;
        partOf: Connection<{ node: Slugged }>;
      };
      conference: { parts: Connection<{ node: Slugged }>; organizers: Connection<{ role: string | null; node: Slugged }> };
    }>(`{
      section: event(slug: "event-rans-2021-global-cooperation-in-it-section") {
        participants(first: 50) { totalCount edges { role node { __typename slug } sources { slug } } }
        organizers { totalCount edges { role node { slug } } }
        partOf { edges { node { slug } } }
      }
      conference: event(slug: "event-rans-ict-security-2021") {
        parts(first: 50) { totalCount edges { node { slug } } }
        organizers { edges { role node { slug } } }
      }
    }`);
    const participants = section.participants.edges.map((edge) => `${edge.node.__typename} ${edge.node.slug} ${edge.role}`);
    expect(participants).toEqual(
      expect.arrayContaining([
        'Organization coordination-center-ru organizer',
        'Organization coordination-center-ru host',
        'Person andrey-vorobyev moderator',
        'Person andrey-vorobyev speaker',
        'Person vadim-glushchenko speaker',
        'Person mikhail-anisimov commentator',
      ]),
    );
    expect(section.participants.totalCount).toBe(
      relationsOf('PARTICIPATED_IN', 'to', 'event-rans-2021-global-cooperation-in-it-section').length,
    );
    expect(section.participants.edges.every((edge) => slugsOf(edge.sources).includes(src004))).toBe(true);
    expect(section.organizers.edges.map((edge) => `${edge.node.slug} ${edge.role}`).sort()).toEqual([
      'coordination-center-ru host',
      'coordination-center-ru organizer',
    ]);
    expect(section.organizers.totalCount).toBe(2);
    expect(section.partOf.edges.map((edge) => edge.node.slug)).toEqual(['event-rans-ict-security-2021']);
    expect(conference.parts.edges.map((edge) => edge.node.slug)).toEqual(
      expect.arrayContaining(['event-rans-2021-cc-stand-and-video-studio', 'event-rans-2021-global-cooperation-in-it-section']),
    );
    expect(conference.organizers.edges.map((edge) => `${edge.node.slug} ${edge.role}`)).toEqual(
      expect.arrayContaining(['rans organizer', 'coordination-center-ru supporter']),
    );
  });

  it('an event is part of a body too: the session of the OEWG, and the OEWG lists it', async () => {
    const { session, oewg } = await api.data<{
      session: { partOf: Connection<{ node: { __typename: string; slug: string } }> };
      oewg: { children: Connection<{ node: { __typename: string; slug: string } }> };
    }>(`{
      session: event(slug: "event-oewg-organizational-session-2021") { partOf { totalCount edges { node { __typename slug } } } }
      oewg: body(slug: "un-oewg") { children { totalCount edges { node { __typename slug } } } }
    }`);
    const parents = relationsOf('PART_OF', 'from', 'event-oewg-organizational-session-2021').map((relation) => relation.to);
    expect(parents).toContain('un-oewg');
    expect(session.partOf.edges.map((edge) => `${edge.node.__typename} ${edge.node.slug}`)).toEqual(['Body un-oewg']);
    expect(session.partOf.totalCount).toBe(parents.length);
    expect(oewg.children.edges.map((edge) => `${edge.node.__typename} ${edge.node.slug}`)).toContain(
      'Event event-oewg-organizational-session-2021',
    );
  });

  it('topics and countries link back to what covers, discusses, serves or is located in them', async () => {
    const { phishing, russia, rf } = await api.data<{
      phishing: { coveredBy: Connection<{ node: { __typename: string; slug: string } }>; events: Connection<{ node: Slugged }> };
      russia: {
        code: string;
        tlds: Connection<{ node: Slugged }>;
        based: Connection<{ node: Slugged }>;
        memberships: Connection<{ node: Slugged; sources: Slugged[] }>;
      };
      rf: { idnCounterparts: Connection<{ node: Slugged; sources: Slugged[] }>; countries: Connection<{ node: Slugged }> };
    }>(`{
      phishing: topic(slug: "topic-phishing") { coveredBy(first: 50) { totalCount edges { node { __typename slug } } } events { totalCount edges { node { slug } } } }
      russia: country(slug: "country-ru") {
        code
        tlds(first: 50) { totalCount edges { node { slug } } }
        based(first: 100) { totalCount edges { node { slug } } }
        memberships(first: 50) { totalCount edges { node { slug } sources { slug } } }
      }
      rf: tld(name: "xn--p1ai") { idnCounterparts { edges { node { slug } sources { slug } } } countries { edges { node { slug } } } }
    }`);
    const covering = relationsOf('COVERS', 'to', 'topic-phishing').map((r) => r.from);
    expect(phishing.coveredBy.totalCount).toBe(covering.length);
    expect(phishing.coveredBy.edges.map((edge) => edge.node.slug).sort()).toEqual([...covering].sort());
    expect(phishing.coveredBy.edges.map((edge) => edge.node.slug)).toEqual(expect.arrayContaining(['memo-cc-msk-ix', 'memo-cc-oac']));
    expect(phishing.events.totalCount).toBe(relationsOf('DISCUSSED', 'to', 'topic-phishing').length);

    expect(russia.code).toBe('RU');
    expect(russia.tlds.edges.map((edge) => edge.node.slug).sort()).toEqual(['tld-moscow', 'tld-moskva', 'tld-rf', 'tld-ru']);
    expect(russia.based.totalCount).toBe(relationsOf('LOCATED_IN', 'to', 'country-ru').length);
    expect(russia.based.edges.map((edge) => edge.node.slug)).toEqual(expect.arrayContaining(['msk-ix', 'coordination-center-ru']));
    expect(russia.memberships.edges.map((edge) => edge.node.slug)).toEqual(expect.arrayContaining(['brics', 'eaeu', 'sco']));
    expect(russia.memberships.edges.every((edge) => slugsOf(edge.sources).includes(src004))).toBe(true);

    // IDN_COUNTERPART is stored .ru → .рф; either end finds the other.
    expect(rf.idnCounterparts.edges.map((edge) => edge.node.slug)).toEqual(['tld-ru']);
    expect(rf.countries.edges.map((edge) => edge.node.slug)).toEqual(['country-ru']);
  });

  describe('bad arguments: each an error with extensions.code and a message naming the argument', () => {
    const gid = encodeGlobalID;

    it('first: 0 and first: 101 on a relation connection', async () => {
      const query = 'query ($first: Int, $last: Int) { body(slug: "ispcp") { members(first: $first, last: $last) { totalCount } } }';
      for (const [variables, argument] of [
        [{ first: 0 }, 'first'],
        [{ first: 101 }, 'first'],
        [{ last: 0 }, 'last'],
        [{ last: 101 }, 'last'],
      ] as const) {
        const error = await api.error(query, variables);
        expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: argument, argument });
        expect(error.message).toBe(`"${argument}" must be between 1 and 100, got ${Object.values(variables)[0]}`);
        expect(error.path).toEqual(['body', 'members']);
      }
    });

    it('unknown ids are NOT_FOUND; malformed global IDs are BAD_USER_INPUT', async () => {
      const neighborhood = 'query ($id: ID!, $depth: Int) { neighborhood(id: $id, depth: $depth) { nodes { id } } }';
      const unknown = await api.error(neighborhood, { id: gid('Organization', 'no-such-org') });
      expect(unknown.extensions).toEqual(notFound('id'));
      expect(unknown.message).toContain('no Organization');
      const timeline = await api.error('query ($id: ID!) { timeline(actor: $id) { edges { node { date } } } }', {
        id: gid('Person', 'no-such-person'),
      });
      expect(timeline.extensions).toEqual(notFound('actor'));
      const malformed = await api.error(neighborhood, { id: 'this is not an id' });
      expect(malformed.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', argument: 'id' });
      expect(malformed.message).toContain('"id"');
      const node = await api.error('query ($id: ID!) { node(id: $id) { id } }', { id: '%%%' });
      expect(node.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id', argument: 'id' });
    });

    it('maxHops: 99 and depth: 9', async () => {
      const paths = await api.error('query ($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 99) { nodes { id } } }', {
        from: gid('Organization', 'qrator-labs'),
        to: gid('Body', 'icann'),
      });
      expect(paths.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'maxHops', argument: 'maxHops' });
      expect(paths.message).toBe('"maxHops" must be between 1 and 6, got 99');
      const depth = await api.error('query ($id: ID!) { neighborhood(id: $id, depth: 9) { nodes { id } } }', {
        id: gid('Organization', 'msk-ix'),
      });
      expect(depth.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'depth', argument: 'depth' });
      expect(depth.message).toBe('"depth" must be between 1 and 3, got 9');
    });

    it('a good request still answers after bad ones: Qrator Labs reaches ICANN through the ISPCP', async () => {
      const { paths } = await api.data<{ paths: { nodes: Slugged[]; edges: { sources: Slugged[] }[] }[] }>(
        'query ($from: ID!, $to: ID!) { paths(from: $from, to: $to, relationTypes: ["MEMBER_OF", "PART_OF"]) { nodes { slug } edges { sources { slug } } } }',
        { from: gid('Organization', 'qrator-labs'), to: gid('Body', 'icann') },
      );
      expect(paths.map((path) => path.nodes.map((n) => n.slug))).toEqual([['qrator-labs', 'ispcp', 'icann']]);
      expect(paths[0]?.edges.map((edge) => slugsOf(edge.sources))).toEqual([[src003], [src003]]);
    });
  });
});
