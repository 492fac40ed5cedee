/**
 * Merges (and unmerges) as tracked jobs: a merge too large for one request's time budget (a hub with thousands
 * of relationships on a busy machine) runs in the background, in one transaction under a budget
 * of its own, and any server process on the same database can report how it went.
 *
 * The job is a :MergeJob node. Its report is written inside the merge's own transaction, so the
 * report and the merged graph commit together; it reads as succeeded once the commit has
 * returned (a reader in the middle of a large commit could see some of its changes and not
 * others). A failure is written after the rollback. The
 * process that queued a job keeps its heartbeat fresh while it waits and runs: a job whose
 * heartbeat stops (its process ended) is reported as interrupted, and since its transaction
 * never committed, nothing of it was written, and the merge can be sent again.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defaultMergeJobSettings, type MergeJobSettings } from '../config.ts';
import type { Database } from '../db/database.ts';
import { isTransactionTimeout } from '../db/errors.ts';
import type { ReadScope } from '../db/read-scope.ts';
import {
  createMergeJob,
  finishMergeJob,
  readMergeJob,
  renewMergeJobs,
  type StoredMergeJob,
  setMergeJobStatus,
} from '../db/repositories/merge-jobs.ts';
import { keptRelation, relationMove } from '../db/repositories/merges.ts';
import { GovgraphError, NotFoundError } from '../domain/errors.ts';
import { entityLabels, relationTypes } from '../domain/graph.ts';
import { type MergeReport, type MergeTarget, mergeEntities, type UnmergeReport, unmergeEntities } from './merges.ts';

export type MergeJobStatus = Exclude<StoredMergeJob['status'], 'committed'> | 'interrupted';

/** What a job does: merge entities, or undo a merge by its id. */
export type MergeJobWork = { kind: 'merge'; into: MergeTarget; from: readonly MergeTarget[] } | { kind: 'unmerge'; merge: string };

export interface MergeJobView {
  id: string;
  kind: 'merge' | 'unmerge';
  /** A merge job's new merge id (unmergeEntities takes it once the job succeeded), or the merge an unmerge job undoes. */
  merge: string;
  status: MergeJobStatus;
  into: string;
  from: string[];
  by: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: { code: string; message: string } | null;
  /** What the merge did; null until it succeeded, and for an unmerge job. */
  report: MergeReport | null;
  /** What the unmerge did; null until it succeeded, and for a merge job. */
  unmergeReport: UnmergeReport | null;
}

/** The job's failure as a client may see it: a govgraph error as it is, anything else without its internals. */
function failureOf(error: unknown, timeoutMs: number): { errorCode: string; errorMessage: string } {
  if (error instanceof GovgraphError) return { errorCode: error.code, errorMessage: error.message };
  if (isTransactionTimeout(error)) {
    return { errorCode: 'TIMEOUT', errorMessage: `the job did not finish within its ${timeoutMs} ms; nothing was written` };
  }
  return { errorCode: 'INTERNAL_SERVER_ERROR', errorMessage: 'the job failed; nothing was written (see the server log)' };
}

/** This process's merge jobs: it runs one at a time, in the order they came, beside the requests. */
export class MergeJobs {
  readonly #db: Database;
  readonly #settings: MergeJobSettings;
  readonly #onCommitted: (operation: string) => void;
  readonly #onFailed: (job: string, error: unknown) => void;
  /** Jobs of this process not yet finished, queued or running: their heartbeat is renewed. */
  readonly #open = new Set<string>();
  #chain: Promise<void> = Promise.resolve();
  #heartbeat: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(
    db: Database,
    settings: Partial<MergeJobSettings> = {},
    hooks: { onCommitted?: (operation: string) => void; onFailed?: (job: string, error: unknown) => void } = {},
  ) {
    this.#db = db;
    this.#settings = { ...defaultMergeJobSettings, ...settings };
    this.#onCommitted = hooks.onCommitted ?? (() => {});
    this.#onFailed = hooks.onFailed ?? (() => {});
  }

  /** Records the job and queues it; resolves with its id once it is stored, before it runs. */
  async start(by: string, work: MergeJobWork): Promise<string> {
    if (this.#stopped) throw new Error('merge jobs are stopping: this process takes no new job');
    const id = randomUUID();
    const merge = work.kind === 'merge' ? randomUUID() : work.merge;
    const stored = await createMergeJob(
      this.#db,
      work.kind === 'merge'
        ? { id, kind: 'merge', merge, by, into: work.into.slug, from: work.from.map((target) => target.slug) }
        : { id, kind: 'unmerge', merge, by },
    );
    if (!stored) throw new NotFoundError(`"merge": no merge has the id "${merge.slice(0, 100)}"`, { argument: 'merge' });
    this.#open.add(id);
    this.#beat();
    this.#chain = this.#chain.then(() => this.#run(id, by, merge, work));
    return id;
  }

  /** A job as stored; a queued or running one whose process stopped renewing it reads as interrupted. */
  async read(scope: ReadScope, id: string): Promise<MergeJobView | null> {
    // Twelve beats: a heartbeat waits for the job node's lock while a large commit applies.
    const stored = await readMergeJob(scope, id, this.#settings.heartbeatMs * 12);
    if (!stored) return null;
    const unfinished = stored.status === 'queued' || stored.status === 'running' || stored.status === 'committed';
    // A reader may see a commit half applied (Neo4j reads are read-committed, not atomic across a
    // commit): the committed status without its report yet is still running.
    const reportPending = stored.status === 'committed' && stored.report === null;
    const stopped = unfinished && stored.stale && !reportPending && !this.#open.has(id);
    // A committed job whose runner stopped before marking it: the commit is long applied by now.
    const status: MergeJobStatus =
      stored.status === 'committed' ? (stopped ? 'succeeded' : 'running') : stopped ? 'interrupted' : stored.status;
    const finished: unknown = stored.report === null ? null : JSON.parse(stored.report);
    return {
      id: stored.id,
      kind: stored.kind,
      merge: stored.merge,
      status,
      into: stored.into,
      from: stored.from,
      by: stored.by,
      createdAt: stored.createdAt,
      startedAt: stored.startedAt,
      finishedAt: stored.finishedAt,
      error: stored.errorCode === null ? null : { code: stored.errorCode, message: stored.errorMessage ?? '' },
      report: status === 'succeeded' && stored.kind === 'merge' ? mergeReport.parse(finished) : null,
      unmergeReport: status === 'succeeded' && stored.kind === 'unmerge' ? unmergeReport.parse(finished) : null,
    };
  }

  /**
   * Takes no new job and waits for the queued ones; a shutdown that cannot wait leaves them to
   * read as interrupted once their heartbeat is stale.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#chain;
    clearInterval(this.#heartbeat);
    this.#heartbeat = undefined;
  }

  async #run(id: string, by: string, merge: string, work: MergeJobWork): Promise<void> {
    // A merge's operation is its id; an unmerge's is its own.
    const operation = work.kind === 'merge' ? merge : randomUUID();
    try {
      await setMergeJobStatus(this.#db, id, { status: 'running' });
      await this.#db.writeTransaction(async (tx) => {
        const scope = { by, operation, load: null };
        const report =
          work.kind === 'merge'
            ? await mergeEntities(tx, scope, work.into, work.from, false)
            : await unmergeEntities(tx, scope, work.merge, false);
        await finishMergeJob(tx, id, JSON.stringify(report));
      }, this.#settings.timeoutMs);
      this.#onCommitted(operation);
      // Only now: the commit has returned, so every change it made can be read.
      await setMergeJobStatus(this.#db, id, { status: 'succeeded' }).catch((error: unknown) => this.#onFailed(id, error));
    } catch (error) {
      this.#onFailed(id, error);
      await setMergeJobStatus(this.#db, id, { status: 'failed', ...failureOf(error, this.#settings.timeoutMs) }).catch((stored: unknown) =>
        this.#onFailed(id, stored),
      );
    } finally {
      this.#open.delete(id);
      if (this.#open.size === 0) {
        clearInterval(this.#heartbeat);
        this.#heartbeat = undefined;
      }
    }
  }

  #beat(): void {
    if (this.#heartbeat) return;
    this.#heartbeat = setInterval(() => {
      const ids = [...this.#open];
      if (ids.length > 0) void renewMergeJobs(this.#db, ids).catch((error: unknown) => this.#onFailed(ids.join(', '), error));
    }, this.#settings.heartbeatMs);
    this.#heartbeat.unref();
  }
}

const entityLabel = z.enum(entityLabels);
const relationType = z.enum(relationTypes);
const relationCounts = z.array(z.object({ type: relationType, moved: z.number(), combined: z.number(), dropped: z.number() }));
const claim = z.object({
  field: z.string(),
  value: z.string(),
  sources: z.array(z.string()),
  origin: z.enum(['moved', 'conflict']),
  from: z.string(),
});
const fieldValue = z.object({ field: z.string(), value: z.string(), from: z.string() });
const mergeReport: z.ZodType<MergeReport> = z.object({
  dryRun: z.boolean(),
  changed: z.boolean(),
  merge: z.string().nullable(),
  into: z.string(),
  entityType: entityLabel,
  merged: z.array(z.object({ slug: z.string(), name: z.string(), formerSlugs: z.array(z.string()) })),
  alreadyMerged: z.array(z.object({ argument: z.string(), ref: z.string(), merge: z.string().nullable() })),
  relations: z.array(relationMove.extend({ other: z.string(), otherType: entityLabel })),
  relationCounts,
  statements: z.array(z.string()),
  claims: z.array(claim),
  sources: z.array(z.string()),
  aliases: z.array(z.string()),
  formerSlugs: z.array(z.string()),
  filledFields: z.array(fieldValue),
});
const unmergeReport: z.ZodType<UnmergeReport> = z.object({
  dryRun: z.boolean(),
  changed: z.boolean(),
  merge: z.string(),
  operation: z.string().nullable(),
  into: z.string(),
  entityType: entityLabel,
  mergedAt: z.string(),
  restored: z.array(z.object({ slug: z.string(), name: z.string() })),
  relations: z.array(keptRelation.extend({ restored: z.boolean() })),
  relationCounts,
  aliases: z.array(z.string()),
  formerSlugs: z.array(z.string()),
  sources: z.array(z.string()),
  claims: z.array(claim),
  filledFields: z.array(fieldValue),
  keptOnSurvivor: z.array(z.object({ type: relationType, from: z.string(), to: z.string(), key: z.string() })),
  survivorChangedSince: z.boolean(),
  changedSince: z.array(z.string()),
});
