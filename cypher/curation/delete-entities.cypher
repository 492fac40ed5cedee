// Deletes entities by id with everything that hangs on them: each of their relationships
// (either direction), and the onBehalfOf of SIGNED relationships that name them (cleared, the
// signature itself stays). Every deleted entity and relationship leaves a :Change with action
// 'deleted', every cleared onBehalfOf an 'updated' one with updatedAt/updatedBy, all under
// operation $operation and by $by, at the transaction's time like the upserts' records.
// Ids that are not there are skipped. Returns what was deleted and cleared.
WITH datetime.transaction() AS now
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n, now) {
  MATCH (n)-[r]-(:Entity)
  WITH DISTINCT r, now
  CREATE (:Change {id: randomUUID(), at: now, by: $by, operation: $operation, action: 'deleted',
                   kind: 'relation', type: type(r), from: startNode(r).id, to: endNode(r).id, key: r.key, fields: []})
  DELETE r
  RETURN count(*) AS relations
}
CALL (n, now) {
  MATCH (a:Entity)-[r:SIGNED]->(b:Entity)
  WHERE r.onBehalfOf = n.id
  SET r.onBehalfOf = null, r.updatedAt = now, r.updatedBy = $by
  CREATE (:Change {id: randomUUID(), at: now, by: $by, operation: $operation, action: 'updated',
                   kind: 'relation', type: 'SIGNED', from: a.id, to: b.id, key: r.key, fields: ['onBehalfOf']})
  RETURN count(*) AS cleared
}
CREATE (:Change {id: randomUUID(), at: now, by: $by, operation: $operation, action: 'deleted',
                 kind: 'entity', entityId: n.id, label: n.label, fields: []})
DETACH DELETE n
RETURN count(*) AS entities, sum(relations) AS relations, sum(cleared) AS cleared
