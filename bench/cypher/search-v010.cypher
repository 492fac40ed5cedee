// Q4 as v0.1.0 sent it (cypher/queries/search.cypher at the tag), kept only so that
// bench/search-then-now.ts can time it beside today's statement on the same database. It reads
// the index v0.1.0 had, rebuilt under its own name by that script for the measurement.
CALL db.index.fulltext.queryNodes('entity_search_v010', $query, {limit: $candidates}) YIELD node, score
WHERE $labels IS NULL OR node.label IN $labels
WITH node, score, any(form IN split(node.searchText, '\n') WHERE form IN $exact) AS exact
RETURN node {.*, createdAt: toFloat(node.createdAt.epochMillis), updatedAt: toFloat(node.updatedAt.epochMillis)} AS props, score
ORDER BY exact DESC, score DESC, node.id ASC
LIMIT $first
