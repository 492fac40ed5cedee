// Undoing a load, step 1, for relationships of type {{type}}: deletes those that one batch of
// the load created, listed by key in one :SeedUndo node (one batch per transaction, as it was
// written). Those between entities the load created would go with them at step 4, but which
// those are is not recorded, and the key's index finds each one cheaply.
MATCH (u:SeedUndo {_load: $load, _kind: 'created-relations'})
WHERE u._type = '{{type}}'
WITH u LIMIT 1
CALL (u) {
  UNWIND u._keys AS key
  MATCH ()-[r:{{type}} {key: key}]->()
  DELETE r
}
DELETE u
RETURN count(u) AS done
