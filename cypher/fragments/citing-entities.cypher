// {{include:fragments/citing-entities}}: the body of a subquery that returns, as `e`, each entity
// that cites the source $source, other than the source itself: its slug in the
// entity's `sources` (one exact term of the keyword full-text index entity_sources; `IN` keeps the
// match exact), or in one of its claims ($quoted, the slug in quotes, found by the text index
// entity_claims; the caller parses the claims to be sure). UNION keeps an entity that cites it
// both ways once. See cypher/schema/015-source-citations. The hint holds the claims to their
// index: on some statistics the planner scanned every entity's id instead, to test `e.id`.
CALL db.index.fulltext.queryNodes('entity_sources', '"' + $source + '"') YIELD node
WITH node AS e WHERE $source IN e.sources AND e.id <> $source
RETURN e
UNION
MATCH (e:Entity) USING TEXT INDEX e:Entity(claims) WHERE e.claims CONTAINS $quoted AND e.id <> $source
RETURN e
