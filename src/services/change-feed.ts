import { defaultFeedSettings } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { ReadScope } from '../db/read-scope.ts';
import {
  type ChangePosition,
  type ChangeRecord,
  comparePositions,
  loadChangePage,
  positionOf,
  readWatermark,
} from '../db/repositories/changes.ts';
import { TooManyRequestsError } from '../domain/errors.ts';

export interface ChangeFeedSettings {
  /** How often the poller reads the change log while anyone listens (GOVGRAPH_FEED_POLL_MS). */
  pollMs: number;
  /** Subscribers this process serves at once (GOVGRAPH_FEED_MAX_SUBSCRIBERS); one more is refused. */
  maxSubscribers: number;
  /**
   * How far below the oldest open write the watermark stays (GOVGRAPH_FEED_MARGIN_MS): against a
   * transaction that has taken its start time but is not yet listed by SHOW TRANSACTIONS.
   */
  marginMs: number;
  /** Changes per read of the log, by the poller and by a subscriber catching up. */
  pageSize: number;
}

export const defaultChangeFeedSettings: ChangeFeedSettings = { ...defaultFeedSettings, pageSize: 500 };

/** Changes the poller read in one go: every change after `from` up to and including `to`. */
interface Batch {
  from: ChangePosition;
  to: ChangePosition;
  changes: ChangeRecord[];
}

/** Which changes a subscriber wants: null lets all through. */
export interface ChangeFilter {
  /** Entity labels (Organization) and relation types (MANAGES). */
  types: ReadonlySet<string> | null;
  /** An entity's slug: its own changes, and those of relations that start or end at it. */
  entity: string | null;
}

export function matchesFilter(change: ChangeRecord, filter: ChangeFilter): boolean {
  if (filter.types && !filter.types.has((change.kind === 'relation' ? change.type : change.label) ?? '')) return false;
  if (filter.entity !== null && change.entityId !== filter.entity && change.from !== filter.entity && change.to !== filter.entity)
    return false;
  return true;
}

/**
 * The log's changes after `from` that are older than the watermark (none older can still
 * commit), for Query.changes; with `entity`, only that entity's and its relations'. A change
 * held back only by the margin, not by an open write, is waited for once (marginMs), so that a
 * client reading right after its own write sees it.
 */
export async function settledChangesAfter(
  scope: ReadScope,
  database: string,
  from: ChangePosition,
  limit: number,
  marginMs: number,
  entity: string | null = null,
): Promise<ChangeRecord[]> {
  for (let attempt = 1; ; attempt += 1) {
    const watermark = { at: await readWatermark(scope, database, marginMs), id: '' };
    const page = await loadChangePage(scope, { from: from.at, afterId: from.id, limit, entity });
    const settled = page.filter((change) => comparePositions(positionOf(change), watermark) < 0);
    if (attempt > 1 || settled.length === page.length) return settled;
    // Both are read again after the wait: a change that commits meanwhile may sort before the ones read.
    await new Promise((resolve) => setTimeout(resolve, Math.max(marginMs, 1)));
  }
}

/** Batches a slow subscriber may leave unread before it reads the log itself instead. */
const maxQueuedBatches = 100;

/** Operations remembered by wroteLocally; past it they are forgotten (a cache drop too many at worst). */
const maxLocalOperations = 1000;

/** How long one of the poller's or a catch-up's reads may take. */
const readTimeoutMs = 30_000;

class Subscriber {
  queue: Batch[] = [];
  /** Batches were dropped (the subscriber was slow): it reads the log up to the head again. */
  overflowed = false;
  #wake: (() => void) | null = null;

  push(batch: Batch): void {
    if (this.queue.length >= maxQueuedBatches) {
      this.queue = [];
      this.overflowed = true;
    } else {
      this.queue.push(batch);
    }
    this.wakeUp();
  }

  wakeUp(): void {
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }

  /** Resolves at the next batch, or when `signal` aborts. */
  waitForWork(signal: AbortSignal): Promise<void> {
    if (this.queue.length > 0 || this.overflowed || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      this.#wake = resolve;
    });
  }
}

/**
 * The live change feed of one server process. The change log is in the database, so a write by
 * any process reaches the subscribers of every process.
 *
 * One poller per process, running only while someone listens: every `pollMs` it reads the
 * watermark (the start of the oldest open write transaction, see readWatermark) and the changes
 * after its head, keeps those older than the watermark (no change older can commit any more),
 * moves its head past them, and hands them to every subscriber, each of which filters them. A
 * subscriber that starts from an older cursor, or fell behind, reads the log itself up to the
 * head, then takes the poller's batches: each change reaches it once, in (at, id) order.
 *
 * Writers pay nothing: they only mark their transactions in their metadata. A subscriber sees a
 * change one poll after the oldest write open when it was made has ended.
 */
export class ChangeFeed {
  readonly #db: Database;
  readonly settings: ChangeFeedSettings;
  readonly #subscribers = new Set<Subscriber>();
  /** Told after every change any process wrote, as soon as the poller sees it (the response cache). */
  readonly #changeListeners = new Set<() => void>();
  /** Changes already seen beyond the watermark: each wakes the listeners once, not at every poll. */
  readonly #seenAhead = new Set<string>();
  /** Writes of this process whose listeners were told at commit (wroteLocally). */
  readonly #localOperations = new Set<string>();
  #head: ChangePosition | null = null;
  #started: Promise<void> | null = null;
  #timer: NodeJS.Timeout | null = null;
  /** Whether the poll loop is scheduled or running. */
  #looping = false;
  #polling: Promise<void> | null = null;
  #stopped = false;
  /** Polls run so far; tests wait on it rather than on time. */
  polls = 0;
  /** Reads that failed (the database down): the poller tries again at its next turn. */
  failures = 0;

  constructor(db: Database, settings: Partial<ChangeFeedSettings> = {}) {
    this.#db = db;
    this.settings = { ...defaultChangeFeedSettings, ...settings };
  }

  get subscriberCount(): number {
    return this.#subscribers.size;
  }

  /** Calls `listener` after every write this feed sees; returns the way to stop. Keeps the poller running. */
  onChange(listener: () => void): () => void {
    this.#changeListeners.add(listener);
    this.#ensurePolling();
    return () => {
      this.#changeListeners.delete(listener);
    };
  }

  /**
   * This process committed the write `operation`: the listeners are told now, and not again
   * when the poller reads its changes (the cache would drop what was cached since, for nothing).
   */
  wroteLocally(operation?: string): void {
    if (operation) {
      if (this.#localOperations.size >= maxLocalOperations) this.#localOperations.clear();
      this.#localOperations.add(operation);
    }
    this.#tellListeners();
  }

  /**
   * The changes after `after` (or from now on), as they commit, until `signal` aborts. Refused
   * with TOO_MANY_REQUESTS past maxSubscribers.
   */
  subscribe(after: ChangePosition | null, filter: ChangeFilter, signal: AbortSignal): AsyncGenerator<ChangeRecord> {
    if (this.#stopped) throw new Error('the change feed is stopped');
    if (this.#subscribers.size >= this.settings.maxSubscribers) {
      throw new TooManyRequestsError(
        `this server follows at most ${this.settings.maxSubscribers} change subscriptions at once; try again later`,
        {
          quota: 'subscriptions',
          limit: this.settings.maxSubscribers,
          retryAfterSeconds: 5,
        },
      );
    }
    const subscriber = new Subscriber();
    // Registered now, before any catch-up read: no batch published meanwhile is lost.
    this.#subscribers.add(subscriber);
    this.#ensurePolling();
    return this.#stream(subscriber, after, filter, signal);
  }

  async *#stream(
    subscriber: Subscriber,
    after: ChangePosition | null,
    filter: ChangeFilter,
    signal: AbortSignal,
  ): AsyncGenerator<ChangeRecord> {
    const onAbort = () => subscriber.wakeUp();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      await this.#whenStarted();
      let position = after ?? this.#currentHead();
      while (!signal.aborted && !this.#stopped) {
        // Behind the head (an old cursor, or dropped batches): read the log up to the head.
        if (subscriber.overflowed || comparePositions(position, this.#currentHead()) < 0) {
          subscriber.overflowed = false;
          // The head as it is now: batches the poller publishes meanwhile wait in the queue.
          const head = this.#currentHead();
          for await (const change of this.#catchUp(position, head, signal)) {
            position = positionOf(change);
            if (matchesFilter(change, filter)) yield change;
          }
          if (comparePositions(position, head) < 0) position = head;
          continue;
        }
        await subscriber.waitForWork(signal);
        const batch = subscriber.queue.shift();
        if (!batch || comparePositions(batch.to, position) <= 0) continue;
        // A gap (this subscriber's position is older than the batch): the loop catches up from the log.
        if (comparePositions(batch.from, position) > 0) continue;
        for (const change of batch.changes) {
          if (comparePositions(positionOf(change), position) <= 0) continue;
          if (matchesFilter(change, filter)) yield change;
        }
        position = batch.to;
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
      this.#subscribers.delete(subscriber);
      this.#stopIfIdle();
    }
  }

  /** The changes after `from` up to `head`, read from the log page by page. */
  async *#catchUp(from: ChangePosition, head: ChangePosition, signal: AbortSignal): AsyncGenerator<ChangeRecord> {
    let position = from;
    for (;;) {
      const scope = this.#scope(signal);
      let page: ChangeRecord[];
      try {
        page = await loadChangePage(scope, { from: position.at, afterId: position.id, limit: this.settings.pageSize });
      } finally {
        scope.dispose();
      }
      const upToHead = page.filter((change) => comparePositions(positionOf(change), head) <= 0);
      for (const change of upToHead) yield change;
      const last = upToHead.at(-1);
      if (!last || upToHead.length < page.length || page.length < this.settings.pageSize) return;
      position = positionOf(last);
    }
  }

  #currentHead(): ChangePosition {
    if (!this.#head) throw new Error('the change feed has not started');
    return this.#head;
  }

  #scope(signal?: AbortSignal): ReadScope {
    return this.#db.openScope({ timeoutMs: readTimeoutMs, requestId: 'change-feed', onLeader: true, clientSignal: signal });
  }

  #whenStarted(): Promise<void> {
    this.#started ??= (async () => {
      for (;;) {
        const scope = this.#scope();
        try {
          // Where the poller starts: every change older than the watermark is the past.
          this.#head = { at: await readWatermark(scope, this.#db.name, this.settings.marginMs), id: '' };
          return;
        } catch (error) {
          this.failures += 1;
          if (this.#stopped) throw error;
          await new Promise((resolve) => setTimeout(resolve, this.settings.pollMs));
        } finally {
          scope.dispose();
        }
      }
    })();
    return this.#started;
  }

  #listening(): boolean {
    return this.#subscribers.size > 0 || this.#changeListeners.size > 0;
  }

  #ensurePolling(): void {
    // One loop per process: a poll in flight when the last listener left decides, when it ends,
    // whether the loop goes on (someone came back) or stops.
    if (this.#looping || this.#stopped) return;
    this.#looping = true;
    const tick = () => {
      this.#timer = null;
      this.#polling = this.#poll()
        .catch(() => {
          // The database is down or slow: the next turn tries again, and subscribers wait.
          this.failures += 1;
        })
        .finally(() => {
          this.#polling = null;
          if (this.#listening() && !this.#stopped) {
            this.#timer = setTimeout(tick, this.settings.pollMs);
            this.#timer.unref();
          } else {
            this.#looping = false;
          }
        });
    };
    this.#timer = setTimeout(tick, 0);
    this.#timer.unref();
  }

  #stopIfIdle(): void {
    // A poll in flight stops the loop itself when it ends.
    if (this.#listening() || !this.#timer) return;
    clearTimeout(this.#timer);
    this.#timer = null;
    this.#looping = false;
  }

  async #poll(): Promise<void> {
    await this.#whenStarted();
    const scope = this.#scope();
    try {
      const watermark = { at: await readWatermark(scope, this.#db.name, this.settings.marginMs), id: '' };
      let changed = false;
      const batches: Batch[] = [];
      for (;;) {
        const from = this.#currentHead();
        const page = await loadChangePage(scope, { from: from.at, afterId: from.id, limit: this.settings.pageSize });
        const settled = page.filter((change) => comparePositions(positionOf(change), watermark) < 0);
        for (const change of page.slice(settled.length)) {
          if (this.#seenAhead.has(change.id)) continue;
          // Committed, but younger than an open write: the cache must forget now, the subscribers wait.
          if (!this.#localOperations.has(change.operation)) changed = true;
          if (this.#seenAhead.size > 10 * this.settings.pageSize) this.#seenAhead.clear();
          this.#seenAhead.add(change.id);
        }
        for (const change of settled) {
          if (!this.#seenAhead.delete(change.id) && !this.#localOperations.has(change.operation)) changed = true;
        }
        const full = settled.length === this.settings.pageSize;
        const last = settled.at(-1);
        const to = full && last ? positionOf(last) : comparePositions(watermark, from) > 0 ? watermark : from;
        this.#head = to;
        if (settled.length > 0 || comparePositions(to, from) > 0) batches.push({ from, to, changes: settled });
        if (!full) break;
      }
      // The cache forgets before any subscriber hears of the change: a client that reads what a
      // change announced gets the new answer.
      if (changed) this.#tellListeners();
      for (const batch of batches) for (const subscriber of this.#subscribers) subscriber.push(batch);
    } finally {
      scope.dispose();
      this.polls += 1;
    }
  }

  #tellListeners(): void {
    for (const listener of this.#changeListeners) {
      try {
        listener();
      } catch {
        // A listener's failure is its own; the others are still told.
      }
    }
  }

  /** Ends every subscription and the poller (server shutdown, tests). */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#looping = false;
    for (const subscriber of this.#subscribers) subscriber.wakeUp();
    await this.#polling?.catch(() => {});
  }
}
