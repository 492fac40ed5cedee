// How many entities of one type match the list filters (the same filters as entity-page),
// counted in the database: totalCount never loads the nodes.
MATCH (n:Entity)
WHERE n.label = $label
  AND ($kind IS NULL OR n.kind = $kind)
  AND ($type IS NULL OR n.type = $type)
  AND ($country IS NULL OR n.country = $country)
  AND ($nameContains IS NULL OR n.searchText CONTAINS $nameContains)
  AND ($nameStartsWith IS NULL OR n.nameKey STARTS WITH $nameStartsWith)
  AND ($dateFrom IS NULL OR n.dateTo >= $dateFrom)
  AND ($dateTo IS NULL OR n.dateFrom <= $dateTo)
  AND ($topic IS NULL OR EXISTS { (n)-[:COVERS|DISCUSSED]->(:Topic {id: $topic}) })
RETURN count(n) AS total
