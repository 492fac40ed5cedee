import { createHash } from 'node:crypto';
import { type Cache, useResponseCache } from '@graphql-yoga/plugin-response-cache';
import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ResponseCacheSettings } from '../config.ts';
import type { ChangeFeed } from '../services/change-feed.ts';
import { documentIdOf } from './trusted-documents.ts';

interface Entry {
  result: ExecutionResult;
  expires: number;
}

/**
 * This process's cached answers, all dropped at once after any write. A write can change any
 * list, search or count (a new organization is on a page of organizations, in a search, in the
 * stats), so no answer is known to be untouched by it: forgetting everything is the only safe
 * rule, and writes to a curated graph are rare beside its reads.
 *
 * Every key starts with the generation it was made in, and the generation moves on at every
 * write. A read that started before a write and ends after it stores its answer under the old
 * generation, which nobody asks for again: it is not stored at all.
 */
export class ResponseStore implements Cache {
  readonly #entries = new Map<string, Entry>();
  readonly #settings: ResponseCacheSettings;
  #generation = 0;
  /** Counters for /metrics and tests. */
  readonly counts = { hits: 0, misses: 0, cleared: 0 };

  constructor(settings: ResponseCacheSettings) {
    this.#settings = settings;
  }

  get generation(): number {
    return this.#generation;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** After a write: every answer goes, and keys made before it no longer count. */
  clear(): void {
    this.#generation += 1;
    this.#entries.clear();
    this.counts.cleared += 1;
  }

  keyFor(parts: readonly unknown[]): string {
    const hash = createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
    return `"g${this.#generation}-${hash}"`;
  }

  #current(key: string): boolean {
    return key.startsWith(`"g${this.#generation}-`);
  }

  set(key: string, result: ExecutionResult, _entities: unknown, ttl: number): void {
    if (!this.#current(key)) return;
    // The oldest answer goes first (a Map iterates in insertion order).
    if (this.#entries.size >= this.#settings.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    const lifetime = Number.isFinite(ttl) && ttl > 0 ? Math.min(ttl, this.#settings.ttlMs) : this.#settings.ttlMs;
    this.#entries.set(key, { result, expires: Date.now() + lifetime });
  }

  get(key: string): ExecutionResult | undefined {
    const entry = this.#current(key) ? this.#entries.get(key) : undefined;
    if (!entry || entry.expires <= Date.now()) {
      if (entry) this.#entries.delete(key);
      this.counts.misses += 1;
      return undefined;
    }
    this.counts.hits += 1;
    return entry.result;
  }

  /** The plugin's own invalidation by entity: any write drops everything here (see the class). */
  invalidate(): void {
    this.clear();
  }
}

/** The request's GraphQL parameters, as yoga's context holds them. */
function paramsOf(context: unknown): object {
  if (typeof context !== 'object' || context === null || !('params' in context)) return {};
  return typeof context.params === 'object' && context.params !== null ? context.params : {};
}

/**
 * Cached answers for anonymous reads (@graphql-yoga/plugin-response-cache). A request with an
 * Authorization header is never cached nor answered from the cache: a key's caller is a curator
 * or an application that writes and must read its own writes at once, and its quota is its own;
 * anonymous reads are the same for everyone, so one shared cache serves them all.
 *
 * Dropped after every write: this process's own at once (ChangeFeed.wroteLocally, when the
 * mutation commits), another process's as soon as this process's change-feed poller sees it.
 *
 * Answers carry an ETag; a GET that sends it back in If-None-Match while the answer is still
 * cached gets 304 with no body (a trusted document by `documentId` makes a short, stable URL).
 */
export function useCachedReads(feed: ChangeFeed, settings: ResponseCacheSettings): { plugin: Plugin; store: ResponseStore } {
  const store = new ResponseStore(settings);
  feed.onChange(() => store.clear());
  const plugin = useResponseCache({
    cache: store,
    ttl: settings.ttlMs,
    session: () => null,
    enabled: (request) => request.headers.get('authorization') === null,
    // Any write drops everything (ResponseStore), so answers need not be traced to entities.
    invalidateViaMutation: false,
    buildResponseCacheKey: ({ documentString, variableValues, operationName, request, context }) => {
      const params = paramsOf(context);
      return store.keyFor([documentString, documentIdOf(params, request), operationName ?? null, variableValues ?? {}]);
    },
  });
  return { plugin, store };
}
