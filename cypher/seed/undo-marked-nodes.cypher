// Undoing a load, step 5: deletes up to $batch entities marked with _seedLoad, as loads journaled
// before created ids were listed per batch marked what they created, with their relationships.
MATCH (n:Entity {_seedLoad: $load})
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(n) AS done
