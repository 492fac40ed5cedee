// Upserts one batch of entities by slug id. $rows: [{id, label, props}], label already checked
// against the allowed labels. Unlike a relationship type, a label here costs no lookup (the
// entity is found by its :Entity id), so it stays a parameter: one text for Neo4j to plan,
// where a slot would make ten (about a CPU-second each). Properties are replaced as a whole (a
// field removed from the input is removed here too), but only when they differ, so an
// unchanged re-run writes nothing. Returns, per label, what was created, updated and left
// unchanged, and any id that already belongs to an entity of another label (the caller then
// rolls the transaction back).
//
// Audit: createdAt/createdBy are set once, updatedAt/updatedBy on every real change ($by is the
// API key's name, or "seed"/"import" for the command-line loaders), and each real change leaves
// a :Change record of operation $operation; these never count as a difference themselves.
// $load (null for a single-transaction load) names a journaled load: the ids it creates are
// listed in one :SeedUndo node per batch (one write, rather than a mark on every entity that
// had to be removed again at the end), and what it updates leaves its old properties in a
// :SeedUndo node, so that a load split over many transactions can still be undone as a whole.
WITH datetime.transaction() AS now,
     ['createdAt', 'createdBy', 'updatedAt', 'updatedBy', '_seedLoad', '_locked', '_created'] AS bookkeeping,
     ['nameKey', 'searchText', 'searchVariants', 'searchDetails', 'dateFrom', 'dateTo'] AS derived
UNWIND $rows AS row
// MERGE on the unique id takes the id's index lock, so two writers of a new id queue and the
// second finds the first's entity. An entity that exists gets a property write, which takes its
// write lock, before it is read: two writers of one entity (200 clients upserting the same one)
// queue there, so the second sees the first's result and reports it as unchanged. A new entity
// is this transaction's own and needs no such write.
MERGE (n:Entity {id: row.id})
  ON CREATE SET n._created = true, n:$(row.label)
  ON MATCH SET n._locked = true
WITH row, row.props AS given, n, now, bookkeeping, derived
WITH row, n, now, bookkeeping, derived,
     CASE WHEN n._created THEN null ELSE properties(n) END AS before,
     given {.*, id: row.id, label: row.label} AS after,
     CASE WHEN n._created IS NULL AND NOT row.label IN labels(n) THEN row.id END AS clash
WITH row, n, now, derived, before, after, clash,
     CASE WHEN before IS NULL THEN [] ELSE
       [k IN keys(after) WHERE before[k] IS NULL OR before[k] <> after[k]] +
       [k IN keys(before) WHERE after[k] IS NULL AND NOT k IN bookkeeping AND before[k] <> []]
     END AS differing
WITH row, n, now, before, after, clash, differing,
     CASE WHEN before IS NULL THEN 'created' WHEN size(differing) > 0 THEN 'updated' ELSE 'unchanged' END AS outcome,
     // A source's name is its title, so a new title is reported once, as title; other entities' name is their own field.
     [k IN differing WHERE NOT k IN derived AND NOT (k = 'name' AND row.label = 'Source')] AS fields
FOREACH (_ IN CASE WHEN $load IS NOT NULL AND outcome = 'updated' THEN [1] ELSE [] END |
  CREATE (undo:SeedUndo) SET undo = before, undo._locked = null, undo._load = $load, undo._kind = 'node', undo._target = row.id)
FOREACH (_ IN CASE WHEN outcome <> 'unchanged' THEN [1] ELSE [] END |
  SET n = after,
      n.createdAt = CASE WHEN before IS NULL THEN now ELSE before.createdAt END,
      n.createdBy = CASE WHEN before IS NULL THEN $by ELSE before.createdBy END,
      n.updatedAt = now,
      n.updatedBy = $by
  CREATE (:Change {id: randomUUID(), at: now, by: $by, operation: $operation, action: outcome,
                   kind: 'entity', entityId: row.id, label: row.label,
                   fields: CASE WHEN outcome = 'updated' THEN fields END}))
// SET n = after has already removed both from what it wrote; this is for the unchanged.
REMOVE n._locked, n._created
WITH row.label AS label, row.id AS id, outcome, clash
WITH label,
     sum(CASE outcome WHEN 'created' THEN 1 ELSE 0 END) AS created,
     sum(CASE outcome WHEN 'updated' THEN 1 ELSE 0 END) AS updated,
     sum(CASE outcome WHEN 'unchanged' THEN 1 ELSE 0 END) AS unchanged,
     collect(clash) AS clashes,
     collect(CASE WHEN outcome = 'created' THEN id END) AS createdIds
FOREACH (_ IN CASE WHEN $load IS NOT NULL AND size(createdIds) > 0 THEN [1] ELSE [] END |
  CREATE (:SeedUndo {_load: $load, _kind: 'created-nodes', _ids: createdIds}))
RETURN label, created, updated, unchanged, clashes
