import { readFileSync } from 'node:fs';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import neo4j from 'neo4j-driver';
import { benchDriverConfig, serveStats, uriFromEnv } from './common.ts';
import { searchHitIndex, searchStatement } from './search-statement.ts';

/**
 * System B: @neo4j/graphql 7 behind graphql-yoga, both from bench/node_modules (one graphql
 * instance), on a driver configured as A's. Bolt traffic is counted below the driver, as for A
 * and C, so whatever the library sends (BEGIN, RUN, COMMIT …) is in the count.
 */
const totals = { requests: 0 };

const settings = uriFromEnv();
const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.username, settings.password), benchDriverConfig('govgraph-bench-b'));
await driver.verifyConnectivity({ database: settings.database });
// Q4 runs govgraph's own search statement through @cypher, read from cypher/queries/search.cypher
// at start-up: when search changes, B follows. The block string keeps its backslashes as they are.
const typeDefs = readFileSync(new URL('./b-typedefs.graphql', import.meta.url), 'utf8')
  .replace('#SEARCH_STATEMENT#', searchStatement())
  .replace('#HIT_NODE#', `{id: props[${searchHitIndex('id')}], name: props[${searchHitIndex('name')}]}`);
const neoSchema = new Neo4jGraphQL({
  typeDefs,
  driver,
  // Range filters on strings (dates stored as "YYYY-MM-DD") are off by default.
  features: { filters: { String: { LT: true, LTE: true, GT: true, GTE: true } } },
});
const schema = await neoSchema.getSchema();
const yoga = createYoga({
  schema,
  graphqlEndpoint: '/graphql',
  landingPage: false,
  graphiql: false,
  // The database name is sent explicitly, as govgraph does, so no home-database lookup.
  context: () => ({ sessionConfig: { database: settings.database } }),
});
serveStats(yoga, totals, driver, 'B');
