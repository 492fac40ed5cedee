// Sets new sources on relationships that cited a deleted source, and what is derived from them.
// $rows: [{type, from, to, key, sources, cited, fields}], type already checked against the
// allowed types, cited as uncite-entities takes it. Each one updated gets updatedAt/updatedBy
// and an 'updated' :Change naming the fields that changed.
WITH datetime.transaction() AS now
UNWIND $rows AS row
MATCH (:Entity {id: row.from})-[r:$(row.type) {key: row.key}]->(:Entity {id: row.to})
SET r.sources = row.sources,
    r.citationEvidence = row.cited.citationEvidence, r.citations = row.cited.citations,
    r.provenance = row.cited.provenance, r.dateEvidence = row.cited.dateEvidence,
    r.updatedAt = now, r.updatedBy = $by
CREATE (:Change {id: randomUUID(), at: now, by: $by, operation: $operation, action: 'updated',
                 kind: 'relation', type: row.type, from: row.from, to: row.to, key: row.key, fields: row.fields})
RETURN count(*) AS updated
