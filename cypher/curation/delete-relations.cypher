// Deletes relationships by identity. $rows: [{type, from, to, key}], type already checked
// against the allowed types. Each one deleted leaves a :Change with action 'deleted' (see
// delete-entities); rows that match nothing are skipped. Returns how many were deleted.
WITH datetime.transaction() AS now
UNWIND $rows AS row
MATCH (:Entity {id: row.from})-[r:$(row.type) {key: row.key}]->(:Entity {id: row.to})
CREATE (:Change {id: randomUUID(), at: now, by: $by, operation: $operation, action: 'deleted',
                 kind: 'relation', type: row.type, from: row.from, to: row.to, key: row.key, fields: []})
DELETE r
RETURN count(*) AS deleted
