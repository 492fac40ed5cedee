import { createYoga } from 'graphql-yoga';
import { createRequestContext, type RequestContext } from './context.ts';
import type { Database } from './db/database.ts';
import { useReadinessProbe } from './http/probes.ts';
import { schema } from './schema/index.ts';

export interface YogaOptions {
  db: Database;
}

const firstQuery = `# Welcome to govgraph. Press the run button to see which versions answer.
query ServerInfo {
  serverInfo {
    version
    database { name version edition }
  }
}
`;

/** The GraphQL server as a fetch handler: node:http serves it, tests call yoga.fetch directly. */
export function createGovgraphYoga({ db }: YogaOptions) {
  return createYoga<Record<string, unknown>, RequestContext>({
    schema,
    graphqlEndpoint: '/graphql',
    // Liveness: yoga answers 200 while the process is up. Readiness: see http/probes.ts.
    healthCheckEndpoint: '/health',
    landingPage: false,
    batching: false,
    maskedErrors: true,
    graphiql: { title: 'govgraph', defaultQuery: firstQuery },
    context: ({ request }) => createRequestContext(db, request),
    plugins: [useReadinessProbe(db)],
  });
}
