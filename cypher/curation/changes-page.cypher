// One page of the change log, oldest first by (at, id), read from the Change(at, id) index.
// $from/$afterId is the keyset position to continue after: the page holds the changes at
// exactly $from with an id above $afterId (the rest of one transaction's changes, which share
// their time), then those after $from. Each half is an index seek that stops after $limit
// rows, so a page costs the same wherever it starts. $from is a datetime's full text (with
// nanoseconds), so a cursor repeats the stored time exactly.
// The index hints keep the seeks when the planner's statistics would favour a scan (a small log).
CALL () {
  MATCH (c:Change)
  USING INDEX SEEK c:Change(at, id)
  WHERE c.at = datetime($from) AND c.id > $afterId
  RETURN c
  ORDER BY c.at, c.id
  LIMIT $limit
  UNION ALL
  MATCH (c:Change)
  USING INDEX SEEK c:Change(at, id)
  WHERE c.at > datetime($from) AND c.id IS NOT NULL
  RETURN c
  ORDER BY c.at, c.id
  LIMIT $limit
}
WITH c
ORDER BY c.at, c.id
LIMIT $limit
RETURN {{include:fragments/change-record(c)}} AS change
