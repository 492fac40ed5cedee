// One page of conflicts in slug order: the first $limit (an integer) after $after ('' for the
// first page), only those whose subjects include $about when it is not null; and with
// $withTotal, how many there are in all with the same $about, in the same round trip. The
// (label, id) index hands them over in order, as for an export page; a conflict names its
// subjects by slug in a list, which no index can seek, but conflicts are few.
// Without $withTotal the UNWIND yields no row, so nothing is counted; count() still yields its
// single row (0), which the caller ignores. The page is collected so that an empty page still
// comes with its count.
CALL () {
  UNWIND CASE WHEN $withTotal THEN [true] ELSE [] END AS counting
  MATCH (c:Entity)
  USING INDEX c:Entity(label, id)
  WHERE c.label = 'Conflict' AND c.id >= '' AND ($about IS NULL OR $about IN c.subjects)
  RETURN count(c) AS total
}
CALL () {
  MATCH (c:Entity)
  USING INDEX c:Entity(label, id)
  WHERE c.label = 'Conflict' AND c.id > $after AND c.id <= '\uffff' AND ($about IS NULL OR $about IN c.subjects)
  WITH c
  ORDER BY c.label, c.id
  LIMIT $limit
  RETURN collect({{include:fragments/entity-props(c)}}) AS rows
}
RETURN total, rows
