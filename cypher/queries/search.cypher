// Ranked full-text search (docs/search.md). Parameters, all built by searchParameters() in
// src/domain/text/search-query.ts from the text a person typed:
//   $all         Lucene query in which every content word of the query is required (each word
//                may match in any field and form); null when the query has one word
//   $any         the same words, none required: the fallback when all words together find
//                fewer than $first entities
//   $exact       the query's normalized forms, compared with the lines of searchText
//   $exactKeys   the query's match keys, compared with the lines of searchVariants
//   $words       the query's content words, [{text, key}] (positionWords), for positions (below); empty for a
//                query of one word
//   $labels      entity labels to keep, or null for all
//   $first       how many hits to return; $candidates  how many to take from the index per query
// A person is also found by a position: "Coordination Center director" names the title of one
// of Andrey Vorobyev's positions and the organization that holds it. For each person among the
// hits, the position that holds most query words adds to the score, and a person whose own
// words and that position's hold them all counts as matching every word.
// Order: an entity with a name, alias or form exactly the query first; then entities that match
// every word; then by score, then by slug. The second index query runs only when the first found
// too few, so a query whose words all match costs one index lookup.
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
CALL (node) {
  WITH node WHERE size($words) > 1 AND node:Person
  WITH node, split(replace(coalesce(node.searchVariants, '') + '\n' + coalesce(node.searchDetails, ''), '\n', ' '), ' ') AS own
  MATCH (node)-[position:HOLDS_POSITION]->(holder:Entity)
  WITH own, split(toLower(coalesce(position.title, '')), ' ') AS title,
       split(replace(coalesce(holder.searchVariants, ''), '\n', ' '), ' ') AS holderWords
  WITH own, [word IN $words WHERE any(part IN title WHERE part = word.text OR part STARTS WITH word.key) OR word.key IN holderWords] AS held
  RETURN max(size(held)) AS positionWords,
         max(size([word IN $words WHERE word IN held OR word.key IN own])) AS coveredWords
}
WITH node, score + 5.0 * coalesce(positionWords, 0) AS score,
     allWords OR coalesce(coveredWords, 0) = size($words) AND size($words) > 1 AS allWords
WITH node, score, allWords,
     any(form IN split(node.searchText, '\n') WHERE form IN $exact) OR
     any(form IN split(coalesce(node.searchVariants, ''), '\n') WHERE form IN $exactKeys) AS exact
RETURN node {.*, createdAt: toFloat(node.createdAt.epochMillis), updatedAt: toFloat(node.updatedAt.epochMillis)} AS props,
       score, allWords OR exact AS allWords
ORDER BY exact DESC, allWords DESC, score DESC, node.id ASC
LIMIT $first
