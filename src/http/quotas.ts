/**
 * Per-client quotas: each client may send so many requests, and spend so much estimated query
 * cost (src/schema/cost.ts), per window. A request with a valid API key counts against its key,
 * any other against its address. The counting is rate-limiter-flexible's: the limiters come
 * from a factory, in-memory for one process by default; several processes share a quota by
 * being given limiters over one store (RateLimiterRedis, RateLimiterCluster: docs/operations.md).
 *
 * Over a quota the answer is 429 with Retry-After; every metered answer carries the
 * RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset fields of the IETF draft
 * (draft-ietf-httpapi-ratelimit-headers, the separate-field form), for whichever quota is
 * nearer to running out, and RateLimit-Policy naming both.
 */
import { IncomingMessage } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { ApiKeyRing } from '../auth/api-keys.ts';
import type { Quota, QuotaSettings } from '../config.ts';
import { TooManyRequestsError } from '../domain/errors.ts';
import type { Logger } from '../log.ts';
import { costOf } from '../schema/cost.ts';
import { errorAnswer } from './exchange/http-answers.ts';

export type QuotaKind = keyof Quota;

/** What one limiter counts: `points` per `windowSeconds`, its keys under `keyPrefix` in a shared store. */
export interface LimiterSpec {
  kind: QuotaKind;
  points: number;
  windowSeconds: number;
  keyPrefix: string;
}

/** Makes the limiter for one quota; called once per quota (per address, per key, each named key) and kind. */
export type LimiterFactory = (spec: LimiterSpec) => RateLimiterAbstract;

/** One process's own counts. */
export const memoryLimiters: LimiterFactory = (spec) =>
  new RateLimiterMemory({ points: spec.points, duration: spec.windowSeconds, keyPrefix: spec.keyPrefix });

/** Paths that are metered: the API and the export. Probes, /metrics and the static pages are not. */
const meteredPaths = new Set(['/graphql', '/export']);

interface Client {
  /** The limiter key: `key:<name>` or `address:<ip>`. */
  id: string;
  kind: 'key' | 'address';
  /** The quota it counts against: `address`, `key` or `key:<name>`. */
  quota: string;
}

interface Standing {
  client: Client;
  limits: Quota;
  requests?: RateLimiterRes;
  cost?: RateLimiterRes;
  refusal?: TooManyRequestsError;
}

export interface QuotaOptions {
  settings: QuotaSettings;
  apiKeys: ApiKeyRing;
  logger: Logger;
  /** In-memory by default. */
  limiters?: LimiterFactory;
  /** Told of each refusal (the metrics count them). */
  onRefused?: (quota: QuotaKind, client: Client['kind']) => void;
}

const seconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

/**
 * The client's address. Behind `trustedProxies` proxies, each appends the address it was
 * reached from to X-Forwarded-For, so the client's is that many entries from the end; what
 * comes before was written by the client itself and proves nothing.
 */
export function clientAddress(request: Request, serverContext: unknown, trustedProxies: number): string {
  const req = (serverContext as { req?: unknown } | undefined)?.req;
  const peer = req instanceof IncomingMessage ? (req.socket.remoteAddress ?? 'unknown') : 'unknown';
  if (trustedProxies === 0) return peer;
  const hops = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  return hops[hops.length - trustedProxies] ?? peer;
}

/**
 * The quotas as two plugins: `gate` counts the request and refuses a client over either quota
 * before anything is read (it must come before the routes that answer in onRequest, /export);
 * `charge` charges a GraphQL operation's estimated cost, refusing it when the cost is more than
 * what is left (it must come after useQueryCost, which measures the cost).
 */
export function quotaPlugins(options: QuotaOptions): { gate: Plugin; charge: Plugin } {
  const { settings, apiKeys, logger } = options;
  const make = options.limiters ?? memoryLimiters;
  const limiters = new Map<string, Record<QuotaKind, RateLimiterAbstract>>();
  const limitersOf = (quota: string, limits: Quota): Record<QuotaKind, RateLimiterAbstract> => {
    let found = limiters.get(quota);
    if (!found) {
      const spec = (kind: QuotaKind): LimiterSpec => ({
        kind,
        points: limits[kind],
        windowSeconds: settings.windowSeconds,
        keyPrefix: `govgraph-quota-${kind}-${quota}`,
      });
      found = { requests: make(spec('requests')), cost: make(spec('cost')) };
      limiters.set(quota, found);
    }
    return found;
  };
  const standings = new WeakMap<Request, Standing>();

  const clientOf = (request: Request, serverContext: unknown): { client: Client; limits: Quota } => {
    const caller = apiKeys.identify(request.headers.get('authorization'));
    if (caller.kind === 'key') {
      const own = settings.keys[caller.name];
      return {
        client: { id: `key:${caller.name}`, kind: 'key', quota: own ? `key:${caller.name}` : 'key' },
        limits: own ?? settings.perKey,
      };
    }
    // A refused key counts against its address: a made-up key must not buy a fresh quota.
    const address = clientAddress(request, serverContext, settings.trustedProxies);
    return { client: { id: `address:${address}`, kind: 'address', quota: 'address' }, limits: settings.perAddress };
  };

  const refuse = (standing: Standing, quota: QuotaKind, res: RateLimiterRes, need?: number): TooManyRequestsError => {
    const limit = standing.limits[quota];
    const retryAfterSeconds = seconds(res.msBeforeNext);
    options.onRefused?.(quota, standing.client.kind);
    const whose = standing.client.kind === 'key' ? 'this API key' : 'this address';
    const what =
      quota === 'requests'
        ? `${whose} has sent its ${limit} requests for this ${settings.windowSeconds}-second window`
        : `this query's estimated cost of ${need} is more than the ${res.remainingPoints} left of the ${limit} that ${whose} may spend per ${settings.windowSeconds} seconds`;
    return new TooManyRequestsError(`Too many requests: ${what}. Try again in ${retryAfterSeconds} s.`, {
      quota,
      limit,
      retryAfterSeconds,
    });
  };

  /** A store that fails (a Redis outage) lets requests through: quotas protect the service, they must not take it down. */
  const storeFailed = (error: unknown): void => {
    logger.warn({ err: error }, 'the quota store failed; the request goes through unmetered');
  };

  const gate: Plugin = {
    async onRequest({ request, url, serverContext, endResponse }) {
      if (!meteredPaths.has(url.pathname)) return;
      const { client, limits } = clientOf(request, serverContext);
      const standing: Standing = { client, limits };
      standings.set(request, standing);
      const { requests, cost } = limitersOf(client.quota, limits);
      try {
        standing.requests = await requests.consume(client.id, 1);
        standing.cost = (await cost.get(client.id)) ?? undefined;
        if (standing.cost && standing.cost.remainingPoints <= 0) standing.refusal = refuse(standing, 'cost', standing.cost, 1);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) return storeFailed(error);
        standing.requests = error;
        standing.refusal = refuse(standing, 'requests', error);
      }
      // The export answers here, before yoga parses anything; a GraphQL request is refused in onRequestParse.
      if (standing.refusal && url.pathname === '/export') {
        endResponse(
          errorAnswer(429, 'TOO_MANY_REQUESTS', standing.refusal.message, { 'retry-after': String(standing.refusal.retryAfterSeconds) }),
        );
      }
    },
    onRequestParse({ request }) {
      const refusal = standings.get(request)?.refusal;
      if (refusal) throw refusal;
    },
    onResponse({ request, response }) {
      const standing = standings.get(request);
      if (!standing) return;
      const headers = rateLimitHeaders(standing, settings.windowSeconds);
      try {
        for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
      } catch {
        // A response with immutable headers (Response.error()) goes out without them.
      }
    },
  };

  const charge: Plugin = {
    async onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue as { request?: Request };
      const standing = context.request && standings.get(context.request);
      const measured = costOf(args.contextValue);
      // Over the cost limit, useQueryCost refuses it, and nothing runs to be charged for.
      if (!standing || !measured || measured.cost <= 0 || measured.cost > measured.limit) return;
      const { cost } = limitersOf(standing.client.quota, standing.limits);
      try {
        const before = await cost.get(standing.client.id);
        const left = before ? before.remainingPoints : standing.limits.cost;
        if (measured.cost > left) {
          const res = before ?? new RateLimiterRes(left, settings.windowSeconds * 1000, 0, true);
          standing.cost = res;
          setResultAndStopExecution({ errors: [refuse(standing, 'cost', res, measured.cost)] });
          return;
        }
        standing.cost = await cost.consume(standing.client.id, measured.cost);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) return storeFailed(error);
        // Another request of the same client took what was left between the look and the charge.
        standing.cost = error;
        setResultAndStopExecution({ errors: [refuse(standing, 'cost', error, measured.cost)] });
      }
    },
  };

  return { gate, charge };
}

/** The RateLimit-* fields for the quota nearer to running out, and the policy of both. */
export function rateLimitHeaders(standing: Pick<Standing, 'limits' | 'requests' | 'cost'>, windowSeconds: number): Record<string, string> {
  const shown: { kind: QuotaKind; res: RateLimiterRes }[] = [];
  if (standing.requests) shown.push({ kind: 'requests', res: standing.requests });
  if (standing.cost) shown.push({ kind: 'cost', res: standing.cost });
  const share = ({ kind, res }: { kind: QuotaKind; res: RateLimiterRes }): number => res.remainingPoints / standing.limits[kind];
  const nearest = shown.sort((a, b) => share(a) - share(b))[0];
  const policy = `${standing.limits.requests};w=${windowSeconds};comment="requests", ${standing.limits.cost};w=${windowSeconds};comment="cost"`;
  if (!nearest) return { 'ratelimit-policy': policy };
  return {
    'ratelimit-limit': String(standing.limits[nearest.kind]),
    'ratelimit-remaining': String(Math.max(0, nearest.res.remainingPoints)),
    'ratelimit-reset': String(seconds(nearest.res.msBeforeNext)),
    'ratelimit-policy': policy,
  };
}
