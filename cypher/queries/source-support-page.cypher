// What one source supports: every entity that cites it (its slug in the entity's `sources`, or
// in one of its claims: claims are JSON text, $quoted is the slug in quotes and the caller reads
// the claims), then every relationship that cites it, entities in slug order and relationships
// in key order. One page of $limit after the position ($afterPart 0 for entities, 1 for
// relationships; $afterKey the last slug or key read, '' before the first), and with $withTotal
// how many there are in all, in the same round trip. $evidence (null for any) keeps the records
// whose citation of the source is of one of these kinds: [STATED, INFERRED] leaves out what the
// article is cited for as outside knowledge, and what only a claim of the record cites it for.
// The citing records come from cypher/schema/015-source-citations' indexes: one exact term of
// the keyword full-text indexes on `sources` (`IN` keeps the match exact, as fragments/former-slug
// does), and the text index on claims; so a page reads what cites the source, and sorts it,
// rather than every entity and relationship of the graph. Only slugs reach the term (the caller
// resolves the source first), so nothing is read as Lucene syntax. The source itself lists
// itself: left out. So are conflicts: a conflict cites the sources of its sides, which are listed
// here themselves (the relationships and claims that disagree), and `conflicts` lists the records.
CALL () {
  UNWIND CASE WHEN $withTotal THEN [true] ELSE [] END AS counting
  CALL () {
    CALL () {
      {{include:fragments/citing-entities}}
    }
    WITH e WHERE e.label <> 'Conflict' AND ($evidence IS NULL OR {{include:fragments/citation-kind(e)}} IN $evidence)
    RETURN count(e) AS found
    UNION ALL
    {{include:fragments/citing-relations}}
    WITH r WHERE $evidence IS NULL OR {{include:fragments/citation-kind(r)}} IN $evidence
    RETURN count(r) AS found
  }
  RETURN sum(found) AS total
}
CALL () {
  CALL () {
    // A page after the first relationship has read every entity: the entities are not looked up again.
    UNWIND CASE WHEN $afterPart = 0 THEN [true] ELSE [] END AS entitiesLeft
    CALL () {
      {{include:fragments/citing-entities}}
    }
    WITH e WHERE e.label <> 'Conflict' AND e.id > $afterKey
      AND ($evidence IS NULL OR {{include:fragments/citation-kind(e)}} IN $evidence)
    WITH e ORDER BY e.id LIMIT $limit
    RETURN 0 AS part, e.id AS key, {{include:fragments/entity-props(e)}} AS entity, null AS relation
    UNION ALL
    {{include:fragments/citing-relations}}
    WITH r WHERE ($afterPart = 0 OR r.key > $afterKey)
      AND ($evidence IS NULL OR {{include:fragments/citation-kind(r)}} IN $evidence)
    WITH r ORDER BY r.key LIMIT $limit
    RETURN 1 AS part, r.key AS key, null AS entity,
      {id: r.key, type: type(r), from: startNode(r).id, to: endNode(r).id, props: {{include:fragments/relation-props(r)}}} AS relation
  }
  WITH part, key, entity, relation ORDER BY part, key LIMIT $limit
  RETURN collect({part: part, key: key, entity: entity, relation: relation}) AS rows
}
RETURN coalesce(total, 0) AS total, rows
