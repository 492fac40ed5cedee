// shortest-paths (see there for the parameters and the answer's shape), keeping entity types out
// of the path: no inner node (every node but the two ends) may carry a label in $excluded, for
// paths(excludeTypes:). The legacy allShortestPaths cannot check a predicate on the inner nodes
// (nodes(p)[1..-1]) while it searches: it checks the paths it found, and when all of them fail it
// falls back to enumerating every path of up to 6 hops and filtering them (PROFILE, Qrator Labs to
// ITU without countries: 28,117 db hits in the fallback's VarLengthExpand for 370 paths). A
// quantified path pattern with ALL SHORTEST checks node and relationship predicates inside the
// search (StatefulShortestPath, "inlined predicates" in the plan): a few hundred db hits for the
// same answer (test/integration/ways-in.test.ts profiles it: 358 at 4 hops with the evidence filter, 2026-12-01).
// The pattern is the ends with between 0 and 5 inner nodes, each reached by a relationship of an
// allowed type and evidence ($evidence, as in shortest-paths); the bound is a literal (a
// quantifier cannot be a parameter) and longer paths than
// $maxHops are dropped after, as in shortest-paths. This statement is used only with exclusions:
// without them the legacy search is cheaper (235 db hits for the same ends).
// {{pathParts}}: the entities and relationships on the paths, as in queries/shortest-paths. The
// ends come back as their slug and label (queries/shortest-paths).
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
  MATCH p = ALL SHORTEST (a) (()-[r WHERE ($types IS NULL OR type(r) IN $types) AND {{include:fragments/evidence-filter(r)}} AND {{include:fragments/as-of(r)}}]-
            (n:Entity WHERE NOT n.label IN $excluded)){0,5}
            ()-[last WHERE ($types IS NULL OR type(last) IN $types) AND {{include:fragments/evidence-filter(last)}} AND {{include:fragments/as-of(last)}}]-(b)
  WITH p
  LIMIT 200
  WITH p
  WHERE length(p) <= $maxHops
  WITH p, [n IN nodes(p) | n.id] AS slugs, [r IN relationships(p) | r.key] AS keys
  ORDER BY slugs, keys
  LIMIT $first
  WITH collect(p) AS found
  {{pathParts}}
}
RETURN a {.id, .label} AS fromEntity, b {.id, .label} AS toEntity, paths, entities, relations
