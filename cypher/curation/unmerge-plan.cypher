// What undoing merge $merge would do, read inside the unmerge's own write transaction (or a dry
// run's). The survivor is write-locked; no row when there is no such merge. Returns the merge's
// record, the survivor as it is now (null when it is no longer an entity: deleted, or merged in
// turn) and as it was before the merge, the merged entities kept since (`taken`: an entity holds
// the slug again now), the relationships kept since (`endsThere`: both ends will exist again;
// `changedSince`: the survivor's copy was changed after the merge, and those changes go with
// it), and what was added to the survivor after the merge, which stays there: relationships
// created since, and whether its own fields were written since.
MATCH (record:MergeRecord {id: $merge})
OPTIONAL MATCH (s:Entity {id: record.into})
CALL (s) {
  WITH s
  WHERE s IS NOT NULL
  SET s._locked = true
  REMOVE s._locked
}
OPTIONAL MATCH (before:MergeSurvivorBefore {_merge: $merge})
CALL (record) {
  OPTIONAL MATCH (m:MergedEntity {_merge: record.id})
  WITH m ORDER BY m.id
  RETURN collect(CASE WHEN m IS NOT NULL THEN {id: m.id, label: m.label, name: m.name,
                      taken: EXISTS { MATCH (:Entity {id: m.id}) }} END) AS merged
}
CALL (record) {
  OPTIONAL MATCH (a:MergedRelation {_merge: record.id})
  WITH record, a ORDER BY a._type, a.key
  RETURN collect(CASE WHEN a IS NOT NULL THEN {
    type: a._type, from: a._from, to: a._to, key: a.key, newFrom: a._newFrom, newTo: a._newTo,
    newKey: a._newKey, outcome: a._outcome, addedSources: coalesce(a._addedSources, []),
    endsThere: (a._from IN record.from OR EXISTS { MATCH (:Entity {id: a._from}) })
           AND (a._to IN record.from OR EXISTS { MATCH (:Entity {id: a._to}) }),
    changedSince: a._outcome <> 'dropped' AND EXISTS {
      MATCH (x:Entity {id: a._newFrom})-[n]->(y:Entity {id: a._newTo})
      WHERE type(n) = a._type AND n.key = a._newKey AND n.updatedAt > record.at
    }
  } END) AS relations
}
CALL (s, record) {
  OPTIONAL MATCH (s)-[r]-(o:Entity)
  WHERE r.createdAt > record.at
  WITH DISTINCT r
  WITH r ORDER BY type(r), r.key
  RETURN collect(CASE WHEN r IS NOT NULL THEN {type: type(r), from: startNode(r).id, to: endNode(r).id, key: r.key} END) AS addedSince
}
RETURN record {.*, at: toString(record.at), undoneAt: toString(record.undoneAt)} AS record,
       CASE WHEN s IS NULL THEN null ELSE s {.*, createdAt: null, updatedAt: null} END AS survivor,
       s IS NOT NULL AND s.updatedAt > record.at AS survivorChangedSince,
       CASE WHEN before IS NULL THEN null ELSE before {.*, createdAt: null, updatedAt: null} END AS before,
       merged, relations, addedSince, toString(datetime.transaction()) AS at
