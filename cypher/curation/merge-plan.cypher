// What a merge of the entities $from into $into would do, read inside the merge's own write
// transaction (or a dry run's, which is rolled back). $ids: $into and $from, sorted, so that two
// writes lock the entities they share in the same order (see labels-of). Each entity found is
// write-locked, then returned with its stored properties and, for the merged ones, every
// relationship with its other end. A relationship re-pointed to the survivor gets the key it
// will have (type|from|to|role|title with the survivor's slug in place of a merged one), and
// `existing` says whether the survivor already has a relationship of that type and key, which
// the merge then combines with it instead of adding a second one. The check seeks both ends by
// id and expands between them, so a 10k-relation hub costs 10k small seeks, not 10k scans.
// `at` is the transaction's time, which every record of the merge carries.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
SET n._locked = true
REMOVE n._locked
CALL (n) {
  WITH n
  WHERE n.id IN $from
  MATCH (n)-[r]-(:Entity)
  WITH DISTINCT r
  WITH r, startNode(r) AS a, endNode(r) AS b
  WITH r, a, b,
       CASE WHEN a.id IN $from THEN $into ELSE a.id END AS newFrom,
       CASE WHEN b.id IN $from THEN $into ELSE b.id END AS newTo
  WITH r, a, b, newFrom, newTo,
       type(r) + '|' + newFrom + '|' + newTo + '|' + coalesce(r.role, '') + '|' + coalesce(r.title, '') AS newKey
  RETURN collect({
    type: type(r), from: a.id, to: b.id, key: r.key, fromLabel: a.label, toLabel: b.label,
    newFrom: newFrom, newTo: newTo, newKey: newKey, sources: coalesce(r.sources, []),
    existing: newFrom <> newTo AND EXISTS {
      MATCH (x:Entity {id: newFrom})-[e]->(y:Entity {id: newTo})
      WHERE type(e) = type(r) AND e.key = newKey AND e <> r
    }
  }) AS relations
}
RETURN n.id AS id, n.label AS label, n {.*, createdAt: null, updatedAt: null} AS props, relations,
       toString(datetime.transaction()) AS at
