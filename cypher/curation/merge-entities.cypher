// The entity half of merge $merge (its id is its operation; by $by), after merge-relations has
// re-pointed every relationship: the survivor $into keeps its properties as they were in a
// :MergeSurvivorBefore node and takes $patch (aliases, sources, claims, formerSlugs, mergedFrom,
// filled fields and search forms, computed by src/services/merges.ts; a null removes a
// property); a :MergeRecord keeps $record, what the merge added, for the unmerge. Each merged
// entity $from loses its labels (kept in _labels) and becomes a :MergedEntity with every
// property as it was: nothing reads it, its slug now resolves to the survivor through the
// survivor's formerSlugs, and an unmerge gives it its labels back. Change records: 'merged' for
// the survivor (fields: what changed), 'merged-into' for each merged entity (to: the survivor).
WITH datetime.transaction() AS now
MATCH (s:Entity {id: $into})
CREATE (before:MergeSurvivorBefore)
SET before = properties(s), before._merge = $merge
CREATE (record:MergeRecord)
SET record = $record, record.id = $merge, record.at = now, record.by = $by, record.into = $into,
    record.from = $from, record.label = s.label, record.undone = false
SET s += $patch, s.updatedAt = now, s.updatedBy = $by
CREATE (:Change {id: randomUUID(), at: now, by: $by, operation: $merge, action: 'merged',
                 kind: 'entity', entityId: $into, label: s.label, fields: $fields, merge: $merge})
WITH now
UNWIND $from AS id
MATCH (m:Entity {id: id})
CREATE (:Change {id: randomUUID(), at: now, by: $by, operation: $merge, action: 'merged-into',
                 kind: 'entity', entityId: m.id, label: m.label, to: $into, fields: [], merge: $merge})
WITH m, labels(m) AS labels
REMOVE m:$(labels)
SET m:MergedEntity, m._merge = $merge, m._labels = labels
RETURN count(*) AS merged
