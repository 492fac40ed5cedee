// One page of a root list, and with $withTotal the number of all matches, in one round trip.
// One template for every way of reading a page: src/db/entity-page-slots.ts fills its slots
// from closed lists, by the label ({{entityLabel}}) and which of its indexes hands the rows over
// (cypher/schema/014-label-page-indexes.cypher):
// - by name (nameKey, id) and by slug (id, the label's uniqueness constraint): the index hands
//   the rows over in order, so the scan stops after $limit matches instead of sorting them all
//   (at 1M entities, 200,000 organizations for a page of 10);
// - by date (dateFrom, id), only for filters with a date bound: undated entities are not in the
//   index, and a date bound leaves them out anyway;
// - by date within one kind (kind, dateFrom, id, dateTo): the rows of that kind only, and the
//   count of a date range from index entries alone (for events of one kind in a 7-year range at
//   1M entities, 6,118 db hits where a (dateFrom, id) order took 67,473);
// - otherwise (by date with undated entities, which sort first with the key ''): every entity of
//   the label, sorted.
// {{rowsSeek}} is the hint that makes the planner seek that index: without it, on statistics that
// lag behind the data (after a large import, say), it sometimes chose another and read far more
// of it.
// A filter that names an entity (party, signatory, participant, speaker, about, topic) takes the
// rows from that entity instead: {{rowsFrom}} is the entity and the relationship to follow, and
// {{rowsSeek}} seeks the entity by its slug and hands each row on once (WITH DISTINCT n, before
// the WHERE: an actor with two roles at one event reaches it twice); the page's matches are then
// sorted. Through the index a page stopped after $limit matches, but an entity with few made it
// read the whole label to find them (src/db/entity-page-slots.ts, rowSources, has the figures).
// The seek predicates stay as filters there, so the rows are the same either way.
// {{countSeek}} and {{pageSeek}} name every property of the index (a composite index serves only
// predicates on all its properties); {{sortKey}} is what the page is ordered by, and
// {{sortOrder}} the index's order, ascending or descending, as the page is read.
// {{filters}} holds a predicate for each filter the request gives, and nothing for the others
// (entity-page-slots.ts says why). {{pageBounds}} holds the keyset bounds the request has:
// exclusive and in ascending (sortKey, id) order, whatever order the client asked for,
// ($lowerKey, $lowerId) and ($upperKey, $upperId); by slug the sort key is the slug itself. $seekFrom
// and $seekTo are the bounds' keys, or '' and '\uffff' when absent: always strings, so the
// planner can turn them into an index range seek; the exact keyset test follows. $dateSeekTo is
// $dateTo, or '\uffff' without one: the count seeks the dates up to it. $limit is one more than
// the page, to learn whether more rows exist. Rows come in reading order; the caller reverses
// them when it read backwards. {{rowRecord}} is each row's whole record, or the values of the
// properties its selection reads, listed by name (src/db/record-view.ts). `pageNodes` holds the
// page's nodes themselves; {{pageNodes}} returns them only where a planned nested read embeds
// this statement (cypher/planned/entity-page-tree) and its first level starts from them, and
// leaves them out of a page read alone, whose client gets rows.
// Without $withTotal the UNWIND yields no row, so nothing is counted; count() still yields its
// single row (0), which the caller ignores.
CALL () {
  UNWIND CASE WHEN $withTotal THEN [true] ELSE [] END AS counting
  MATCH {{rowsFrom}}(n:{{entityLabel}})
  {{rowsSeek}}
  WHERE {{countSeek}}
    {{filters}}
  RETURN count(n) AS total
}
CALL () {
  MATCH {{rowsFrom}}(n:{{entityLabel}})
  {{rowsSeek}}
  WHERE {{pageSeek}}
    {{filters}}
    {{pageBounds}}
  WITH n
  ORDER BY {{sortOrder}}
  LIMIT $limit
  RETURN collect({props: {{rowRecord}}, sortKey: {{sortKey}}}) AS rows, collect(n) AS pageNodes
}
RETURN total, rows{{pageNodes}}
