// Every shortest undirected path between two entities, for the paths query, with each hop's
// relationship as stored (from = its start node) so the caller can cite the sources of every hop.
// {{pathSearch}}: the search, with only the filters the request has (src/db/path-search-slots.ts):
// $types, relationship types a path may use; $evidence, only relationships with a citation of
// these kinds; $asOfFrom/$asOfTo/$includeUndated, only relationships current in that period. A
// variable-length bound cannot be a parameter: the search is bounded by the literal 6 (the
// largest maxHops the API accepts) and paths longer than $maxHops are dropped (all shortest paths
// have one length, so that keeps all or none). Without filters the search has no predicate at
// all: Neo4j does not fold `$types IS NULL` away, and evaluating that (always true) predicate on
// every relationship the search expands doubled the statement's time on the 1M benchmark graph
// (Q5: 50 ms against 26 ms server time, medians of 120;
// bench/results/2026-12-04-readme-section.md).
// $from/$to are slugs as a client gave them: each is resolved here as queries/entities-by-id
// resolves slugs (a current slug first, then former slugs, fragments/former-slug), so the ends
// and the paths take one round trip. Both go through one lookup (UNWIND, and each picked back
// by its slug): written out once per end, the lookup made the statement too long for one of the
// driver's 1,400-byte Bolt chunks, so each request took two socket writes (and two wake-ups of
// Neo4j) instead of one. The ends come back as their slug and label (null when a slug
// names nothing), so the caller can tell "no path" from "no such entity", check a global ID's
// type, and tell two references to one entity apart; only then, to explain the error, does it
// read more. Their other properties come with the paths, on which they are the first and last
// entities. At most 200 paths are enumerated; they are put in a stable order (their slugs, then
// relationship keys, hop by hop) and the first $first kept.
// {{pathParts}} (src/db/path-parts-slots.ts): the entities and relationships on the paths. Whole
// records come once each, in `entities` and `relations`, and each path lists its entities' slugs
// and its relationships' element ids (the caller puts the paths together); through the record
// view the selection reads, each path carries the values inline, its relationships as their
// start node's slug, type and values.
UNWIND [$from, $to] AS slug
OPTIONAL MATCH (current:Entity {id: slug})
OPTIONAL CALL (slug, current) {
  WITH slug
  WHERE current IS NULL AND slug =~ '[a-z0-9]+(-[a-z0-9]+)*'
  {{include:fragments/former-slug(slug)}}
}
WITH collect({slug: slug, entity: coalesce(current, former)}) AS ends
WITH head([e IN ends WHERE e.slug = $from | e.entity]) AS a, head([e IN ends WHERE e.slug = $to | e.entity]) AS b
CALL (a, b) {
  WITH a, b
  WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
  {{pathSearch}}
  WITH p
  WHERE length(p) <= $maxHops
  WITH p, [n IN nodes(p) | n.id] AS slugs, [r IN relationships(p) | r.key] AS keys
  ORDER BY slugs, keys
  LIMIT $first
  WITH collect(p) AS found
  {{pathParts}}
}
RETURN a {.id, .label} AS fromEntity, b {.id, .label} AS toEntity, paths, entities, relations
