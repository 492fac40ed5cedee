import { ForbiddenError } from '../../domain/errors.ts';
import type { MergeJobs, MergeJobView } from '../../services/merge-jobs.ts';
import { builder } from '../builder.ts';
import type { RequestContext } from '../context.ts';
import { MergePayload, maxMerged, mergeTargets, UnmergePayload } from './merges.ts';
import { writeCost } from './payloads.ts';

const MergeJobStatusEnum = builder.enumType('MergeJobStatus', {
  description: 'Where a merge job is.',
  values: {
    QUEUED: { value: 'queued', description: 'Stored, waiting for the jobs before it in its server process.' },
    RUNNING: { value: 'running', description: 'Its transaction is running.' },
    SUCCEEDED: { value: 'succeeded', description: 'Merged: `result` says what moved, `merge` undoes it with unmergeEntities.' },
    FAILED: { value: 'failed', description: 'Its transaction failed and was rolled back whole: `error` says why. Nothing was written.' },
    INTERRUPTED: {
      value: 'interrupted',
      description: 'Its server process stopped before it finished: nothing was written, and the merge can be sent again.',
    },
  } as const,
});

const MergeJobKindEnum = builder.enumType('MergeJobKind', {
  description: 'What a merge job does.',
  values: {
    MERGE: { value: 'merge', description: 'A merge (startMergeJob): `result` says what it did.' },
    UNMERGE: { value: 'unmerge', description: 'An unmerge (startUnmergeJob): `unmergeResult` says what it did.' },
  } as const,
});

const MergeJobErrorRef = builder.objectRef<{ code: string; message: string }>('MergeJobError').implement({
  description: 'Why a merge job failed, as a request would have been told (the same codes).',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'e.g. "TIMEOUT", "CONFLICT", "BAD_USER_INPUT".' }),
    message: t.exposeString('message', { description: 'What went wrong.' }),
  }),
});

const MergeJobRef = builder.objectRef<MergeJobView>('MergeJob').implement({
  description:
    'A merge or unmerge run in the background (startMergeJob, startUnmergeJob), in one transaction under a time budget of its own: ' +
    'it commits whole or not at all. ' +
    'Any server process on the same database can report it.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Its id, for mergeJob(id:).' }),
    kind: t.field({ type: MergeJobKindEnum, resolve: (job) => job.kind, description: 'A merge or an unmerge.' }),
    merge: t.exposeString('merge', {
      description:
        "A merge job's merge id, as mergeEntities' `merge` (unmergeEntities and startUnmergeJob take it once the job has succeeded); " +
        'for an unmerge job, the merge it undoes.',
    }),
    status: t.field({ type: MergeJobStatusEnum, resolve: (job) => job.status, description: 'Where it is.' }),
    intoSlug: t.exposeString('into', { description: "The survivor's slug." }),
    fromSlugs: t.exposeStringList('from', { description: 'The slugs of the entities merged into it (or given back, for an unmerge).' }),
    by: t.exposeString('by', { description: 'The API key that sent it.' }),
    createdAt: t.field({ type: 'DateTime', resolve: (job) => job.createdAt, description: 'When it was sent.' }),
    startedAt: t.field({ type: 'DateTime', nullable: true, resolve: (job) => job.startedAt, description: 'When its transaction began.' }),
    finishedAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (job) => job.finishedAt,
      description: 'When it succeeded or failed.',
    }),
    error: t.field({ type: MergeJobErrorRef, nullable: true, resolve: (job) => job.error, description: 'Why it failed; null otherwise.' }),
    result: t.field({
      type: MergePayload,
      nullable: true,
      resolve: (job) => job.report,
      description: 'What a merge job did, as mergeEntities would have answered; null until it has succeeded, and for an unmerge job.',
    }),
    unmergeResult: t.field({
      type: UnmergePayload,
      nullable: true,
      resolve: (job) => job.unmergeReport,
      description: 'What an unmerge job did, as unmergeEntities would have answered; null until it has succeeded, and for a merge job.',
    }),
  }),
});

function jobsOf(context: RequestContext): MergeJobs {
  // Only a context built without the server's parts (a tool, a test) lacks them.
  if (!context.mergeJobs) throw new Error('this request context runs no merge jobs');
  return context.mergeJobs;
}

builder.mutationField('startMergeJob', (t) =>
  t.field({
    type: MergeJobRef,
    description:
      "Sends a merge to run in the background, for one too large for a request's time budget: a hub with thousands of relationships. " +
      'It does what mergeEntities does, in one transaction under the job budget (GOVGRAPH_MERGE_JOB_TIMEOUT_MS); the answer comes ' +
      'once the job is stored, and mergeJob(id:) follows it. The references are resolved and checked now, the merge itself when it runs. ' +
      'Run mergeEntities with dryRun: true first to see what it will move. Needs the "admin" scope.',
    authScopes: { admin: true },
    complexity: writeCost,
    args: {
      into: t.arg.id({ required: true, description: 'The survivor: its slug or global ID.' }),
      from: t.arg.idList({ required: true, description: `The entities to merge into it (1 to ${maxMerged}): slugs or global IDs.` }),
    },
    resolve: async (_root, args, context) => {
      const { caller } = context;
      if (caller.kind !== 'key') throw new ForbiddenError('Forbidden: writing needs an API key.');
      const { into, from } = await mergeTargets(context, args);
      const jobs = jobsOf(context);
      return storedJob(context, await jobs.start(caller.name, { kind: 'merge', into, from }));
    },
  }),
);

builder.mutationField('startUnmergeJob', (t) =>
  t.field({
    type: MergeJobRef,
    description:
      "Sends an unmerge to run in the background, for a merge too large to undo within a request's time budget. It does what " +
      'unmergeEntities does, in one transaction under the job budget; mergeJob(id:) follows it. An unknown merge is NOT_FOUND now; ' +
      'run unmergeEntities with dryRun: true first to see what it will put back. Needs the "admin" scope.',
    authScopes: { admin: true },
    complexity: writeCost,
    args: { merge: t.arg.id({ required: true, description: 'The id of the merge to undo.' }) },
    resolve: async (_root, args, context) => {
      const { caller } = context;
      if (caller.kind !== 'key') throw new ForbiddenError('Forbidden: writing needs an API key.');
      return storedJob(context, await jobsOf(context).start(caller.name, { kind: 'unmerge', merge: String(args.merge) }));
    },
  }),
);

/** The job just stored, as the mutation answers it. */
async function storedJob(context: RequestContext, id: string): Promise<MergeJobView> {
  const job = await jobsOf(context).read(context.reads, id);
  if (!job) throw new Error(`merge job ${id} was stored but cannot be read`);
  return job;
}

builder.queryField('mergeJob', (t) =>
  t.field({
    type: MergeJobRef,
    nullable: true,
    description: 'A merge job by its id (startMergeJob): where it is, and what it did once it succeeded. Needs the "admin" scope.',
    authScopes: { admin: true },
    args: { id: t.arg.id({ required: true, description: 'The job id startMergeJob answered.' }) },
    resolve: (_root, args, context) => jobsOf(context).read(context.reads, String(args.id)),
  }),
);
