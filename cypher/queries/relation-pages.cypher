// One page of one relationship type for each of many entities: the batch behind every
// relation connection. {{type}}, {{left}}, {{right}} and {{order}} are written into the text
// from the parameters of those names (src/db/cypher-files.ts): the type, the arrow's two halves
// for the direction ('-', '->' when the entity is the start; '<-', '-' when it is the end; '-',
// '-' for either), and ASC, or DESC for a descending page or to read backwards (for `last`; both,
// ASC again). Given as parameters
// ([r:$($type)]), Neo4j 5 would expand every relationship of every entity and filter them
// afterwards: a person's page of positions read all of their signatures and participations too.
// {{relationFilters}} holds the predicates of the filters given ($labels: other ends of these
// labels, $roles: relationships with these roles, $evidence: with a citation of these kinds, the
// as-of range), and {{edgeBounds}} the keyset bounds given: src/db/relation-page-slots.ts.
// Edges are ordered by {{edgeSortKey}}, k: the other end's name key ('' when it has none), or the
// date the relationship holds from (orderBy: DATE); then by the relationship key; and paged with
// the keyset bounds ($lowerKey, $lowerId) and ($upperKey, $upperId), in ascending terms.
// $limit is the page's size, or one more when the selection reads pageInfo, to learn whether
// more exist (src/schema/relations.ts, relationPageRequest). The text is kept short (the
// driver writes a message in 1,400-byte pieces, one socket write each).
// totalCount only with $withTotal: without it the UNWIND yields no row and nothing is read.
// The other end's properties come along so the entity loader needs no second round trip, and so
// do those of the entity a SIGNED relation names in onBehalfOf (null for other relations): else
// the signatories of a page whose parties are not in the request already would cost one more.
// `forward` says whether the entity is the relationship's start (the caller writes from/to).
// The other end b has no label test: relationships of these types join entities only (the
// writes match both ends as :Entity; a merge re-points every relationship of the entities it
// retires), and the test cost a db hit per relationship read (454 of Q3's 2,980 at 10k).
UNWIND $ids AS id
MATCH (a:Entity {id: id})
CALL (a) {
UNWIND CASE WHEN $withTotal THEN [1] ELSE [] END AS counting
MATCH (a){{left}}[r:{{type}}]{{right}}(b)
WHERE true {{relationFilters}}
RETURN count(r) AS total
}
CALL (a) {
MATCH (a){{left}}[r:{{type}}]{{right}}(b)
WHERE true {{relationFilters}}
WITH r, b, {{edgeSortKey}} AS k
WHERE true {{edgeBounds}}
WITH r, b, k ORDER BY k {{order}}, r.key {{order}} LIMIT $limit
RETURN collect({forward: startNode(r) = a,
props: {{include:fragments/relation-props(r)}},
other: {{include:fragments/entity-props(b)}},
onBehalfOf: head(COLLECT { MATCH (o:Entity {id: r.onBehalfOf})
RETURN {{include:fragments/entity-props(o)}} })}) AS edges
}
RETURN id, total, edges
