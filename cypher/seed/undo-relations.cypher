// Undoing a load, step 1: up to $batch relationship records. A relationship it created between
// entities it did not create is deleted; one it updated gets its old properties back.
MATCH (u:SeedUndo {_load: $load})
WHERE u._kind IN ['relation', 'created-relation']
WITH u LIMIT $batch
OPTIONAL MATCH (:Entity {id: u._from})-[r:$(u._type) {key: u._key}]->(:Entity {id: u._to})
FOREACH (_ IN CASE WHEN r IS NOT NULL AND u._kind = 'created-relation' THEN [1] ELSE [] END | DELETE r)
FOREACH (_ IN CASE WHEN r IS NOT NULL AND u._kind = 'relation' THEN [1] ELSE [] END |
  SET r = properties(u)
  REMOVE r._load, r._kind, r._type, r._from, r._to, r._key)
DELETE u
RETURN count(u) AS done
