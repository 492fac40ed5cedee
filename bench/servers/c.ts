import type { DocumentNode } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import neo4j, { type Integer } from 'neo4j-driver';
import { benchDriverConfig, serveStats, uriFromEnv } from './common.ts';
import { searchHitIndex, searchStatement } from './search-statement.ts';

/**
 * System C, the limit: one yoga resolver per query, each sending one hand-written Cypher
 * statement, written as an expert would for this graph and its indexes, that returns the whole
 * answer already shaped; every nested field is a default resolver reading a map. The shapes
 * mirror govgraph's (edges/node) so that one normalizer reads A and C alike.
 *
 * Executor as A's: graphql-jit. Transport as A's: an auto-commit read (RUN and PULL together, all rows in the first PULL), one
 * Bolt exchange per request, on a driver configured as A's. Each statement is PROFILEd by
 * bench/profile.ts and must read no more than A's (bench/README.md has the figures).
 */
const totals = { requests: 0 };

interface SearchArguments {
  all: string;
  allTypos: string;
  any: string;
  exact: string[];
  exactKeys: string[];
  words: { text: string; key: string }[];
  labels: string[];
  typeLabels: string[];
  first: number;
  candidates: number;
  nearSlug: string;
}

const typeDefs = /* GraphQL */ `
  type Query {
    organization(slug: String!): Org
    events(kind: String!, dateFrom: String!, dateTo: String!, first: Int!, after: String): EventPage!
    organizations(kind: String!, first: Int!): OrgPage!
    search(all: String!, allTypos: String!, any: String!, exact: [String!]!, exactKeys: [String!]!, words: [SearchWord!]!, labels: [String!]!, typeLabels: [String!]!, first: Int!, candidates: Int!, nearSlug: String!): [Hit!]!
    paths(from: String!, to: String!, maxHops: Int!): [FoundPath!]!
  }
  input SearchWord { text: String! key: String! forms: [String!]! prefixes: [String!]! leaderTitles: [String!]! signing: Boolean! saying: Boolean! managing: Boolean! membership: Boolean! types: [String!]! initialisms: [String!]! }
  type Org { slug: String! name: String! kind: String country: String aliases: [String!]! memoranda: MemoPage }
  type EventPage { totalCount: Int! edges: [EventEdge!]! pageInfo: PageInfo! }
  type EventEdge { cursor: String! node: Event! }
  type Event { slug: String! name: String! kind: String startDate: String }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type OrgPage { edges: [OrgEdge!]! }
  type OrgEdge { node: Org! }
  type MemoPage { edges: [MemoEdge!]! }
  type MemoEdge { node: Memo! }
  type Memo { slug: String! name: String! signatories: SignPage! }
  type SignPage { edges: [SignEdge!]! }
  type SignEdge { onBehalfOf: Party node: Signer! }
  type Party { slug: String! }
  type Signer { slug: String! name: String! positions: PositionPage! }
  type PositionPage { edges: [PositionEdge!]! }
  type PositionEdge { title: String node: Named! }
  type Named { slug: String! name: String! }
  type Hit { score: Float! node: Named! }
  type FoundPath { nodes: [PathNode!]! edges: [PathEdge!]! }
  type PathNode { slug: String! }
  type PathEdge { key: String! }
`;

const statements = {
  // A unique-constraint seek on the label asked for.
  organization: `
    MATCH (n:Organization {id: $slug})
    RETURN n {slug: n.id, .name, .kind, .country, aliases: coalesce(n.aliases, [])} AS result`,
  // Both parts read :Event(kind, dateFrom, id, dateTo) (bench/cypher/indexes.cypher), the
  // equivalent of A's (label, kind, dateFrom, id, dateTo); the hint keeps the planner from the
  // single-property dateFrom index it prefers on small graphs. The count seeks the events of the
  // kind that start by the range's end and tests dateTo on the index entry, touching no node.
  // The page seeks from the cursor's date in index order and stops after one row more than the
  // page (to learn hasNextPage): no sort, nothing collected beyond the page.
  events: `
    CALL () {
      MATCH (n:Event) USING INDEX n:Event(kind, dateFrom, id, dateTo)
      WHERE n.kind = $kind AND n.dateFrom >= '' AND n.dateFrom <= $dateTo AND n.id IS NOT NULL
        AND n.dateTo IS NOT NULL AND n.dateTo >= $dateFrom
      RETURN count(n) AS total
    }
    CALL () {
      MATCH (n:Event) USING INDEX n:Event(kind, dateFrom, id, dateTo)
      WHERE n.kind = $kind AND n.dateFrom >= $seekFrom AND n.dateFrom <= $dateTo AND n.id IS NOT NULL
        AND n.dateTo IS NOT NULL AND n.dateTo >= $dateFrom
        AND ($afterKey IS NULL OR n.dateFrom > $afterKey OR (n.dateFrom = $afterKey AND n.id > $afterId))
      WITH n ORDER BY n.kind, n.dateFrom, n.id LIMIT $limit
      RETURN collect(n {slug: n.id, .name, .kind, .startDate, sortKey: n.dateFrom}) AS rows
    }
    RETURN {total: total, rows: rows} AS result`,
  // The root seeks :Organization(kind, id) in index order and stops at $first. Below it, each
  // level expands only its own relationship type and direction and keeps its top rows by the
  // other end's name key, then relationship key (a Top operator, no full sort), as govgraph
  // orders relations. The other ends' labels are not tested: the loader and the curation
  // mutations admit PARTY_TO only to a Memorandum, SIGNED only from a Person, HOLDS_POSITION only
  // to an Organization or a Body (src/domain/rules.ts, relationRules), and an expert writing for
  // this database would rely on that (one db hit per row less at each level).
  organizations: `
    MATCH (o:Organization) WHERE o.kind = $kind AND o.id IS NOT NULL
    WITH o ORDER BY o.kind, o.id LIMIT $first
    CALL (o) {
      MATCH (o)-[r:PARTY_TO]->(m)
      WITH m, r ORDER BY m.nameKey, r.key LIMIT 10
      CALL (m) {
        MATCH (p)-[s:SIGNED]->(m)
        WITH p, s ORDER BY p.nameKey, s.key LIMIT 5
        CALL (p) {
          MATCH (p)-[h:HOLDS_POSITION]->(x)
          WITH x, h ORDER BY x.nameKey, h.key LIMIT 5
          RETURN collect({title: h.title, node: {slug: x.id, name: x.name}}) AS positions
        }
        RETURN collect({onBehalfOf: CASE WHEN s.onBehalfOf IS NULL THEN null ELSE {slug: s.onBehalfOf} END, node: {slug: p.id, name: p.name, positions: {edges: positions}}}) AS signatories
      }
      RETURN collect({node: {slug: m.id, name: m.name, signatories: {edges: signatories}}}) AS memoranda
    }
    RETURN collect({node: {slug: o.id, name: o.name, aliases: [], memoranda: {edges: memoranda}}}) AS result`,
  // govgraph's own statement (cypher/queries/search.cypher), with govgraph's parameters.
  search: searchStatement(),
  paths: `
    MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
    WHERE a <> b
    MATCH p = allShortestPaths((a)-[*1..6]-(b))
    WITH p LIMIT 200
    WITH p WHERE length(p) <= $maxHops
    WITH [n IN nodes(p) | n.id] AS slugs, [r IN relationships(p) | r.key] AS keys
    ORDER BY slugs, keys
    LIMIT 20
    RETURN collect({nodes: [slug IN slugs | {slug: slug}], edges: [key IN keys | {key: key}]}) AS result`,
};

const settings = uriFromEnv();
const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.username, settings.password), benchDriverConfig('govgraph-bench-c'));
await driver.verifyConnectivity({ database: settings.database });

/** One auto-commit read, as A sends its reads: RUN and PULL in one write, every row in the first PULL. */
async function rows(statement: string, parameters: Record<string, unknown>): Promise<Record<string, unknown>[]> {
  const session = driver.session({ database: settings.database, defaultAccessMode: neo4j.session.READ, fetchSize: -1 });
  try {
    const result = await session.run(statement, parameters);
    return result.records.map((record) => record.toObject());
  } finally {
    await session.close();
  }
}

async function one(statement: string, parameters: Record<string, unknown>): Promise<unknown> {
  return (await rows(statement, parameters))[0]?.result ?? null;
}

const int = (value: number): Integer => neo4j.int(value);

interface EventRow {
  slug: string;
  name: string;
  kind: string;
  startDate: string;
  sortKey: string;
}

function isEventRow(value: unknown): value is EventRow {
  return typeof value === 'object' && value !== null && 'slug' in value && 'sortKey' in value;
}

const cursorOf = (row: EventRow) => Buffer.from(JSON.stringify([row.sortKey, row.slug])).toString('base64url');

function decodeCursor(after: string | null | undefined): [string | null, string | null] {
  if (!after) return [null, null];
  const parsed: unknown = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  if (Array.isArray(parsed) && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') return [parsed[0], parsed[1]];
  throw new Error('invalid cursor');
}

const schema = createSchema({
  typeDefs,
  resolvers: {
    Query: {
      organization: (_: unknown, args: { slug: string }) => one(statements.organization, args),
      events: async (_: unknown, args: { kind: string; dateFrom: string; dateTo: string; first: number; after?: string | null }) => {
        const [afterKey, afterId] = decodeCursor(args.after);
        const result = await one(statements.events, {
          kind: args.kind,
          dateFrom: args.dateFrom,
          dateTo: args.dateTo,
          limit: int(args.first + 1),
          afterKey,
          afterId,
          seekFrom: afterKey ?? '',
        });
        const total: unknown = typeof result === 'object' && result !== null ? Reflect.get(result, 'total') : 0;
        const found: unknown = typeof result === 'object' && result !== null ? Reflect.get(result, 'rows') : [];
        const all = Array.isArray(found) ? found.filter(isEventRow) : [];
        const page = all.slice(0, args.first);
        const last = page.at(-1);
        return {
          totalCount: typeof total === 'number' ? total : 0,
          edges: page.map((row) => ({ cursor: cursorOf(row), node: row })),
          pageInfo: { hasNextPage: all.length > args.first, endCursor: last ? cursorOf(last) : null },
        };
      },
      organizations: async (_: unknown, args: { kind: string; first: number }) => ({
        edges: await one(statements.organizations, { kind: args.kind, first: int(args.first) }),
      }),
      search: async (_: unknown, args: SearchArguments) => {
        // Every argument is a parameter of the statement, as govgraph sends it; only the numbers are Bolt integers.
        const found = await rows(statements.search, { ...args, first: int(args.first), candidates: int(args.candidates) });
        return found.map((row) => {
          const values = Array.isArray(row.props) ? row.props : [];
          return { score: row.score, node: { slug: values[searchHitIndex('id')], name: values[searchHitIndex('name')] } };
        });
      },
      paths: (_: unknown, args: { from: string; to: string; maxHops: number }) =>
        one(statements.paths, { from: args.from, to: args.to, maxHops: int(args.maxHops) }),
    },
  },
});

/**
 * Every document through graphql-jit, as A runs its repeated queries (src/http/compiled-queries.ts),
 * from the first execution on: the executor is no reason for A to beat the limit.
 */
function useJit(): Plugin {
  const compiled = new WeakMap<DocumentNode, CompiledQuery | null>();
  return {
    onExecute({ args, setExecuteFn }) {
      let query = compiled.get(args.document);
      if (query === undefined) {
        const result = compileQuery(args.schema, args.document, args.operationName ?? undefined);
        query = isCompiledQuery(result) ? result : null;
        compiled.set(args.document, query);
      }
      const jit = query;
      if (jit) setExecuteFn((executeArgs) => jit.query(executeArgs.rootValue, executeArgs.contextValue, executeArgs.variableValues ?? {}));
    },
  };
}

const yoga = createYoga({ schema, graphqlEndpoint: '/graphql', landingPage: false, graphiql: false, plugins: [useJit()] });
serveStats(yoga, totals, driver, 'C');
