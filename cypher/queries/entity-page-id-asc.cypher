// One page of a root list ordered by slug, read ascending: the index (label, id) hands the rows
// over in order, so the scan stops after $limit matches instead of sorting them all (the
// generic statement read every entity of the label: at 1M entities, 200,000 organizations for a
// page of 10). Every entity has a name key (the loader derives it), so this reads the same rows
// as the generic statement, which asks for one.
// Parameters shared by the entity-page statements (the repository picks one by a fixed map):
// absent filters are null; nameContains also looks in aliases (searchText holds the normalized
// name and aliases). The keyset bounds are exclusive and in ascending (sortKey, id) order,
// whatever order the client asked for: ($lowerKey, $lowerId) and ($upperKey, $upperId), null
// when absent; by slug the sort key is the slug itself (the keyset test keeps the generic
// statement's form, so a cursor means the same to both). $limit is one more than the page, to
// learn whether more rows exist. Rows come in reading order; the caller reverses them when it
// read backwards.
// $seekFrom and $seekTo are the bounds' keys, or '' and '\uffff' when absent: always strings,
// so the planner can turn them into an index range seek; the exact keyset test follows.
// totalCount, in the same round trip as the page. Without $withTotal the UNWIND yields no row,
// so nothing is scanned; count() still yields its single row (0), which the caller ignores.
// Properties come with their audit times (createdAt, updatedAt) as epoch milliseconds: the
// driver decodes a DATETIME slowly, and every entity and relationship carries two (src/db/values.ts).
CALL () {
  UNWIND CASE WHEN $withTotal THEN [true] ELSE [] END AS counting
  MATCH (n:Entity)
  WHERE n.label = $label AND n.id IS NOT NULL
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
    AND n.id >= $seekFrom AND n.id <= $seekTo
    AND ($kind IS NULL OR n.kind = $kind)
    AND ($type IS NULL OR n.type = $type)
    AND ($country IS NULL OR n.country = $country)
    AND ($nameContains IS NULL OR n.searchText CONTAINS $nameContains)
    AND ($nameStartsWith IS NULL OR n.nameKey STARTS WITH $nameStartsWith)
    AND ($dateFrom IS NULL OR n.dateTo >= $dateFrom)
    AND ($dateTo IS NULL OR n.dateFrom <= $dateTo)
    AND ($topic IS NULL OR EXISTS { (n)-[:COVERS|DISCUSSED]->(:Topic {id: $topic}) })
    AND ($lowerKey IS NULL OR n.id > $lowerKey OR (n.id = $lowerKey AND n.id > $lowerId))
    AND ($upperKey IS NULL OR n.id < $upperKey OR (n.id = $upperKey AND n.id < $upperId))
  WITH n
  ORDER BY n.label ASC, n.id ASC
  LIMIT $limit
  RETURN collect({props: n {.*, createdAt: toFloat(n.createdAt.epochMillis), updatedAt: toFloat(n.updatedAt.epochMillis)}, sortKey: n.id}) AS rows
}
RETURN total, rows
