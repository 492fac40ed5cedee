// Everything that cites a source: entities whose sources list it (a conflict's are those of its
// sides) or one of whose claims may
// (claims are stored as JSON text: $quoted is the id in quotes, and the caller parses the
// claims to be sure), and relationships whose sources list it. Neo4j cannot index membership
// in a list property, so this reads every entity and relationship: deleting a source is a rare
// admin action, and is the only thing that needs it.
MATCH (s:Source {id: $id})
CALL (s) {
  MATCH (e:Entity)
  WHERE e.id <> s.id AND (s.id IN e.sources OR e.claims CONTAINS $quoted)
  RETURN collect({id: e.id, label: e.label, sources: e.sources, claims: e.claims, sides: e.sides}) AS entities
}
CALL (s) {
  MATCH (:Entity)-[r]->(:Entity)
  WHERE s.id IN r.sources
  RETURN collect({type: type(r), from: startNode(r).id, to: endNode(r).id, key: r.key, sources: r.sources}) AS relations
}
RETURN entities, relations
