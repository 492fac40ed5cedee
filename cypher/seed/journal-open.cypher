// Journaled loads that have not been finished: interrupted (committed false: to undo),
// interrupted while clearing their journal (committed true: to finish), or still running
// (a recent heartbeat).
MATCH (l:SeedLoad)
WITH l, coalesce(l.lastBatchAt, l.startedAt) AS lastBatchAt
RETURN l.id AS load, l.committed AS committed, toString(lastBatchAt) AS lastBatchAt,
       duration.inSeconds(lastBatchAt, datetime()).milliseconds AS ageMs
ORDER BY lastBatchAt
