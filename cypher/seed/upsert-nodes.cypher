// Upserts one batch of entities by slug id. $rows: [{id, label, props}], label already checked
// against the allowed labels. Properties are replaced as a whole (a field removed from the
// seed is removed here too), but only when they differ, so an unchanged re-run writes nothing.
// Returns, per label, what was created, updated and left unchanged, and any id that already
// belongs to an entity of another label (the caller then rolls the transaction back).
UNWIND $rows AS row
WITH row, row.props AS given
OPTIONAL MATCH (existing:Entity {id: row.id})
WITH row, existing,
     CASE WHEN existing IS NULL THEN null ELSE properties(existing) END AS before,
     given {.*, id: row.id, label: row.label} AS after
MERGE (n:Entity {id: row.id})
SET n:$(row.label)
FOREACH (_ IN CASE WHEN before IS NULL OR before <> after THEN [1] ELSE [] END | SET n = after)
WITH row.label AS label,
     CASE
       WHEN existing IS NULL THEN 'created'
       WHEN before <> after THEN 'updated'
       ELSE 'unchanged'
     END AS outcome,
     CASE WHEN existing IS NOT NULL AND size(labels(existing)) > 2 THEN row.id END AS clash
RETURN label,
       sum(CASE outcome WHEN 'created' THEN 1 ELSE 0 END) AS created,
       sum(CASE outcome WHEN 'updated' THEN 1 ELSE 0 END) AS updated,
       sum(CASE outcome WHEN 'unchanged' THEN 1 ELSE 0 END) AS unchanged,
       collect(clash) AS clashes
