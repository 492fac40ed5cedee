// The dated facts of one entity (usually an actor), for the timeline query: every relationship
// touching it that is dated itself (SIGNED on a date, HOLDS_POSITION or MEMBER_OF from a
// startDate) or whose other end is dated (a memorandum's date, an event's startDate, a
// document's date). The relationship's own date wins over the other end's. Each entry keeps the
// partial date as written (its precision) and the first/last days it covers (dateFrom, dateTo;
// dateTo is null for something still going on, e.g. a membership with no endDate).
// $from/$to: the first and the last day of the window ('YYYY-MM-DD', null for open); an entry is
// kept when its days overlap the window. $evidence: only relationships with a citation of these kinds
// (null: any). Order: dateFrom, type, the other end's slug, then the
// relationship key; at most $first entries. The entity's own properties come back too (null
// for an unknown slug), so "no such entity" and "nothing dated" take one round trip.
OPTIONAL MATCH (a:Entity {id: $id})
CALL (a) {
  MATCH (a)-[r]-(b:Entity)
  WHERE {{include:fragments/evidence-filter(r)}}
  WITH r, b, r.dateFrom IS NOT NULL AS own
  WITH r, b,
       CASE WHEN own THEN r.dateFrom ELSE b.dateFrom END AS dateFrom,
       CASE WHEN own THEN r.dateTo ELSE b.dateTo END AS dateTo,
       CASE WHEN own THEN coalesce(r.date, r.startDate) ELSE coalesce(b.date, b.startDate) END AS date,
       CASE WHEN own THEN r.endDate ELSE b.endDate END AS endDate
  WHERE dateFrom IS NOT NULL AND date IS NOT NULL
    AND ($from IS NULL OR dateTo IS NULL OR dateTo >= $from)
    AND ($to IS NULL OR dateFrom <= $to)
  WITH r, b, dateFrom, dateTo, date, endDate, type(r) AS type
  ORDER BY dateFrom, type, b.id, r.key
  LIMIT $first
  RETURN collect({
    date: date,
    endDate: endDate,
    dateFrom: dateFrom,
    dateTo: dateTo,
    edge: {id: elementId(r), type: type, from: startNode(r).id, to: endNode(r).id, props: {{include:fragments/props(r)}}},
    other: {{include:fragments/props(b)}}
  }) AS entries
}
RETURN {{include:fragments/props(a)}} AS entity, entries
