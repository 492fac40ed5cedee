// What one source supports: every entity that cites it (its slug in the entity's `sources`, or
// in one of its claims: claims are JSON text, $quoted is the slug in quotes and the caller reads
// the claims), then every relationship that cites it, entities in slug order and relationships
// in key order. One page of $limit after the position ($afterPart 0 for entities, 1 for
// relationships; $afterKey the last slug or key read, '' before the first), and with $withTotal
// how many there are in all, in the same round trip.
// Neo4j cannot index membership in a list property, so both parts read every entity and every
// relationship, as curation/citing-source does (only relationships between entities carry
// `sources`; their ends are read for the page's rows only); the cost model charges it
// (src/schema/cost.ts, scanCosts.sourceSupport). The source itself lists itself: left out. So
// are conflicts: a conflict cites the sources of its sides, which are listed here themselves (the
// relationships and claims that disagree), and `conflicts` lists the records.
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
