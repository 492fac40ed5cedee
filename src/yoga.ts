import { createYoga, type GraphiQLOptions } from 'graphql-yoga';
import { createRequestContext, type RequestContext } from './context.ts';
import type { Database } from './db/database.ts';
import { examples, graphiqlTabs } from './examples/index.ts';
import { useReadinessProbe } from './http/probes.ts';
import { schema } from './schema/index.ts';

export interface YogaOptions {
  db: Database;
}

/**
 * GraphiQL opens with one tab per example query (src/examples), the ServerInfo welcome first.
 * yoga's GraphiQL (5.24) puts its own welcome text into the first tab unless `initialQuery` is
 * given (graphql-yoga issue #3979), so it is set to the first tab's content. The empty
 * variables and headers let GraphiQL recognise that tab on later visits instead of adding a
 * copy. The three initial* keys are not in yoga's GraphiQLOptions type, but yoga hands every option on to GraphiQL.
 */
const tabs = graphiqlTabs(examples);
const graphiqlOptions: GraphiQLOptions & { initialQuery?: string; initialVariables?: string; initialHeaders?: string } = {
  title: 'govgraph',
  defaultTabs: tabs,
  defaultQuery: tabs[0]?.query,
  initialQuery: tabs[0]?.query,
  initialVariables: '',
  initialHeaders: '',
};

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
    graphiql: graphiqlOptions,
    context: ({ request }) => createRequestContext(db, request),
    plugins: [useReadinessProbe(db)],
  });
}
