// {{include:fragments/entity-filters}}: the filters of a root list, as more conditions of a WHERE
// on n (cypher/queries/entity-page.cypher, once for the count and once for the page). An absent
// filter is null; nameContains also looks in aliases (searchText holds the normalized name and
// aliases); $dateFrom and $dateTo keep what overlaps the range; $topic keeps what covers or
// discussed that topic, or (a statement) is about it.
AND ($kind IS NULL OR n.kind = $kind)
    AND ($type IS NULL OR n.type = $type)
    AND ($country IS NULL OR n.country = $country)
    AND ($nameContains IS NULL OR n.searchText CONTAINS $nameContains)
    AND ($nameStartsWith IS NULL OR n.nameKey STARTS WITH $nameStartsWith)
    AND ($dateFrom IS NULL OR n.dateTo >= $dateFrom)
    AND ($dateTo IS NULL OR n.dateFrom <= $dateTo)
    AND ($topic IS NULL OR EXISTS { (n)-[:COVERS|DISCUSSED|ABOUT]->(:Topic {id: $topic}) })
