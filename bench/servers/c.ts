import { createSchema, createYoga } from 'graphql-yoga';
import neo4j from 'neo4j-driver';
import { serveStats, uriFromEnv } from './common.ts';

/**
 * System C, the limit: one yoga resolver per query, each running one hand-written Cypher
 * statement that returns the whole answer already shaped; every nested field is a default
 * resolver reading a map. The shapes mirror govgraph's (edges/node) so that one normalizer
 * reads A and C alike. Round trips: exactly one per request, counted here.
 */
const totals = { requests: 0, roundTrips: 0 };

const typeDefs = /* GraphQL */ `
  type Query {
    organization(slug: String!): Org
    events(kind: String!, dateFrom: String!, dateTo: String!, first: Int!, after: String): EventPage!
    organizations(kind: String!, first: Int!): OrgPage!
    search(lucene: String!, exact: [String!]!, first: Int!): [Hit!]!
    paths(from: String!, to: String!, maxHops: Int!): [String!]!
  }
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
  type SignEdge { onBehalfOf: String node: Signer! }
  type Signer { slug: String! name: String! positions: PositionPage! }
  type PositionPage { edges: [PositionEdge!]! }
  type PositionEdge { title: String node: Named! }
  type Named { slug: String! name: String! }
  type Hit { score: Float! node: Named! }
`;

const statements = {
  organization: `
    MATCH (n:Organization {id: $slug})
    RETURN {slug: n.id, name: n.name, kind: n.kind, country: n.country, aliases: coalesce(n.aliases, [])} AS result`,
  // The count and the page from one scan: the matching events, sorted once, counted, then cut
  // after the cursor (one row more than the page, to know hasNextPage).
  events: `
    MATCH (n:Event) WHERE n.kind = $kind AND n.dateTo >= $dateFrom AND n.dateFrom <= $dateTo
    WITH n ORDER BY n.dateFrom, n.id
    WITH collect({slug: n.id, name: n.name, kind: n.kind, startDate: n.startDate, sortKey: n.dateFrom}) AS matches
    RETURN {
      total: size(matches),
      rows: [row IN matches WHERE $afterKey IS NULL OR row.sortKey > $afterKey OR (row.sortKey = $afterKey AND row.slug > $afterId)][0..$first + 1]
    } AS result`,
  // organizations → memoranda → signatories → positions, each level ordered as govgraph
  // orders relations (other end's name key, then relationship key) and cut by a LIMIT.
  organizations: `
    MATCH (o:Entity) WHERE o.label = 'Organization' AND o.kind = $kind
    WITH o ORDER BY o.id LIMIT $first
    CALL (o) {
      MATCH (o)-[r:PARTY_TO]->(m:Memorandum)
      WITH m, r ORDER BY m.nameKey, r.key LIMIT 10
      CALL (m) {
        MATCH (p:Person)-[s:SIGNED]->(m)
        WITH p, s ORDER BY p.nameKey, s.key LIMIT 5
        CALL (p) {
          MATCH (p)-[h:HOLDS_POSITION]->(x:Entity)
          WITH x, h ORDER BY x.nameKey, h.key LIMIT 5
          RETURN collect({title: h.title, node: {slug: x.id, name: x.name}}) AS positions
        }
        RETURN collect({onBehalfOf: s.onBehalfOf, node: {slug: p.id, name: p.name, positions: {edges: positions}}}) AS signatories
      }
      RETURN collect({node: {slug: m.id, name: m.name, signatories: {edges: signatories}}}) AS memoranda
    }
    RETURN collect({node: {slug: o.id, name: o.name, aliases: [], memoranda: {edges: memoranda}}}) AS result`,
  search: `
    CALL db.index.fulltext.queryNodes('entity_search', $lucene, {limit: 100}) YIELD node, score
    WITH node, score, any(form IN split(node.searchText, '\n') WHERE form IN $exact) AS exact
    ORDER BY exact DESC, score DESC, node.id ASC
    LIMIT $first
    RETURN collect({score: score, node: {slug: node.id, name: node.name}}) AS result`,
  paths: `
    MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
    WHERE a <> b
    MATCH p = allShortestPaths((a)-[*1..6]-(b))
    WITH p LIMIT 200
    WITH p WHERE length(p) <= $maxHops
    WITH [n IN nodes(p) | n.id] AS slugs, [r IN relationships(p) | r.key] AS keys
    ORDER BY slugs, keys
    LIMIT 20
    RETURN collect(reduce(text = slugs[0], i IN range(0, size(keys) - 1) | text + ' -[' + keys[i] + ']- ' + slugs[i + 1])) AS result`,
};

const settings = uriFromEnv();
const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.username, settings.password), {
  disableLosslessIntegers: true,
  userAgent: 'govgraph-bench-c',
});
await driver.verifyConnectivity({ database: settings.database });

async function one(statement: string, parameters: Record<string, unknown>): Promise<unknown> {
  totals.roundTrips += 1;
  const { records } = await driver.executeQuery(statement, parameters, { database: settings.database, routing: neo4j.routing.READ });
  return records[0]?.get('result') ?? null;
}

interface EventRow {
  slug: string;
  name: string;
  kind: string;
  startDate: string;
  sortKey: string;
}

const cursorOf = (row: EventRow) => Buffer.from(JSON.stringify([row.sortKey, row.slug])).toString('base64url');

const schema = createSchema({
  typeDefs,
  resolvers: {
    Query: {
      organization: (_: unknown, args: { slug: string }) => one(statements.organization, args),
      events: async (_: unknown, args: { kind: string; dateFrom: string; dateTo: string; first: number; after?: string | null }) => {
        const [afterKey, afterId] = args.after
          ? (JSON.parse(Buffer.from(args.after, 'base64url').toString('utf8')) as [string, string])
          : [null, null];
        const result = (await one(statements.events, {
          ...args,
          first: neo4j.int(args.first),
          afterKey,
          afterId,
        })) as { total: number; rows: EventRow[] };
        const rows = result.rows.slice(0, args.first);
        const last = rows.at(-1);
        return {
          totalCount: result.total,
          edges: rows.map((row) => ({ cursor: cursorOf(row), node: row })),
          pageInfo: { hasNextPage: result.rows.length > args.first, endCursor: last ? cursorOf(last) : null },
        };
      },
      organizations: async (_: unknown, args: { kind: string; first: number }) => ({
        edges: await one(statements.organizations, { kind: args.kind, first: neo4j.int(args.first) }),
      }),
      search: (_: unknown, args: { lucene: string; exact: string[]; first: number }) =>
        one(statements.search, { ...args, first: neo4j.int(args.first) }),
      paths: (_: unknown, args: { from: string; to: string; maxHops: number }) =>
        one(statements.paths, { ...args, maxHops: neo4j.int(args.maxHops) }),
    },
  },
});

const yoga = createYoga({ schema, graphqlEndpoint: '/graphql', landingPage: false, graphiql: false });
serveStats(yoga, totals);
