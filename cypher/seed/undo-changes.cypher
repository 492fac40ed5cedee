// Undoing a load, step 6: deletes up to $batch change records the load wrote.
MATCH (c:Change {operation: $load})
WITH c LIMIT $batch
DELETE c
RETURN count(c) AS done
