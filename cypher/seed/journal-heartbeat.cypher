// Written with every batch of a journaled load: shows other loads that this one is alive.
MATCH (l:SeedLoad {id: $load})
SET l.lastBatchAt = datetime()
