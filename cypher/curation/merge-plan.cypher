// What a merge of the entities $from into $into would do, read inside the merge's own write
// transaction (or a dry run's, which is rolled back). $ids: $into and $from, sorted, so that two
// writes lock the entities they share in the same order (see labels-of). Each entity found is
// write-locked, then returned with its stored properties and, for the merged ones, every
// relationship with its other end. A relationship re-pointed to the survivor gets the key it
// will have (type|from|to|role|title with the survivor's slug in place of a merged one), and
// `existing` says whether the survivor already has a relationship of that type and key, which
// the merge then combines with it instead of adding a second one. The check expands between
// the two ends, both already bound, so a 10k-relation hub costs 10k small expansions.
// `at` is the transaction's time, which every record of the merge carries.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
SET n._locked = true
REMOVE n._locked
WITH n
OPTIONAL MATCH (survivor:Entity {id: $into})
CALL (n, survivor) {
  WITH n, survivor
  WHERE n.id IN $from AND survivor IS NOT NULL
  MATCH (n)-[r]-(:Entity)
  WITH DISTINCT survivor, r
  WITH survivor, r, startNode(r) AS a, endNode(r) AS b
  // The ends after the merge, as nodes: the check below then expands between two bound nodes
  // (from the one with fewer relationships) instead of looking either up by a computed id.
  WITH r, a, b,
       CASE WHEN a.id IN $from THEN survivor ELSE a END AS x,
       CASE WHEN b.id IN $from THEN survivor ELSE b END AS y
  WITH r, a, b, x, y,
       type(r) + '|' + x.id + '|' + y.id + '|' + coalesce(r.role, '') + '|' + coalesce(r.title, '') AS newKey
  RETURN collect({
    type: type(r), from: a.id, to: b.id, key: r.key, fromLabel: a.label, toLabel: b.label,
    newFrom: x.id, newTo: y.id, newKey: newKey, sources: coalesce(r.sources, []),
    existing: x <> y AND EXISTS {
      MATCH (x)-[e]->(y)
      WHERE type(e) = type(r) AND e.key = newKey AND e <> r
    }
  }) AS relations
}
RETURN n.id AS id, n.label AS label, n {.*, createdAt: null, updatedAt: null} AS props, relations,
       toString(datetime.transaction()) AS at
