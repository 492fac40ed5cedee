// Written every few seconds while a journaled load runs (its own transaction, not part of a
// batch): shows other loads that this one is alive. lastBatchAt keeps its name from when every
// batch wrote it.
MATCH (l:SeedLoad {id: $load})
SET l.lastBatchAt = datetime()
