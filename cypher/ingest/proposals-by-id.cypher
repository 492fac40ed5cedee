// Proposals by id, with the sentence they cite read from their source's stored text.
UNWIND $ids AS id
MATCH (p:Proposal {id: id})
OPTIONAL MATCH (t:SourceText {source: p.source})
RETURN properties(p) AS props, substring(t.text, p.start, p.end - p.start) AS evidenceText
