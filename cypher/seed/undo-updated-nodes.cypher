// Undoing a load, step 3: up to $batch entities it updated get their old properties back.
MATCH (u:SeedUndo {_load: $load, _kind: 'node'})
WITH u LIMIT $batch
OPTIONAL MATCH (n:Entity {id: u._target})
FOREACH (_ IN CASE WHEN n IS NULL THEN [] ELSE [1] END |
  SET n = properties(u)
  REMOVE n._load, n._kind, n._target)
DELETE u
RETURN count(u) AS done
