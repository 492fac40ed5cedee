// Everything the database holds: every node with its labels and properties, every relationship
// with its type, its ends and its properties. Tests hash it before and after requests to show
// they changed nothing at all (test/support/graph-state.ts). Ends are given by elementId only to
// pair a relationship with its nodes; the hash describes nodes by their contents instead.
CALL () {
  MATCH (n)
  RETURN collect({id: elementId(n), labels: labels(n), properties: properties(n)}) AS nodes
}
CALL () {
  MATCH (a)-[r]->(b)
  RETURN collect({type: type(r), from: elementId(a), to: elementId(b), properties: properties(r)}) AS relationships
}
RETURN nodes, relationships
