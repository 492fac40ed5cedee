// One page of a root list of one kind ordered by date, read descending: the index (label, kind,
// dateFrom, id, dateTo) hands the rows of that kind over in date order, and holds dateTo, so the
// count of a date range reads index entries only: for events of one kind in a 7-year range at
// 1M entities, 6,118 db hits where (label, dateFrom, id) took 67,473. Only for a given kind and a
// date bound. The index holds entities with a kind and both dates; a dated entity has both (the
// loader derives dateTo with dateFrom), so this reads the rows entity-page-date-desc would.
// Parameters shared by the entity-page statements (the repository picks one by a fixed map):
// absent filters are null; nameContains also looks in aliases (searchText holds the normalized
// name and aliases). The keyset bounds are exclusive and in ascending (sortKey, id) order,
// whatever order the client asked for: ($lowerKey, $lowerId) and ($upperKey, $upperId), null
// when absent. $limit is one more than the page, to learn whether more rows exist. Rows come in
// reading order; the caller reverses them when it read backwards.
// $seekFrom and $seekTo are the bounds' keys, or '' and '\uffff' when absent: always strings,
// so the planner can turn them into an index range seek; the exact keyset test follows.
// $dateSeekTo is $dateTo, or '\uffff' without one: the count seeks the dates up to it, not
// every dated entity of the kind (what starts after the range cannot overlap it).
// totalCount, in the same round trip as the page. Without $withTotal the UNWIND yields no row,
// so nothing is scanned; count() still yields its single row (0), which the caller ignores.
// Properties come with their audit times (createdAt, updatedAt) as epoch milliseconds: the
// driver decodes a DATETIME slowly, and every entity and relationship carries two (src/db/values.ts).
CALL () {
  UNWIND CASE WHEN $withTotal THEN [true] ELSE [] END AS counting
  MATCH (n:Entity)
  WHERE n.label = $label AND n.kind = $kind
    AND n.dateFrom >= '' AND n.dateFrom <= $dateSeekTo AND n.id IS NOT NULL AND n.dateTo IS NOT NULL
    AND ($type IS NULL OR n.type = $type)
    AND ($country IS NULL OR n.country = $country)
    AND ($nameContains IS NULL OR n.searchText CONTAINS $nameContains)
    AND ($nameStartsWith IS NULL OR n.nameKey STARTS WITH $nameStartsWith)
    AND ($dateFrom IS NULL OR n.dateTo >= $dateFrom)
    AND ($dateTo IS NULL OR n.dateFrom <= $dateTo)
    AND ($topic IS NULL OR EXISTS { (n)-[:COVERS|DISCUSSED]->(:Topic {id: $topic}) })
  RETURN count(n) AS total
}
CALL () {
  MATCH (n:Entity)
  WHERE n.label = $label AND n.kind = $kind
    AND n.dateFrom >= $seekFrom AND n.dateFrom <= $seekTo AND n.id IS NOT NULL AND n.dateTo IS NOT NULL
    AND ($type IS NULL OR n.type = $type)
    AND ($country IS NULL OR n.country = $country)
    AND ($nameContains IS NULL OR n.searchText CONTAINS $nameContains)
    AND ($nameStartsWith IS NULL OR n.nameKey STARTS WITH $nameStartsWith)
    AND ($dateFrom IS NULL OR n.dateTo >= $dateFrom)
    AND ($dateTo IS NULL OR n.dateFrom <= $dateTo)
    AND ($topic IS NULL OR EXISTS { (n)-[:COVERS|DISCUSSED]->(:Topic {id: $topic}) })
    AND ($lowerKey IS NULL OR n.dateFrom > $lowerKey OR (n.dateFrom = $lowerKey AND n.id > $lowerId))
    AND ($upperKey IS NULL OR n.dateFrom < $upperKey OR (n.dateFrom = $upperKey AND n.id < $upperId))
  WITH n
  ORDER BY n.label DESC, n.kind DESC, n.dateFrom DESC, n.id DESC
  LIMIT $limit
  RETURN collect({props: n {.*, createdAt: toFloat(n.createdAt.epochMillis), updatedAt: toFloat(n.updatedAt.epochMillis)}, sortKey: n.dateFrom}) AS rows
}
RETURN total, rows
