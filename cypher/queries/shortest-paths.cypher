// Every shortest undirected path between two entities, for the paths query, with each hop's
// relationship as stored (from = its start node) so the caller can cite the sources of every hop.
// A variable-length bound cannot be a parameter: the search is bounded by the literal 6 (the
// largest maxHops the API accepts) and paths longer than $maxHops are dropped (all shortest paths
// have one length, so that keeps all or none). $types: relationship types a path may use, or null
// for any; the predicate is checked during the search, not after it.
// $from/$to come back as labels (null when unknown) so the caller can tell "no path" from "no such
// entity" in the same round trip. At most 200 paths are enumerated; they are put in a stable order
// (their slugs, then relationship keys, hop by hop) and the first $first kept.
OPTIONAL MATCH (a:Entity {id: $from})
OPTIONAL MATCH (b:Entity {id: $to})
CALL (a, b) {
  WITH a, b
  WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
  MATCH p = allShortestPaths((a)-[*1..6]-(b))
  WHERE all(r IN relationships(p) WHERE $types IS NULL OR type(r) IN $types)
  WITH p
  LIMIT 200
  WITH p
  WHERE length(p) <= $maxHops
  WITH p, [n IN nodes(p) | n.id] AS slugs, [r IN relationships(p) | r.key] AS keys
  ORDER BY slugs, keys
  LIMIT $first
  RETURN collect({
    nodes: [n IN nodes(p) | properties(n)],
    edges: [r IN relationships(p) | {id: elementId(r), type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r)}]
  }) AS paths
}
RETURN a.label AS fromLabel, b.label AS toLabel, paths
