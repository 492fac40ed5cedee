// Part of finishing a committed load: removes the _seedLoad marks from up to $batch entities, as
// loads journaled before created ids were listed per batch marked what they created.
MATCH (n:Entity {_seedLoad: $load})
WITH n LIMIT $batch
REMOVE n._seedLoad
RETURN count(n) AS done
