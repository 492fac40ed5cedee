// The entity half of undoing merge $merge, before unmerge-relations: the merged entities get
// their labels back (every property is as it was when they were merged), and the survivor loses
// what the merge gave it. When nothing wrote the survivor since the merge ($exact), it gets its
// properties from before the merge back exactly; otherwise it takes $patch (computed by
// src/services/merges.ts: what the merge added taken out, what was written since kept; a null
// removes a property). The record is marked undone and kept, as the audit of both. Change
// records under operation $operation, by $by: 'unmerged' for the survivor (fields: what
// changed), 'restored' for each merged entity.
WITH datetime.transaction() AS now
MATCH (record:MergeRecord {id: $merge})
MATCH (s:Entity {id: record.into})
OPTIONAL MATCH (before:MergeSurvivorBefore {_merge: $merge})
CALL (s, before) {
  WITH s, before
  WHERE $exact AND before IS NOT NULL
  SET s = properties(before)
  REMOVE s._merge
}
CALL (s, now) {
  WITH s, now
  WHERE NOT $exact
  SET s += $patch, s.updatedAt = now, s.updatedBy = $by
}
CREATE (:Change {id: randomUUID(), at: now, by: $by, operation: $operation, action: 'unmerged',
                 kind: 'entity', entityId: s.id, label: s.label, fields: $fields, merge: $merge})
SET record.undone = true, record.undoneAt = now, record.undoneBy = $by
WITH record, before, now
CALL (before) {
  WITH before
  WHERE before IS NOT NULL
  DELETE before
}
MATCH (m:MergedEntity {_merge: $merge})
SET m:$(m._labels)
REMOVE m:MergedEntity, m._merge, m._labels
CREATE (:Change {id: randomUUID(), at: now, by: $by, operation: $operation, action: 'restored',
                 kind: 'entity', entityId: m.id, label: m.label, fields: [], merge: $merge})
RETURN count(*) AS restored
