// Merge or unmerge job $id as stored, with whether its heartbeat is older than $staleMs (its process
// stopped: a queued or running job of it will never finish).
MATCH (j:MergeJob {id: $id})
RETURN j.id AS id, j.kind AS kind, j.merge AS merge, j.status AS status, j.into AS into, j.from AS from, j.by AS by,
       toString(j.createdAt) AS createdAt, toString(j.startedAt) AS startedAt, toString(j.finishedAt) AS finishedAt,
       j.errorCode AS errorCode, j.errorMessage AS errorMessage, j.report AS report,
       j.heartbeatAt < datetime() - duration({milliseconds: $staleMs}) AS stale
