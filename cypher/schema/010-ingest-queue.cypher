// The review queue of ingested sources (issue 18): a source's stored text, the names found in it
// and the claims proposed from it. None of these is an :Entity: nothing here is part of the
// graph until a curator accepts it through the curation mutations.
CREATE CONSTRAINT source_text_source IF NOT EXISTS FOR (t:SourceText) REQUIRE t.source IS UNIQUE;
CREATE CONSTRAINT mention_id IF NOT EXISTS FOR (m:Mention) REQUIRE m.id IS UNIQUE;
// A proposal's id is its fingerprint (the claim and the normalized words of its sentence): the
// same text ingested again finds its proposals, rejected ones included, and adds none twice.
CREATE CONSTRAINT proposal_id IF NOT EXISTS FOR (p:Proposal) REQUIRE p.id IS UNIQUE;
CREATE INDEX proposal_status IF NOT EXISTS FOR (p:Proposal) ON (p.status, p.id);
CREATE INDEX proposal_source IF NOT EXISTS FOR (p:Proposal) ON (p.source, p.id);
CREATE INDEX mention_source IF NOT EXISTS FOR (m:Mention) ON (m.source, m.start);
