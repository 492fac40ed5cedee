// Records a job $id (queued) for $by: a merge ($kind 'merge') of $from into $into (slugs, as the
// references resolved) under the new merge id $merge, or the unmerge ($kind 'unmerge') of merge
// $merge, whose survivor and merged slugs come from its :MergeRecord (no row when there is no
// such merge). The process that queued it keeps its heartbeat fresh while it waits and runs; a
// job whose heartbeat stops is read as interrupted (merge-job-read).
OPTIONAL MATCH (record:MergeRecord {id: $merge})
WITH record
WHERE $kind = 'merge' OR record IS NOT NULL
CREATE (j:MergeJob {id: $id, kind: $kind, merge: $merge, status: 'queued',
                    into: coalesce($into, record.into), from: coalesce($from, record.from), by: $by,
                    createdAt: datetime.transaction(), heartbeatAt: datetime.transaction()})
RETURN j.id AS id
