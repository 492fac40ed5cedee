// Puts back the relationships of type {{type}} that merge $merge re-pointed (one statement per
// type, each lookup a key-index seek, as in merge-relations), once unmerge-entities has given
// the merged entities back their labels. For each :MergedRelation: a moved one's copy on the
// survivor is deleted (with whatever was changed on it since), a combined one's target loses
// the sources the merge added to it (and gets its audit fields back when nothing changed it
// since), and the relationship is created again between its old ends with every property it
// had. Change records under operation $operation (the unmerge's), by $by: 'deleted' for the
// survivor's copy, 'updated' for a combined target, 'created' for the restored relationship.
WITH datetime.transaction() AS now
MATCH (record:MergeRecord {id: $merge})
MATCH (archive:MergedRelation {_merge: $merge, _type: '{{type}}'})
CALL (archive, now) {
  WITH archive, now
  WHERE archive._outcome = 'moved'
  MATCH ()-[n:{{type}} {key: archive._newKey}]->()
  CREATE (:Change {id: randomUUID(), at: now, by: $by, operation: $operation, action: 'deleted',
                   kind: 'relation', type: '{{type}}', from: archive._newFrom, to: archive._newTo,
                   key: archive._newKey, fields: [], merge: $merge})
  DELETE n
  RETURN count(*) AS removed
}
CALL (archive, record, now) {
  WITH archive, record, now
  WHERE archive._outcome = 'combined' AND size(coalesce(archive._addedSources, [])) > 0
  MATCH ()-[n:{{type}} {key: archive._newKey}]->()
  WITH archive, record, now, n, coalesce(n.sources, []) AS had
  WITH archive, record, now, n, had, [i IN range(0, size(had) - 1) WHERE NOT had[i] IN archive._addedSources] AS kept
  WITH archive, now, n, had, kept, n.updatedAt = record.at AS untouched
  SET n.sources = [i IN kept | had[i]],
      n.citationEvidence = CASE WHEN n.citationEvidence IS NULL THEN null ELSE [i IN kept | n.citationEvidence[i]] END,
      n.updatedAt = CASE WHEN untouched THEN archive._targetUpdatedAt ELSE now END,
      n.updatedBy = CASE WHEN untouched THEN archive._targetUpdatedBy ELSE $by END
  CREATE (:Change {id: randomUUID(), at: now, by: $by, operation: $operation, action: 'updated',
                   kind: 'relation', type: '{{type}}', from: archive._newFrom, to: archive._newTo,
                   key: archive._newKey, fields: ['sources'], merge: $merge})
  RETURN count(*) AS reverted
}
MATCH (a:Entity {id: archive._from})
MATCH (b:Entity {id: archive._to})
CREATE (a)-[r:{{type}}]->(b)
SET r = properties(archive)
REMOVE r._merge, r._type, r._from, r._to, r._newKey, r._newFrom, r._newTo, r._outcome, r._addedSources,
       r._targetUpdatedAt, r._targetUpdatedBy
CREATE (:Change {id: randomUUID(), at: now, by: $by, operation: $operation, action: 'created',
                 kind: 'relation', type: '{{type}}', from: archive._from, to: archive._to, key: archive.key,
                 fields: [], merge: $merge})
DELETE archive
RETURN count(*) AS relations
