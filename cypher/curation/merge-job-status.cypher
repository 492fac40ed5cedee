// Moves job $id to $status outside the merge's own transaction: 'running' just before it
// begins, 'succeeded' once its commit has returned, 'failed' (with $errorCode and $errorMessage)
// after it rolled back. Only the runner of
// the job writes these, one after the other; the heartbeat (merge-job-heartbeat) writes nothing
// else, so neither can undo the other.
MATCH (j:MergeJob {id: $id})
SET j.status = $status, j.errorCode = $errorCode, j.errorMessage = $errorMessage,
    j.heartbeatAt = datetime.transaction(),
    j.startedAt = CASE $status WHEN 'running' THEN datetime.transaction() ELSE j.startedAt END,
    j.finishedAt = CASE $status WHEN 'failed' THEN datetime.transaction() ELSE j.finishedAt END
RETURN j.id AS id
