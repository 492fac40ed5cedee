import { readFileSync } from 'node:fs';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { serveStats, uriFromEnv } from './common.ts';

/**
 * System B: @neo4j/graphql 7 behind graphql-yoga, both from bench/node_modules (one graphql
 * instance). Round trips are counted at the driver: every tx.run inside the sessions the
 * library opens.
 */
const totals = { requests: 0, roundTrips: 0 };

function countingTransaction(tx: ManagedTransaction): ManagedTransaction {
  return new Proxy(tx, {
    get(target, property, receiver) {
      if (property === 'run') {
        return (...args: Parameters<ManagedTransaction['run']>) => {
          totals.roundTrips += 1;
          return target.run(...args);
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

function countingSession(session: Session): Session {
  return new Proxy(session, {
    get(target, property, receiver) {
      if (property === 'executeRead' || property === 'executeWrite') {
        return <T>(work: (tx: ManagedTransaction) => Promise<T>, config?: Parameters<Session['executeRead']>[1]) =>
          target[property]((tx) => work(countingTransaction(tx)), config);
      }
      if (property === 'run') {
        return (...args: Parameters<Session['run']>) => {
          totals.roundTrips += 1;
          return target.run(...args);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function countingDriver(driver: Driver): Driver {
  return new Proxy(driver, {
    get(target, property, receiver) {
      if (property === 'session') return (...args: Parameters<Driver['session']>) => countingSession(target.session(...args));
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const settings = uriFromEnv();
const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.username, settings.password), { userAgent: 'govgraph-bench-b' });
await driver.verifyConnectivity({ database: settings.database });
const typeDefs = readFileSync(new URL('./b-typedefs.graphql', import.meta.url), 'utf8');
const neoSchema = new Neo4jGraphQL({
  typeDefs,
  driver: countingDriver(driver),
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
serveStats(yoga, totals);
