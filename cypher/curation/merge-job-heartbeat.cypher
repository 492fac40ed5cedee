// The running process's jobs $ids are alive: their heartbeat only, whatever their status (a
// finished job's heartbeat no longer matters, and writing nothing else here keeps it from
// racing the merge transaction that finishes the job).
MATCH (j:MergeJob)
WHERE j.id IN $ids
SET j.heartbeatAt = datetime.transaction()
RETURN count(j) AS renewed
