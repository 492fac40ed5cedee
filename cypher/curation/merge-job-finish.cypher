// Marks job $id committed with its $report (JSON), inside the merge's own transaction: the merge
// and its report commit together, so a job never has a report of a merge that rolled back. It
// reads as succeeded only once the runner has seen the commit return (merge-job-status): Neo4j
// applies a large commit's changes one after another, and a reader between them could find this
// node done while an entity it restored is not yet in the id index. finishedAt and the heartbeat
// take the statement's time, the last of the transaction: the transaction's own time is when it
// began, and a merge that ran longer than the stale limit would read as stopped the moment it
// committed.
MATCH (j:MergeJob {id: $id})
SET j.status = 'committed', j.report = $report, j.finishedAt = datetime.statement(),
    j.heartbeatAt = datetime.statement()
RETURN j.id AS id
