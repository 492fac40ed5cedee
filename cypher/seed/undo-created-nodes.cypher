// Undoing a load, step 3: deletes up to $batch entities it created, with their relationships.
MATCH (n:Entity {_seedLoad: $load})
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(n) AS done
