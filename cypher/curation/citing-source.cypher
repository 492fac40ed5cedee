// Everything that cites a source: entities whose sources list it (a conflict's are those of its
// sides) or one of whose claims may (claims are stored as JSON text: $quoted is the slug in
// quotes, and the caller parses the claims to be sure), and relationships whose sources list it,
// through the indexes of cypher/schema/015-source-citations (see the fragments).
CALL () {
  CALL () {
    {{include:fragments/citing-entities}}
  }
  RETURN collect({id: e.id, label: e.label, sources: e.sources, claims: e.claims, sides: e.sides}) AS entities
}
CALL () {
  {{include:fragments/citing-relations}}
  RETURN collect({type: type(r), from: startNode(r).id, to: endNode(r).id, key: r.key, sources: r.sources}) AS relations
}
RETURN entities, relations
