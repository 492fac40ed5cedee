import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { loadSeedGraph } from '../../src/db/load.ts';
import { validateSeedFiles } from '../../src/domain/validate.ts';
import { emptyDatabase, openTestDatabase } from '../support/database.ts';
import { GraphQLClient, type Variables } from '../support/graphql.ts';

// The orders the API promises, on records made for their edge cases: ё and е, case and accents,
// equal names (ties broken by slug), and partial dates of every precision. Every expected list
// is written out by hand from the documented rules (EntityOrder in schema.graphql), never
// computed with the code's own name keys or date ranges. The slugs are chosen so that a wrong
// rule gives a different list: where ties are broken by slug, the slug order is the opposite of
// what an unfolded name, the raw date string or insertion order would give.

const source = 'src-orders';
const cited = { sources: [source], evidence: 'STATED' };

const seed = {
  sources: [{ id: source, title: 'Records made for the order tests' }],
  organizations: [
    // Listed out of order: the file's order must not show through.
    { id: 'org-zeta-b', name: 'ZETA', kind: 'company', ...cited },
    { id: 'org-exchange-z', name: 'Exchange Point', kind: 'exchange-point', ...cited },
    { id: 'org-telefonica-b', name: 'Telefonica', kind: 'company', ...cited },
    { id: 'org-telefonica-a', name: 'Telefónica', kind: 'company', ...cited },
    { id: 'org-beta', name: 'Beta Telecom', kind: 'company', ...cited },
    { id: 'org-alpha', name: 'alpha Networks', kind: 'company', ...cited },
    { id: 'org-exchange-m', name: 'Exchange Point', kind: 'exchange-point', ...cited },
    { id: 'org-cn', name: '.CN registry', kind: 'registry', ...cited },
    { id: 'org-zeta-a', name: 'zeta', kind: 'company', ...cited },
  ],
  persons: [
    { id: 'yakovlev', name: 'Яковлев Семён', ...cited },
    { id: 'ezhov-ivan', name: 'Ежов Иван', ...cited },
    { id: 'ezhikov-petr', name: 'Ёжиков Пётр', ...cited },
    { id: 'vorobyov-b', name: 'Воробьев Андрей', ...cited },
    { id: 'vorobyov-a', name: 'Воробьёв Андрей', ...cited },
    { id: 'zorin-latin', name: 'Zorin Ivan', ...cited },
  ],
  memoranda: [
    { id: 'memo-g', name: 'A memorandum of June 2021', date: '2021-06', ...cited },
    { id: 'memo-undated-b', name: 'B undated memorandum', ...cited },
    { id: 'memo-f', name: 'C memorandum of 3 February 2021', date: '2021-02-03', ...cited },
    { id: 'memo-d', name: 'D memorandum of February 2021', date: '2021-02', ...cited },
    { id: 'memo-c', name: 'E memorandum of 1 February 2021', date: '2021-02-01', ...cited },
    { id: 'memo-b', name: 'F memorandum of 2021', date: '2021', ...cited },
    { id: 'memo-a', name: 'G memorandum of January 2021', date: '2021-01', ...cited },
    { id: 'memo-e', name: 'H memorandum of 31 December 2020', date: '2020-12-31', ...cited },
    { id: 'memo-undated-a', name: 'I undated memorandum', ...cited },
  ],
};

const reversed = (list: readonly string[]) => [...list].reverse();

describe('list orders on records made for their edge cases', () => {
  let db: Database;
  let api: GraphQLClient;

  interface Page {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    edges: { node: { slug: string } }[];
  }

  const page = async (field: string, variables: Variables): Promise<Page> =>
    (
      await api.data<{ list: Page }>(
        `query ($first: Int, $last: Int, $after: String, $before: String, $orderBy: EntityOrder, $filter: ${field === 'memoranda' ? 'Memorandum' : field === 'persons' ? 'Person' : 'Organization'}Filter) {
          list: ${field}(first: $first, last: $last, after: $after, before: $before, orderBy: $orderBy, filter: $filter) {
            totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { slug } }
          }
        }`,
        variables,
      )
    ).list;

  const slugs = async (field: string, variables: Variables = {}) =>
    (await page(field, { first: 100, ...variables })).edges.map((edge) => edge.node.slug);

  /** The whole list in pages of `size`, forwards then backwards: both must give the same list. */
  async function walks(field: string, size: number, variables: Variables = {}): Promise<{ forwards: string[]; backwards: string[] }> {
    const forwards: string[] = [];
    let after: string | null = null;
    for (let pageNo = 0; pageNo < 50; pageNo += 1) {
      const { edges, pageInfo }: Page = await page(field, { ...variables, first: size, after });
      forwards.push(...edges.map((edge) => edge.node.slug));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    const backwards: string[] = [];
    let before: string | null = null;
    for (let pageNo = 0; pageNo < 50; pageNo += 1) {
      const { edges, pageInfo }: Page = await page(field, { ...variables, last: size, before });
      backwards.unshift(...edges.map((edge) => edge.node.slug));
      if (!pageInfo.hasPreviousPage) break;
      before = pageInfo.startCursor;
    }
    return { forwards, backwards };
  }

  beforeAll(async () => {
    db = await openTestDatabase();
    await emptyDatabase(db);
    await loadSeedGraph(db, validateSeedFiles([{ path: 'seed/data/orders.json', text: JSON.stringify(seed) }]));
    api = new GraphQLClient(db);
  });

  afterAll(async () => {
    await emptyDatabase(db);
    await db?.close();
  });

  describe('by name: case and accents ignored, equal names by slug', () => {
    const byName = [
      // "." sorts before letters.
      'org-cn',
      // "alpha" before "Beta": case is ignored (unfolded, "B" would sort before "a").
      'org-alpha',
      'org-beta',
      // Equal names: by slug, whatever order the file gave them in.
      'org-exchange-m',
      'org-exchange-z',
      // "Telefónica" and "Telefonica" are equal names: by slug.
      'org-telefonica-a',
      'org-telefonica-b',
      // "zeta" and "ZETA" too.
      'org-zeta-a',
      'org-zeta-b',
    ];

    it('ascending, the default', async () => {
      expect(await slugs('organizations')).toEqual(byName);
      expect(await slugs('organizations', { orderBy: { field: 'NAME', direction: 'ASC' } })).toEqual(byName);
    });

    it('descending: the exact reverse, ties included', async () => {
      expect(await slugs('organizations', { orderBy: { field: 'NAME', direction: 'DESC' } })).toEqual(reversed(byName));
    });

    it('pages of 1 and 2 cross the ties without a gap or a repeat, both ways', async () => {
      expect(await walks('organizations', 1)).toEqual({ forwards: byName, backwards: byName });
      const desc = { orderBy: { field: 'NAME', direction: 'DESC' } };
      expect(await walks('organizations', 2, desc)).toEqual({ forwards: reversed(byName), backwards: reversed(byName) });
    });

    it('by slug when asked', async () => {
      expect(await slugs('organizations', { orderBy: { field: 'ID' } })).toEqual([
        'org-alpha',
        'org-beta',
        'org-cn',
        'org-exchange-m',
        'org-exchange-z',
        'org-telefonica-a',
        'org-telefonica-b',
        'org-zeta-a',
        'org-zeta-b',
      ]);
    });
  });

  describe('by name in Cyrillic: ё is е', () => {
    const byName = [
      // Latin letters come before Cyrillic ones.
      'zorin-latin',
      // "Воробьёв Андрей" and "Воробьев Андрей" are equal names: by slug. (Unfolded, ё sorts
      // after е, and vorobyov-b would come first.)
      'vorobyov-a',
      'vorobyov-b',
      // "Ёжиков" sorts as "Ежиков": before "Ежов" (и before о), and not after "Яковлев", where
      // an unfolded Ё would put it.
      'ezhikov-petr',
      'ezhov-ivan',
      'yakovlev',
    ];

    it('ascending and descending', async () => {
      expect(await slugs('persons')).toEqual(byName);
      expect(await slugs('persons', { orderBy: { field: 'NAME', direction: 'DESC' } })).toEqual(reversed(byName));
      expect(await walks('persons', 2)).toEqual({ forwards: byName, backwards: byName });
    });

    it('finds ё and е alike in either direction', async () => {
      expect(await slugs('persons', { filter: { nameStartsWith: 'ежик' } })).toEqual(['ezhikov-petr']);
      expect(await slugs('persons', { filter: { nameStartsWith: 'Ёжов' } })).toEqual(['ezhov-ivan']);
      expect(await slugs('persons', { filter: { nameContains: 'воробьев' } })).toEqual(['vorobyov-a', 'vorobyov-b']);
      expect(await slugs('persons', { filter: { nameContains: 'ВОРОБЬЁВ' } })).toEqual(['vorobyov-a', 'vorobyov-b']);
    });
  });

  describe('by date: the first day a partial date can mean, undated first, equal days by slug', () => {
    const byDate = [
      // Undated, by slug.
      'memo-undated-a',
      'memo-undated-b',
      // 2020-12-31.
      'memo-e',
      // "2021-01" and "2021" both start on 2021-01-01: by slug. (The raw strings would put "2021" first.)
      'memo-a',
      'memo-b',
      // "2021-02-01" and "2021-02" both start on 2021-02-01: by slug. (Raw strings: "2021-02" first.)
      'memo-c',
      'memo-d',
      // 2021-02-03, then 2021-06-01. (By the last day, "2021-06" would come before "2021".)
      'memo-f',
      'memo-g',
    ];

    it('ascending, and the exact reverse descending', async () => {
      expect(await slugs('memoranda', { orderBy: { field: 'DATE' } })).toEqual(byDate);
      expect(await slugs('memoranda', { orderBy: { field: 'DATE', direction: 'DESC' } })).toEqual(reversed(byDate));
      expect(await walks('memoranda', 2, { orderBy: { field: 'DATE' } })).toEqual({ forwards: byDate, backwards: byDate });
    });

    it('by name, the same records in another order', async () => {
      expect(await slugs('memoranda')).toEqual([
        'memo-g',
        'memo-undated-b',
        'memo-f',
        'memo-d',
        'memo-c',
        'memo-b',
        'memo-a',
        'memo-e',
        'memo-undated-a',
      ]);
    });

    it('a date filter keeps what overlaps, partial dates standing for all their days, in date order', async () => {
      // February 2021 overlaps "2021", "2021-02-01", "2021-02" and "2021-02-03"; not January, June or 2020.
      const february = { dateFrom: '2021-02', dateTo: '2021-02' };
      const inFebruary = ['memo-b', 'memo-c', 'memo-d', 'memo-f'];
      expect(await slugs('memoranda', { filter: february, orderBy: { field: 'DATE' } })).toEqual(inFebruary);
      expect(await slugs('memoranda', { filter: february, orderBy: { field: 'DATE', direction: 'DESC' } })).toEqual(reversed(inFebruary));
      expect(await walks('memoranda', 1, { filter: february, orderBy: { field: 'DATE' } })).toEqual({
        forwards: inFebruary,
        backwards: inFebruary,
      });
      // 2 February 2021 is within "2021" and "2021-02", and no other.
      expect(await slugs('memoranda', { filter: { dateFrom: '2021-02-02', dateTo: '2021-02-02' }, orderBy: { field: 'DATE' } })).toEqual([
        'memo-b',
        'memo-d',
      ]);
      // From 31 December 2020 on: everything dated.
      expect((await page('memoranda', { first: 100, filter: { dateFrom: '2020-12-31' } })).totalCount).toBe(7);
      // Up to 2020: the one dated 31 December 2020.
      expect(await slugs('memoranda', { filter: { dateTo: '2020' } })).toEqual(['memo-e']);
    });
  });
});
