// One hop of the breadth-first neighbourhood walk (src/db/repositories/graph.ts): one round trip
// per hop, whatever the size of the frontier. $frontier: slugs reached at the previous hop (the
// start entity at the first); $seen: every slug already in the subgraph (frontier included);
// $budget: how many more entities the subgraph may take (an integer, 0 allowed); $evidence: only
// relationships with a citation of these kinds are followed and returned (null: any).
// The new entities are the frontier's neighbours not yet seen, the first $budget of them in slug
// order. The edges are every relationship between a frontier entity and a new one, and between two
// new ones; with the earlier hops' edges that makes every relationship between two entities of the
// subgraph (an edge skipping a hop would have pulled its far end in a hop earlier). Edges come in
// (type, from, to, key) order, each with its stored properties.
// $includeFrontier returns the frontier entities' own properties too (the first hop, which so
// proves the start entity exists); an unknown frontier slug simply matches nothing.
UNWIND $frontier AS id
MATCH (a:Entity {id: id})
WITH collect(a) AS frontier
CALL (frontier) {
  UNWIND frontier AS a
  MATCH (a)-[r]-(b:Entity)
  WHERE NOT b.id IN $seen AND {{include:fragments/evidence-filter(r)}} AND {{include:fragments/as-of(r)}}
  WITH DISTINCT b
  ORDER BY b.id
  LIMIT $budget
  RETURN collect(b) AS added
}
CALL (frontier, added) {
  UNWIND frontier + added AS a
  MATCH (a)-[r]-(b:Entity)
  WHERE b IN added AND {{include:fragments/evidence-filter(r)}} AND {{include:fragments/as-of(r)}}
  WITH DISTINCT r
  WITH r, startNode(r).id AS from, endNode(r).id AS to
  ORDER BY type(r), from, to, r.key
  RETURN collect({id: elementId(r), type: type(r), from: from, to: to, props: {{include:fragments/relation-props(r)}}}) AS edges
}
RETURN CASE WHEN $includeFrontier THEN [a IN frontier | {{include:fragments/entity-props(a)}}] ELSE [] END AS frontier,
       [b IN added | {{include:fragments/entity-props(b)}}] AS added,
       edges
