import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type GraphiQLOptions } from 'graphql-yoga';
import { type ApiKeyEntry, ApiKeyRing } from './auth/api-keys.ts';
import { defaultMaxImportBytes, defaultQueryLimits, defaultStaleLoadMs, loadConfig, type QueryLimits } from './config.ts';
import type { Database } from './db/database.ts';
import { examples, graphiqlTabs } from './examples/index.ts';
import { useCompiledQueries } from './http/compiled-queries.ts';
import { useDataExchange } from './http/exchange/routes.ts';
import { useReadinessProbe } from './http/probes.ts';
import { queryLimitPlugins } from './http/query-limits.ts';
import { useRequestBudget } from './http/request-budget.ts';
import { requestIdOf } from './http/request-id.ts';
import { useRequestLog } from './http/request-log.ts';
import { createLogger, type Logger, yogaLogging } from './log.ts';
import { createRequestContext, type RequestContext } from './schema/context.ts';
import { schema } from './schema/index.ts';

export interface YogaOptions {
  db: Database;
  /** Each request's time budget (GOVGRAPH_REQUEST_TIMEOUT_MS); 10 s by default. */
  requestTimeoutMs?: number;
  /** Where the per-request lines go; by default a silent logger (tests, benchmarks). */
  logger?: Logger;
  /** True once shutdown began: /ready then answers 503. */
  isShuttingDown?: () => boolean;
  /** Query limits; by default those of the environment (GOVGRAPH_MAX_*), see config.ts. */
  limits?: QueryLimits;
  /** Whether __schema and __type may be queried; by default GOVGRAPH_INTROSPECTION (on). */
  introspection?: boolean;
  /** The API keys that may write; by default those of the environment (GOVGRAPH_API_KEYS[_FILE]). */
  apiKeys?: readonly ApiKeyEntry[];
  /** POST /admin/import's body limit and dead-load age; by default GOVGRAPH_MAX_IMPORT_BYTES and GOVGRAPH_STALE_LOAD_MS. */
  exchange?: { maxImportBytes?: number; staleLoadMs?: number };
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
export function createGovgraphYoga({ db, ...options }: YogaOptions) {
  const fromEnvironment = options.limits && options.introspection !== undefined && options.apiKeys ? null : loadConfig();
  const limits = options.limits ?? fromEnvironment?.limits ?? defaultQueryLimits;
  const introspection = options.introspection ?? fromEnvironment?.introspection ?? true;
  const logger = options.logger ?? createLogger('silent');
  const apiKeys = new ApiKeyRing(options.apiKeys ?? fromEnvironment?.apiKeys ?? []);
  return createYoga<Record<string, unknown>, RequestContext>({
    schema,
    graphqlEndpoint: '/graphql',
    // Liveness: yoga answers 200 while the process is up. Readiness: see http/probes.ts.
    healthCheckEndpoint: '/health',
    landingPage: false,
    batching: false,
    // isDev off whatever NODE_ENV says: in development yoga would add the original error (a
    // Neo4jError with its Cypher, a stack) to the masked one.
    maskedErrors: { isDev: false },
    // useBodySizeLimit (limits/plugins.ts) checks the body size instead, with a clearer answer.
    maxRequestBodySize: false,
    graphiql: graphiqlOptions,
    // GraphiQL's scripts and styles come from this package, not from a CDN: it works offline
    // and behind firewalls, and a researcher's browser contacts no one but this server.
    renderGraphiQL,
    context: ({ request }) =>
      createRequestContext(db, request, { requestTimeoutMs: options.requestTimeoutMs, apiKeys, requestId: requestIdOf(request) }),
    logging: yogaLogging(logger),
    plugins: [
      useRequestLog(logger),
      useDataExchange({
        db,
        apiKeys,
        logger,
        maxImportBytes: options.exchange?.maxImportBytes ?? fromEnvironment?.maxImportBytes ?? defaultMaxImportBytes,
        staleLoadMs: options.exchange?.staleLoadMs ?? fromEnvironment?.staleLoadMs ?? defaultStaleLoadMs,
      }),
      useReadinessProbe(db, { isShuttingDown: options.isShuttingDown }),
      ...queryLimitPlugins(limits, { introspection }),
      // Before the budget, which wraps whichever executor runs.
      useCompiledQueries(),
      useRequestBudget(),
    ],
  });
}
