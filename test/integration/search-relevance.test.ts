import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { measureRelevance, type RelevanceFigures, readRelevanceQueries } from '../../src/services/relevance.ts';
import { openTestDatabase } from '../support/database.ts';
import { GraphQLClient, loadRealSeed } from '../support/graphql.ts';

// Search on the real seed graph, in the real Neo4j: the relevance set of test/relevance/queries.json
// (what people type, with the entity they want first), the queries issue #15 names, and what a
// hit says about why it was found.

const queries = await readRelevanceQueries();
const named = queries.filter((query) => query.issue);

describe('search relevance on the seed graph', () => {
  let db: Database;
  let api: GraphQLClient;
  let figures: RelevanceFigures;

  beforeAll(async () => {
    db = await openTestDatabase();
    await loadRealSeed(db);
    api = new GraphQLClient(db);
    figures = await measureRelevance(db.openScope({ timeoutMs: Number.POSITIVE_INFINITY, requestId: 'relevance' }), queries);
  });

  afterAll(async () => {
    await db.close();
  });

  it('covers what the issue asks for: at least 80 queries, every query the issue names', () => {
    expect(queries.length).toBeGreaterThanOrEqual(80);
    expect(named.map((query) => query.query)).toEqual(
      expect.arrayContaining([
        'Vorobiev',
        'Vorobjov',
        'Воробьев',
        'Vorobyev',
        'Pavliuchenko',
        'Aleksei Platonov',
        'Quator Labs',
        "Japan's national network focal point",
        'mskix',
        'Moscow internet exchange',
        'ISPCP constituency members',
        'Russian Institute for Public Networks .SU',
        'memorandum between the Coordination Center and RIPN about .SU',
        'Kulikova ICANN',
        'Kremer RANS president',
        'Coordination Centre',
        'Shanghai Cooperation Organization',
      ]),
    );
    const categories = new Set(queries.map((query) => query.category));
    for (const category of [
      'typo',
      'transliteration',
      'cyrillic',
      'acronym',
      'tld',
      'long-phrase',
      'description',
      'extra-words',
      'person-by-role',
    ]) {
      expect(categories, category).toContain(category);
    }
  });

  it.each(named.map((query) => [query.query, query.expected] as const))('finds "%s" in the top 3 (%s)', (text, expected) => {
    const result = figures.results.find((found) => found.query === text && found.expected === expected);
    expect(result?.rank, `top 3: ${result?.top.join(', ')}`).not.toBeNull();
    expect(result?.rank).toBeLessThanOrEqual(3);
  });

  it('meets the goal over the whole set: hit@3 ≥ 95 % and MRR@10 ≥ 0.9', () => {
    const misses = figures.results.filter((result) => result.rank === null || result.rank > 3).map((result) => result.query);
    expect(figures.hitAt3, `not in the top 3: ${misses.join(' | ')}`).toBeGreaterThanOrEqual(0.95);
    expect(figures.mrrAt10).toBeGreaterThanOrEqual(0.9);
  });

  it('counts an answer the sources support as well as the expected one, and reads the held-out set', async () => {
    const scope = db.openScope({ timeoutMs: Number.POSITIVE_INFINITY, requestId: 'relevance' });
    // Two articles name two managers of .su: either first is right.
    const [both] = (
      await measureRelevance(scope, [
        { query: 'who manages .su', expected: 'no-such-entity', accepted: ['ripn', 'foundation-for-internet-development'], category: 'x' },
      ])
    ).results;
    expect(both?.rank).toBe(1);
    const heldOut = await readRelevanceQueries(new URL('../relevance/held-out.json', import.meta.url).pathname);
    expect(heldOut.length).toBeGreaterThan(150);
    expect(heldOut.some((query) => (query.accepted ?? []).length > 0)).toBe(true);
  });

  describe('through the API', () => {
    const query = `query ($query: String!, $types: [EntityType!], $first: Int) {
      search(query: $query, types: $types, first: $first) { score matched matchedField allWords node { __typename slug } }
    }`;
    type Hit = {
      score: number;
      matched: string | null;
      matchedField: string | null;
      allWords: boolean;
      node: { __typename: string; slug: string };
    };
    const search = async (text: string, first = 10) => (await api.data<{ search: Hit[] }>(query, { query: text, first })).search;

    it('says which field matched: a name, an alias as typed, or the description, and which name', async () => {
      expect((await search('Vorobiev'))[0]).toMatchObject({ matchedField: 'NAME', matched: 'Andrey Vorobyev', allWords: true });
      const cyrillic = (await search('Воробьев'))[0];
      expect(cyrillic).toMatchObject({ matchedField: 'ALIAS', node: { slug: 'andrey-vorobyev' } });
      expect(cyrillic?.matched).toMatch(/^Андрей Воробь[её]в$/);
      expect((await search('mskix'))[0]).toMatchObject({ matchedField: 'NAME', matched: 'MSK-IX', node: { slug: 'msk-ix' } });
      const kremer = (await search('Kremer RANS president'))[0];
      expect(kremer).toMatchObject({ node: { slug: 'arkady-kremer' }, matchedField: 'DESCRIPTION', allWords: true });
      // `matched` stays one of the names: the one that holds "Kremer".
      expect(kremer?.matched).toBe('Arkady Kremer');
      // A person found by a position that holds every word says so; the description says it too.
      expect((await search('Coordination Center director'))[0]).toMatchObject({
        node: { slug: 'andrey-vorobyev' },
        matchedField: 'POSITION',
        allWords: true,
      });
      expect((await search('директор Координационного центра'))[0]).toMatchObject({ matchedField: 'POSITION' });
      // Its stop words do not count for the description: "of" and "the" made it outweigh the position.
      expect((await search('head of the Coordination Center'))[0]).toMatchObject({
        node: { slug: 'andrey-vorobyev' },
        matchedField: 'POSITION',
      });
      // A memorandum found by its cast: Platonov signed it, and its own text names neither him nor signing.
      expect((await search('memoranda signed by Platonov'))[0]).toMatchObject({
        node: { slug: 'memo-cc-msk-ix' },
        matchedField: 'PARTY',
        allWords: true,
      });
      // Nor does the index find it for "Platonov signed": it comes with Platonov, as what he signed.
      expect((await search('Platonov signed'))[0]).toMatchObject({
        node: { slug: 'memo-cc-msk-ix' },
        matchedField: 'PARTY',
        allWords: true,
      });
      // A memorandum by the domain its party runs: only .moscow holds "moscow", and FAITID, its
      // registry, is party to the cybersecurity memorandum, which no stage found before.
      const moscow = await search('memorandum .moscow');
      expect(moscow.slice(0, 3).map((hit) => hit.node.slug)).toContain('memo-cc-faitid-cybersecurity');
      expect(moscow.find((hit) => hit.node.slug === 'memo-cc-faitid-cybersecurity')).toMatchObject({ allWords: true });
      // A memorandum by the topics it covers, an event by those it discussed: their own text
      // names none of them, and each says the topics found it.
      expect((await search('memorandum spam phishing botnets'))[0]).toMatchObject({
        node: { slug: 'memo-cc-msk-ix' },
        matchedField: 'TOPIC',
      });
      // Its name holds "memorandum" as the topic holds "malware": a name wins a tie.
      expect((await search('memorandum on malware'))[0]).toMatchObject({ node: { slug: 'memo-cc-oac' }, matchedField: 'NAME' });
      expect((await search('conference digital colonialism'))[0]).toMatchObject({
        node: { slug: 'event-diplomatic-academy-iis-conference' },
        matchedField: 'TOPIC',
      });
      // An event by a participant its own text does not name; its name holds more of the words.
      expect((await search('Diplomatic Academy conference Vorobyev'))[0]).toMatchObject({
        node: { slug: 'event-diplomatic-academy-iis-conference' },
        matchedField: 'NAME',
        allWords: true,
      });
      // The ISPCP's members fill the first stage with both words; the constituency comes with them.
      expect((await search('ISPCP members'))[0]).toMatchObject({ node: { slug: 'ispcp' }, allWords: true });
      // The article whose title says Qrator Labs became a member holds both words as well; an
      // article comes after the entity it is about, unless the query asks for one ("news").
      expect((await search('члены ISPCP'))[0]).toMatchObject({ node: { slug: 'ispcp' } });
      expect((await search('news Qrator Labs ICANN'))[0]).toMatchObject({ node: { slug: 'src-003-qrator-labs-joins-ispcp' } });
      // Found by members its own text does not name, it says so.
      expect((await search('members Verizon Comcast'))[0]).toMatchObject({ node: { slug: 'ispcp' }, matchedField: 'MEMBER' });
      // Babekina spoke in a section of the conference; an edition does not count for its series.
      expect((await search('RANS conference Babekina'))[0]).toMatchObject({ node: { slug: 'event-rans-ict-security-2021' } });
      expect((await search('RANS conference Malyanov'))[0]).toMatchObject({ node: { slug: 'event-rans-ict-security-2021' } });
      // The cast counts only when the query asks for a memorandum or who signed: "Platonov MSK-IX" is the person.
      expect((await search('Platonov MSK-IX'))[0]).toMatchObject({ node: { slug: 'alexei-platonov' } });
      const described = (await search('Moscow internet exchange'))[0];
      expect(described).toMatchObject({ node: { slug: 'msk-ix' }, allWords: true });
    });

    it('ranks entities that match every word first, and still answers when only some words match', async () => {
      const hits = await search('Kulikova ICANN');
      expect(hits[0]).toMatchObject({ node: { slug: 'alexandra-kulikova' }, allWords: true });
      const firstPartial = hits.findIndex((hit) => !hit.allWords);
      expect(firstPartial).toBeGreaterThan(0);
      expect(hits.slice(firstPartial).every((hit) => !hit.allWords)).toBe(true);
      expect(hits.map((hit) => hit.node.slug)).toContain('icann');
      // One word matches nothing at all: the other still finds its entity.
      const partial = await search('Vorobyev zqxwvy');
      expect(partial[0]).toMatchObject({ node: { slug: 'andrey-vorobyev' }, allWords: false });
    });
  });
});
