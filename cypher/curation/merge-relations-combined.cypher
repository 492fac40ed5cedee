// The combined half of merge-relations: each relationship of type {{type}} in $rows is one the
// survivor already has under the row's newKey (or got earlier in this merge, which is why the
// caller runs this after merge-relations). It is deleted, kept whole in a :MergedRelation with
// the sources it added and its target's audit fields before (what unmerge-relations needs), and
// its target gains its sources. Change records: 'deleted' for it, 'updated' (fields: sources)
// for a target that gained sources.
WITH datetime.transaction() AS now
UNWIND $rows AS row
// One row at a time: two merged entities' relationships can combine into one target, and the
// second must see the sources the first added.
CALL (now, row) {
  MATCH (a:Entity)-[r:{{type}} {key: row.key}]->(b:Entity)
  MATCH ()-[n:{{type}} {key: row.newKey}]->()
  WITH now, row, a, b, r, n, properties(r) AS old, coalesce(r.sources, []) AS given
  WITH now, row, a, b, r, n, old, given,
       [i IN range(0, size(given) - 1) WHERE NOT given[i] IN coalesce(n.sources, [])] AS gained
  CREATE (archive:MergedRelation)
  SET archive = old,
      archive._merge = $merge, archive._type = '{{type}}', archive._from = a.id, archive._to = b.id,
      archive._newKey = row.newKey, archive._newFrom = row.newFrom, archive._newTo = row.newTo,
      archive._outcome = 'combined', archive._addedSources = [i IN gained | given[i]],
      archive._targetUpdatedAt = n.updatedAt, archive._targetUpdatedBy = n.updatedBy
  CREATE (:Change {id: randomUUID(), at: now, by: $by, operation: $merge, action: 'deleted',
                   kind: 'relation', type: '{{type}}', from: a.id, to: b.id, key: row.key, fields: [], merge: $merge})
  DELETE r
  WITH now, row, n, old, given, gained
  WHERE size(gained) > 0
  SET n.sources = coalesce(n.sources, []) + [i IN gained | given[i]],
      n.citationEvidence = CASE WHEN n.citationEvidence IS NULL THEN null
                           ELSE n.citationEvidence + [i IN gained | coalesce(old.citationEvidence[i], 'STATED')] END,
      n.updatedAt = now,
      n.updatedBy = $by
  CREATE (:Change {id: randomUUID(), at: now, by: $by, operation: $merge, action: 'updated',
                   kind: 'relation', type: '{{type}}', from: row.newFrom, to: row.newTo, key: row.newKey,
                   fields: ['sources'], merge: $merge})
}
RETURN count(*) AS relations
