// Full-text search over every entity's names, aliases and IDN forms. $query is a Lucene query
// built from normalized letters and digits only; $labels (null: any) narrows the types.
// $exact holds the query's own normalized forms: an entity with a name, alias or form exactly
// equal to one of them (a line of searchText) comes before the others, however long its other
// names make its score; then by score, then by slug.
CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: $candidates}) YIELD node, score
WHERE $labels IS NULL OR node.label IN $labels
WITH node, score, any(form IN split(node.searchText, '\n') WHERE form IN $exact) AS exact
RETURN {{include:fragments/props(node)}} AS props, score
ORDER BY exact DESC, score DESC, node.id ASC
LIMIT $first
