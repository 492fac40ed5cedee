import { describe, expect, it } from 'vitest';
import { emptySummary, upsertNodes, upsertRelations } from '../../src/db/load.ts';
import { createMergeJob } from '../../src/db/repositories/merge-jobs.ts';
import type { NodeRow, RelationRow } from '../../src/domain/graph.ts';
import { MergeJobs } from '../../src/services/merge-jobs.ts';
import { seededCurationSuite, seedSource } from '../support/curation.ts';
import { GraphQLClient } from '../support/graphql.ts';

// Merges as tracked jobs (startMergeJob, mergeJob) on the real Neo4j: a 10k-relation hub merged
// in the background and followed from another server process's API, then undone by an unmerge
// job; a job that fails (its budget
// too short) rolls back whole and says why; a job whose process stopped reads as interrupted.

const suite = seededCurationSuite();

const start = `mutation ($into: ID!, $from: [ID!]!) {
  startMergeJob(into: $into, from: $from) { id merge status intoSlug fromSlugs by createdAt }
}`;
const follow = `query ($id: ID!) {
  mergeJob(id: $id) {
    id merge status intoSlug fromSlugs startedAt finishedAt
    kind error { code message }
    result { changed merge relationCounts { relationType moved combined dropped } aliases formerSlugs }
    unmergeResult { changed merge restored { slug } relationCounts { relationType moved combined dropped } }
  }
}`;

interface JobAnswer {
  id: string;
  kind: 'MERGE' | 'UNMERGE';
  merge: string;
  status: string;
  intoSlug: string;
  fromSlugs: string[];
  startedAt: string | null;
  finishedAt: string | null;
  error: { code: string; message: string } | null;
  result: {
    changed: boolean;
    merge: string;
    relationCounts: { relationType: string; moved: number; combined: number; dropped: number }[];
    aliases: string[];
    formerSlugs: string[];
  } | null;
  unmergeResult: {
    changed: boolean;
    merge: string;
    restored: { slug: string }[];
    relationCounts: { relationType: string; moved: number; combined: number; dropped: number }[];
  } | null;
}

/** Reads the job until it has finished (the test's own timeout bounds the wait). */
async function finished(api: GraphQLClient, id: string): Promise<JobAnswer> {
  for (;;) {
    const { mergeJob } = await api.data<{ mergeJob: JobAnswer | null }>(follow, { id }, suite.keys.admin);
    if (!mergeJob) throw new Error(`merge job ${id} is not found`);
    if (mergeJob.status !== 'QUEUED' && mergeJob.status !== 'RUNNING') return mergeJob;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function organization(id: string, name: string): NodeRow {
  return { id, label: 'Organization', props: { name, kind: 'company', sources: [seedSource], aliases: [] } };
}

/** A survivor, an entity to merge with `spokes` COOPERATES_WITH relationships, and the spokes. */
async function hub(prefix: string, spokes: number): Promise<void> {
  const rows: NodeRow[] = [
    organization(`${prefix}-survivor`, `${prefix} survivor`),
    organization(`${prefix}-merged`, `${prefix} merged`),
    ...Array.from({ length: spokes }, (_, index) => organization(`${prefix}-spoke-${index}`, `${prefix} spoke ${index}`)),
  ];
  const relations: RelationRow[] = Array.from({ length: spokes }, (_, index) => ({
    key: `COOPERATES_WITH|${prefix}-merged|${prefix}-spoke-${index}||`,
    type: 'COOPERATES_WITH',
    from: `${prefix}-merged`,
    to: `${prefix}-spoke-${index}`,
    props: { sources: [seedSource] },
  }));
  const scope = { by: 'test', operation: `${prefix}-fixture`, load: null };
  await suite.db.writeTransaction(async (tx) => {
    await upsertNodes(tx, rows, emptySummary(rows.length), scope);
    await upsertRelations(tx, relations, emptySummary(0), scope);
  }, 600_000);
}

async function cooperationCount(api: GraphQLClient, slug: string): Promise<number> {
  const { organization } = await api.data<{ organization: { cooperatesWith: { totalCount: number } } }>(
    'query ($slug: String!) { organization(slug: $slug) { cooperatesWith { totalCount } } }',
    { slug },
  );
  return organization.cooperatesWith.totalCount;
}

describe('a merge job', () => {
  /** The 10k hub's merge job, which the next test undoes. */
  let hubJob = '';

  it('merges a 10k-relation hub in the background, followed from another server process', async () => {
    const spokes = 10_000;
    await hub('job-hub', spokes);
    const dry = await suite.api.data<{ mergeEntities: { relationCounts: { moved: number }[] } }>(
      'mutation { mergeEntities(into: "job-hub-survivor", from: ["job-hub-merged"], dryRun: true) { relationCounts { moved } } }',
      {},
      suite.keys.admin,
    );
    expect(dry.mergeEntities.relationCounts).toEqual([{ moved: spokes }]);

    const { startMergeJob } = await suite.api.data<{ startMergeJob: JobAnswer & { by: string } }>(
      start,
      { into: 'job-hub-survivor', from: ['job-hub-merged'] },
      suite.keys.admin,
    );
    expect(startMergeJob).toMatchObject({ intoSlug: 'job-hub-survivor', fromSlugs: ['job-hub-merged'], by: 'admin' });
    expect(['QUEUED', 'RUNNING']).toContain(startMergeJob.status);

    // Another process on the same database: its own yoga, its own MergeJobs, which never ran this job.
    const elsewhere = new GraphQLClient(suite.db, { apiKeys: suite.keys.entries });
    hubJob = startMergeJob.id;
    const job = await finished(elsewhere, startMergeJob.id);
    expect(job.error).toBeNull();
    expect(job.status).toBe('SUCCEEDED');
    expect(job.startedAt).not.toBeNull();
    expect(job.finishedAt).not.toBeNull();
    console.info(
      `merge job of a ${spokes}-relation hub: ${Date.parse(job.finishedAt ?? '') - Date.parse(job.startedAt ?? '')} ms in its transaction`,
    );
    expect(job.result).toMatchObject({
      changed: true,
      merge: startMergeJob.merge,
      relationCounts: [{ relationType: 'COOPERATES_WITH', moved: spokes, combined: 0, dropped: 0 }],
      aliases: ['job-hub merged'],
      formerSlugs: ['job-hub-merged'],
    });
    expect(await cooperationCount(elsewhere, 'job-hub-survivor')).toBe(spokes);
    // The merged slug names the survivor now.
    const { entity } = await elsewhere.data<{ entity: { slug: string } }>('{ entity(ref: "job-hub-merged") { slug } }');
    expect(entity.slug).toBe('job-hub-survivor');
    // The change log has the merge under the job's merge id, as a merge sent as a request would.
    const { records } = await suite.db.driver.executeQuery(
      "MATCH (c:Change {operation: $merge}) WHERE c.kind = 'entity' RETURN c.action AS action, c.entityId AS entity ORDER BY action",
      { merge: startMergeJob.merge },
      { database: suite.db.name },
    );
    expect(records.map((record) => record.toObject())).toEqual([
      { action: 'merged', entity: 'job-hub-survivor' },
      { action: 'merged-into', entity: 'job-hub-merged' },
    ]);
  });

  it('undoes a 10k-relation hub merge in the background', async () => {
    const spokes = 10_000;
    // As the process that ran it sees it (the other one may have seen it earlier).
    const mergeJob = await finished(suite.api, hubJob);
    expect(mergeJob.status).toBe('SUCCEEDED');
    const merge = mergeJob.merge;
    const { startUnmergeJob } = await suite.api.data<{ startUnmergeJob: JobAnswer }>(
      'mutation ($merge: ID!) { startUnmergeJob(merge: $merge) { id kind merge intoSlug fromSlugs } }',
      { merge },
      suite.keys.admin,
    );
    expect(startUnmergeJob).toMatchObject({ kind: 'UNMERGE', merge, intoSlug: 'job-hub-survivor', fromSlugs: ['job-hub-merged'] });
    const job = await finished(suite.api, startUnmergeJob.id);
    expect(job.error).toBeNull();
    expect(job.result).toBeNull();
    expect(job.unmergeResult).toMatchObject({
      changed: true,
      merge,
      restored: [{ slug: 'job-hub-merged' }],
      relationCounts: [{ relationType: 'COOPERATES_WITH', moved: spokes, combined: 0, dropped: 0 }],
    });
    // Read at once: a job reads as succeeded only once every change of its commit can be read.
    const { entity } = await suite.api.data<{ entity: { slug: string } }>('{ entity(ref: "job-hub-merged") { slug } }');
    expect(entity.slug).toBe('job-hub-merged');
    expect(await cooperationCount(suite.api, 'job-hub-merged')).toBe(spokes);
    expect(await cooperationCount(suite.api, 'job-hub-survivor')).toBe(0);
    // An unknown merge is refused when the job is sent, not later.
    const unknown = await suite.api.run('mutation { startUnmergeJob(merge: "no-such-merge") { id } }', {}, suite.keys.admin);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('fails whole when its merge is refused as it runs, and says why', async () => {
    await hub('job-short', 50);
    // Types are checked when the merge runs: an organization and a person cannot merge.
    const { startMergeJob } = await suite.api.data<{ startMergeJob: JobAnswer }>(
      start,
      { into: 'job-short-survivor', from: ['job-short-merged', 'andrey-vorobyev'] },
      suite.keys.admin,
    );
    const job = await finished(suite.api, startMergeJob.id);
    expect(job.status).toBe('FAILED');
    expect(job.error?.code).toBe('BAD_USER_INPUT');
    expect(job.error?.message).toContain('only entities of one type can be merged');
    expect(job.result).toBeNull();
    // Nothing moved: the merged entity is itself still, with its relationships.
    const { entity } = await suite.api.data<{ entity: { slug: string } }>('{ entity(ref: "job-short-merged") { slug } }');
    expect(entity.slug).toBe('job-short-merged');
    expect(await cooperationCount(suite.api, 'job-short-merged')).toBe(50);
    expect(await cooperationCount(suite.api, 'job-short-survivor')).toBe(0);
  });

  it('reads as interrupted when the process that queued it stopped renewing it', async () => {
    const id = `interrupted-${Date.now()}`;
    await createMergeJob(suite.db, { id, kind: 'merge', merge: `${id}-merge`, into: 'msk-ix', from: ['ripn'], by: 'admin' });
    // This process never ran the job; with a 20 ms heartbeat, 240 ms without one is a stopped process.
    const jobs = new MergeJobs(suite.db, { heartbeatMs: 20 });
    await new Promise((resolve) => setTimeout(resolve, 600));
    const scope = suite.db.openScope({ timeoutMs: 60_000, requestId: 'test' });
    expect((await jobs.read(scope, id))?.status).toBe('interrupted');
    scope.dispose();
  });

  it('reads a committed job as running until its report can be read, even once its heartbeat is stale', async () => {
    const id = `half-committed-${Date.now()}`;
    await createMergeJob(suite.db, { id, kind: 'merge', merge: `${id}-merge`, into: 'msk-ix', from: ['ripn'], by: 'admin' });
    // What a reader can meet while a long merge's commit applies: the status written, the report not yet.
    await suite.db.driver.executeQuery(
      "MATCH (j:MergeJob {id: $id}) SET j.status = 'committed', j.heartbeatAt = datetime() - duration('PT1H')",
      { id },
      { database: suite.db.name },
    );
    const jobs = new MergeJobs(suite.db, { heartbeatMs: 20 });
    const scope = suite.db.openScope({ timeoutMs: 60_000, requestId: 'test' });
    expect((await jobs.read(scope, id))?.status).toBe('running');
    scope.dispose();
  });

  it('refuses unknown references before anything is stored, and a curate key', async () => {
    const unknown = await suite.api.run(start, { into: 'job-nobody', from: ['msk-ix'] }, suite.keys.admin);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const curator = await suite.api.run(start, { into: 'msk-ix', from: ['ripn'] }, suite.keys.curator);
    expect(curator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const reading = await suite.api.run(follow, { id: 'any' }, suite.keys.curator);
    expect(reading.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { mergeJob } = await suite.api.data<{ mergeJob: JobAnswer | null }>(follow, { id: 'no-such-job' }, suite.keys.admin);
    expect(mergeJob).toBeNull();
  });
});
