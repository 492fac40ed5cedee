// Marks job $id succeeded with its $report (JSON), inside the merge's own transaction: the merge
// and its job's success commit together, so a job never reads "succeeded" for a merge that
// rolled back, nor "running" for one that committed. finishedAt is the statement's time, the last
// of the transaction (the transaction's own time is when it began).
MATCH (j:MergeJob {id: $id})
SET j.status = 'succeeded', j.report = $report, j.finishedAt = datetime.statement(),
    j.heartbeatAt = datetime.transaction()
RETURN j.id AS id
