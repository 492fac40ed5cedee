// Background merges (src/services/merge-jobs.ts): one :MergeJob per mergeEntities sent as a
// job, found by its id from any server process.
CREATE CONSTRAINT merge_job_id IF NOT EXISTS FOR (j:MergeJob) REQUIRE j.id IS UNIQUE;
