/**
 * The statements behind background merges (cypher/curation/merge-job-*). Rows are parsed here;
 * the runner is src/services/merge-jobs.ts.
 */
import { z } from 'zod';
import type { Database, TransactionRunner } from '../database.ts';
import type { ReadScope } from '../read-scope.ts';

/**
 * 'committed': the merge's transaction wrote its report and committed, but its runner has not yet
 * seen the commit return; 'succeeded' once it has (see src/services/merge-jobs.ts).
 */
export const mergeJobStatuses = ['queued', 'running', 'committed', 'succeeded', 'failed'] as const;
export type StoredMergeJobStatus = (typeof mergeJobStatuses)[number];

const idRow = z.object({ id: z.string() });

export const mergeJobKinds = ['merge', 'unmerge'] as const;

export type NewMergeJob = { id: string; merge: string; by: string } & (
  | { kind: 'merge'; into: string; from: readonly string[] }
  | { kind: 'unmerge' }
);

/** Stores the job; false for an unmerge of a merge that does not exist. */
export async function createMergeJob(db: Database, job: NewMergeJob): Promise<boolean> {
  const ends = job.kind === 'merge' ? { into: job.into, from: [...job.from] } : { into: null, from: null };
  const rows = await db.write('curation/merge-job-create', { id: job.id, kind: job.kind, merge: job.merge, by: job.by, ...ends }, idRow);
  return rows.length === 1;
}

/** Moves the job on, outside the merge's transaction: running before it, succeeded after its commit returned, failed after its rollback. */
export async function setMergeJobStatus(
  db: Database,
  id: string,
  change: { status: 'running' } | { status: 'succeeded' } | { status: 'failed'; errorCode: string; errorMessage: string },
): Promise<void> {
  await db.write('curation/merge-job-status', { id, errorCode: null, errorMessage: null, ...change }, idRow);
}

/** Renews the heartbeat of the jobs this process still has open. */
export async function renewMergeJobs(db: Database, ids: readonly string[]): Promise<void> {
  await db.write('curation/merge-job-heartbeat', { ids: [...ids] }, z.object({ renewed: z.number() }));
}

/** Marks the job succeeded inside the merge's own transaction. */
export async function finishMergeJob(tx: TransactionRunner, id: string, report: string): Promise<void> {
  const rows = await tx.run('curation/merge-job-finish', { id, report });
  if (rows.length !== 1) throw new Error(`merge job ${id} is not in the database`);
}

const storedJob = z.object({
  id: z.string(),
  kind: z.enum(mergeJobKinds),
  merge: z.string(),
  status: z.enum(mergeJobStatuses),
  into: z.string(),
  from: z.array(z.string()),
  by: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  report: z.string().nullable(),
  stale: z.boolean(),
});
export type StoredMergeJob = z.infer<typeof storedJob>;

export async function readMergeJob(scope: ReadScope, id: string, staleMs: number): Promise<StoredMergeJob | null> {
  const [row] = await scope.read('curation/merge-job-read', { id, staleMs }, storedJob);
  return row ?? null;
}
