// Full-text search over every entity's names, aliases and IDN forms. $query is a Lucene query
// built from normalized letters and digits only; $labels (null: any) narrows the types.
CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: $candidates}) YIELD node, score
WHERE $labels IS NULL OR node.label IN $labels
RETURN properties(node) AS props, score
ORDER BY score DESC, node.id ASC
LIMIT $first
