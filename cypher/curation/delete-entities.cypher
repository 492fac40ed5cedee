// Deletes entities by id with everything that hangs on them: each of their relationships
// (either direction), and the SIGNED relationships made on behalf of them (onBehalfOf naming
// the entity's slug or a former slug of it). A signature needs its onBehalfOf (the seed's and
// the import's rules), so clearing it would leave a record the export writes and the import
// refuses: the signature goes with the organization or body it was made for. Every deleted
// entity and relationship leaves a :Change with action 'deleted', under operation $operation
// and by $by, at the transaction's time like the upserts' records. Ids that are not there are
// skipped. Returns what was deleted.
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
  WHERE r.onBehalfOf = n.id OR r.onBehalfOf IN coalesce(n.formerSlugs, [])
  CREATE (:Change {id: randomUUID(), at: now, by: $by, operation: $operation, action: 'deleted',
                   kind: 'relation', type: 'SIGNED', from: a.id, to: b.id, key: r.key, fields: []})
  DELETE r
  RETURN count(*) AS signatures
}
CREATE (:Change {id: randomUUID(), at: now, by: $by, operation: $operation, action: 'deleted',
                 kind: 'entity', entityId: n.id, label: n.label, fields: []})
DETACH DELETE n
RETURN count(*) AS entities, sum(relations) + sum(signatures) AS relations
