// The dated facts of one entity (usually an actor), for timeline(actor:): its own date (an event's
// startDate), every relationship touching it that is dated itself (SIGNED on a date, HOLDS_POSITION
// or MEMBER_OF from a startDate), and, for a relationship with no date of its own, the date of
// its other end (a memorandum's date, an event's startDate, a document's date). The relationship's
// own date wins over the other end's. Each entry keeps the partial date as written (its precision)
// and the first/last days it covers (dateFrom, dateTo; dateTo is null for something still going on).
// Parameters as in queries/timeline-graph: the window ($asOfFrom..$asOfTo, overlap, through
// fragments/as-of), $labels for the dates of entities (the other end's type, or the entity's own),
// $types for relationships' own dates, $evidence (fragments/evidence-filter on the relationship
// and fragments/date-evidence on the date), the keyset ($afterDate, $afterKey) and $limit.
// Key: the entity's slug for its own date, else the relationship's key (one entry each).
// An entity's relationships are few (its degree): they are read and sorted here, no index needed.
// {{timelineAnswer}} (src/db/timeline-slots.ts) ends it: the page, or the count of every fact
// (totalCount; the caller leaves the keyset open).
MATCH (a:Entity {id: $id})
CALL (a) {
  WITH a
  WHERE a.dateFrom IS NOT NULL AND a.label IN $labels
  RETURN a AS node, null AS relation, null AS other, a AS fact, a.id AS key
  UNION ALL
  MATCH (a)-[r]-(b:Entity)
  WHERE {{include:fragments/evidence-filter(r)}}
  WITH r, b, CASE WHEN r.dateFrom IS NULL THEN b ELSE null END AS node
  WHERE CASE WHEN node IS NULL THEN type(r) IN $types ELSE b.label IN $labels END
  RETURN node, r AS relation, b AS other, coalesce(node, r) AS fact, r.key AS key
}
WITH node, relation, other, fact, fact.dateFrom AS dateFrom, key
WHERE dateFrom IS NOT NULL AND {{include:fragments/as-of(fact)}} AND {{include:fragments/date-evidence(fact)}}
  AND ($afterDate IS NULL OR dateFrom > $afterDate OR (dateFrom = $afterDate AND key > $afterKey))
{{timelineAnswer}}
