import DataLoader from 'dataloader';
import type { FetchedRelationPage } from '../db/planned-read.ts';
import type { ReadScope } from '../db/read-scope.ts';
import type { RecordView } from '../db/record-view.ts';
import { loadRelationsByKey } from '../db/repositories/conflicts.ts';
import { loadEntitiesById } from '../db/repositories/entities.ts';
import type { EdgeRecord } from '../db/repositories/graph.ts';
import { loadAncestors, loadRelationPages, type RelationPage, type RelationPageRequest } from '../db/repositories/relations.ts';
import type { EntityRow, StoredEntity } from '../domain/stored-entity.ts';
import { tracer, tracing } from '../tracer.ts';

export interface RelationPageKey {
  id: string;
  request: RelationPageRequest;
  /**
   * The stored properties the asking selection reads of the page's records (record-view.ts):
   * part of the key, so that a page a planned read fetched through a view answers only the
   * selection it was fetched for. The loader itself reads whole records, which serve any view.
   */
  view: RecordView | null;
}

/** An entity asked for by a lookup whose selection reads only these stored properties (record-view.ts, lookupViewFor). */
export interface EntityViewKey {
  id: string;
  view: readonly string[];
}

/**
 * The per-request DataLoaders. Every nested field asks these, never the database, so a
 * request costs one round trip per distinct (relation, arguments) at each depth, whatever
 * the number of parents.
 */
export interface Loaders {
  entity: DataLoader<string, StoredEntity | null>;
  /**
   * Entities read through a view: partial records, kept apart from `entity`'s whole ones, each
   * answering only the selection its view was made for.
   */
  entityView: DataLoader<EntityViewKey, StoredEntity | null, string>;
  relationPage: DataLoader<RelationPageKey, RelationPage, string>;
  /**
   * A page a planned read fetched for this key, as it is (no promise), or undefined: then ask
   * relationPage, whose cache answers the same pages.
   */
  fetchedRelationPage: (key: RelationPageKey) => RelationPage | undefined;
  /** The pages a planned read fetched, kept for fetchedRelationPage and relationPage alike (primeRelationPages). */
  keepRelationPage: (key: RelationPageKey, page: RelationPage) => void;
  ancestors: DataLoader<string, EntityRow[]>;
  /** Relationships by key (type|from|to|role|title): the sides of conflicts. */
  relationByKey: DataLoader<string, EdgeRecord | null>;
}

const emptyPage: RelationPage = { total: 0, edges: [] };

// A request's and a view's part of a page key, written once per object: a planned read hands one
// request to every page of a level, the connections of one field share one (relations.ts,
// SharedPageRequests) and views are kept per field (record-view.ts). Written per key instead, the
// JSON of requests and views took 0.25 ms of the server's 4.8 CPU-ms per Q3 request at 10k
// (bench/cpu-profile.ts). The objects are never changed once made.
const keyTexts = new WeakMap<object, string>();
function keyText(value: RelationPageRequest | RecordView | readonly string[] | null): string {
  if (value === null) return 'null';
  let text = keyTexts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    keyTexts.set(value, text);
  }
  return text;
}

/**
 * A batch's keys grouped by what they share besides their id (keyText of `shared`), each group
 * read with one call over its ids: what each group's read answered, by the group's key text.
 */
async function readByGroup<K extends { id: string }, S extends RelationPageRequest | readonly string[], V>(
  keys: readonly K[],
  shared: (key: K) => S,
  read: (ids: string[], shared: S) => Promise<Map<string, V>>,
): Promise<Map<string, Map<string, V>>> {
  const groups = new Map<string, { shared: S; ids: string[] }>();
  for (const key of keys) {
    const value = shared(key);
    const groupKey = keyText(value);
    const group = groups.get(groupKey) ?? { shared: value, ids: [] };
    group.ids.push(key.id);
    groups.set(groupKey, group);
  }
  const results = new Map<string, Map<string, V>>();
  await Promise.all(
    [...groups].map(async ([groupKey, group]) => {
      results.set(groupKey, await read(group.ids, group.shared));
    }),
  );
  return results;
}

/** A batch function in a span of its own ("dataloader <name>", with its size), under the request's trace. */
function traced<K, V>(reads: ReadScope, name: string, batch: (keys: readonly K[]) => Promise<V[]>): (keys: readonly K[]) => Promise<V[]> {
  return async (keys) => {
    if (!tracing()) return batch(keys);
    const span = tracer.startSpan(`dataloader ${name}`, { attributes: { 'govgraph.batch.size': keys.length } }, reads.traceContext);
    try {
      return await batch(keys);
    } finally {
      span.end();
    }
  };
}

/**
 * The other ends (and signatories' organizations) came with a page: later lookups of them cost
 * nothing. Those read through a record view are partial, and are not handed on.
 */
function primeEnds(entity: Loaders['entity'], page: RelationPage, view: RecordView | null = null): void {
  for (const edge of page.edges) {
    if (view === null) entity.prime(edge.other.id, edge.other);
    if (edge.part) entity.prime(edge.part.id, edge.part);
    if (edge.onBehalfOf && (view === null || view.onBehalfOf === 'whole')) entity.prime(edge.onBehalfOf.id, edge.onBehalfOf);
  }
}

/**
 * Hands the loaders the pages a planned nested read fetched (src/schema/planner.ts), under the
 * keys the connections' resolvers will ask with, and the entities on them: the resolvers then
 * read nothing more.
 */
export function primeRelationPages(loaders: Loaders, pages: readonly FetchedRelationPage[]): void {
  for (const { id, request, view, page } of pages) {
    loaders.keepRelationPage({ id, request, view }, page);
    primeEnds(loaders.entity, page, view);
  }
}

/**
 * Page keys for one request. A request's and a view's texts (keyText) run to hundreds of
 * characters; written into every key, each of a planned read's ~600 pages cost hashing them
 * twice (kept, then asked for). Each distinct text gets a short token instead, numbered per
 * request: a request's cursors are the client's, so a table kept longer would grow without bound.
 */
function relationPageKeys(): (key: RelationPageKey) => string {
  const tokens = new Map<string, string>();
  const tokenOf = (value: RelationPageRequest | RecordView | null): string => {
    const text = keyText(value);
    let token = tokens.get(text);
    if (token === undefined) {
      token = String(tokens.size);
      tokens.set(text, token);
    }
    return token;
  };
  return (key) => `${key.id}\u0000${tokenOf(key.request)}\u0000${tokenOf(key.view)}`;
}

/**
 * relationPage's cache: the pages a planned read fetched, kept as they are, beside the promises
 * DataLoader keeps. A planned read fetches every page of a nested selection (Q3 at 10k: ~600)
 * and its connections' resolvers take them at once (fetchedRelationPage); primed into DataLoader
 * instead, each page cost a promise, and each resolver's load another and a turn of the batch
 * queue (bench/cpu-profile.ts). A promise is made here only for a key a load asks for.
 */
class RelationPageCache implements DataLoader.CacheMap<string, Promise<RelationPage>> {
  private readonly promises = new Map<string, Promise<RelationPage>>();
  private readonly fetched = new Map<string, RelationPage>();

  page(key: string): RelationPage | undefined {
    return this.fetched.get(key);
  }

  /** As DataLoader's prime: a key the cache holds already keeps what it holds. */
  keep(key: string, page: RelationPage): void {
    if (!this.promises.has(key) && !this.fetched.has(key)) this.fetched.set(key, page);
  }

  get(key: string): Promise<RelationPage> | undefined {
    const promise = this.promises.get(key);
    if (promise !== undefined) return promise;
    const page = this.fetched.get(key);
    if (page === undefined) return undefined;
    const made = Promise.resolve(page);
    this.promises.set(key, made);
    return made;
  }

  set(key: string, promise: Promise<RelationPage>): void {
    this.promises.set(key, promise);
  }

  delete(key: string): void {
    this.promises.delete(key);
    this.fetched.delete(key);
  }

  clear(): void {
    this.promises.clear();
    this.fetched.clear();
  }
}

export function createLoaders(reads: ReadScope): Loaders {
  const entity: DataLoader<string, StoredEntity | null> = new DataLoader(
    traced(reads, 'entity', async (ids: readonly string[]) => {
      const found = await loadEntitiesById(reads, ids);
      // A former slug answers with the entity under its current slug: later lookups by that cost nothing.
      found.forEach((record, index) => {
        if (record && record.id !== ids[index]) entity.prime(record.id, record);
      });
      return found;
    }),
  );

  const entityView = new DataLoader<EntityViewKey, StoredEntity | null, string>(
    traced(reads, 'entityView', async (keys: readonly EntityViewKey[]) => {
      // One statement per view: a request's lookups of one field share it.
      const results = await readByGroup(
        keys,
        (key) => key.view,
        async (ids, view) => {
          const records = await loadEntitiesById(reads, ids, view);
          return new Map(ids.map((id, index) => [id, records[index] ?? null]));
        },
      );
      return keys.map((key) => results.get(keyText(key.view))?.get(key.id) ?? null);
    }),
    { cacheKeyFn: (key) => `${key.id}\u0000${keyText(key.view)}` },
  );

  const relationPages = new RelationPageCache();
  const relationPageKeyText = relationPageKeys();
  const relationPage = new DataLoader<RelationPageKey, RelationPage, string>(
    traced(reads, 'relationPage', async (keys: readonly RelationPageKey[]) => {
      // Keys with the same relation and arguments share one query over all their parents.
      const results = await readByGroup(
        keys,
        (key) => key.request,
        (ids, request) => loadRelationPages(reads, ids, request),
      );
      return keys.map((key) => {
        const page = results.get(keyText(key.request))?.get(key.id) ?? emptyPage;
        primeEnds(entity, page);
        return page;
      });
    }),
    { cacheKeyFn: relationPageKeyText, cacheMap: relationPages },
  );

  const ancestors = new DataLoader<string, EntityRow[]>(traced(reads, 'ancestors', (ids) => loadAncestors(reads, ids)));

  const relationByKey = new DataLoader<string, EdgeRecord | null>(
    traced(reads, 'relationByKey', (keys) => loadRelationsByKey(reads, keys)),
  );

  return {
    entity,
    entityView,
    relationPage,
    fetchedRelationPage: (key) => relationPages.page(relationPageKeyText(key)),
    keepRelationPage: (key, page) => relationPages.keep(relationPageKeyText(key), page),
    ancestors,
    relationByKey,
  };
}
