// One page of an entity's history, oldest first by (at, id): its own changes and those of the
// relations that start or end at it, from the Change(entityId | from | to, at, id) indexes
// (cypher/schema/017-change-ends). The keyset is curation/changes-page's: the changes at exactly
// $from with an id above $afterId, then those after $from; each of the six halves is an index
// seek in log order that stops after $limit rows, so a page costs the same wherever it starts,
// however long the log. UNION keeps a change once.
CALL () {
  MATCH (c:Change)
  USING INDEX SEEK c:Change(entityId, at, id)
  WHERE c.entityId = $entity AND c.at = datetime($from) AND c.id > $afterId
  RETURN c ORDER BY c.at, c.id LIMIT $limit
  UNION
  MATCH (c:Change)
  USING INDEX SEEK c:Change(entityId, at, id)
  WHERE c.entityId = $entity AND c.at > datetime($from) AND c.id IS NOT NULL
  RETURN c ORDER BY c.at, c.id LIMIT $limit
  UNION
  MATCH (c:Change)
  USING INDEX SEEK c:Change(from, at, id)
  WHERE c.from = $entity AND c.at = datetime($from) AND c.id > $afterId
  RETURN c ORDER BY c.at, c.id LIMIT $limit
  UNION
  MATCH (c:Change)
  USING INDEX SEEK c:Change(from, at, id)
  WHERE c.from = $entity AND c.at > datetime($from) AND c.id IS NOT NULL
  RETURN c ORDER BY c.at, c.id LIMIT $limit
  UNION
  MATCH (c:Change)
  USING INDEX SEEK c:Change(to, at, id)
  WHERE c.to = $entity AND c.at = datetime($from) AND c.id > $afterId
  RETURN c ORDER BY c.at, c.id LIMIT $limit
  UNION
  MATCH (c:Change)
  USING INDEX SEEK c:Change(to, at, id)
  WHERE c.to = $entity AND c.at > datetime($from) AND c.id IS NOT NULL
  RETURN c ORDER BY c.at, c.id LIMIT $limit
}
WITH c
ORDER BY c.at, c.id
LIMIT $limit
RETURN {{include:fragments/change-record(c)}} AS change
