import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ApiKeyConfigError, type ApiKeyEntry, parseApiKeys } from './auth/api-keys.ts';

/** The project's root folder, wherever the process was started from. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** What one GraphQL request may ask for; see docs/api.md, "Limits and errors". */
export interface QueryLimits {
  /** Nesting of selections, introspection's included (GraphiQL's introspection query fits the default). */
  depth: number;
  aliases: number;
  /** Lexical tokens of the document: bounds parsing work before anything else. */
  tokens: number;
  directives: number;
  /** The estimated cost (see src/schema/cost.ts), with the request's real argument values. */
  cost: number;
  /** The HTTP request body, in bytes. */
  bodyBytes: number;
}

export const defaultQueryLimits: QueryLimits = {
  depth: 15,
  aliases: 30,
  tokens: 1000,
  directives: 20,
  cost: 50000,
  bodyBytes: 100_000,
};

/** What one client may use per window: requests, and the sum of their queries' estimated costs. */
export interface Quota {
  requests: number;
  cost: number;
}

/**
 * Quotas per client and window (src/http/quotas.ts): a request with a valid API key counts
 * against its key, any other against its address. null: no quotas at all.
 */
export interface QuotaSettings {
  windowSeconds: number;
  /** Each client address without a key. */
  perAddress: Quota;
  /** Each API key not named in `perKey`. */
  perKey: Quota;
  /** Quotas of particular keys, by key name (GOVGRAPH_KEY_QUOTAS). */
  keys: Readonly<Record<string, Quota>>;
  /**
   * How many proxies in front of the server append to X-Forwarded-For: the client's address is
   * that many hops from its end. 0: the socket's peer, and X-Forwarded-For is ignored (a client
   * could write anything there).
   */
  trustedProxies: number;
}

export const defaultQuotas: QuotaSettings = {
  windowSeconds: 60,
  perAddress: { requests: 1200, cost: 1_000_000 },
  perKey: { requests: 6000, cost: 5_000_000 },
  keys: {},
  trustedProxies: 0,
};

/** The largest body POST /admin/import accepts (a JSON or CSV file of the seed format). */
export const defaultMaxImportBytes = 50_000_000;

/** What GET /export may take: see src/http/exchange/export-route.ts. */
export interface ExportLimits {
  /** The whole export's time budget, streaming included (GOVGRAPH_EXPORT_TIMEOUT_MS). */
  timeoutMs: number;
  /** Exports running at once on this server (GOVGRAPH_MAX_CONCURRENT_EXPORTS); one more gets 429. */
  concurrent: number;
  /** Entities a neighbourhood export may reach (GOVGRAPH_MAX_EXPORT_ENTITIES). */
  neighbourhoodEntities: number;
}

export const defaultExportLimits: ExportLimits = { timeoutMs: 300_000, concurrent: 4, neighbourhoodEntities: 50_000 };

/** The live change feed (src/services/change-feed.ts) and the response cache (src/http/response-cache.ts). */
export interface FeedSettings {
  pollMs: number;
  maxSubscribers: number;
  marginMs: number;
}

export const defaultFeedSettings: FeedSettings = { pollMs: 250, maxSubscribers: 1000, marginMs: 100 };

/** Background merges (src/services/merge-jobs.ts). */
export interface MergeJobSettings {
  /** How long one job's transaction may run (GOVGRAPH_MERGE_JOB_TIMEOUT_MS). */
  timeoutMs: number;
  /** How often the process renews its jobs' heartbeat; a job not renewed for twelve of them reads as interrupted. */
  heartbeatMs: number;
}

export const defaultMergeJobSettings: MergeJobSettings = { timeoutMs: 600_000, heartbeatMs: 5_000 };

export interface ResponseCacheSettings {
  /** How long an answer is kept at most, even if no write is seen (a safety net, not the invalidation). */
  ttlMs: number;
  /** Answers kept at most; the oldest goes first. */
  maxEntries: number;
}

export const defaultResponseCacheSettings: ResponseCacheSettings = { ttlMs: 300_000, maxEntries: 5000 };

/** A journaled load whose last batch is older than this is taken to have died (see src/db/load.ts). */
export const defaultStaleLoadMs = 120_000;

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'must start with bolt://, neo4j://, bolt+s://, neo4j+s://, bolt+ssc:// or neo4j+ssc://')
    .optional(),
  NEO4J_USERNAME: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  NEO4J_CONNECT_TIMEOUT_MS: positiveInt(5000),
  NEO4J_TX_TIMEOUT_MS: positiveInt(15000),
  NEO4J_ACQUIRE_TIMEOUT_MS: positiveInt(1500),
  GOVGRAPH_REQUEST_TIMEOUT_MS: positiveInt(10000),
  GOVGRAPH_SHUTDOWN_TIMEOUT_MS: positiveInt(15000),
  GOVGRAPH_DATA_DIR: z
    .string()
    .min(1)
    .default(path.join(projectRoot, '.data', 'neo4j')),
  GOVGRAPH_EMBEDDED_READY_TIMEOUT_MS: positiveInt(120000),
  GOVGRAPH_EMBEDDED_PAGECACHE_MB: positiveInt(256),
  GOVGRAPH_SEED_ON_START: z.enum(['true', 'false']).default('true'),
  GOVGRAPH_WARM_UP: z.enum(['true', 'false']).default('true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GOVGRAPH_MAX_DEPTH: positiveInt(defaultQueryLimits.depth),
  GOVGRAPH_MAX_ALIASES: positiveInt(defaultQueryLimits.aliases),
  GOVGRAPH_MAX_TOKENS: positiveInt(defaultQueryLimits.tokens),
  GOVGRAPH_MAX_DIRECTIVES: positiveInt(defaultQueryLimits.directives),
  GOVGRAPH_MAX_COST: positiveInt(defaultQueryLimits.cost),
  GOVGRAPH_MAX_BODY_BYTES: positiveInt(defaultQueryLimits.bodyBytes),
  GOVGRAPH_INTROSPECTION: z.enum(['true', 'false']).default('true'),
  GOVGRAPH_MAX_IMPORT_BYTES: positiveInt(defaultMaxImportBytes),
  GOVGRAPH_STALE_LOAD_MS: z.coerce.number().int().min(0).default(defaultStaleLoadMs),
  GOVGRAPH_API_KEYS: z.string().optional(),
  GOVGRAPH_API_KEYS_FILE: z.string().optional(),
  GOVGRAPH_EXPORT_TIMEOUT_MS: positiveInt(defaultExportLimits.timeoutMs),
  GOVGRAPH_MAX_CONCURRENT_EXPORTS: positiveInt(defaultExportLimits.concurrent),
  GOVGRAPH_MAX_EXPORT_ENTITIES: positiveInt(defaultExportLimits.neighbourhoodEntities),
  GOVGRAPH_QUOTAS: z.enum(['on', 'off']).default('on'),
  GOVGRAPH_QUOTA_WINDOW_SECONDS: positiveInt(defaultQuotas.windowSeconds),
  GOVGRAPH_QUOTA_REQUESTS: positiveInt(defaultQuotas.perAddress.requests),
  GOVGRAPH_QUOTA_COST: positiveInt(defaultQuotas.perAddress.cost),
  GOVGRAPH_KEY_QUOTA_REQUESTS: positiveInt(defaultQuotas.perKey.requests),
  GOVGRAPH_KEY_QUOTA_COST: positiveInt(defaultQuotas.perKey.cost),
  GOVGRAPH_KEY_QUOTAS: z.string().optional(),
  GOVGRAPH_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  GOVGRAPH_FEED_POLL_MS: z.coerce.number().int().min(20).max(60_000).default(defaultFeedSettings.pollMs),
  GOVGRAPH_FEED_MAX_SUBSCRIBERS: positiveInt(defaultFeedSettings.maxSubscribers),
  GOVGRAPH_FEED_MARGIN_MS: z.coerce.number().int().min(0).max(60_000).default(defaultFeedSettings.marginMs),
  GOVGRAPH_MERGE_JOB_TIMEOUT_MS: positiveInt(defaultMergeJobSettings.timeoutMs),
  GOVGRAPH_RESPONSE_CACHE: z.enum(['on', 'off']).default('on'),
  GOVGRAPH_RESPONSE_CACHE_TTL_MS: positiveInt(defaultResponseCacheSettings.ttlMs),
  GOVGRAPH_RESPONSE_CACHE_MAX_ENTRIES: positiveInt(defaultResponseCacheSettings.maxEntries),
});

export interface Config {
  port: number;
  host: string;
  neo4j: {
    /** Absent: start the embedded Neo4j. */
    uri: string | undefined;
    username: string;
    password: string;
    database: string;
    connectTimeoutMs: number;
    transactionTimeoutMs: number;
    /** How long a request waits for a connection before the database counts as unavailable. */
    acquireTimeoutMs: number;
  };
  /** Each request's time budget: past it, the request ends with a TIMEOUT error and its Cypher stops. */
  requestTimeoutMs: number;
  /** How long SIGTERM/SIGINT wait for in-flight requests before closing their connections. */
  shutdownTimeoutMs: number;
  embedded: { dataDir: string; readyTimeoutMs: number; pageCacheMb: number };
  seedOnStart: boolean;
  /** Whether the server answers a few requests itself before it says it is ready (src/http/warm-up.ts). */
  warmUp: boolean;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  limits: QueryLimits;
  /** Whether clients may ask for the schema (__schema, __type); on by default for researchers' tools. */
  introspection: boolean;
  /** The API keys that may write (GOVGRAPH_API_KEYS and GOVGRAPH_API_KEYS_FILE), as salted hashes. */
  apiKeys: ApiKeyEntry[];
  /** The largest body POST /admin/import accepts, in bytes. */
  maxImportBytes: number;
  /**
   * How long after its last batch a journaled load that is still open counts as dead, to be
   * undone at server start or by the next load (a running load writes a batch every few seconds).
   */
  staleLoadMs: number;
  exportLimits: ExportLimits;
  /** Per-client quotas (GOVGRAPH_QUOTA_*, GOVGRAPH_KEY_QUOTA*); null when GOVGRAPH_QUOTAS=off. */
  quotas: QuotaSettings | null;
  /** The change feed (GOVGRAPH_FEED_*). */
  feed: FeedSettings;
  /** Background merges (GOVGRAPH_MERGE_JOB_TIMEOUT_MS). */
  mergeJobs: MergeJobSettings;
  /** The response cache for anonymous reads (GOVGRAPH_RESPONSE_CACHE*); null when GOVGRAPH_RESPONSE_CACHE=off. */
  responseCache: ResponseCacheSettings | null;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment once; every problem is named by its variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = environmentSchema.safeParse(blankAsUnset);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const apiKeys = apiKeysOf(e.GOVGRAPH_API_KEYS, e.GOVGRAPH_API_KEYS_FILE);
  return {
    port: e.PORT,
    host: e.HOST,
    neo4j: {
      uri: e.NEO4J_URI,
      username: e.NEO4J_USERNAME,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      connectTimeoutMs: e.NEO4J_CONNECT_TIMEOUT_MS,
      transactionTimeoutMs: e.NEO4J_TX_TIMEOUT_MS,
      acquireTimeoutMs: e.NEO4J_ACQUIRE_TIMEOUT_MS,
    },
    requestTimeoutMs: e.GOVGRAPH_REQUEST_TIMEOUT_MS,
    shutdownTimeoutMs: e.GOVGRAPH_SHUTDOWN_TIMEOUT_MS,
    embedded: {
      dataDir: path.resolve(e.GOVGRAPH_DATA_DIR),
      readyTimeoutMs: e.GOVGRAPH_EMBEDDED_READY_TIMEOUT_MS,
      pageCacheMb: e.GOVGRAPH_EMBEDDED_PAGECACHE_MB,
    },
    seedOnStart: e.GOVGRAPH_SEED_ON_START === 'true',
    warmUp: e.GOVGRAPH_WARM_UP === 'true',
    logLevel: e.LOG_LEVEL,
    limits: {
      depth: e.GOVGRAPH_MAX_DEPTH,
      aliases: e.GOVGRAPH_MAX_ALIASES,
      tokens: e.GOVGRAPH_MAX_TOKENS,
      directives: e.GOVGRAPH_MAX_DIRECTIVES,
      cost: e.GOVGRAPH_MAX_COST,
      bodyBytes: e.GOVGRAPH_MAX_BODY_BYTES,
    },
    introspection: e.GOVGRAPH_INTROSPECTION === 'true',
    apiKeys,
    maxImportBytes: e.GOVGRAPH_MAX_IMPORT_BYTES,
    staleLoadMs: e.GOVGRAPH_STALE_LOAD_MS,
    exportLimits: {
      timeoutMs: e.GOVGRAPH_EXPORT_TIMEOUT_MS,
      concurrent: e.GOVGRAPH_MAX_CONCURRENT_EXPORTS,
      neighbourhoodEntities: e.GOVGRAPH_MAX_EXPORT_ENTITIES,
    },
    quotas:
      e.GOVGRAPH_QUOTAS === 'off'
        ? null
        : {
            windowSeconds: e.GOVGRAPH_QUOTA_WINDOW_SECONDS,
            perAddress: { requests: e.GOVGRAPH_QUOTA_REQUESTS, cost: e.GOVGRAPH_QUOTA_COST },
            perKey: { requests: e.GOVGRAPH_KEY_QUOTA_REQUESTS, cost: e.GOVGRAPH_KEY_QUOTA_COST },
            keys: keyQuotasOf(e.GOVGRAPH_KEY_QUOTAS, new Set(apiKeys.map((entry) => entry.name))),
            trustedProxies: e.GOVGRAPH_TRUSTED_PROXIES,
          },
    feed: { pollMs: e.GOVGRAPH_FEED_POLL_MS, maxSubscribers: e.GOVGRAPH_FEED_MAX_SUBSCRIBERS, marginMs: e.GOVGRAPH_FEED_MARGIN_MS },
    mergeJobs: { ...defaultMergeJobSettings, timeoutMs: e.GOVGRAPH_MERGE_JOB_TIMEOUT_MS },
    responseCache:
      e.GOVGRAPH_RESPONSE_CACHE === 'off'
        ? null
        : { ttlMs: e.GOVGRAPH_RESPONSE_CACHE_TTL_MS, maxEntries: e.GOVGRAPH_RESPONSE_CACHE_MAX_ENTRIES },
  };
}

/**
 * GOVGRAPH_KEY_QUOTAS: entries `name:requests:cost` separated by spaces or commas, for keys that
 * need more (a partner's crawler) or less than GOVGRAPH_KEY_QUOTA_*. A name that is no
 * configured key is refused: it is a typo, and the key it meant would silently keep the default.
 */
export function keyQuotasOf(text: string | undefined, keyNames: ReadonlySet<string>): Record<string, Quota> {
  const quotas: Record<string, Quota> = {};
  for (const item of (text ?? '').split(/[\s,]+/).filter(Boolean)) {
    const match = /^([a-z0-9][a-z0-9-]{0,39}):([1-9]\d*):([1-9]\d*)$/.exec(item);
    if (!match)
      throw new ConfigError(`invalid configuration: GOVGRAPH_KEY_QUOTAS: expected name:requests:cost (positive integers), got "${item}"`);
    const [, name = '', requests = '', cost = ''] = match;
    if (!keyNames.has(name))
      throw new ConfigError(`invalid configuration: GOVGRAPH_KEY_QUOTAS: "${name}" is not a configured API key (GOVGRAPH_API_KEYS[_FILE])`);
    if (name in quotas) throw new ConfigError(`invalid configuration: GOVGRAPH_KEY_QUOTAS: "${name}" is given twice`);
    quotas[name] = { requests: Number(requests), cost: Number(cost) };
  }
  return quotas;
}

function apiKeysOf(inline: string | undefined, file: string | undefined): ApiKeyEntry[] {
  try {
    const entries = inline === undefined ? [] : parseApiKeys(inline, 'GOVGRAPH_API_KEYS');
    if (file !== undefined) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new ApiKeyConfigError(`GOVGRAPH_API_KEYS_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? error})`);
      }
      entries.push(...parseApiKeys(text, file));
    }
    const names = new Set<string>();
    for (const entry of entries) {
      if (names.has(entry.name)) throw new ApiKeyConfigError(`key name "${entry.name}" is configured twice`);
      names.add(entry.name);
    }
    return entries;
  } catch (error) {
    if (error instanceof ApiKeyConfigError) throw new ConfigError(`invalid API keys: ${error.message}`);
    throw error;
  }
}

/** Where the seed data lives (every *.json file in it is loaded). */
export const seedDataDir = path.join(projectRoot, 'seed', 'data');
