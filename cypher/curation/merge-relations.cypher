// Re-points the relationships of type {{type}} of the merged entities to the survivor, for merge
// $merge (by $by; the merge's id is its operation). {{type}} is a slot, as in
// seed/upsert-relations, so each lookup is a seek on the type's key index: one statement per
// type, whatever the number of relationships (merge-relations-combined does the combined ones).
// $rows: [{key, newFrom, newTo, newKey, outcome}], outcome as the merge plan decided it:
// 'moved' (the survivor gets it under its new key) or 'dropped' (both ends are now the survivor).
// Neo4j cannot change a relationship's ends, so the old one is deleted and a new one created with
// its properties. The old one is kept whole, every property as stored, in a :MergedRelation
// node (like :SeedUndo), which is what unmerge-relations puts back. Change records: 'deleted' for
// the old relationship, 'created' for a moved one's new one.
// No subqueries: the planner took seconds over the one statement that did every outcome with
// CALL branches, paid again by each relationship type's first merge after a start.
WITH datetime.transaction() AS now
UNWIND $rows AS row
MATCH (a:Entity)-[r:{{type}} {key: row.key}]->(b:Entity)
CREATE (archive:MergedRelation)
SET archive = properties(r),
    archive._merge = $merge, archive._type = '{{type}}', archive._from = a.id, archive._to = b.id,
    archive._newKey = row.newKey, archive._newFrom = row.newFrom, archive._newTo = row.newTo,
    archive._outcome = row.outcome
CREATE (:Change {id: randomUUID(), at: now, by: $by, operation: $merge, action: 'deleted',
                 kind: 'relation', type: '{{type}}', from: a.id, to: b.id, key: row.key, fields: [], merge: $merge})
WITH now, row, r, properties(r) AS old
DELETE r
WITH now, row, old
WHERE row.outcome = 'moved'
MATCH (x:Entity {id: row.newFrom})
MATCH (y:Entity {id: row.newTo})
CREATE (x)-[n:{{type}}]->(y)
SET n = old, n.key = row.newKey, n.updatedAt = now, n.updatedBy = $by
CREATE (:Change {id: randomUUID(), at: now, by: $by, operation: $merge, action: 'created',
                 kind: 'relation', type: '{{type}}', from: row.newFrom, to: row.newTo, key: row.newKey,
                 fields: [], merge: $merge})
RETURN count(*) AS relations
