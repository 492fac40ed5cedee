// Sets new sources and claims (and a conflict's sides) on entities that cited a deleted source,
// and what is derived from them. $rows: [{id, sources, claims, sides, cited, forms, fields}],
// claims and sides being JSON text or null (none left); cited holds citationEvidence (one kind
// per source left), citations and provenance (JSON text or null), dateEvidence (null when
// undated) and valueEvidence; forms the search forms derived again when a claim went (its name
// is searched no more), else null; fields the names of the properties that changed. Each one
// updated gets updatedAt/updatedBy and an 'updated' :Change. Ids that are not there (deleted in
// the same transaction) are skipped.
WITH datetime.transaction() AS now
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e.sources = row.sources, e.claims = row.claims, e.sides = row.sides,
    e.citationEvidence = row.cited.citationEvidence, e.citations = row.cited.citations,
    e.provenance = row.cited.provenance, e.dateEvidence = row.cited.dateEvidence, e.valueEvidence = row.cited.valueEvidence,
    e.updatedAt = now, e.updatedBy = $by
SET e += coalesce(row.forms, {})
CREATE (:Change {id: randomUUID(), at: now, by: $by, operation: $operation, action: 'updated',
                 kind: 'entity', entityId: e.id, label: e.label, fields: row.fields})
RETURN count(*) AS updated
