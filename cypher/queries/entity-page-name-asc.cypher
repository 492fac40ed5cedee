// One page of a root list ordered by name, read ascending: the index (label, nameKey, id)
// hands the rows over in order, so the scan stops after $limit matches instead of sorting them all.
// Parameters shared by the entity-page statements (the repository picks one by a fixed map):
// absent filters are null; nameContains also looks in aliases (searchText holds the normalized
// name and aliases). The keyset bounds are exclusive and in ascending (sortKey, id) order,
// whatever order the client asked for: ($lowerKey, $lowerId) and ($upperKey, $upperId), null
// when absent. $limit is one more than the page, to learn whether more rows exist. Rows come in
// reading order; the caller reverses them when it read backwards.
// $seekFrom and $seekTo are the bounds' keys, or '' and '\uffff' when absent: always strings,
// so the planner can turn them into an index range seek; the exact keyset test follows.
// totalCount, in the same round trip as the page. Without $withTotal the UNWIND yields no row,
// so nothing is scanned; count() still yields its single row (0), which the caller ignores.
// A composite index serves only predicates on all its properties: the IS NOT NULL tests, true
// of every node this statement can match, let the planner seek (label, …, id) by label.
// Properties come with their audit times (createdAt, updatedAt) as epoch milliseconds: the
// driver decodes a DATETIME slowly, and every entity and relationship carries two (src/db/values.ts).
CALL () {
  UNWIND CASE WHEN $withTotal THEN [true] ELSE [] END AS counting
  MATCH (n:Entity)
  WHERE n.label = $label AND n.nameKey IS NOT NULL AND n.id IS NOT NULL
    AND ($kind IS NULL OR n.kind = $kind)
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
  WHERE n.label = $label
    AND n.nameKey >= $seekFrom AND n.nameKey <= $seekTo AND n.id IS NOT NULL
    AND ($kind IS NULL OR n.kind = $kind)
    AND ($type IS NULL OR n.type = $type)
    AND ($country IS NULL OR n.country = $country)
    AND ($nameContains IS NULL OR n.searchText CONTAINS $nameContains)
    AND ($nameStartsWith IS NULL OR n.nameKey STARTS WITH $nameStartsWith)
    AND ($dateFrom IS NULL OR n.dateTo >= $dateFrom)
    AND ($dateTo IS NULL OR n.dateFrom <= $dateTo)
    AND ($topic IS NULL OR EXISTS { (n)-[:COVERS|DISCUSSED]->(:Topic {id: $topic}) })
    AND ($lowerKey IS NULL OR n.nameKey > $lowerKey OR (n.nameKey = $lowerKey AND n.id > $lowerId))
    AND ($upperKey IS NULL OR n.nameKey < $upperKey OR (n.nameKey = $upperKey AND n.id < $upperId))
  WITH n
  ORDER BY n.label ASC, n.nameKey ASC, n.id ASC
  LIMIT $limit
  RETURN collect({props: n {.*, createdAt: toFloat(n.createdAt.epochMillis), updatedAt: toFloat(n.updatedAt.epochMillis)}, sortKey: n.nameKey}) AS rows
}
RETURN total, rows
