// Upserts one batch of entities by slug id. $rows: [{id, label, props}], label already checked
// against the allowed labels. Properties are replaced as a whole (a field removed from the
// seed is removed here too), but only when they differ, so an unchanged re-run writes nothing.
// Returns, per label, what was created, updated and left unchanged, and any id that already
// belongs to an entity of another label (the caller then rolls the transaction back).
// $load (null for a single-transaction load) names a journaled load: what it creates is
// marked with _seedLoad, and what it updates leaves its old properties in a :SeedUndo node,
// so that a load split over many transactions can still be undone as a whole.
UNWIND $rows AS row
WITH row, row.props AS given
OPTIONAL MATCH (existing:Entity {id: row.id})
WITH row, existing,
     CASE WHEN existing IS NULL THEN null ELSE properties(existing) END AS before,
     given {.*, id: row.id, label: row.label} AS after
MERGE (n:Entity {id: row.id})
SET n:$(row.label)
FOREACH (_ IN CASE WHEN $load IS NOT NULL AND before IS NOT NULL AND before <> after THEN [1] ELSE [] END |
  CREATE (undo:SeedUndo) SET undo = before, undo._load = $load, undo._kind = 'node', undo._target = row.id)
FOREACH (_ IN CASE WHEN before IS NULL OR before <> after THEN [1] ELSE [] END | SET n = after)
FOREACH (_ IN CASE WHEN $load IS NOT NULL AND before IS NULL THEN [1] ELSE [] END | SET n._seedLoad = $load)
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
