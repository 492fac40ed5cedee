// Re-points the relationships of type {{type}} of the merged entities to the survivor, for merge
// $merge (by $by; the merge's id is its operation). {{type}} is a slot, as in
// seed/upsert-relations, so each lookup is a seek on the type's key index: one statement per
// type (two when some are combined), whatever the number of relationships.
// $rows: [{key, newFrom, newTo, newKey, outcome}], outcome as the merge plan decided it:
// 'moved' (the survivor gets it under its new key), 'combined' (the survivor already has one of
// that key, which gains this one's sources), 'dropped' (both ends are now the survivor). The
// caller sends the combined rows in a run of their own after the others, so that a relationship
// two merged entities both had is created by the first run and found by the second.
// Neo4j cannot change a relationship's ends, so the old one is deleted and a new one created with
// its properties. The old one is kept whole, every property as stored, in a :MergedRelation
// node (like :SeedUndo), which is what unmerge-relations puts back; for a combined one, with the
// sources it added and its target's audit fields before. Change records: 'deleted' for the old
// relationship, 'created' for a moved one's new one, 'updated' (fields: sources) for a combined
// one that gained sources.
WITH datetime.transaction() AS now
UNWIND $rows AS row
MATCH (a:Entity)-[r:{{type}} {key: row.key}]->(b:Entity)
CREATE (archive:MergedRelation)
SET archive = properties(r),
    archive._merge = $merge, archive._type = '{{type}}', archive._from = a.id, archive._to = b.id,
    archive._newKey = row.newKey, archive._newFrom = row.newFrom, archive._newTo = row.newTo,
    archive._outcome = row.outcome
CREATE (:Change {id: randomUUID(), at: now, by: $by, operation: $merge, action: 'deleted',
                 kind: 'relation', type: '{{type}}', from: a.id, to: b.id, key: r.key, fields: [], merge: $merge})
WITH row, r, archive, now, properties(r) AS old
DELETE r
WITH row, archive, now, old
CALL (row, now, old) {
  WITH row, now, old
  WHERE row.outcome = 'moved'
  MATCH (x:Entity {id: row.newFrom})
  MATCH (y:Entity {id: row.newTo})
  CREATE (x)-[n:{{type}}]->(y)
  SET n = old, n.key = row.newKey, n.updatedAt = now, n.updatedBy = $by
  CREATE (:Change {id: randomUUID(), at: now, by: $by, operation: $merge, action: 'created',
                   kind: 'relation', type: '{{type}}', from: row.newFrom, to: row.newTo, key: row.newKey,
                   fields: [], merge: $merge})
  RETURN count(*) AS moved
}
CALL (row, archive, now, old) {
  WITH row, archive, now, old
  WHERE row.outcome = 'combined'
  MATCH ()-[n:{{type}} {key: row.newKey}]->()
  WITH row, archive, now, old, n, coalesce(old.sources, []) AS given
  WITH row, archive, now, old, n, given,
       [i IN range(0, size(given) - 1) WHERE NOT given[i] IN coalesce(n.sources, [])] AS gained
  SET archive._addedSources = [i IN gained | given[i]],
      archive._targetUpdatedAt = n.updatedAt,
      archive._targetUpdatedBy = n.updatedBy
  FOREACH (_ IN CASE WHEN size(gained) > 0 THEN [1] ELSE [] END |
    SET n.sources = coalesce(n.sources, []) + [i IN gained | given[i]],
        n.citationEvidence = CASE WHEN n.citationEvidence IS NULL THEN null
                             ELSE n.citationEvidence + [i IN gained | coalesce(old.citationEvidence[i], 'STATED')] END,
        n.updatedAt = now,
        n.updatedBy = $by
    CREATE (:Change {id: randomUUID(), at: now, by: $by, operation: $merge, action: 'updated',
                     kind: 'relation', type: '{{type}}', from: row.newFrom, to: row.newTo, key: row.newKey,
                     fields: ['sources'], merge: $merge}))
  RETURN count(*) AS combined
}
RETURN count(*) AS relations
