import { createYoga } from 'graphql-yoga';
import { type ApiKeyEntry, ApiKeyRing } from './auth/api-keys.ts';
import {
  defaultExportLimits,
  defaultMaxImportBytes,
  defaultQueryLimits,
  defaultStaleLoadMs,
  type ExportLimits,
  loadConfig,
  type MergeJobSettings,
  projectRoot,
  type QueryLimits,
  type QuotaSettings,
  type ResponseCacheSettings,
} from './config.ts';
import type { Database } from './db/database.ts';
import { examples } from './examples/index.ts';
import { readManifest } from './formats/trusted-documents.ts';
import { useCompiledQueries } from './http/compiled-queries.ts';
import { useDataExchange } from './http/exchange/routes.ts';
import { useLiteralInputPaths } from './http/literal-paths.ts';
import { createMetrics } from './http/metrics.ts';
import { useReadinessProbe } from './http/probes.ts';
import { queryLimitPlugins } from './http/query-limits.ts';
import { type LimiterFactory, quotaPlugins } from './http/quotas.ts';
import { useRequestBudget } from './http/request-budget.ts';
import { requestIdOf } from './http/request-id.ts';
import { useRequestLog } from './http/request-log.ts';
import { type ResponseStore, useCachedReads } from './http/response-cache.ts';
import type { ServerContext } from './http/server-context.ts';
import { traceContextOf, useTracing } from './http/tracing.ts';
import { useTrustedDocuments } from './http/trusted-documents.ts';
import { createLogger, type Logger, yogaLogging } from './log.ts';
import { createRequestContext, type RequestContext } from './schema/context.ts';
import { schema } from './schema/index.ts';
import { ChangeFeed, type ChangeFeedSettings } from './services/change-feed.ts';
import { MergeJobs } from './services/merge-jobs.ts';
import { useWebPages } from './web/routes.ts';

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
  /** The trusted documents by id; by default trusted-documents.json (docs/apps.md). */
  trustedDocuments?: ReadonlyMap<string, string>;
  /** POST /admin/import's body limit and dead-load age; by default GOVGRAPH_MAX_IMPORT_BYTES and GOVGRAPH_STALE_LOAD_MS. */
  exchange?: { maxImportBytes?: number; staleLoadMs?: number; exportLimits?: ExportLimits };
  /** Per-client quotas; null for none; by default those of the environment (GOVGRAPH_QUOTA*, GOVGRAPH_KEY_QUOTA*). */
  quotas?: QuotaSettings | null;
  /** Where quotas are counted: this process's memory by default; limiters over Redis to share them (docs/operations.md). */
  quotaLimiters?: LimiterFactory;
  /**
   * Whether nested relation connections are read with their root list in one planned statement
   * (src/schema/planner.ts); on by default. Tests turn it off to compare with the loaders' answers.
   */
  plannedReads?: boolean;
  /** The change feed's poll interval, subscriber cap and margin; by default GOVGRAPH_FEED_*. */
  feed?: Partial<ChangeFeedSettings>;
  /** Background merges' budget and heartbeat; by default GOVGRAPH_MERGE_JOB_TIMEOUT_MS. */
  mergeJobs?: Partial<MergeJobSettings>;
  /**
   * The response cache for anonymous reads; off unless given (the server passes GOVGRAPH_RESPONSE_CACHE*).
   * Tests that write behind the server's back (straight to the database) would otherwise read old answers.
   */
  responseCache?: ResponseCacheSettings | null;
}

/** What a test or the server needs beside the fetch handler: the feed (to stop it) and the cache (to watch it). */
export interface GovgraphParts {
  changeFeed: ChangeFeed;
  /** Background merges: the server waits for them when it stops. */
  mergeJobs: MergeJobs;
  responseStore: ResponseStore | null;
}

/** The GraphQL server as a fetch handler: node:http serves it, tests call yoga.fetch directly. */
export function createGovgraphYoga({ db, ...options }: YogaOptions) {
  const fromEnvironment =
    options.limits && options.introspection !== undefined && options.apiKeys && options.quotas !== undefined ? null : loadConfig();
  const limits = options.limits ?? fromEnvironment?.limits ?? defaultQueryLimits;
  const introspection = options.introspection ?? fromEnvironment?.introspection ?? true;
  const logger = options.logger ?? createLogger('silent');
  const apiKeys = new ApiKeyRing(options.apiKeys ?? fromEnvironment?.apiKeys ?? []);
  const quotaSettings = options.quotas === undefined ? (fromEnvironment?.quotas ?? null) : options.quotas;

  const changeFeed = new ChangeFeed(db, { ...(options.feed ? {} : fromEnvironment?.feed), ...options.feed });
  const mergeJobs = new MergeJobs(
    db,
    { ...(options.mergeJobs ? {} : fromEnvironment?.mergeJobs), ...options.mergeJobs },
    {
      onCommitted: (operation) => changeFeed.wroteLocally(operation),
      onFailed: (job, error) => logger.warn({ job, err: error }, 'a merge job failed'),
    },
  );
  const cachedReads = options.responseCache ? useCachedReads(changeFeed, options.responseCache) : null;
  const metrics = createMetrics(db, {
    subscribers: () => changeFeed.subscriberCount,
    feedFailures: () => changeFeed.failures,
    cache: () => (cachedReads ? { ...cachedReads.store.counts, entries: cachedReads.store.size } : null),
  });
  const quotas = quotaSettings
    ? quotaPlugins({ settings: quotaSettings, apiKeys, logger, limiters: options.quotaLimiters, onRefused: metrics.quotaRefused })
    : null;
  const yoga = createYoga<ServerContext, RequestContext>({
    schema,
    graphqlEndpoint: '/graphql',
    // Liveness: yoga answers 200 while the process is up. Readiness: see http/probes.ts.
    healthCheckEndpoint: '/health',
    landingPage: false,
    batching: false,
    // A trusted document is sent as `documentId` (GraphQL over HTTP, persisted documents).
    extraParamNames: ['documentId'],
    // isDev off whatever NODE_ENV says: in development yoga would add the original error (a
    // Neo4jError with its Cypher, a stack) to the masked one.
    maskedErrors: { isDev: false },
    // useBodySizeLimit (limits/plugins.ts) checks the body size instead, with a clearer answer.
    maxRequestBodySize: false,
    // GraphiQL is served by useWebPages (src/web), with the explorer: bundled from npm packages,
    // so a researcher's browser contacts no one but this server.
    graphiql: false,
    context: ({ request, requestTimeoutMs }) =>
      createRequestContext(db, request, {
        requestTimeoutMs: requestTimeoutMs ?? options.requestTimeoutMs,
        apiKeys,
        requestId: requestIdOf(request),
        traceContext: traceContextOf(request),
        plannedReads: options.plannedReads,
        feed: changeFeed,
        mergeJobs,
      }),
    logging: yogaLogging(logger),
    plugins: [
      // First: it times every request, and answers /metrics before anything else looks at it.
      metrics.plugin,
      useTracing(),
      useRequestLog(logger),
      useWebPages({ examples, logger }),
      // Before the export route, which answers in onRequest.
      ...(quotas ? [quotas.gate] : []),
      useDataExchange({
        db,
        apiKeys,
        logger,
        maxImportBytes: options.exchange?.maxImportBytes ?? fromEnvironment?.maxImportBytes ?? defaultMaxImportBytes,
        staleLoadMs: options.exchange?.staleLoadMs ?? fromEnvironment?.staleLoadMs ?? defaultStaleLoadMs,
        exportLimits: options.exchange?.exportLimits ?? fromEnvironment?.exportLimits ?? defaultExportLimits,
        onWritten: (operation) => changeFeed.wroteLocally(operation),
      }),
      useReadinessProbe(db, { isShuttingDown: options.isShuttingDown }),
      useTrustedDocuments(options.trustedDocuments ?? readManifest(projectRoot), apiKeys),
      ...queryLimitPlugins(limits, { introspection }),
      useLiteralInputPaths(),
      // After useQueryCost, whose measure it charges.
      ...(quotas ? [quotas.charge] : []),
      // Before the budget, which wraps whichever executor runs.
      useCompiledQueries(),
      useRequestBudget(),
      // Last: its execute function wraps all the others' (a later one would replace it, and
      // nothing would be stored); its answers from the cache come in onParams, after the trusted
      // documents have filled in the query a documentId names.
      ...(cachedReads ? [cachedReads.plugin] : []),
    ],
  });
  const parts: GovgraphParts = { changeFeed, mergeJobs, responseStore: cachedReads?.store ?? null };
  return Object.assign(yoga, parts);
}
