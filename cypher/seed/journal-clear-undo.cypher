// Part of finishing a committed load: deletes up to $batch of its undo records.
MATCH (u:SeedUndo {_load: $load})
WITH u LIMIT $batch
DELETE u
RETURN count(u) AS done
