import type { Database } from '../../db/database.ts';
import { loadChangePage } from '../../db/repositories/changes.ts';
import { loadLastChange, loadMatcherEntities, loadMatcherPage, type MatcherRow } from '../../db/repositories/ingest.ts';
import { isEntityLabel } from '../../domain/graph.ts';
import { AliasMatcher, matcherEntity } from '../../domain/ingest/matcher.ts';

const pageSize = 5000;
const changePageSize = 1000;

function addRow(matcher: AliasMatcher, row: MatcherRow): void {
  if (!isEntityLabel(row.label)) return;
  matcher.upsert(matcherEntity(row.label, row.id, row.props));
  for (const neighbour of row.neighbours) matcher.link(row.id, neighbour);
}

/**
 * The alias matcher of one database, built once (every entity's names, page by page) and then
 * kept current from the change log: each use reads the changes since the last one (one index
 * seek, nothing when nothing changed) and re-reads only the entities they name. So a request
 * never pays for the whole graph, and an entity renamed a moment ago is linked by its new name.
 */
export class MatcherCache {
  readonly #db: Database;
  #matcher: AliasMatcher | undefined;
  #position: { atText: string; id: string } | null = null;
  #pending: Promise<AliasMatcher> | undefined;

  constructor(db: Database) {
    this.#db = db;
  }

  /** The matcher, built on first use and brought up to the change log's newest entry. */
  current(): Promise<AliasMatcher> {
    // One build or refresh at a time: concurrent requests share it.
    this.#pending ??= this.#update().finally(() => {
      this.#pending = undefined;
    });
    return this.#pending;
  }

  async #update(): Promise<AliasMatcher> {
    const scope = this.#db.openScope({ timeoutMs: Number.POSITIVE_INFINITY, requestId: 'ingest-matcher' });
    if (!this.#matcher) {
      // The position first: a change made during the build is then read again, never missed.
      this.#position = await loadLastChange(scope);
      const matcher = new AliasMatcher();
      let after = '';
      for (;;) {
        const page = await loadMatcherPage(scope, after, pageSize);
        for (const row of page) addRow(matcher, row);
        const last = page[page.length - 1];
        if (!last || page.length < pageSize) break;
        after = last.id;
      }
      this.#matcher = matcher;
      return matcher;
    }
    const matcher = this.#matcher;
    for (;;) {
      const position = this.#position ?? { atText: '1970-01-01T00:00:00Z', id: '' };
      const changes = await loadChangePage(scope, { from: position.atText, afterId: position.id, limit: changePageSize });
      if (changes.length === 0) break;
      const ids = new Set<string>();
      for (const change of changes) {
        if (change.kind === 'entity' && change.entityId) ids.add(change.entityId);
        if (change.kind === 'relation' && change.from && change.to && change.action !== 'deleted') matcher.link(change.from, change.to);
      }
      const rows = await loadMatcherEntities(scope, [...ids]);
      const found = new Set(rows.map((row) => row.id));
      for (const row of rows) addRow(matcher, row);
      for (const id of ids) if (!found.has(id)) matcher.remove(id);
      const last = changes[changes.length - 1];
      if (last) this.#position = { atText: last.atText, id: last.id };
      if (changes.length < changePageSize) break;
    }
    return matcher;
  }
}

const caches = new WeakMap<Database, MatcherCache>();

/** The one matcher cache of a database, shared by every request that ingests into it. */
export function matcherCacheFor(db: Database): MatcherCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new MatcherCache(db);
    caches.set(db, cache);
  }
  return cache;
}
