// Ranked full-text search (docs/search.md). Parameters, all built by searchParameters() in
// src/domain/text/search-query.ts from the text a person typed:
//   $all         Lucene query in which every content word of the query is required (each word
//                may match in any field and form); null when the query has one word
//   $any         the same words, none required: the fallback when all words together find
//                fewer than $first entities
//   $exact       the query's normalized forms, compared with the lines of searchText
//   $exactKeys   the query's match keys, compared with the lines of searchVariants
//   $labels      entity labels to keep, or null for all
//   $first       how many hits to return; $candidates  how many to take from the index per query
// Order: an entity with a name, alias or form exactly the query first; then entities that match
// every word ($all); then by score, then by slug. The second index query runs only when the
// first found too few, so a query whose words all match costs one index lookup.
// Properties come with their audit times (createdAt, updatedAt) as epoch milliseconds: the
// driver decodes a DATETIME slowly, and every entity and relationship carries two (src/db/values.ts).
CALL db.index.fulltext.queryNodes('entity_search_v2', coalesce($all, $any), {limit: $candidates}) YIELD node, score
WHERE $labels IS NULL OR node.label IN $labels
WITH collect({node: node, score: score}) AS strict
CALL (strict) {
  WITH strict WHERE $all IS NOT NULL AND size(strict) < $first
  CALL db.index.fulltext.queryNodes('entity_search_v2', $any, {limit: $candidates}) YIELD node, score
  WHERE $labels IS NULL OR node.label IN $labels
  RETURN collect({node: node, score: score}) AS loose
}
UNWIND [hit IN strict | hit {.*, allWords: true}] + [hit IN loose | hit {.*, allWords: false}] AS hit
WITH hit.node AS node, max(hit.score) AS score, any(found IN collect(hit.allWords) WHERE found) AS allWords
WITH node, score, allWords,
     any(form IN split(node.searchText, '\n') WHERE form IN $exact) OR
     any(form IN split(coalesce(node.searchVariants, ''), '\n') WHERE form IN $exactKeys) AS exact
RETURN node {.*, createdAt: toFloat(node.createdAt.epochMillis), updatedAt: toFloat(node.updatedAt.epochMillis)} AS props,
       score, allWords OR exact AS allWords
ORDER BY exact DESC, allWords DESC, score DESC, node.id ASC
LIMIT $first
