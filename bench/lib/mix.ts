import { labelShares, prng, zipfIndex } from '../generate.ts';
import { type SearchParameters, searchParameters } from './search.ts';

/**
 * The query mix: one parameter sequence drawn from a seeded PRNG, and for each query the
 * document every system gets, the variables it gets for a parameter set, and a normalizer that
 * turns each system's answer into one comparable shape. Ordering and cut-offs are the same in
 * all three (relations by the other end's name key, then relationship key), so normalized
 * answers must be equal, element for element.
 */

export const systems = ['A', 'B', 'C'] as const;
export type System = (typeof systems)[number];
export const queryNames = ['Q1', 'Q2', 'Q3', 'Q4', 'Q5'] as const;
export type QueryName = (typeof queryNames)[number];

/** A record with one entry per query. */
export function perQuery<T>(make: (query: QueryName) => T): Record<QueryName, T> {
  return { Q1: make('Q1'), Q2: make('Q2'), Q3: make('Q3'), Q4: make('Q4'), Q5: make('Q5') };
}

export const queryTitles: Record<QueryName, string> = {
  Q1: 'point lookup by id',
  Q2: 'filtered list (kind, date range), ordered, first 20 after a cursor, totalCount',
  Q3: '3 levels: organizations → memoranda → signatories → positions (10×10×5×5)',
  Q4: 'full-text search, top 20',
  Q5: 'shortest paths (at most 6 hops)',
};

export type Params =
  | { query: 'Q1'; slug: string }
  | { query: 'Q2'; kind: string; dateFrom: string; dateTo: string }
  | { query: 'Q3'; kind: string }
  | { query: 'Q4'; text: string; search: SearchParameters }
  | { query: 'Q5'; from: string; to: string; fromLabel: string; toLabel: string };

export interface Request {
  query: string;
  variables: Record<string, unknown>;
}

const orgKinds = ['registry', 'registrar', 'exchange-point', 'government-agency', 'company', 'association', 'academic', 'foundation'];
const eventKinds = ['conference', 'section', 'round-table', 'session', 'meeting'];
const syllables = ['ro', 'ma', 'ne', 'ti', 'ka', 'lo', 'vi', 'sa', 'de', 'an', 'por', 'lin', 'tek', 'vor', 'bel', 'nor'];

/** As bench/generate.ts counts them, so drawn ids exist. */
function count(entities: number, share: number): number {
  return Math.max(2, Math.round(entities * share));
}

/** `perQuery` parameter sets of each query, interleaved Q1, Q2, …, Q5, Q1, …; same seed, same sets. */
export function drawParams(entities: number, perQuery: number, seed = 7): Params[] {
  const random = prng(seed);
  const organizations = count(entities, labelShares.organizations);
  const persons = count(entities, labelShares.persons);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const day = (year: number) =>
    `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  // Events of one kind per year (the generator spreads them over 25 years): at least 30 per range.
  const eventsPerKindAndYear = count(entities, labelShares.events) / eventKinds.length / 25;
  const minYears = Math.min(12, Math.max(4, Math.ceil(30 / eventsPerKindAndYear)));
  const result: Params[] = [];
  for (let i = 0; i < perQuery; i++) {
    result.push({ query: 'Q1', slug: `org-${Math.floor(random() * organizations)}` });
    // Ranges of 4 to 12 years from 10k entities up: enough events of a kind for a full second
    // page. Smaller graphs (the CI test's 4k) get longer ranges, so that page is not empty there
    // either; the draws from the generator stay the same, so 10k and 1M keep their sets.
    const start = 2000 + Math.floor(random() * 13);
    result.push({ query: 'Q2', kind: pick(eventKinds), dateFrom: day(start), dateTo: day(start + minYears + Math.floor(random() * 9)) });
    result.push({ query: 'Q3', kind: pick(orgKinds) });
    const text = pick(syllables) + pick(syllables);
    result.push({ query: 'Q4', text, search: searchParameters(text) });
    result.push({
      query: 'Q5',
      from: `person-${Math.floor(random() * persons)}`,
      to: `org-${zipfIndex(random, organizations)}`,
      fromLabel: 'Person',
      toLabel: 'Organization',
    });
  }
  return result;
}

const globalId = (label: string, slug: string) => Buffer.from(`${label}:${slug}`).toString('base64');

const documents: Record<QueryName, Record<System, string>> = {
  Q1: {
    A: 'query Q1($slug: String!) { organization(slug: $slug) { slug name kind country aliases } }',
    B: 'query Q1($slug: ID!) { organizations(where: { id: { eq: $slug } }) { id name kind country aliases } }',
    C: 'query Q1($slug: String!) { organization(slug: $slug) { slug name kind country aliases } }',
  },
  Q2: {
    A: `query Q2($kind: EventKind!, $dateFrom: PartialDate!, $dateTo: PartialDate!, $after: String) {
      events(filter: { kind: $kind, dateFrom: $dateFrom, dateTo: $dateTo }, orderBy: { field: DATE }, first: 20, after: $after) {
        totalCount edges { cursor node { slug name kind startDate } } pageInfo { hasNextPage endCursor } } }`,
    B: `query Q2($kind: String!, $dateFrom: String!, $dateTo: String!, $after: String) {
      eventsConnection(where: { kind: { eq: $kind }, dateTo: { gte: $dateFrom }, dateFrom: { lte: $dateTo } },
                       sort: [{ dateFrom: ASC }, { id: ASC }], first: 20, after: $after) {
        totalCount edges { cursor node { id name kind startDate } } pageInfo { hasNextPage endCursor } } }`,
    C: `query Q2($kind: String!, $dateFrom: String!, $dateTo: String!, $after: String) {
      events(kind: $kind, dateFrom: $dateFrom, dateTo: $dateTo, first: 20, after: $after) {
        totalCount edges { cursor node { slug name kind startDate } } pageInfo { hasNextPage endCursor } } }`,
  },
  Q3: {
    A: `query Q3($kind: OrganizationKind!) {
      organizations(filter: { kind: $kind }, orderBy: { field: ID }, first: 10) { edges { node { slug name
        memoranda(first: 10) { edges { node { slug name
          signatories(first: 5) { edges { onBehalfOf { slug } node { slug name
            positions(first: 5) { edges { title node { slug name } } } } } } } } } } } } }`,
    B: `query Q3($kind: String!) {
      organizations(where: { kind: { eq: $kind } }, sort: [{ id: ASC }], limit: 10) { id name
        memorandaConnection(first: 10, sort: [{ node: { nameKey: ASC } }, { edge: { key: ASC } }]) { edges { node { id name
          signatoriesConnection(first: 5, sort: [{ node: { nameKey: ASC } }, { edge: { key: ASC } }]) { edges { properties { onBehalfOf } node { id name
            positionsConnection(first: 5, sort: [{ node: { nameKey: ASC } }, { edge: { key: ASC } }]) { edges { properties { title } node { id name } } } } } } } } } } }`,
    C: `query Q3($kind: String!) {
      organizations(kind: $kind, first: 10) { edges { node { slug name
        memoranda { edges { node { slug name
          signatories { edges { onBehalfOf { slug } node { slug name
            positions { edges { title node { slug name } } } } } } } } } } } } }`,
  },
  Q4: {
    // A computes its search parameters from the text; B and C get the same ones, computed as A
    // does (lib/search.ts), for the same statement (cypher/queries/search.cypher).
    A: 'query Q4($text: String!) { search(query: $text, first: 20) { score node { slug name } } }',
    B: `query Q4($all: String!, $allTypos: String!, $any: String!, $exact: [String!]!, $exactKeys: [String!]!, $words: [SearchWord!]!, $labels: [String!]!, $typeLabels: [String!]!, $first: Int!, $candidates: Int!, $nearSlug: String!) {
      search(all: $all, allTypos: $allTypos, any: $any, exact: $exact, exactKeys: $exactKeys, words: $words, labels: $labels, typeLabels: $typeLabels, first: $first, candidates: $candidates, nearSlug: $nearSlug) { score node { id name } } }`,
    C: `query Q4($all: String!, $allTypos: String!, $any: String!, $exact: [String!]!, $exactKeys: [String!]!, $words: [SearchWord!]!, $labels: [String!]!, $typeLabels: [String!]!, $first: Int!, $candidates: Int!, $nearSlug: String!) {
      search(all: $all, allTypos: $allTypos, any: $any, exact: $exact, exactKeys: $exactKeys, words: $words, labels: $labels, typeLabels: $typeLabels, first: $first, candidates: $candidates, nearSlug: $nearSlug) { score node { slug name } } }`,
  },
  Q5: {
    A: `query Q5($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 6) { nodes { slug } edges { key } } }`,
    B: 'query Q5($from: ID!, $to: ID!) { shortestPaths(from: $from, to: $to, maxHops: 6) { nodes { slug } edges { key } } }',
    C: 'query Q5($from: String!, $to: String!) { paths(from: $from, to: $to, maxHops: 6) { nodes { slug } edges { key } } }',
  },
};

/** govgraph's kind filters take the enums of its writes ("exchange-point" is EXCHANGE_POINT); the others the stored text. */
const kindFor = (system: System, kind: string) => (system === 'A' ? kind.toUpperCase().replaceAll('-', '_') : kind);

/** The request a system gets for a parameter set; `after` is that system's own cursor (Q2). */
export function requestFor(system: System, params: Params, after?: string | null): Request {
  const query = documents[params.query][system];
  switch (params.query) {
    case 'Q1':
      return { query, variables: { slug: params.slug } };
    case 'Q2':
      return {
        query,
        variables: { kind: kindFor(system, params.kind), dateFrom: params.dateFrom, dateTo: params.dateTo, after: after ?? null },
      };
    case 'Q3':
      return { query, variables: { kind: kindFor(system, params.kind) } };
    case 'Q4':
      return { query, variables: system === 'A' ? { text: params.text } : { ...params.search } };
    case 'Q5':
      return system === 'A'
        ? { query, variables: { from: globalId(params.fromLabel, params.from), to: globalId(params.toLabel, params.to) } }
        : { query, variables: { from: params.from, to: params.to } };
  }
}

// Responses are untyped JSON from three different schemas; this reads them defensively.
type Json = unknown;
const get = (value: Json, ...path: (string | number)[]): Json => {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Reflect.get(current, key);
  }
  return current;
};
const list = (value: Json): Json[] => (Array.isArray(value) ? value : []);

/** The cursor to ask the next page with (Q2), in the system's own format. */
export function endCursor(system: System, data: Json): string | null {
  const cursor = get(data, system === 'B' ? 'eventsConnection' : 'events', 'pageInfo', 'endCursor');
  return typeof cursor === 'string' ? cursor : null;
}

export function normalize(system: System, name: QueryName, data: Json): Json {
  const slug = (node: Json) => get(node, system === 'B' ? 'id' : 'slug');
  switch (name) {
    case 'Q1': {
      const org = system === 'B' ? list(get(data, 'organizations'))[0] : get(data, 'organization');
      if (!org) return null;
      return {
        slug: slug(org),
        name: get(org, 'name'),
        kind: get(org, 'kind'),
        country: get(org, 'country'),
        aliases: get(org, 'aliases') ?? [],
      };
    }
    case 'Q2': {
      const page = get(data, system === 'B' ? 'eventsConnection' : 'events');
      return {
        totalCount: get(page, 'totalCount'),
        hasNextPage: get(page, 'pageInfo', 'hasNextPage'),
        nodes: list(get(page, 'edges')).map((edge) => {
          const node = get(edge, 'node');
          return { slug: slug(node), name: get(node, 'name'), kind: get(node, 'kind'), startDate: get(node, 'startDate') };
        }),
      };
    }
    case 'Q3': {
      const orgs =
        system === 'B' ? list(get(data, 'organizations')) : list(get(data, 'organizations', 'edges')).map((edge) => get(edge, 'node'));
      const connection = (node: Json, a: string, b: string) => list(get(node, system === 'B' ? b : a, 'edges'));
      return orgs.map((org) => ({
        slug: slug(org),
        name: get(org, 'name'),
        memoranda: connection(org, 'memoranda', 'memorandaConnection').map((memoEdge) => {
          const memo = get(memoEdge, 'node');
          return {
            slug: slug(memo),
            name: get(memo, 'name'),
            signatories: connection(memo, 'signatories', 'signatoriesConnection').map((signEdge) => {
              const person = get(signEdge, 'node');
              const behalf = system === 'B' ? get(signEdge, 'properties', 'onBehalfOf') : get(signEdge, 'onBehalfOf', 'slug');
              return {
                slug: slug(person),
                name: get(person, 'name'),
                onBehalfOf: behalf ?? null,
                positions: connection(person, 'positions', 'positionsConnection').map((positionEdge) => ({
                  title: (system === 'B' ? get(positionEdge, 'properties', 'title') : get(positionEdge, 'title')) ?? null,
                  slug: slug(get(positionEdge, 'node')),
                  name: get(positionEdge, 'node', 'name'),
                })),
              };
            }),
          };
        }),
      }));
    }
    case 'Q4': {
      // The same statement ranks the hits for all three (exact matches, score, slug): compared in
      // order. Scores to three decimals, as A's API gives them (B and C return Lucene's own).
      return list(get(data, 'search')).map((hit) => ({
        slug: get(hit, 'node', system === 'B' ? 'id' : 'slug'),
        name: get(hit, 'node', 'name'),
        score: Math.round(Number(get(hit, 'score')) * 1e3) / 1e3,
      }));
    }
    case 'Q5': {
      // All three answer the same shape; each path is compared as "slug -[key]- slug …".
      return list(get(data, system === 'B' ? 'shortestPaths' : 'paths')).map((path) => {
        const slugs = list(get(path, 'nodes')).map((node) => String(get(node, 'slug')));
        const keys = list(get(path, 'edges')).map((edge) => String(get(edge, 'key')));
        return keys.reduce((text, key, i) => `${text} -[${key}]- ${slugs[i + 1]}`, slugs[0] ?? '');
      });
    }
  }
}

/** The nesting levels of each query's answer, outermost first: the equality gate wants every one non-empty. */
export const levelNames: Record<QueryName, readonly string[]> = {
  Q1: ['organization'],
  Q2: ['events on page 2'],
  Q3: ['organizations', 'memoranda', 'signatories', 'positions'],
  Q4: ['hits'],
  Q5: ['paths'],
};

/**
 * Which levels of a normalized answer have content: for Q3, whether any organization has a
 * memorandum, any of those a signatory, any of those a position. Equal empty answers prove
 * nothing, so the gate counts the parameter sets whose answer is non-empty at every level.
 */
export function levels(name: QueryName, answer: Json): boolean[] {
  switch (name) {
    case 'Q1':
      return [answer !== null && answer !== undefined];
    case 'Q2':
      return [list(get(answer, 'nodes')).length > 0];
    case 'Q3': {
      const orgs = list(answer);
      const memoranda = orgs.flatMap((org) => list(get(org, 'memoranda')));
      const signatories = memoranda.flatMap((memo) => list(get(memo, 'signatories')));
      const positions = signatories.flatMap((person) => list(get(person, 'positions')));
      return [orgs.length > 0, memoranda.length > 0, signatories.length > 0, positions.length > 0];
    }
    case 'Q4':
    case 'Q5':
      return [list(answer).length > 0];
  }
}
