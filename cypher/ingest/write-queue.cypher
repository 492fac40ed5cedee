// Stores an ingested source's text (with what its sender said of it, for the Source entity that
// the first accepted proposal creates), its mentions and its proposals for review. Idempotent: the
// text and the mentions are replaced; a proposal whose fingerprint is stored already, pending,
// accepted or rejected, is left as it is, so that ingesting the same text twice repeats nothing.
MERGE (t:SourceText {source: $source})
SET t.text = $text, t.lang = $lang, t.title = $title, t.url = $url, t.published = $published, t.publisher = $publisher, t.ingestedAt = coalesce(t.ingestedAt, datetime()), t.ingestedBy = $by
WITH t
CALL (t) {
  MATCH (old:Mention {source: t.source})
  DETACH DELETE old
}
CALL (t) {
  UNWIND $mentions AS mention
  CREATE (m:Mention {id: mention.id, source: t.source, start: mention.start, end: mention.end,
                     entity: mention.entity, candidates: mention.candidates})
}
CALL (t) {
  UNWIND $proposals AS proposal
  MERGE (p:Proposal {id: proposal.id})
  ON CREATE SET p += proposal.props, p.source = t.source, p.status = 'PENDING', p.createdAt = datetime(), p.createdBy = $by
  RETURN count(*) AS proposals
}
RETURN proposals
