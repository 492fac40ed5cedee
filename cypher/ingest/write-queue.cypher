// Stores an ingested source's text (with what its sender said of it, for the Source entity that
// the first accepted proposal creates), its mentions and its proposals for review. Idempotent: the
// text and the mentions are replaced; a proposal whose fingerprint is stored already, pending,
// accepted or rejected, is left as it is, so that ingesting the same text twice repeats nothing.
MERGE (t:SourceText {source: $source})
SET t.text = $text, t.lang = $lang, t.title = $title, t.url = $url, t.published = $published, t.publisher = $publisher, t.ingestedAt = coalesce(t.ingestedAt, datetime()), t.ingestedBy = $by
WITH t
// Mentions are merged by id (source and offsets), so that two ingestions of one text at once
// meet on the uniqueness constraint's lock; a mention a curator linked by hand keeps its link. A
// new name's mention keeps the entity proposal it stands for, which links it when accepted.
CALL (t) {
  MATCH (old:Mention {source: t.source})
  WHERE NOT old.id IN [mention IN $mentions | mention.id]
  DETACH DELETE old
}
CALL (t) {
  UNWIND $mentions AS mention
  MERGE (m:Mention {id: mention.id})
  SET m.source = t.source, m.start = mention.start, m.end = mention.end, m.candidates = mention.candidates,
      m.proposal = mention.proposal,
      m.entity = CASE WHEN m.linkedBy IS NULL THEN mention.entity ELSE m.entity END
}
CALL (t) {
  UNWIND $proposals AS proposal
  MERGE (p:Proposal {id: proposal.id})
  ON CREATE SET p += proposal.props, p.source = t.source, p.status = 'PENDING', p.createdAt = datetime(), p.createdBy = $by
  RETURN count(*) AS proposals
}
RETURN proposals
