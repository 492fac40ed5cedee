// Source.supports as it read before cypher/schema/015-source-citations (until a8e9e81): every
// entity and every relationship tested for the source's slug in its `sources` list, since range
// indexes hold a list as one value. Kept for bench/source-supports.ts, which times it beside
// cypher/queries/source-support-page on the same store; the parameters are the same.
CALL () {
  UNWIND CASE WHEN $withTotal THEN [true] ELSE [] END AS counting
  CALL () {
    MATCH (e:Entity)
    WHERE e.id <> $source AND e.label <> 'Conflict' AND ($source IN e.sources OR e.claims CONTAINS $quoted)
    RETURN count(e) AS found
    UNION ALL
    MATCH ()-[r]->()
    WHERE $source IN r.sources
    RETURN count(r) AS found
  }
  RETURN sum(found) AS total
}
CALL () {
  CALL () {
    MATCH (e:Entity)
    WHERE $afterPart = 0 AND e.id > $afterKey AND e.id <> $source AND e.label <> 'Conflict'
      AND ($source IN e.sources OR e.claims CONTAINS $quoted)
    WITH e ORDER BY e.id LIMIT $limit
    RETURN 0 AS part, e.id AS key, {{include:fragments/entity-props(e)}} AS entity, null AS relation
    UNION ALL
    MATCH ()-[r]->()
    WHERE $source IN r.sources AND ($afterPart = 0 OR r.key > $afterKey)
    WITH r ORDER BY r.key LIMIT $limit
    RETURN 1 AS part, r.key AS key, null AS entity,
      {id: r.key, type: type(r), from: startNode(r).id, to: endNode(r).id, props: {{include:fragments/relation-props(r)}}} AS relation
  }
  WITH part, key, entity, relation ORDER BY part, key LIMIT $limit
  RETURN collect({part: part, key: key, entity: entity, relation: relation}) AS rows
}
RETURN coalesce(total, 0) AS total, rows
