// Undoing a load, step 2, for relationships of type {{type}} (a closed-list slot, so that the
// key's index finds each one): up to $batch records of relationships it updated get their old
// properties back. 'created-relation' records, one per relationship, are those of loads
// journaled before the keys were listed per batch (undo-created-relations.cypher): deleted.
MATCH (u:SeedUndo {_load: $load})
WHERE u._kind IN ['relation', 'created-relation'] AND u._type = '{{type}}'
WITH u LIMIT $batch
OPTIONAL MATCH ()-[r:{{type}} {key: u._key}]->()
FOREACH (_ IN CASE WHEN r IS NOT NULL AND u._kind = 'created-relation' THEN [1] ELSE [] END | DELETE r)
FOREACH (_ IN CASE WHEN r IS NOT NULL AND u._kind = 'relation' THEN [1] ELSE [] END |
  SET r = properties(u)
  REMOVE r._load, r._kind, r._type, r._from, r._to, r._key)
DELETE u
RETURN count(u) AS done
