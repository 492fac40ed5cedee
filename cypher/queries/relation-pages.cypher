// One page of one relationship type for each of many entities: the batch behind every
// relation connection. $direction is 'out' (the entity is the start), 'in', or 'both'.
// $labels keeps other ends of these labels, $roles relationships with these roles (null: any).
// Edges are ordered by the other end's name key, then the relationship key, and paged with a
// keyset cursor ($afterKey, $afterId) or backwards ($beforeKey, $beforeId, $backwards).
// The other end's properties come along so the entity loader needs no second round trip, and so
// do those of the entity a SIGNED relation names in onBehalfOf (null for other relations): else
// the signatories of a page whose parties are not in the request already would cost one more.
UNWIND $ids AS id
MATCH (a:Entity {id: id})
CALL (a) {
  MATCH (a)-[r:$($type)]-(b:Entity)
  WHERE ($direction = 'both' OR ($direction = 'out' AND startNode(r) = a) OR ($direction = 'in' AND endNode(r) = a))
    AND ($labels IS NULL OR b.label IN $labels)
    AND ($roles IS NULL OR r.role IN $roles)
  RETURN count(r) AS total
}
CALL (a) {
  MATCH (a)-[r:$($type)]-(b:Entity)
  WHERE ($direction = 'both' OR ($direction = 'out' AND startNode(r) = a) OR ($direction = 'in' AND endNode(r) = a))
    AND ($labels IS NULL OR b.label IN $labels)
    AND ($roles IS NULL OR r.role IN $roles)
  WITH r, b, coalesce(b.nameKey, '') AS sortKey
  WHERE ($afterKey IS NULL OR sortKey > $afterKey OR (sortKey = $afterKey AND r.key > $afterId))
    AND ($beforeKey IS NULL OR sortKey < $beforeKey OR (sortKey = $beforeKey AND r.key < $beforeId))
  WITH r, b, sortKey
  ORDER BY
    CASE WHEN $backwards THEN null ELSE sortKey END ASC,
    CASE WHEN $backwards THEN null ELSE r.key END ASC,
    CASE WHEN $backwards THEN sortKey END DESC,
    CASE WHEN $backwards THEN r.key END DESC
  LIMIT $limit
  RETURN collect({ type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r), sortKey: sortKey, other: properties(b),
                   onBehalfOf: head(COLLECT { MATCH (behalf:Entity {id: r.onBehalfOf}) RETURN properties(behalf) }) }) AS edges
}
RETURN id, total, edges
