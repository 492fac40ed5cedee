// One page of one entity type for the root list fields, with filters and a keyset cursor.
// The label arrives as a value compared with the stored `label` property, so the composite
// index (label, nameKey, id) serves every type. $orderBy: 'NAME' | 'DATE' | 'ID'; $ascending is
// the order the client asked for; $backwards reads from the end (for `last`), and the caller
// reverses those rows. Absent filters are null. nameContains also looks in aliases: searchText
// holds the normalized name and aliases.
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
WITH n, CASE $orderBy WHEN 'DATE' THEN coalesce(n.dateFrom, '') WHEN 'ID' THEN n.id ELSE n.nameKey END AS sortKey
WHERE ($afterKey IS NULL
       OR ($ascending AND (sortKey > $afterKey OR (sortKey = $afterKey AND n.id > $afterId)))
       OR (NOT $ascending AND (sortKey < $afterKey OR (sortKey = $afterKey AND n.id < $afterId))))
  AND ($beforeKey IS NULL
       OR ($ascending AND (sortKey < $beforeKey OR (sortKey = $beforeKey AND n.id < $beforeId)))
       OR (NOT $ascending AND (sortKey > $beforeKey OR (sortKey = $beforeKey AND n.id > $beforeId))))
WITH n, sortKey
ORDER BY
  CASE WHEN $ascending <> $backwards THEN sortKey END ASC,
  CASE WHEN $ascending <> $backwards THEN n.id END ASC,
  CASE WHEN $ascending = $backwards THEN sortKey END DESC,
  CASE WHEN $ascending = $backwards THEN n.id END DESC
LIMIT $limit
RETURN properties(n) AS props, sortKey
