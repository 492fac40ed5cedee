// Sets new sources on relationships that cited a deleted source. $rows: [{type, from, to, key,
// sources}], type already checked against the allowed types. Each one updated gets
// updatedAt/updatedBy and an 'updated' :Change naming the field sources.
WITH datetime.transaction() AS now
UNWIND $rows AS row
MATCH (:Entity {id: row.from})-[r:$(row.type) {key: row.key}]->(:Entity {id: row.to})
SET r.sources = row.sources, r.updatedAt = now, r.updatedBy = $by
CREATE (:Change {id: randomUUID(), at: now, by: $by, operation: $operation, action: 'updated',
                 kind: 'relation', type: row.type, from: row.from, to: row.to, key: row.key, fields: ['sources']})
RETURN count(*) AS updated
