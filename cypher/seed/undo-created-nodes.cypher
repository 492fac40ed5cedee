// Undoing a load, step 4: deletes the entities that one batch of the load created, with their
// relationships, listed by id in one :SeedUndo node (one batch per transaction, as it was written).
MATCH (u:SeedUndo {_load: $load, _kind: 'created-nodes'})
WITH u LIMIT 1
CALL (u) {
  UNWIND u._ids AS id
  MATCH (n:Entity {id: id})
  DETACH DELETE n
}
DELETE u
RETURN count(u) AS done
