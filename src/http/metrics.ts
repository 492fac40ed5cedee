/**
 * GET /metrics in Prometheus' text format (prom-client): requests and their latency per
 * operation, errors by code, the Neo4j sessions in use, quota refusals. Each server has its own
 * registry, so two in one process (tests) do not add up.
 */
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/database.ts';
import type { QuotaKind } from './quotas.ts';

/**
 * Operation names are chosen by clients: past this many distinct ones, further names count as
 * "other", so a client cannot grow the metrics without end.
 */
const maxOperationNames = 200;

export interface Metrics {
  plugin: Plugin;
  /** Counts a quota refusal (handed to the quota plugin). */
  quotaRefused(quota: QuotaKind, client: 'key' | 'address'): void;
  registry: Registry;
}

/** What /metrics reports of the change feed and the response cache, read when scraped. */
export interface FeedAndCacheUse {
  subscribers(): number;
  feedFailures(): number;
  cache(): { hits: number; misses: number; cleared: number; entries: number } | null;
}

export function createMetrics(db: Database, use?: FeedAndCacheUse): Metrics {
  const registry = new Registry();
  const requests = new Counter({
    name: 'govgraph_http_requests_total',
    help: 'HTTP requests answered, by path and status.',
    labelNames: ['path', 'status'] as const,
    registers: [registry],
  });
  const operations = new Histogram({
    name: 'govgraph_graphql_operation_duration_seconds',
    help: 'GraphQL operations, from the request arriving to the answer leaving, by operation name and type (its _count counts them).',
    labelNames: ['operation', 'type', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'govgraph_graphql_errors_total',
    help: 'Errors in GraphQL answers, by code (INTERNAL_SERVER_ERROR for a masked one).',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const refusals = new Counter({
    name: 'govgraph_quota_rejections_total',
    help: 'Requests refused with 429 for being over a quota, by quota (requests or cost) and client kind (key or address).',
    labelNames: ['quota', 'client'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'govgraph_neo4j_sessions_in_use',
    help: "Neo4j sessions this process holds open; each holds one of the driver's pooled connections while a statement runs.",
    registers: [registry],
    collect() {
      this.set(db.sessionUse.inUse);
    },
  });
  new Counter({
    name: 'govgraph_neo4j_sessions_opened_total',
    help: 'Neo4j sessions opened (each acquires a pooled connection), since the server started.',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(db.sessionUse.opened);
    },
  });

  if (use) {
    new Gauge({
      name: 'govgraph_change_subscribers',
      help: 'Change-feed subscriptions this process serves now.',
      registers: [registry],
      collect() {
        this.set(use.subscribers());
      },
    });
    new Counter({
      name: 'govgraph_change_feed_poll_failures_total',
      help: "The change feed's reads of the log that failed (the database down or slow); the next poll tries again.",
      registers: [registry],
      collect() {
        this.reset();
        this.inc(use.feedFailures());
      },
    });
    const cacheCounter = (name: string, help: string, pick: (counts: NonNullable<ReturnType<FeedAndCacheUse['cache']>>) => number) =>
      new Counter({
        name,
        help,
        registers: [registry],
        collect() {
          const counts = use.cache();
          this.reset();
          if (counts) this.inc(pick(counts));
        },
      });
    cacheCounter('govgraph_response_cache_hits_total', 'Anonymous reads answered from the response cache.', (counts) => counts.hits);
    cacheCounter('govgraph_response_cache_misses_total', 'Anonymous reads the response cache did not hold.', (counts) => counts.misses);
    new Gauge({
      name: 'govgraph_response_cache_entries',
      help: 'Answers the response cache holds now.',
      registers: [registry],
      collect() {
        this.set(use.cache()?.entries ?? 0);
      },
    });
    cacheCounter('govgraph_response_cache_clears_total', 'Times the response cache was dropped after a write.', (counts) => counts.cleared);
  }

  const names = new Set<string>();
  const nameOf = (name: string | undefined): string => {
    if (!name) return 'anonymous';
    if (names.has(name)) return name;
    if (names.size >= maxOperationNames) return 'other';
    names.add(name);
    return name;
  };
  // The path is kept from the URL yoga parsed, rather than parsed again for every answer.
  const timings = new WeakMap<Request, { startedAt: number; path: string; operation?: string; type?: string }>();

  const plugin: Plugin = {
    // Asynchronous on /metrics only, as the routes' hooks (exchange/routes.ts).
    onRequest({ url, request, endResponse, fetchAPI }) {
      timings.set(request, { startedAt: performance.now(), path: url.pathname });
      if (url.pathname !== '/metrics') return;
      return registry
        .metrics()
        .then((text) => endResponse(new fetchAPI.Response(text, { status: 200, headers: { 'content-type': registry.contentType } })));
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request } | undefined)?.request;
      const timing = request && timings.get(request);
      if (!timing) return;
      const operation = getOperationAST(args.document, args.operationName);
      timing.operation = nameOf(operation?.name?.value);
      timing.type = operation?.operation;
    },
    onExecutionResult({ result }) {
      if (!result || Symbol.asyncIterator in result) return;
      for (const error of result.errors ?? []) errors.inc({ code: String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
    },
    onResponse({ request, response }) {
      const timing = timings.get(request);
      // Without a timing, yoga answered before this plugin's onRequest (its /health).
      const path = timing?.path ?? new URL(request.url, 'http://localhost').pathname;
      // Only the paths the server has: anything else is one label, whatever was asked for.
      const known = ['/graphql', '/export', '/admin/import', '/health', '/ready', '/metrics'].includes(path) ? path : 'other';
      requests.inc({ path: known, status: String(response.status) });
      if (path === '/graphql' && timing) {
        const seconds = (performance.now() - timing.startedAt) / 1000;
        operations.observe(
          { operation: timing.operation ?? 'none', type: timing.type ?? 'none', status: String(response.status) },
          seconds,
        );
      }
    },
  };

  return {
    plugin,
    registry,
    quotaRefused: (quota, client) => refusals.inc({ quota, client }),
  };
}
