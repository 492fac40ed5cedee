// Everything that cites a source: entities whose sources list it (a conflict's are those of its
// sides) or one of whose claims may (claims are stored as JSON text: $quoted is the slug in
// quotes, and the caller parses the claims to be sure), and relationships whose sources list it,
// through the indexes of cypher/schema/015-source-citations (see the fragments). With each, what
// is derived from its citations (the evidence of each, the exceptions, the fields' provenance and
// the date's evidence), which the caller writes again without the source; and, for an entity
// one of whose claims cites it, its searched properties, from which the caller derives its
// search forms again when a claim goes (a claim's name is searched as an alias). The others
// keep their forms, so their properties are not read.
CALL () {
  CALL () {
    {{include:fragments/citing-entities}}
  }
  RETURN collect({id: e.id, label: e.label, sources: e.sources, claims: e.claims, sides: e.sides,
                  searched: CASE WHEN e.claims CONTAINS $quoted
                            THEN e {.*, searchText: null, searchVariants: null, searchDetails: null, nameKey: null} ELSE {} END,
                  cited: {evidence: e.evidence, citationEvidence: e.citationEvidence, citations: e.citations,
                          provenance: e.provenance, date: e.date, startDate: e.startDate}}) AS entities
}
CALL () {
  {{include:fragments/citing-relations}}
  RETURN collect({type: type(r), from: startNode(r).id, to: endNode(r).id, key: r.key, sources: r.sources, claims: r.claims,
                  cited: {evidence: r.evidence, citationEvidence: r.citationEvidence, citations: r.citations,
                          provenance: r.provenance, date: r.date, startDate: r.startDate}}) AS relations
}
RETURN entities, relations
