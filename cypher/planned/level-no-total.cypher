// planned/relation-level's {{total}} when the selection does not ask for totalCount: nothing is
// counted, and the level answers a total the caller does not read.
WITH a, id, 0 AS total
