// Part of finishing a committed load: deletes up to $batch of its undo records (one per batch
// for what it created, one per entity or relationship it updated).
MATCH (u:SeedUndo {_load: $load})
WITH u LIMIT $batch
DELETE u
RETURN count(u) AS done
