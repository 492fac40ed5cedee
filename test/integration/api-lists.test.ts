import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDataDir } from '../../src/config.ts';
import type { Database } from '../../src/db/database.ts';
import { loadSeedGraph } from '../../src/db/load.ts';
import type { EntityLabel, NodeRow, SeedGraph } from '../../src/domain/graph.ts';
import { readSeedFolder, validateSeedFiles } from '../../src/domain/validate.ts';
import { openTestDatabase } from '../support/database.ts';
import { GraphQLClient, loadRealSeed, type Variables } from '../support/graphql.ts';

// Root lists, filters, lookups, node(id) and search, in-process over the real seed data.
// Expected lists over the whole seed are computed from the seed files themselves (they grow as
// researchers add records), sorted by the keys the validator stored: what those lists check is
// paging, filters and totalCount. The ordering rules themselves (ё and е, case and accents,
// partial dates, ties by slug) are pinned by hand in list-orders.test.ts; the spot checks here
// name records the five source articles will always hold.

interface ListSpec {
  field: string;
  label: EntityLabel;
}

const lists: ListSpec[] = [
  { field: 'organizations', label: 'Organization' },
  { field: 'persons', label: 'Person' },
  { field: 'tlds', label: 'Tld' },
  { field: 'memoranda', label: 'Memorandum' },
  { field: 'events', label: 'Event' },
  { field: 'bodies', label: 'Body' },
  { field: 'documents', label: 'Document' },
  { field: 'topics', label: 'Topic' },
  { field: 'countries', label: 'Country' },
  { field: 'sources', label: 'Source' },
];

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

interface Page {
  totalCount: number;
  pageInfo: PageInfo;
  edges: { cursor: string; node: { id: string; slug: string; name: string } }[];
}

function listQuery(spec: ListSpec): string {
  return `query ($first: Int, $last: Int, $after: String, $before: String, $filter: ${spec.label}Filter, $orderBy: EntityOrder) {
    list: ${spec.field}(first: $first, last: $last, after: $after, before: $before, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id slug name } }
    }
  }`;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const text = (node: NodeRow, field: string) => {
  const value = node.props[field];
  return typeof value === 'string' ? value : undefined;
};

/** The slugs of one label in the order the API promises: sort key, then slug; reversed for DESC. */
function expectedOrder(graph: SeedGraph, label: EntityLabel, field: 'NAME' | 'DATE' | 'ID' = 'NAME', ascending = true): string[] {
  const key = (node: NodeRow) =>
    field === 'NAME' ? (text(node, 'nameKey') ?? '') : field === 'DATE' ? (text(node, 'dateFrom') ?? '') : node.id;
  const sorted = graph.nodes
    .filter((node) => node.label === label)
    .sort((a, b) => compare(key(a), key(b)) || compare(a.id, b.id))
    .map((node) => node.id);
  return ascending ? sorted : sorted.reverse();
}

/** Slugs of one label whose dated span overlaps the days [first, last] ('YYYY-MM-DD', written by the caller). */
function overlapping(graph: SeedGraph, label: EntityLabel, first: string | null, last: string | null): string[] {
  return expectedOrder(graph, label).filter((id) => {
    const node = graph.nodes.find((n) => n.id === id) as NodeRow;
    const dateFrom = text(node, 'dateFrom');
    const dateTo = text(node, 'dateTo');
    if (!dateFrom || !dateTo) return false;
    return (first === null || dateTo >= first) && (last === null || dateFrom <= last);
  });
}

describe('the API over the real seed data: lists, filters, lookups, search', () => {
  let db: Database;
  let api: GraphQLClient;
  let graph: SeedGraph;

  async function page(spec: ListSpec, variables: Variables): Promise<Page> {
    return (await api.data<{ list: Page }>(listQuery(spec), variables)).list;
  }

  /** Walks a list forwards with first/after, checking pageInfo on the way; returns the slugs in order. */
  async function walkForward(spec: ListSpec, size: number, variables: Variables = {}, between?: (pageNo: number) => Promise<void>) {
    const slugs: string[] = [];
    let after: string | null = null;
    for (let pageNo = 0; pageNo < 100; pageNo += 1) {
      const { edges, pageInfo }: Page = await page(spec, { ...variables, first: size, after });
      expect(edges.length).toBeLessThanOrEqual(size);
      expect(pageInfo.hasPreviousPage).toBe(after !== null);
      expect(pageInfo.startCursor).toBe(edges[0]?.cursor ?? null);
      expect(pageInfo.endCursor).toBe(edges.at(-1)?.cursor ?? null);
      slugs.push(...edges.map((edge) => edge.node.slug));
      if (!pageInfo.hasNextPage) return slugs;
      expect(edges).toHaveLength(size);
      after = pageInfo.endCursor;
      await between?.(pageNo);
    }
    throw new Error('the walk did not end');
  }

  /** Walks a list backwards from its end with last/before; returns the slugs in list order. */
  async function walkBackward(spec: ListSpec, size: number, variables: Variables = {}) {
    const slugs: string[] = [];
    let before: string | null = null;
    for (let pageNo = 0; pageNo < 100; pageNo += 1) {
      const { edges, pageInfo }: Page = await page(spec, { ...variables, last: size, before });
      expect(pageInfo.hasNextPage).toBe(before !== null);
      slugs.unshift(...edges.map((edge) => edge.node.slug));
      if (!pageInfo.hasPreviousPage) return slugs;
      expect(edges).toHaveLength(size);
      before = pageInfo.startCursor;
    }
    throw new Error('the walk did not end');
  }

  beforeAll(async () => {
    db = await openTestDatabase();
    graph = await loadRealSeed(db);
    api = new GraphQLClient(db);
  });

  afterAll(async () => {
    await db?.close();
  });

  describe('root lists', () => {
    it.each(lists)('$field: one big page holds every record in name order, and totalCount agrees', async (spec) => {
      const expected = expectedOrder(graph, spec.label);
      expect(expected.length).toBeGreaterThan(1);
      const big = await page(spec, { first: 100 });
      expect(big.edges.map((edge) => edge.node.slug)).toEqual(expected);
      expect(big.totalCount).toBe(expected.length);
      expect(big.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    });

    it.each(lists)('$field: pages of 3 forwards and backwards give the same list, without duplicates or gaps', async (spec) => {
      const expected = expectedOrder(graph, spec.label);
      expect(await walkForward(spec, 3)).toEqual(expected);
      expect(await walkBackward(spec, 3)).toEqual(expected);
      // totalCount counts the whole filtered list on any page, not the page.
      const middle = await page(spec, { first: 1, after: (await page(spec, { first: 1 })).pageInfo.endCursor });
      expect(middle.totalCount).toBe(expected.length);
      expect(middle.edges.map((edge) => edge.node.slug)).toEqual([expected[1]]);
    });

    it('organizations by name: ".CN registry" before "AT&T", Cyrillic-free keys compared without case', async () => {
      const { edges } = await page(lists[0] as ListSpec, { first: 5 });
      expect(edges.map((edge) => edge.node.name).slice(0, 3)).toEqual(['.CN registry', '.VN registry', 'AT&T']);
    });

    const orderings: [string, 'NAME' | 'DATE' | 'ID', 'ASC' | 'DESC'][] = [
      ['organizations', 'NAME', 'DESC'],
      ['persons', 'ID', 'ASC'],
      ['memoranda', 'DATE', 'ASC'],
      ['memoranda', 'DATE', 'DESC'],
      ['events', 'DATE', 'ASC'],
      ['events', 'DATE', 'DESC'],
      ['documents', 'DATE', 'DESC'],
      ['sources', 'DATE', 'ASC'],
      ['tlds', 'NAME', 'DESC'],
    ];

    it.each(orderings)('%s ordered by %s %s, walked both ways in pages of 2', async (field, orderField, direction) => {
      const spec = lists.find((list) => list.field === field) as ListSpec;
      const expected = expectedOrder(graph, spec.label, orderField, direction === 'ASC');
      const orderBy = { field: orderField, direction };
      const big = await page(spec, { first: 100, orderBy });
      expect(big.edges.map((edge) => edge.node.slug)).toEqual(expected);
      expect(await walkForward(spec, 2, { orderBy })).toEqual(expected);
      expect(await walkBackward(spec, 2, { orderBy })).toEqual(expected);
    });

    // A date bound leaves undated entities out, so these read the (label, dateFrom, id) index in
    // order instead of sorting: the walk must still match the sorted list in both directions.
    // The filter's partial dates, and the days they stand for.
    it.each([
      ['events', 'ASC', '2015', '2024-06', '2015-01-01', '2024-06-30'],
      ['events', 'DESC', '2015', '2024-06', '2015-01-01', '2024-06-30'],
      ['memoranda', 'DESC', '1990', '2030', '1990-01-01', '2030-12-31'],
    ] as const)(
      '%s filtered by dates, ordered by DATE %s, walked both ways in pages of 2',
      async (field, direction, from, to, first, last) => {
        const spec = lists.find((list) => list.field === field) as ListSpec;
        const filter = { dateFrom: from, dateTo: to };
        const inRange = new Set(overlapping(graph, spec.label, first, last));
        const expected = expectedOrder(graph, spec.label, 'DATE', direction === 'ASC').filter((id) => inRange.has(id));
        expect(expected.length).toBeGreaterThan(1);
        const orderBy = { field: 'DATE', direction };
        const big = await page(spec, { first: 100, filter, orderBy });
        expect(big.edges.map((edge) => edge.node.slug)).toEqual(expected);
        expect(big.totalCount).toBe(expected.length);
        expect(await walkForward(spec, 2, { filter, orderBy })).toEqual(expected);
        expect(await walkBackward(spec, 2, { filter, orderBy })).toEqual(expected);
      },
    );

    it('by date: undated memoranda first, then "2020" before "2021-02"; the reverse for DESC', async () => {
      const spec = lists[3] as ListSpec;
      const asc = await page(spec, { first: 100, orderBy: { field: 'DATE' } });
      expect(asc.edges.slice(-2).map((edge) => edge.node.slug)).toEqual(['memo-cc-oac', 'memo-cc-ripn']);
      const desc = await page(spec, { first: 2, orderBy: { field: 'DATE', direction: 'DESC' } });
      expect(desc.edges.map((edge) => edge.node.slug)).toEqual(['memo-cc-ripn', 'memo-cc-oac']);
      // A cursor by date is no place in the list by name or by slug: refused, not a page from the start.
      const cursor = desc.edges[1]?.cursor ?? '';
      for (const orderBy of [undefined, { field: 'NAME' }, { field: 'ID' }]) {
        const crossed = await api.error(listQuery(spec), { first: 2, after: cursor, ...(orderBy ? { orderBy } : {}) });
        expect(crossed.extensions, JSON.stringify(orderBy)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      }
      // Four RANS 2021 events start on 2021-04-27: ties are broken by slug.
      const events = await page(lists[4] as ListSpec, { first: 100, orderBy: { field: 'DATE' } });
      const rans = events.edges
        .map((edge) => edge.node.slug)
        .filter((slug) => slug.startsWith('event-rans-2021-') || slug === 'event-rans-ict-security-2021');
      expect(rans).toEqual([
        'event-rans-2021-cc-stand-and-video-studio',
        'event-rans-2021-global-cooperation-in-it-section',
        'event-rans-2021-plenary-sessions',
        'event-rans-ict-security-2021',
      ]);
    });

    it('first and last are bounded 1..100, named in the error', async () => {
      const query = listQuery(lists[0] as ListSpec);
      for (const [variables, argument] of [
        [{ first: 0 }, 'first'],
        [{ first: 101 }, 'first'],
        [{ first: -1 }, 'first'],
        [{ last: 0 }, 'last'],
        [{ last: 101 }, 'last'],
      ] as const) {
        const error = await api.error(query, variables);
        expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: argument, argument });
        expect(error.message).toContain(`"${argument}"`);
        expect(error.message).toContain('between 1 and 100');
      }
      expect((await page(lists[0] as ListSpec, { first: 100 })).edges).toHaveLength(expectedOrder(graph, 'Organization').length);
      expect((await page(lists[0] as ListSpec, { last: 1 })).edges.map((edge) => edge.node.slug)).toEqual(
        expectedOrder(graph, 'Organization').slice(-1),
      );
      const both = await api.error(query, { first: 2, last: 2 });
      expect(both.extensions?.code).toBe('BAD_USER_INPUT');
      expect(both.message).toMatch(/"first" or "last"/);
      const cursor = await api.error(query, { first: 2, after: 'not-a-cursor' });
      expect(cursor.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after', argument: 'after' });
      expect((await api.error(query, { last: 2, before: '%%%' })).extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'before',
        argument: 'before',
      });
    });

    it('without first or last, a page holds 20', async () => {
      const topics = await page(lists[7] as ListSpec, {});
      expect(topics.edges).toHaveLength(Math.min(20, expectedOrder(graph, 'Topic').length));
      expect(topics.pageInfo.hasNextPage).toBe(expectedOrder(graph, 'Topic').length > 20);
    });
  });

  describe('filters', () => {
    const slugs = async (field: string, filter: Variables, first = 100) => {
      const spec = lists.find((list) => list.field === field) as ListSpec;
      const result = await page(spec, { first, filter });
      return { slugs: result.edges.map((edge) => edge.node.slug), totalCount: result.totalCount };
    };
    const withProp = (label: EntityLabel, field: string, value: string) =>
      expectedOrder(graph, label).filter((id) => text(graph.nodes.find((n) => n.id === id) as NodeRow, field) === value);

    it('organizations by kind and country (any case), alone and together; totalCount follows the filter', async () => {
      const registries = await slugs('organizations', { kind: 'REGISTRY' });
      expect(registries.slugs).toEqual(withProp('Organization', 'kind', 'registry'));
      expect(registries.slugs).toEqual(expect.arrayContaining(['coordination-center-ru', 'vnnic', 'cnnic']));
      expect(registries.totalCount).toBe(registries.slugs.length);

      const russian = await slugs('organizations', { country: 'RU' });
      expect(russian.slugs).toEqual(withProp('Organization', 'country', 'RU'));
      expect(russian.slugs).toContain('msk-ix');
      expect(russian.slugs).not.toContain('de-cix');
      expect((await slugs('organizations', { country: 'ru' })).slugs).toEqual(russian.slugs);

      const exchanges = await slugs('organizations', { kind: 'EXCHANGE_POINT' });
      expect(exchanges.slugs).toEqual(expect.arrayContaining(['de-cix', 'linx', 'msk-ix']));
      const russianExchanges = await slugs('organizations', { kind: 'EXCHANGE_POINT', country: 'RU' });
      expect(russianExchanges.slugs).toEqual(exchanges.slugs.filter((slug) => russian.slugs.includes(slug)));
      expect(russianExchanges.slugs).toContain('msk-ix');
      expect(russianExchanges.totalCount).toBe(russianExchanges.slugs.length);

      // An unknown kind is refused with the allowed values, no longer an empty page (issue #15).
      const unknown = await api.error(listQuery(lists[0] as ListSpec), { first: 5, filter: { kind: 'NO_SUCH_KIND' } });
      expect(unknown.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'filter.kind',
        allowed: expect.arrayContaining(['REGISTRY']),
      });
      expect(unknown.message).toContain('"NO_SUCH_KIND" is not an OrganizationKind.');
    });

    it('organizations by what they do for a TLD, whatever their kind: every registry, alone and with a country', async () => {
      const managing = (roles: string[]) =>
        expectedOrder(graph, 'Organization').filter((id) =>
          graph.relations.some((r) => r.type === 'MANAGES' && r.from === id && roles.includes(String(r.props.role))),
        );
      const registries = await slugs('organizations', { manages: ['REGISTRY'] });
      expect(registries.slugs).toEqual(managing(['registry']));
      // RIPN (a research centre), FAITID and the Foundation for Internet Development (foundations)
      // run registries; the kind filter, which reads what an organization is, misses them.
      expect(registries.slugs).toEqual(expect.arrayContaining(['ripn', 'faitid', 'foundation-for-internet-development', 'oac-belarus']));
      expect((await slugs('organizations', { kind: 'REGISTRY' })).slugs).not.toContain('ripn');
      expect(registries.totalCount).toBe(registries.slugs.length);
      const either = await slugs('organizations', { manages: ['REGISTRY', 'REGISTRAR'] });
      expect(either.slugs).toEqual(managing(['registry', 'registrar']));
      const russian = await slugs('organizations', { manages: ['REGISTRY'], country: 'RU' });
      expect(russian.slugs).toEqual(registries.slugs.filter((slug) => withProp('Organization', 'country', 'RU').includes(slug)));
      expect(russian.slugs).toContain('ripn');
      // An empty list asks for no role in particular, as the relation connections' roles: [] does.
      expect((await slugs('organizations', { manages: [] })).totalCount).toBe(expectedOrder(graph, 'Organization').length);
    });

    it('refuses what a filter cannot match, with the allowed values, in variables and literals alike (issue #15)', async () => {
      const kinds = ['INTERNATIONAL_ORGANIZATION', 'SUPPORTING_ORGANIZATION', 'CONSTITUENCY', 'BOARD', 'GENERAL_ASSEMBLY'];
      const variable = await api.error(listQuery(lists[5] as ListSpec), { filter: { kind: 'REGIONAL' } });
      expect(variable.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.kind', allowed: expect.arrayContaining(kinds) });
      expect(variable.message).toContain('"REGIONAL" is not a BodyKind');
      expect(variable.message).toContain('REGIONAL_ASSOCIATION');
      // The stored spelling and the quoted enum name are refused too, saying what to write.
      const stored = await api.error('{ bodies(filter: { kind: "regional-association" }) { totalCount } }');
      // A literal names its place as a variable does.
      expect(stored.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.kind', allowed: expect.arrayContaining(kinds) });
      expect(stored.message).toMatch(/^filter\.kind: "regional-association" is not a BodyKind\./);
      expect(stored.message).toContain('Write REGIONAL_ASSOCIATION.');
      const quoted = await api.error('{ bodies(filter: { kind: "REGIONAL_ASSOCIATION" }) { totalCount } }');
      expect(quoted.message).toContain('Write it without quotes: REGIONAL_ASSOCIATION.');
      const { bodies } = await api.data<{ bodies: { totalCount: number } }>(
        '{ bodies(filter: { kind: REGIONAL_ASSOCIATION }) { totalCount } }',
      );
      expect(bodies.totalCount).toBe(withProp('Body', 'kind', 'regional-association').length);
      expect(bodies.totalCount).toBeGreaterThan(0);
      const tldType = await api.error('{ tlds(filter: { type: CCTLD }) { totalCount } }');
      expect(tldType.extensions).toMatchObject({ code: 'BAD_USER_INPUT', allowed: expect.arrayContaining(['COUNTRY_CODE', 'GENERIC']) });
    });

    it('country takes an ISO code or a country of the graph by name, alias or slug; anything else is refused', async () => {
      const russian = await slugs('organizations', { country: 'RU' });
      expect(russian.slugs.length).toBeGreaterThan(0);
      for (const country of ['Russia', 'russian federation', 'country-ru', encodeGlobalID('Country', 'country-ru'), ' ru ']) {
        expect((await slugs('organizations', { country })).slugs, country).toEqual(russian.slugs);
      }
      expect((await slugs('tlds', { country: 'Belarus' })).slugs).toEqual(['tld-by', 'tld-bel']);
      // A real code no entity has is a fair question with an empty answer.
      expect(await slugs('organizations', { country: 'FR' })).toEqual({ slugs: [], totalCount: 0 });
      for (const country of ['Rusia', 'ZZ', 'Atlantis']) {
        const error = await api.error(listQuery(lists[0] as ListSpec), { filter: { country } });
        expect(error.extensions, country).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.country' });
        expect(error.extensions?.allowed).toContainEqual({ code: 'RU', name: 'Russia' });
        expect(error.message).toContain('Russia (RU)');
      }
    });

    it('topic takes a slug or a global ID; an unknown topic is NOT_FOUND with candidates', async () => {
      const bySlug = await slugs('memoranda', { topic: 'topic-phishing' });
      expect((await slugs('memoranda', { topic: encodeGlobalID('Topic', 'topic-phishing') })).slugs).toEqual(bySlug.slugs);
      const error = await api.error(listQuery(lists[3] as ListSpec), { filter: { topic: 'phishing' } });
      expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'filter.topic', ref: 'phishing' });
      expect(error.extensions?.didYouMean).toContainEqual({ slug: 'topic-phishing', name: 'Phishing', type: 'Topic' });
      const notATopic = await api.error(listQuery(lists[3] as ListSpec), { filter: { topic: 'msk-ix' } });
      expect(notATopic.message).toContain('"msk-ix" is an Organization, not a Topic');
    });

    it('nameContains ignores case and accents, in Latin and Cyrillic, and looks in aliases', async () => {
      for (const text of ['vorob', 'VOROB', 'ВОРОБ', 'воробьёв', 'Воробьев', 'Andrei Vorob']) {
        expect((await slugs('persons', { nameContains: text })).slugs, text).toEqual(['andrey-vorobyev']);
      }
      for (const text of ['Артём', 'артем', 'gavrich']) {
        expect((await slugs('persons', { nameContains: text })).slugs, text).toEqual(['artem-gavrichenkov']);
      }
      for (const text of ['telefonica', 'TELEFÓNICA', 'Telefónica']) {
        expect((await slugs('organizations', { nameContains: text })).slugs, text).toEqual(['telefonica']);
      }
      expect((await slugs('organizations', { nameContains: 'Координационный центр' })).slugs).toEqual(['coordination-center-ru']);
      expect((await slugs('organizations', { nameContains: 'минцифры' })).slugs).toEqual(['ministry-digital-development']);
      expect((await slugs('countries', { nameContains: 'viet nam' })).slugs).toEqual(['country-vn']);
      expect((await slugs('tlds', { nameContains: 'xn--p1ai' })).slugs).toEqual(['tld-rf']);
      expect((await slugs('tlds', { nameContains: '.РФ' })).slugs).toEqual(['tld-rf']);
      expect((await slugs('bodies', { nameContains: 'ispcp' })).slugs).toEqual(['ispcp']);
      const malware = await slugs('topics', { nameContains: 'MALWARE' });
      expect(malware.slugs).toEqual(
        expectedOrder(graph, 'Topic').filter((id) =>
          (text(graph.nodes.find((n) => n.id === id) as NodeRow, 'searchText') ?? '').includes('malware'),
        ),
      );
      expect(malware.slugs.length).toBeGreaterThan(0);
      expect(malware.totalCount).toBe(malware.slugs.length);
    });

    it('nameStartsWith looks at the start of the name only, ignoring case and accents', async () => {
      const andreys = await slugs('persons', { nameStartsWith: 'ANDR' });
      expect(andreys.slugs).toEqual(expect.arrayContaining(['andrey-pavlyuchenko', 'andrey-vorobyev']));
      expect(andreys.slugs.every((slug) => slug.startsWith('andre'))).toBe(true);
      expect(andreys.totalCount).toBe(andreys.slugs.length);
      // Vorobyev is the surname: not the start of "Andrey Vorobyev".
      expect((await slugs('persons', { nameStartsWith: 'vorob' })).slugs).toEqual([]);
      expect((await slugs('organizations', { nameStartsWith: 'Telefónica' })).slugs).toEqual(['telefonica']);
      expect((await slugs('tlds', { nameStartsWith: '.МОСК' })).slugs).toEqual(['tld-moskva']);
      // Both name filters together must both hold.
      expect((await slugs('persons', { nameStartsWith: 'andrey', nameContains: 'воробьёв' })).slugs).toEqual(['andrey-vorobyev']);
    });

    it('tlds by their internationalized form', async () => {
      const tlds = graph.nodes.filter((node) => node.label === 'Tld');
      const idns = tlds.filter((node) => node.props.idn === true).map((node) => node.id);
      const idn = await slugs('tlds', { idn: true });
      expect(idn.slugs).toEqual(expectedOrder(graph, 'Tld').filter((id) => idns.includes(id)));
      expect(idn.slugs).toEqual(expect.arrayContaining(['tld-rf', 'tld-bel', 'tld-moskva']));
      expect(idn.totalCount).toBe(idns.length);
      // Not an IDN: every other TLD, those without the flag too.
      const ascii = await slugs('tlds', { idn: false });
      expect(ascii.slugs).toEqual(expectedOrder(graph, 'Tld').filter((id) => !idns.includes(id)));
      expect(ascii.slugs.length + idn.slugs.length).toBe(tlds.length);
      expect((await slugs('tlds', { idn: true, country: 'BY' })).slugs).toEqual(['tld-bel']);
    });

    it('tlds by type and country', async () => {
      expect((await slugs('tlds', { type: 'GEOGRAPHIC' })).slugs).toEqual(['tld-moscow', 'tld-moskva']);
      expect((await slugs('tlds', { country: 'by' })).slugs).toEqual(['tld-by', 'tld-bel']);
      expect((await slugs('tlds', { type: 'COUNTRY_CODE', country: 'RU' })).slugs).toEqual(['tld-ru', 'tld-rf']);
    });

    it('memoranda by topic, and by dates where a partial date stands for all its days', async () => {
      const phishing = await slugs('memoranda', { topic: 'topic-phishing' });
      const covering = graph.relations.filter((r) => r.type === 'COVERS' && r.to === 'topic-phishing').map((r) => r.from);
      expect(phishing.slugs).toEqual(expectedOrder(graph, 'Memorandum').filter((id) => covering.includes(id)));
      expect(phishing.slugs).toEqual(expect.arrayContaining(['memo-cc-msk-ix', 'memo-cc-oac']));
      expect(phishing.totalCount).toBe(phishing.slugs.length);

      // "2021-02" overlaps 10 February – 1 March; "2020" overlaps June–July 2020.
      expect((await slugs('memoranda', { dateFrom: '2021-02-10', dateTo: '2021-03-01' })).slugs).toEqual(['memo-cc-ripn']);
      expect((await slugs('memoranda', { dateFrom: '2020-06', dateTo: '2020-07' })).slugs).toEqual(['memo-cc-oac']);
      expect((await slugs('memoranda', { dateFrom: '2020-12-31', dateTo: '2021-02-01' })).slugs).toEqual(['memo-cc-ripn', 'memo-cc-oac']);
      expect((await slugs('memoranda', { dateFrom: '2021-03' })).slugs).toEqual(overlapping(graph, 'Memorandum', '2021-03-01', null));
      expect((await slugs('memoranda', { dateFrom: '2021-03' })).slugs).not.toContain('memo-cc-ripn');
      expect((await slugs('memoranda', { dateTo: '2020' })).slugs).toEqual(['memo-cc-oac']);
      // Undated memoranda are in no range at all.
      const dated = await slugs('memoranda', { dateFrom: '1900' });
      expect(dated.slugs).toEqual(overlapping(graph, 'Memorandum', '1900-01-01', null));
      expect(dated.slugs).not.toContain('memo-cc-msk-ix');
      expect(dated.totalCount).toBe(dated.slugs.length);
      expect((await slugs('memoranda', { topic: 'topic-internet-abuse', dateFrom: '2021' })).slugs).toEqual(['memo-cc-ripn']);
      // A range that ends before it starts is refused, not answered with an empty page; one day of a month is no such range.
      const reversed = await api.error('{ memoranda(filter: { dateFrom: "2022", dateTo: "2020" }) { totalCount } }');
      expect(reversed.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.dateTo' });
      expect(reversed.message).toContain('"filter.dateTo" must not come before "filter.dateFrom"');
      expect((await slugs('memoranda', { dateFrom: '2021-02', dateTo: '2021-02-01' })).slugs).toEqual(['memo-cc-ripn']);
    });

    it('keeps, by evidence, the entities with a citation, a field value or a claim of the kinds asked for, as they say', async () => {
      type Node = { slug: string; citations: { evidence: string }[]; provenance: { evidence: string }[]; claims: { evidence: string }[] };
      const listed = async (field: string, evidence: string[] | null) => {
        const { list } = await api.data<{ list: { totalCount: number; nodes: Node[] } }>(
          `query ($evidence: [Evidence!]) { list: ${field}(first: 100, evidence: $evidence) {
            totalCount nodes { slug citations { evidence } provenance { evidence } claims { evidence } } } }`,
          { evidence },
        );
        return list;
      };
      const kindsOf = (node: Node) => [...node.citations, ...node.provenance, ...node.claims].map((entry) => entry.evidence);
      let found = 0;
      for (const field of ['statements', 'organizations', 'tlds', 'memoranda', 'persons', 'countries', 'bodies']) {
        const all = await listed(field, null);
        for (const kinds of [['INFERRED'], ['EXTERNAL'], ['STATED', 'EXTERNAL']]) {
          const expected = all.nodes.filter((node) => kindsOf(node).some((kind) => kinds.includes(kind)));
          const kept = await listed(field, kinds);
          expect(kept.nodes, `${field} ${kinds}`).toEqual(expected);
          expect(kept.totalCount, `${field} ${kinds}`).toBe(expected.length);
          if (kinds.length === 1) found += expected.length;
        }
      }
      // The seed has inferred statements and external facts: the filter kept some, not all.
      expect(found).toBeGreaterThan(0);
      const inferred = await listed('statements', ['INFERRED']);
      expect(inferred.nodes.length).toBeGreaterThan(0);
      expect(inferred.nodes.length).toBeLessThan((await listed('statements', null)).nodes.length);
      // Outside knowledge no citation carries: the Coordination Center's Russian names, .рф's punycode form.
      const external = await listed('organizations', ['EXTERNAL']);
      expect(external.nodes.map((node) => node.slug)).toContain('coordination-center-ru');
      expect((await listed('tlds', ['EXTERNAL'])).nodes.map((node) => node.slug)).toContain('tld-rf');
    });

    it('memoranda by party and signatory, events by participant, statements by speaker, subject and event, as the seed relates them', async () => {
      // Each filter keeps, in the list's order, the rows at the other end of the entity's relations.
      const related = (type: string, label: EntityLabel, end: { from?: string; to?: string }) => {
        const ids = graph.relations
          .filter((r) => r.type === type && (end.from === undefined || r.from === end.from) && (end.to === undefined || r.to === end.to))
          .map((r) => (end.from === undefined ? r.from : r.to));
        return expectedOrder(graph, label).filter((id) => ids.includes(id));
      };
      // What was said at an event or at the events inside it by PART_OF, at any depth.
      const saidWithin = (event: string) => {
        const events = [event];
        for (const inner of events) {
          for (const r of graph.relations) if (r.type === 'PART_OF' && r.to === inner && !events.includes(r.from)) events.push(r.from);
        }
        const ids = graph.relations.filter((r) => r.type === 'SAID_AT' && events.includes(r.to)).map((r) => r.from);
        return expectedOrder(graph, 'Statement').filter((id) => ids.includes(id));
      };
      // The events an actor took part in, and those whose parts (at any depth) it took part in.
      const takenPartIn = (actor: string) => {
        const events = related('PARTICIPATED_IN', 'Event', { from: actor });
        for (const inner of events) {
          for (const r of graph.relations) if (r.type === 'PART_OF' && r.from === inner && !events.includes(r.to)) events.push(r.to);
        }
        return expectedOrder(graph, 'Event').filter((id) => events.includes(id));
      };
      // The conference's statements were all said in its sections: only the roll-up finds them.
      const conference = 'event-rans-ict-security-2021';
      // Vorobyev spoke in one of its sections, not at the conference itself.
      expect(related('PARTICIPATED_IN', 'Event', { from: 'andrey-vorobyev' })).not.toContain(conference);
      expect(takenPartIn('andrey-vorobyev')).toContain(conference);
      expect(related('SAID_AT', 'Statement', { to: conference })).toEqual([]);
      const cases: [string, Variables, string[]][] = [
        ['memoranda', { party: 'coordination-center-ru' }, related('PARTY_TO', 'Memorandum', { from: 'coordination-center-ru' })],
        ['memoranda', { party: 'msk-ix' }, ['memo-cc-msk-ix']],
        ['memoranda', { signatory: 'andrey-vorobyev' }, related('SIGNED', 'Memorandum', { from: 'andrey-vorobyev' })],
        ['events', { participant: 'andrey-vorobyev' }, takenPartIn('andrey-vorobyev')],
        ['events', { participant: 'icann' }, takenPartIn('icann')],
        ['statements', { speaker: 'natalia-babekina' }, related('SAID_BY', 'Statement', { to: 'natalia-babekina' })],
        ['statements', { about: 'icann' }, related('ABOUT', 'Statement', { to: 'icann' })],
        ['statements', { about: 'topic-internet-governance' }, related('ABOUT', 'Statement', { to: 'topic-internet-governance' })],
        [
          'statements',
          { saidAt: 'event-rans-2021-global-cooperation-in-it-section' },
          related('SAID_AT', 'Statement', { to: 'event-rans-2021-global-cooperation-in-it-section' }),
        ],
        ['statements', { saidAt: conference }, saidWithin(conference)],
      ];
      // The statements list is not among this file's lists (test/integration/statements.test.ts pages it).
      const statements = async (filter: Variables) => {
        const { list } = await api.data<{ list: { totalCount: number; nodes: { slug: string }[] } }>(
          'query ($filter: StatementFilter) { list: statements(first: 100, filter: $filter) { totalCount nodes { slug } } }',
          { filter },
        );
        return { slugs: list.nodes.map((node) => node.slug), totalCount: list.totalCount };
      };
      for (const [field, filter, expected] of cases) {
        expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
        const found = field === 'statements' ? await statements(filter) : await slugs(field, filter);
        expect(found, JSON.stringify(filter)).toEqual({ slugs: expected, totalCount: expected.length });
      }
      expect(related('PARTY_TO', 'Memorandum', { from: 'coordination-center-ru' }).length).toBeGreaterThan(2);
      // With other filters, and by global ID.
      expect((await slugs('memoranda', { party: 'coordination-center-ru', dateFrom: '2021' })).slugs).toEqual(['memo-cc-ripn']);
      expect((await slugs('memoranda', { party: encodeGlobalID('Organization', 'msk-ix') })).slugs).toEqual(['memo-cc-msk-ix']);
      expect(await statements({ speaker: 'natalia-babekina', topic: 'topic-internet-governance' })).toEqual({
        slugs: ['statement-babekina-oewg-internet-governance'],
        totalCount: 1,
      });
      // What one actor said about another: Vorobyev's statements about ICANN, and those of them
      // said at the RANS conference's section on global IT cooperation.
      const vorobyevOnIcann = related('SAID_BY', 'Statement', { to: 'andrey-vorobyev' }).filter((id) =>
        related('ABOUT', 'Statement', { to: 'icann' }).includes(id),
      );
      expect(vorobyevOnIcann.length).toBeGreaterThan(0);
      expect(await statements({ speaker: 'andrey-vorobyev', about: 'icann' })).toEqual({
        slugs: vorobyevOnIcann,
        totalCount: vorobyevOnIcann.length,
      });
      const section = 'event-rans-2021-global-cooperation-in-it-section';
      const atSection = vorobyevOnIcann.filter((id) => related('SAID_AT', 'Statement', { to: section }).includes(id));
      expect(atSection.length).toBeGreaterThan(0);
      expect(atSection.length).toBeLessThan(vorobyevOnIcann.length);
      expect(await statements({ speaker: 'andrey-vorobyev', about: 'icann', saidAt: section })).toEqual({
        slugs: atSection,
        totalCount: atSection.length,
      });
      const notAnEvent = await api.error('{ statements(filter: { saidAt: "icann" }) { totalCount } }');
      expect(notAnEvent.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'filter.saidAt' });
      // A reference of a type the relation does not admit there, or to nothing, is NOT_FOUND naming the filter.
      const person = await api.error(listQuery(lists[3] as ListSpec), { filter: { party: 'andrey-vorobyev' } });
      expect(person.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'filter.party' });
      expect(person.message).toContain('"andrey-vorobyev" is a Person, not an Organization or Body');
      const nobody = await api.error('{ events(filter: { participant: "vorobiev" }) { totalCount } }');
      expect(nobody.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'filter.participant', ref: 'vorobiev' });
      expect(nobody.extensions?.didYouMean).toContainEqual({ slug: 'andrey-vorobyev', name: 'Andrey Vorobyev', type: 'Person' });
    });

    it('events by kind, topic and dates (a two-day event overlaps a range that touches either day)', async () => {
      const conferences = await slugs('events', { kind: 'CONFERENCE' });
      expect(conferences.slugs).toEqual(withProp('Event', 'kind', 'conference'));
      expect(conferences.slugs).toContain('event-rans-ict-security-2021');
      const late = await slugs('events', { dateFrom: '2021-04-28', dateTo: '2021-05' });
      expect(late.slugs).toEqual(overlapping(graph, 'Event', '2021-04-28', '2021-05-31'));
      expect(late.slugs).toContain('event-rans-ict-security-2021');
      expect(late.slugs).not.toContain('event-oewg-organizational-session-2021');
      expect((await slugs('events', { dateFrom: '2021-06' })).slugs).toEqual(['event-oewg-organizational-session-2021']);
      const discussed = graph.relations.filter((r) => r.type === 'DISCUSSED' && r.to === 'topic-ict-standardization').map((r) => r.from);
      const standardization = await slugs('events', { topic: 'topic-ict-standardization' });
      expect(standardization.slugs).toEqual(expectedOrder(graph, 'Event').filter((id) => discussed.includes(id)));
      expect(standardization.slugs).toContain('event-rans-ict-security-2021');
      expect((await slugs('events', { topic: 'topic-ict-standardization', kind: 'CONFERENCE' })).slugs).toEqual([
        'event-rans-ict-security-2021',
      ]);
    });

    it('bodies, documents and sources by kind and dates', async () => {
      expect((await slugs('bodies', { kind: 'REGIONAL_ASSOCIATION' })).slugs).toEqual(withProp('Body', 'kind', 'regional-association'));
      expect((await slugs('bodies', { kind: 'REGIONAL_ASSOCIATION' })).slugs).toEqual(expect.arrayContaining(['brics', 'eaeu', 'sco']));
      expect((await slugs('bodies', { kind: 'CONSTITUENCY' })).slugs).toEqual(['ispcp']);
      expect((await slugs('documents', { kind: 'RESOLUTION' })).slugs).toContain('doc-unga-res-75-240');
      expect((await slugs('documents', { dateFrom: '2020-12', dateTo: '2020-12' })).slugs).toEqual(['doc-unga-res-75-240']);
      expect((await slugs('sources', { dateFrom: '2018', dateTo: '2018' })).slugs).toEqual(['src-003-qrator-labs-joins-ispcp']);
      expect((await slugs('sources', { dateFrom: '2018-12-22' })).slugs).not.toContain('src-003-qrator-labs-joins-ispcp');
    });

    it('rejects a date that is not a partial date', async () => {
      const query = listQuery(lists[3] as ListSpec);
      const error = await api.error(query, { filter: { dateFrom: '2021-13' } });
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.message).toContain('2021-13');
    });
  });

  describe('paging while the data changes', () => {
    it('an organization added between two page requests appears once if after the cursor, never if before', async () => {
      const spec = lists[0] as ListSpec;
      const before = expectedOrder(graph, 'Organization');
      const files = await readSeedFolder(seedDataDir);
      const source = 'src-003-qrator-labs-joins-ispcp';
      const added = {
        path: 'added-between-pages.json',
        text: JSON.stringify({
          organizations: [
            // Sorts before everything on the first page's last row: already passed.
            { id: 'aardvark-networks', name: 'Aardvark Networks', kind: 'company', sources: [source], evidence: 'STATED' },
            // Sorts right after Comcast, on a page not read yet.
            { id: 'comcast-business', name: 'Comcast Business', kind: 'company', sources: [source], evidence: 'STATED' },
            { id: 'zz-last-exchange', name: 'Zz Last Exchange', kind: 'exchange-point', sources: [source], evidence: 'STATED' },
          ],
        }),
      };
      try {
        let inserted = false;
        const walked = await walkForward(spec, 3, {}, async () => {
          if (inserted) return;
          inserted = true;
          await loadSeedGraph(db, validateSeedFiles([...files, added]));
        });
        expect(inserted).toBe(true);
        // The walk is the list as it is now, less what was added behind the cursor: no row twice,
        // none skipped. "Comcast Business" sorts right after "Comcast".
        const fresh = await page(spec, { first: 100 });
        expect(walked).toEqual(fresh.edges.map((edge) => edge.node.slug).filter((slug) => slug !== 'aardvark-networks'));
        expect(new Set(walked).size).toBe(walked.length);
        expect(walked.indexOf('comcast-business')).toBe(walked.indexOf('comcast') + 1);
        expect(walked).toContain('zz-last-exchange');
        // A new walk sees all three, and totalCount counts them.
        expect(fresh.totalCount).toBe(before.length + 3);
        expect(fresh.edges[0]?.node.slug).toBe(before[0]);
        expect(fresh.edges.map((edge) => edge.node.slug)).toContain('aardvark-networks');
        // Walking backwards from the end while nothing changes gives the same list.
        expect(await walkBackward(spec, 3)).toEqual(fresh.edges.map((edge) => edge.node.slug));
      } finally {
        graph = await loadRealSeed(db);
      }
    });
  });

  describe('lookups', () => {
    it('tld(name:) finds the same zone from every spelling, Unicode or punycode, with or without the dot', async () => {
      const query = 'query ($name: String!) { tld(name: $name) { slug unicode ascii idn type country } }';
      for (const name of ['.РФ', 'рф', '.рф', 'xn--p1ai', '.xn--p1ai', 'XN--P1AI', ' .Рф ']) {
        expect((await api.data<{ tld: unknown }>(query, { name })).tld, name).toEqual({
          slug: 'tld-rf',
          unicode: '.рф',
          ascii: '.xn--p1ai',
          idn: true,
          type: 'country-code',
          country: 'RU',
        });
      }
      for (const name of ['.RU', 'ru', '.ru', 'Ru']) {
        expect((await api.data<{ tld: { slug: string } }>(query, { name })).tld?.slug, name).toBe('tld-ru');
      }
      // ".BEL" is how the articles write it in Latin letters: an alias, neither its name nor its ASCII form.
      for (const name of ['.БЕЛ', 'бел', 'xn--90ais', '.BEL', 'bel']) {
        expect((await api.data<{ tld: { slug: string; ascii: string } }>(query, { name })).tld, name).toMatchObject({
          slug: 'tld-bel',
          ascii: '.xn--90ais',
        });
      }
      expect((await api.data<{ tld: { slug: string } }>(query, { name: 'МОСКВА' })).tld?.slug).toBe('tld-moskva');
      expect((await api.data<{ tld: null }>(query, { name: '.zz' })).tld).toBeNull();
      const error = await api.error(query, { name: 'example.ru' });
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'name', argument: 'name' });
      expect(error.message).toContain('"name"');
    });

    it('every type has a by-slug lookup; unknown slugs and slugs of another type give null', async () => {
      const { found } = await api.data<{ found: Record<string, unknown> }>(`{
        found: organization(slug: "msk-ix") { __typename slug name kind country }
      }`);
      expect(found).toEqual({ __typename: 'Organization', slug: 'msk-ix', name: 'MSK-IX', kind: 'exchange-point', country: 'RU' });
      const all = await api.data<Record<string, Record<string, unknown> | null>>(`{
        person(slug: "andrey-vorobyev") { name aliases }
        memorandum(slug: "memo-cc-ripn") { title date }
        event(slug: "event-rans-ict-security-2021") { name kind startDate endDate }
        body(slug: "gnso") { name kind }
        document(slug: "doc-unga-res-75-240") { name }
        topic(slug: "topic-phishing") { name }
        country(slug: "country-ru") { name code }
        source(slug: "src-003-qrator-labs-joins-ispcp") { name }
        tldBySlug(slug: "tld-su") { unicode ascii }
        entity(slug: "ispcp") { __typename name }
        nobody: person(slug: "nobody-at-all")
        { name }
        wrongType: organization(slug: "andrey-vorobyev") { name }
        unknownEntity: entity(slug: "no-such-thing") { name }
        unknownTld: tldBySlug(slug: "tld-zz") { name }
      }`);
      expect(all).toEqual({
        person: { name: 'Andrey Vorobyev', aliases: expect.arrayContaining(['Андрей Воробьёв']) },
        memorandum: { title: 'Memorandum between the Coordination Center and RIPN', date: '2021-02' },
        event: {
          name: '19th Ensuring Trust and Security While Using ICT conference',
          kind: 'conference',
          startDate: '2021-04-27',
          endDate: '2021-04-28',
        },
        body: { name: 'GNSO', kind: 'supporting-organization' },
        document: { name: 'UN General Assembly Resolution 75/240' },
        topic: { name: 'Phishing' },
        country: { name: 'Russia', code: 'RU' },
        source: { name: 'Qrator Labs became first Russian member of the Internet Service Providers constituency in ICANN' },
        tldBySlug: { unicode: '.su', ascii: '.su' },
        entity: { __typename: 'Body', name: 'Internet Service Providers and Connectivity Providers constituency' },
        nobody: null,
        wrongType: null,
        unknownEntity: null,
        unknownTld: null,
      });
    });

    it('node(id:) and nodes(ids:) refetch what a list returned, by global ID', async () => {
      const orgs = await page(lists[0] as ListSpec, { first: 2 });
      const people = await page(lists[1] as ListSpec, { first: 1 });
      const [org, second] = orgs.edges.map((edge) => edge.node);
      const [person] = people.edges.map((edge) => edge.node);
      expect(org?.id).toBe(encodeGlobalID('Organization', org?.slug ?? ''));
      const { node } = await api.data<{ node: { __typename: string; slug: string } }>(
        'query ($id: ID!) { node(id: $id) { __typename ... on Entity { slug } } }',
        { id: org?.id },
      );
      expect(node).toEqual({ __typename: 'Organization', slug: org?.slug });

      const unknown = encodeGlobalID('Person', 'nobody-at-all');
      const { nodes } = await api.data<{ nodes: ({ __typename: string; id: string; slug: string } | null)[] }>(
        'query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Entity { slug } } }',
        { ids: [person?.id, unknown, second?.id, org?.id] },
      );
      expect(nodes).toEqual([
        { __typename: 'Person', id: person?.id, slug: person?.slug },
        null,
        { __typename: 'Organization', id: second?.id, slug: second?.slug },
        { __typename: 'Organization', id: org?.id, slug: org?.slug },
      ]);
      // A real slug under another type's ID is not that entity.
      const { node: wrong } = await api.data<{ node: null }>('query ($id: ID!) { node(id: $id) { id } }', {
        id: encodeGlobalID('Person', org?.slug ?? ''),
      });
      expect(wrong).toBeNull();
    });

    it('a malformed global ID is BAD_USER_INPUT naming the argument', async () => {
      for (const id of ['garbage!!', 'Zm9v', encodeGlobalID('Pipeline', 'x'), encodeGlobalID('Organization', 'Not A Slug')]) {
        const error = await api.error('query ($id: ID!) { node(id: $id) { id } }', { id });
        expect(error.extensions, id).toEqual({ code: 'BAD_USER_INPUT', field: 'id', argument: 'id' });
        expect(error.message).toContain('"id"');
      }
      const error = await api.error('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
        ids: [encodeGlobalID('Organization', 'msk-ix'), 'garbage!!'],
      });
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'ids', argument: 'ids' });
      expect(error.message).toContain('"ids"');
    });
  });

  describe('search', () => {
    const query = `query ($query: String!, $types: [EntityType!], $first: Int) {
      search(query: $query, types: $types, first: $first) { score matched allWords node { __typename slug } }
    }`;
    type Hit = { score: number; matched: string | null; node: { __typename: string; slug: string } };
    const search = async (variables: Variables) => (await api.data<{ search: Hit[] }>(query, variables)).search;
    // The first of ten hits: a person found by a position comes from the stage that asks for any
    // word, which runs only when fewer hits than asked for hold every word.
    const firstSlug = async (text: string) => (await search({ query: text, first: 10 }))[0]?.node.slug;

    it('finds Vorobyev in Latin and Cyrillic, with or without ё, in any case', async () => {
      for (const text of ['Vorobyev', 'vorobyev', 'Воробьёв', 'Воробьев', 'ВОРОБЬЁВ', 'Andrey Vorobyev', 'Андрей Воробьёв']) {
        const hits = await search({ query: text });
        expect(hits[0]?.node, text).toEqual({ __typename: 'Person', slug: 'andrey-vorobyev' });
        expect(hits[0]?.score).toBeGreaterThan(0);
        expect(['Andrey Vorobyev', 'Андрей Воробьёв', 'Андрей Воробьев', 'Andrei Vorobyev']).toContain(hits[0]?.matched);
      }
      expect((await search({ query: 'Vorobyev' }))[0]?.matched).toBe('Andrey Vorobyev');
      expect((await search({ query: 'Воробьев' }))[0]?.matched).toMatch(/^Андрей Воробь[её]в$/);
    });

    it('finds .рф by both of its forms and by "RF", and says which form matched', async () => {
      for (const text of ['.рф', 'рф', '.РФ', 'xn--p1ai', '.xn--p1ai']) {
        const hits = await search({ query: text });
        expect(hits[0]?.node, text).toEqual({ __typename: 'Tld', slug: 'tld-rf' });
        expect(hits[0]?.matched, text).toMatch(/^\.(рф|РФ|xn--p1ai)$/);
      }
      const rf = await search({ query: 'RF' });
      expect(rf.map((hit) => hit.node.slug)).toContain('tld-rf');
      expect(rf.find((hit) => hit.node.slug === 'tld-rf')?.matched).not.toBeNull();
      // Only Tlds: the zone alone, whatever the other entities that mention it.
      expect((await search({ query: '.рф', types: ['TLD'] })).map((hit) => hit.node.slug)).toEqual(['tld-rf']);
    });

    it('finds ISPCP by its abbreviation, and the types filter keeps to the types asked for', async () => {
      const hits = await search({ query: 'ISPCP' });
      // The body whose alias is exactly "ISPCP" first, though longer names that mention it score higher.
      expect(hits[0]).toMatchObject({ matched: 'ISPCP', node: { __typename: 'Body', slug: 'ispcp' } });
      expect((await search({ query: 'ispcp', first: 1 })).map((hit) => hit.node.slug)).toEqual(['ispcp']);
      // Then by score, statements and articles after the other entities (docs/search.md): each group in score order.
      const others = hits.slice(1);
      const mentions = (hit: (typeof others)[number]) => hit.node.__typename === 'Statement' || hit.node.__typename === 'Source';
      const firstMention = others.findIndex(mentions);
      const groups = firstMention < 0 ? [others] : [others.slice(0, firstMention), others.slice(firstMention)];
      for (const group of groups) expect(group.map((hit) => hit.score)).toEqual(group.map((hit) => hit.score).sort((a, b) => b - a));
      expect(others.slice(Math.max(0, firstMention)).every((hit) => firstMention < 0 || mentions(hit))).toBe(true);
      expect(hits.map((hit) => hit.node.slug)).toEqual(expect.arrayContaining(['ispcp', 'src-003-qrator-labs-joins-ispcp']));
      expect((await search({ query: 'ISPCP', types: ['BODY'] })).map((hit) => hit.node.slug)[0]).toBe('ispcp');
      const sources = await search({ query: 'ISPCP', types: ['SOURCE'] });
      expect(sources.map((hit) => hit.node.slug)).toEqual(['src-003-qrator-labs-joins-ispcp']);
      expect(sources[0]?.matched).not.toBeNull();
      // Descriptions are searched too: the organizations described as ISPCP members, and only organizations.
      const organizations = await search({ query: 'ISPCP', types: ['ORGANIZATION'] });
      expect(organizations.map((hit) => hit.node.slug)).toEqual(expect.arrayContaining(['qrator-labs', 'de-cix', 'linx']));
      expect(new Set(organizations.map((hit) => hit.node.__typename))).toEqual(new Set(['Organization']));
      const mixed = await search({ query: 'coordination center', types: ['ORGANIZATION', 'MEMORANDUM'] });
      expect(mixed.length).toBeGreaterThan(1);
      expect(new Set(mixed.map((hit) => hit.node.__typename))).toEqual(new Set(['Organization', 'Memorandum']));
      expect(mixed.map((hit) => hit.node.slug)).toContain('coordination-center-ru');
    });

    it('finds organizations by Cyrillic and Latin names, and bounds first', async () => {
      const cyrillic = await search({ query: 'Координационный центр', types: ['ORGANIZATION'] });
      expect(cyrillic.map((hit) => hit.node.slug)[0]).toBe('coordination-center-ru');
      expect(cyrillic[0]?.matched).toBe('Координационный центр доменов .RU/.РФ');
      expect((await search({ query: 'Минцифры' }))[0]?.node.slug).toBe('ministry-digital-development');
      expect((await search({ query: 'telefónica' }))[0]?.node.slug).toBe('telefonica');
      expect(await search({ query: 'coordination', first: 1 })).toHaveLength(1);
      for (const first of [0, 101]) {
        const error = await api.error(query, { query: 'ICANN', first });
        expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first', argument: 'first' });
        expect(error.message).toContain('"first"');
      }
      expect((await api.error(query, { query: '  !!  ' })).extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'query',
        argument: 'query',
      });
      // A typo allowance does not reach words that only share a short match key with the query:
      // "phishing" (key then "phis") found descriptions with "missing" and "passes" as matching it.
      const phishing = await search({ query: 'phishing', first: 20 });
      expect(phishing.map((hit) => hit.node.slug)).toContain('topic-phishing');
      for (const hit of phishing) {
        const node = graph.nodes.find((candidate) => candidate.id === hit.node.slug);
        expect(node && [text(node, 'name'), text(node, 'description')].join(' '), hit.node.slug).toMatch(/phish/i);
      }
      // Nor does a match key fold a word into a short word of ordinary text: "DDoS" was "do" and
      // "IoT" "et" (as "yet"), and each found every description that holds the short word.
      for (const [typed, written] of [
        ['DDoS', /ddos/i],
        ['IoT', /\biot\b/i],
      ] as const) {
        const hits = await search({ query: typed, first: 20 });
        expect(hits.length, typed).toBeGreaterThan(0);
        for (const hit of hits) {
          const node = graph.nodes.find((candidate) => candidate.id === hit.node.slug);
          const texts = node ? ['name', 'description', 'summary'].map((field) => text(node, field) ?? '') : [];
          expect([...texts, String(node?.props.aliases ?? '')].join(' '), `${typed}: ${hit.node.slug}`).toMatch(written);
        }
      }
      // Two words match the one word the data writes: the memorandum in cybersecurity matches all
      // three words of "cyber security memorandum".
      const cyber = await search({ query: 'cyber security memorandum', first: 3 });
      expect(cyber[0]).toMatchObject({ allWords: true, node: { slug: 'memo-cc-faitid-cybersecurity' } });
      // Among hits that hold some words, those that hold more come first: Qrator Labs ("Russian"
      // and "DDoS" in its description) before entities with "Russian" alone in their names.
      const antiDdos = await search({ query: 'Russian anti DDoS', first: 5 });
      expect(antiDdos.map((hit) => hit.node.slug).slice(0, 3)).toContain('qrator-labs');
      // Of hits that hold as many words, those holding the rarer ones come first: Belarus's
      // registry before China's, whose alias holds "domain registry"; the registries of .su
      // before topics about domains.
      expect(await firstSlug('Belarus domain registry')).toBe('oac-belarus');
      const suManagers = (await search({ query: 'su domain administrator', first: 3 })).map((hit) => hit.node.slug);
      expect(suManagers).toEqual(expect.arrayContaining(['ripn', 'foundation-for-internet-development']));
      // Lucene syntax in the query is only text.
      expect(await search({ query: 'ICANN OR *:* AND title:[a TO z]' })).toBeInstanceOf(Array);
    });

    it('reads a Russian word in any case as the start of its forms', async () => {
      // The alias is "Координационный центр доменов .RU/.РФ"; the genitive and dative were ranked
      // below three people whose positions name the Coordination Center.
      for (const text of ['Координационного центра', 'Координационному центру']) {
        expect((await search({ query: text, first: 1 }))[0]?.node.slug, text).toBe('coordination-center-ru');
      }
      expect((await search({ query: 'Андрея Воробьёва', first: 1 }))[0]?.node.slug).toBe('andrey-vorobyev');
    });

    it('puts the holder of a role before the organization whose description mentions it', async () => {
      // The department's description names its acting director; the person holds every word in
      // his position's title and its holder's name. The department came first.
      expect(await firstSlug('acting director cybersecurity department')).toBe('dmitry-reutsky');
      expect(await firstSlug('director of global IT cooperation competence center')).toBe('vadim-glushchenko');
      expect(await firstSlug('Belarus OAC head')).toBe('andrey-pavlyuchenko');
      // Words in a description still find the entity they describe.
      expect(await firstSlug('Moscow internet exchange')).toBe('msk-ix');
    });

    it('reads a role typed in Russian as its English title and its holder by any form of its name', async () => {
      // The title is English ("Director") and the holder's Russian alias is in the nominative:
      // a position was compared with each word as typed and its key only, so these put a person
      // whose description says "director … for the Coordination Center", a department or the
      // organization itself first.
      expect(await firstSlug('директор Координационного центра')).toBe('andrey-vorobyev');
      expect(await firstSlug('исполняющий обязанности директора департамента кибербезопасности')).toBe('dmitry-reutsky');
      expect(await firstSlug('заместитель директора департамента международного сотрудничества')).toBe('natalia-babekina');
      expect(await firstSlug('директор Центра компетенций глобального ИТ-сотрудничества')).toBe('vadim-glushchenko');
      // A statement by its speaker the same way: the summary says "UN", the query "ООН".
      expect(await firstSlug('Бабекина ООН')).toBe('statement-babekina-oewg-internet-governance');
    });

    it('finds an entity by its date written as words, in English or Russian', async () => {
      // Dates were not searched: "memorandum 2020" listed the article about the memorandum, the
      // memorandum with FAITID and the one with RIPN, not the memorandum of 2020.
      expect(await firstSlug('memorandum 2020')).toBe('memo-cc-oac');
      expect(await firstSlug('memorandum February 2021')).toBe('memo-cc-ripn');
      expect(await firstSlug('меморандум февраль 2021')).toBe('memo-cc-ripn');
      expect(await firstSlug('conference April 2021')).toBe('event-rans-ict-security-2021');
      const [hit] = await search({ query: 'memorandum February 2021', first: 1 });
      expect(hit).toMatchObject({ allWords: true });
    });

    it('ranks a short page as the start of the page of 10, whatever first asks for', async () => {
      // With first: 1 the first stage found the department alone, and its acting director, whom
      // the page of 10 puts first, was never asked for.
      const slugs = async (text: string, first: number) => (await search({ query: text, first })).map((hit) => hit.node.slug);
      for (const text of ['acting director cybersecurity department', 'Belarus domain registry', 'Kremer RANS president', 'ICANN']) {
        const ten = await slugs(text, 10);
        for (const first of [1, 2, 3, 5]) expect(await slugs(text, first), `${text}, first ${first}`).toEqual(ten.slice(0, first));
      }
    });

    it("finds the English-named entity for the field's Russian words", async () => {
      // The sources are English: the topics, kinds and most names have no Russian form, and these
      // found nothing, or ICANN's board and other entities before ICANN.
      expect(await firstSlug('кибербезопасность')).toBe('topic-cybersecurity');
      expect(await firstSlug('фишинга')).toBe('topic-phishing');
      expect(await firstSlug('ИКАНН')).toBe('icann');
      expect(await firstSlug('вьетнамский реестр')).toBe('vnnic');
      expect(await firstSlug('международная информационная безопасность')).toBe('topic-international-information-security');
    });

    it('finds a Latin name written in Cyrillic as Russian writes its sounds', async () => {
      // q and c as к, ph as ф: these found nothing, or Spain alone, or unrelated entities.
      expect(await firstSlug('Кратор Лабс')).toBe('qrator-labs');
      expect(await firstSlug('Телефоника')).toBe('telefonica');
      const qrator = (await search({ query: 'Кратор', first: 3 })).map((hit) => hit.node.slug);
      expect(qrator).toContain('qrator-labs');
    });

    it('finds a TLD as a domain, a memorandum as an MoU, and a country by its adjective', async () => {
      const slugs = async (text: string, first: number) => (await search({ query: text, first })).map((hit) => hit.node.slug);
      // No TLD writes "domain" or "gTLD": the words come with the entity's type.
      expect((await slugs('moscow domain', 1))[0]).toBe('tld-moscow');
      expect(new Set(await slugs('gTLD', 2))).toEqual(new Set(['tld-moscow', 'tld-moskva']));
      expect((await slugs('Belarus domain zone', 2)).sort()).toEqual(['tld-bel', 'tld-by']);
      // A ccTLD is a TLD: the Coordination Center for TLD .RU holds every word.
      expect((await slugs('ccTLD .ru registry', 1))[0]).toBe('coordination-center-ru');
      const memoranda = graph.nodes.filter((node) => node.label === 'Memorandum').map((node) => node.id);
      expect((await slugs('MoU', 20)).sort()).toEqual([...memoranda].sort());
      expect((await slugs('MoU Vietnam', 1))[0]).toBe('memo-cc-vnnic');
      // The descriptions of .ru and .рф say "Russia's", the query "Russian".
      expect((await slugs('Russian TLDs', 4)).sort()).toEqual(['tld-moscow', 'tld-moskva', 'tld-rf', 'tld-ru']);
      expect((await slugs('Chinese MoU', 1))[0]).toBe('memo-cc-cnnic');
    });
  });
});
