// Part of finishing a committed load: removes the marks from up to $batch entities it created.
MATCH (n:Entity {_seedLoad: $load})
WITH n LIMIT $batch
REMOVE n._seedLoad
RETURN count(n) AS done
